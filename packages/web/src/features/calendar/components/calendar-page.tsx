import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import {
  type OfficialCalendar,
  type OfficialDayView,
  useDeleteOfficialDay,
  useImportOfficialYear,
  useOfficialCalendar,
  useSaveOfficialDay,
} from "../api/calendar-api";

type Kind = OfficialDayView["kind"];

const KIND_COLORS: Record<Kind, string> = { holiday: "red", workday: "blue" };

function weekdayKey(date: string): MessageKey {
  return `cal.weekday.${dayjs(date).day()}` as MessageKey;
}

/**
 * 节假日与调休安排: the official calendar the district's working-day limits count by. The office sees its years, the
 * days of one, adds or corrects a day and imports a whole year (pasted or from the template); a year not entered is
 * flagged, as its limits then count Monday to Friday.
 */
export function CalendarPage() {
  const t = useT();
  const [year, setYear] = useState<number | undefined>(undefined);
  const calendar = useOfficialCalendar(year);
  const [editing, setEditing] = useState<OfficialDayView | "new" | null>(null);
  const [importing, setImporting] = useState<number | null>(null);
  const data = calendar.data;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("cal.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("cal.intro")}
        </Typography.Paragraph>
      </Card>
      {data?.missingYears.map((missing) => (
        <Alert
          key={missing}
          type="warning"
          showIcon
          message={t("cal.missing", { year: missing })}
          action={
            <Button size="small" onClick={() => setImporting(missing)}>
              {t("cal.enterYear", { year: missing })}
            </Button>
          }
        />
      ))}
      <QueryBoundary isPending={calendar.isPending} error={calendar.error}>
        {() =>
          data ? (
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={9}>
                <YearsCard calendar={data} onSelect={setYear} />
              </Col>
              <Col xs={24} lg={15}>
                <DaysCard
                  calendar={data}
                  onSelect={setYear}
                  onAdd={() => setEditing("new")}
                  onEdit={setEditing}
                  onImport={() => setImporting(data.year)}
                />
              </Col>
            </Row>
          ) : null
        }
      </QueryBoundary>
      {editing !== null && data ? (
        <DayFormModal
          day={editing === "new" ? null : editing}
          year={data.year}
          defaultSource={data.years.find((entry) => entry.year === data.year)?.sources[0] ?? ""}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {importing !== null ? (
        <ImportYearModal
          year={importing}
          onClose={(imported) => {
            setImporting(null);
            if (imported !== undefined) setYear(imported);
          }}
        />
      ) : null}
    </Space>
  );
}

function YearsCard({ calendar, onSelect }: { calendar: OfficialCalendar; onSelect: (year: number) => void }) {
  const t = useT();
  return (
    <Card title={t("cal.years")} styles={{ body: { padding: 0 } }}>
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={calendar.years}
        locale={{ emptyText: t("cal.noYears") }}
        rowClassName={(entry) => (entry.year === calendar.year ? "ant-table-row-selected" : "")}
        columns={[
          {
            title: t("cal.year"),
            dataIndex: "year",
            render: (year: number) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(year)}>
                {t("cal.yearLabel", { year })}
              </Button>
            ),
          },
          {
            title: t("cal.holidayDays"),
            dataIndex: "holidays",
            align: "right",
            render: (count: number) => t("cal.dayCount", { count }),
          },
          {
            title: t("cal.workdayDays"),
            dataIndex: "workdays",
            align: "right",
            render: (count: number) => t("cal.dayCount", { count }),
          },
          {
            title: t("cal.source"),
            dataIndex: "shipped",
            render: (shipped: boolean) =>
              shipped ? <Tag color="green">{t("cal.shipped")}</Tag> : <Tag>{t("cal.edited")}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

function DaysCard({
  calendar,
  onSelect,
  onAdd,
  onEdit,
  onImport,
}: {
  calendar: OfficialCalendar;
  onSelect: (year: number) => void;
  onAdd: () => void;
  onEdit: (day: OfficialDayView) => void;
  onImport: () => void;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const remove = useDeleteOfficialDay();
  const thisYear = Number(calendar.today.slice(0, 4));
  const choices = [...new Set([...calendar.years.map((entry) => entry.year), thisYear, thisYear + 1, calendar.year])];
  const sources = [...new Set(calendar.days.map((day) => day.source))];
  return (
    <Card
      title={
        <Space wrap>
          <Select
            aria-label={t("cal.year")}
            value={calendar.year}
            onChange={onSelect}
            style={{ width: 110 }}
            options={choices
              .sort((a, b) => b - a)
              .map((year) => ({ value: year, label: t("cal.yearLabel", { year }) }))}
          />
          <span>{t("cal.daysOf", { year: calendar.year })}</span>
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Space direction="vertical" size={12} style={{ width: "100%" }}>
        <Space wrap>
          <Button type="primary" onClick={onAdd}>
            {t("cal.add")}
          </Button>
          <Button onClick={onImport}>{t("cal.importYear")}</Button>
          <ExportButton
            path="/api/calendar/export"
            params={{ year: calendar.year }}
            fileName={`${calendar.year}年节假日与调休安排.xlsx`}
            label={t("cal.export")}
          />
        </Space>
        {sources.length > 0 ? (
          <Typography.Text type="secondary">{t("cal.sourceLine", { sources: sources.join("；") })}</Typography.Text>
        ) : null}
        <Table<OfficialDayView>
          rowKey="id"
          size="small"
          scroll={{ x: 620 }}
          pagination={false}
          dataSource={calendar.days}
          locale={{ emptyText: t("cal.noDays", { year: calendar.year }) }}
          columns={[
            { title: t("cal.date"), dataIndex: "date", width: 110 },
            { title: t("cal.weekday"), dataIndex: "date", width: 70, render: (date: string) => t(weekdayKey(date)) },
            {
              title: t("cal.kind"),
              dataIndex: "kind",
              width: 130,
              render: (kind: Kind) => <Tag color={KIND_COLORS[kind]}>{t(`cal.kind.${kind}`)}</Tag>,
            },
            {
              title: t("cal.name"),
              dataIndex: "name",
              render: (name: string, day) => localized(name, day.nameEn),
            },
            {
              title: t("cal.actions"),
              key: "actions",
              width: 120,
              render: (_: unknown, day) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => onEdit(day)}>
                    {t("cal.edit")}
                  </Button>
                  <Popconfirm
                    title={t("cal.deleteConfirm", { date: day.date, name: localized(day.name, day.nameEn) })}
                    okText={t("cal.delete")}
                    cancelText={t("cal.cancel")}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(day.id);
                        message.success(t("cal.deleted", { date: day.date }));
                      } catch (error) {
                        message.error(errorText(error));
                      }
                    }}
                  >
                    <Button type="link" size="small" danger>
                      {t("cal.delete")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

interface DayValues {
  year: number;
  date: Dayjs;
  kind: Kind;
  name: string;
  nameEn?: string;
  source: string;
}

function DayFormModal({
  day,
  year,
  defaultSource,
  onClose,
}: {
  day: OfficialDayView | null;
  year: number;
  defaultSource: string;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const save = useSaveOfficialDay();
  const [form] = Form.useForm<DayValues>();
  const required = (field: MessageKey) => [
    { required: true, whitespace: true, message: t("cal.required", { field: t(field) }) },
  ];
  const submit = async () => {
    const values = await form.validateFields();
    const date = values.date.format("YYYY-MM-DD");
    try {
      await save.mutateAsync({
        id: day?.id ?? null,
        input: {
          year: values.year,
          date,
          kind: values.kind,
          name: values.name,
          nameEn: values.nameEn?.trim() ? values.nameEn : null,
          source: values.source,
        },
      });
      message.success(t("cal.saved", { date }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open
      title={t(day ? "cal.editTitle" : "cal.addTitle")}
      onCancel={onClose}
      onOk={submit}
      okText={t("cal.save")}
      cancelText={t("cal.cancel")}
      confirmLoading={save.isPending}
    >
      <Form<DayValues>
        form={form}
        layout="vertical"
        initialValues={
          day
            ? { ...day, date: dayjs(day.date), nameEn: day.nameEn ?? "" }
            : { year, kind: "holiday", source: defaultSource }
        }
      >
        <Form.Item
          name="year"
          label={t("cal.year")}
          rules={[{ required: true, message: t("cal.required", { field: t("cal.year") }) }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t("cal.date")}
          rules={[{ required: true, message: t("cal.required", { field: t("cal.date") }) }]}
        >
          <DatePicker aria-label={t("cal.date")} />
        </Form.Item>
        <Form.Item name="kind" label={t("cal.kind")}>
          <Radio.Group
            options={(["holiday", "workday"] as const).map((kind) => ({ value: kind, label: t(`cal.kind.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t("cal.name")} extra={t("cal.nameHint")} rules={required("cal.name")}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("cal.nameEn")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="source" label={t("cal.source")} extra={t("cal.sourceHint")} rules={required("cal.source")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ImportValues {
  year: number;
  source: string;
  text?: string;
}

function ImportYearModal({ year, onClose }: { year: number; onClose: (imported?: number) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const importYear = useImportOfficialYear();
  const [form] = Form.useForm<ImportValues>();
  const [tab, setTab] = useState<"paste" | "file">("paste");
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    if (tab === "file" && !file) {
      message.error(t("cal.fileRequired"));
      return;
    }
    try {
      const result = await importYear.mutateAsync(
        tab === "file" && file
          ? { year: values.year, source: values.source, file }
          : { year: values.year, source: values.source, text: values.text ?? "" },
      );
      message.success(t("cal.imported", result));
      onClose(result.year);
    } catch (error) {
      message.error({ content: errorText(error), duration: 8 });
    }
  };
  return (
    <Modal
      open
      title={t("cal.importTitle")}
      onCancel={() => onClose()}
      onOk={submit}
      okText={t("cal.import")}
      cancelText={t("cal.cancel")}
      confirmLoading={importYear.isPending}
      width={640}
    >
      <Alert type="info" showIcon message={t("cal.importReplaces")} style={{ marginBottom: 12 }} />
      <Form<ImportValues> form={form} layout="vertical" initialValues={{ year }}>
        <Form.Item
          name="year"
          label={t("cal.year")}
          rules={[{ required: true, message: t("cal.required", { field: t("cal.year") }) }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t("cal.source")}
          extra={t("cal.sourceHint")}
          rules={[{ required: true, whitespace: true, message: t("cal.required", { field: t("cal.source") }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as "paste" | "file")}
          items={[
            {
              key: "paste",
              label: t("cal.pasteTab"),
              children: (
                <Form.Item
                  name="text"
                  label={t("cal.pasteLabel")}
                  extra={t("cal.pasteHint")}
                  rules={[
                    {
                      required: tab === "paste",
                      whitespace: true,
                      message: t("cal.required", { field: t("cal.pasteLabel") }),
                    },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 6, maxRows: 14 }} placeholder={t("cal.pastePlaceholder")} />
                </Form.Item>
              ),
            },
            {
              key: "file",
              label: t("cal.fileTab"),
              children: (
                <Space direction="vertical">
                  <a href="/api/calendar/template">{t("cal.template")}</a>
                  <Upload
                    accept=".xlsx"
                    maxCount={1}
                    beforeUpload={(chosen) => {
                      setFile(chosen);
                      return false;
                    }}
                    onRemove={() => setFile(null)}
                  >
                    <Button icon={<UploadOutlined />}>{t("cal.chooseFile")}</Button>
                  </Upload>
                </Space>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
