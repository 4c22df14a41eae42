import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useEnterprises } from "../../enterprises";
import { useUnitName, useUnits } from "../../units";
import {
  type ServiceDay,
  useCreateServiceDay,
  useDeleteServiceDay,
  useServiceDay,
  useServiceDays,
  useUpdateServiceDay,
} from "../api/requests-api";
import { handlingUnits } from "./handling-units";
import { RatingTag, RequestLightTag, RequestStatusTag } from "./request-labels";

interface ServiceDayForm {
  heldOn: Dayjs;
  theme: string;
  venue?: string;
  note?: string;
  unitIds: number[];
  enterpriseIds: number[];
}

function CollectedRequests({ serviceDayId }: { serviceDayId: number }) {
  const t = useT();
  const detail = useServiceDay(serviceDayId);
  return (
    <QueryBoundary isPending={detail.isPending} error={detail.error}>
      {() => (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={detail.data?.requests ?? []}
          locale={{ emptyText: t("rq.empty") }}
          columns={[
            {
              title: t("rq.titleField"),
              key: "title",
              render: (_, request) => <Link to={`/requests/${request.id}`}>{request.title}</Link>,
            },
            { title: t("rq.enterprise"), key: "enterprise", render: (_, request) => request.enterprise.name },
            { title: t("rq.unit"), key: "unit", render: (_, request) => request.unit?.name ?? "—" },
            {
              title: t("rq.status"),
              key: "status",
              render: (_, request) => (
                <Space size={4} wrap>
                  <RequestStatusTag status={request.status} />
                  <RequestLightTag request={request} />
                  <RatingTag rating={request.rating} />
                </Space>
              ),
            },
          ]}
        />
      )}
    </QueryBoundary>
  );
}

/** 企业服务日: the events, who attended, whom they served, and the requests collected there. */
export function ServiceDaysPage() {
  const t = useT();
  const dateText = useDateText();
  const unitName = useUnitName();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const user = useCurrentUser().data;
  const isOffice = user?.role === "office";
  const days = useServiceDays();
  /** The dialog: a new event, or the event being edited. */
  const [dialog, setDialog] = useState<"new" | ServiceDay | null>(null);
  const creating = dialog !== null;
  const editing = dialog !== null && dialog !== "new" ? dialog : null;
  const [search, setSearch] = useState("");
  const units = useUnits({ enabled: creating });
  const enterprises = useEnterprises({ q: search || undefined, page: 1, pageSize: 50 }, { enabled: creating });
  const create = useCreateServiceDay();
  const update = useUpdateServiceDay();
  const remove = useDeleteServiceDay();
  const [form] = Form.useForm<ServiceDayForm>();
  // The event's own enterprises stay choosable while the search shows others.
  const enterpriseOptions = new Map<number, string>((editing?.enterprises ?? []).map((e) => [e.id, e.name]));
  for (const e of enterprises.data?.items ?? []) enterpriseOptions.set(e.id, e.name);

  const openEdit = (day: ServiceDay) => {
    form.setFieldsValue({
      heldOn: dayjs(day.heldOn),
      theme: day.theme,
      venue: day.venue,
      note: day.note,
      unitIds: day.units.map((u) => u.id),
      enterpriseIds: day.enterprises.map((e) => e.id),
    });
    setDialog(day);
  };
  const openNew = () => {
    form.resetFields();
    setDialog("new");
  };

  const save = async () => {
    const values = await form.validateFields();
    const input = { ...values, heldOn: values.heldOn.format("YYYY-MM-DD") };
    try {
      if (editing) await update.mutateAsync({ id: editing.id, ...input });
      else await create.mutateAsync(input);
      message.success(t("rq.done"));
      form.resetFields();
      setDialog(null);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const confirmDelete = (day: ServiceDay) =>
    modal.confirm({
      title: t("sd.deleteConfirm", { theme: day.theme }),
      okText: t("common.confirm"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(day.id);
          message.success(t("rq.done"));
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });

  return (
    <Card>
      <Space style={{ width: "100%", justifyContent: "space-between" }} align="start" wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("sd.title")}
        </Typography.Title>
        {isOffice ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
            {t("sd.new")}
          </Button>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t("sd.intro")}</Typography.Paragraph>
      <QueryBoundary isPending={days.isPending} error={days.error}>
        {() => (
          <Table<ServiceDay>
            rowKey="id"
            scroll={{ x: "max-content" }}
            dataSource={days.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{ expandedRowRender: (day) => <CollectedRequests serviceDayId={day.id} /> }}
            columns={[
              { title: t("sd.heldOn"), dataIndex: "heldOn", width: 150, render: (value: string) => dateText(value) },
              { title: t("sd.theme"), dataIndex: "theme" },
              { title: t("sd.venue"), dataIndex: "venue", width: 180 },
              {
                title: t("sd.units"),
                key: "units",
                render: (_, day) => (
                  <Space size={[4, 4]} wrap>
                    {day.units.map((unit) => (
                      <Tag key={unit.id}>{unitName(unit)}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t("sd.enterprises"),
                key: "enterprises",
                render: (_, day) => day.enterprises.map((e) => e.name).join("、") || "—",
              },
              {
                title: t("sd.requests"),
                key: "requests",
                width: 130,
                render: (_, day) => t("sd.requestCount", { count: day.requestCount, closed: day.closedCount }),
              },
              ...(isOffice
                ? [
                    {
                      title: t("sd.actions"),
                      key: "actions",
                      width: 170,
                      render: (_: unknown, day: ServiceDay) => (
                        <Space size={0}>
                          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openEdit(day)}>
                            {t("sd.edit")}
                          </Button>
                          <Button
                            type="link"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            disabled={day.requestCount > 0}
                            title={day.requestCount > 0 ? t("sd.deleteLinked") : undefined}
                            onClick={() => confirmDelete(day)}
                          >
                            {t("sd.delete")}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryBoundary>
      <Modal
        open={creating}
        title={editing ? t("sd.editTitle") : t("sd.new")}
        onCancel={() => setDialog(null)}
        onOk={save}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        confirmLoading={create.isPending || update.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ unitIds: [], enterpriseIds: [] }}>
          <Form.Item name="heldOn" label={t("sd.heldOn")} rules={[{ required: true }]}>
            <DatePicker aria-label={t("sd.heldOn")} />
          </Form.Item>
          <Form.Item name="theme" label={t("sd.theme")} rules={[{ required: true, max: 100 }]}>
            <Input aria-label={t("sd.theme")} />
          </Form.Item>
          <Form.Item name="venue" label={t("sd.venue")}>
            <Input aria-label={t("sd.venue")} />
          </Form.Item>
          <Form.Item name="unitIds" label={t("sd.units")}>
            <Select
              aria-label={t("sd.units")}
              mode="multiple"
              optionFilterProp="label"
              options={handlingUnits(units.data).map((unit) => ({ value: unit.id, label: unitName(unit) }))}
            />
          </Form.Item>
          <Form.Item name="enterpriseIds" label={t("sd.enterprises")}>
            <Select
              aria-label={t("sd.enterprises")}
              mode="multiple"
              filterOption={false}
              onSearch={setSearch}
              options={[...enterpriseOptions].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t("sd.note")}>
            <Input.TextArea aria-label={t("sd.note")} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
