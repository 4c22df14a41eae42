import type { DesignationBody, ListingStage, ScaleStatus, ServiceNoteKind } from "@beizeng/contract/register";
import {
  DESIGNATION_KINDS,
  DESIGNATION_LEVELS,
  LISTING_STAGES,
  SCALE_STATUSES,
  SERVICE_NOTE_KINDS,
} from "@beizeng/domain/register/vocabulary";
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useDateText } from "../../../shared/format/dates";
import { formatFigureValue } from "../../../shared/format/metrics";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { isMessageKey, useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnits } from "../../units";
import type { EnterpriseDetail } from "../api/enterprises-api";
import { usePlanChains } from "../api/plan-chains";
import {
  type HistoryEntry,
  type Profile,
  useAddDesignation,
  useAddListingEvent,
  useAddServiceNote,
  useEnterpriseHistory,
  useLeaders,
  useRemoveDesignation,
  useSetScaleYear,
  useUpdateProfile,
} from "../api/register-api";

const statusColors: Record<string, string> = { above: "green", reserve: "gold", other: "default" };

function useFeedback() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  return {
    onSuccess: () => void message.success(t("common.saved")),
    onError: (error: unknown) => void message.error(errorText(error)),
  };
}

/** Contact fields the enterprise keeps itself (and the office may correct). */
export function ProfileCard({ enterprise, canEdit }: { enterprise: EnterpriseDetail; canEdit: boolean }) {
  const t = useT();
  const feedback = useFeedback();
  const update = useUpdateProfile(enterprise.id);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Profile>();
  const profile = enterprise.profile;
  const fields = ["contactName", "contactPhone", "contactEmail", "address", "businessScope"] as const;
  return (
    <Card
      size="small"
      title={t("reg.profile")}
      extra={
        canEdit ? (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue(profile ?? {});
              setEditing(true);
            }}
          >
            {t("reg.editProfile")}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={fields.map((field) => ({
          key: field,
          label: t(`reg.${field}`),
          children: profile?.[field] || "—",
        }))}
      />
      <Modal
        open={editing}
        title={t("reg.editProfile")}
        onCancel={() => setEditing(false)}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={update.isPending}
        onOk={async () => {
          const values = await form.validateFields();
          update.mutate(values, {
            onSuccess: () => {
              feedback.onSuccess();
              setEditing(false);
            },
            onError: feedback.onError,
          });
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="contactName" label={t("reg.contactName")}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t("reg.contactPhone")}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="contactEmail"
            label={t("reg.contactEmail")}
            rules={[{ type: "email", message: t("reg.emailInvalid") }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t("reg.address")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="businessScope" label={t("reg.businessScope")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** Above-scale history with the distance to the threshold, and designations. */
export function ScaleAndDesignationsCard({ enterprise, canEdit }: { enterprise: EnterpriseDetail; canEdit: boolean }) {
  const t = useT();
  const feedback = useFeedback();
  const setScale = useSetScaleYear(enterprise.id);
  const addDesignation = useAddDesignation(enterprise.id);
  const removeDesignation = useRemoveDesignation(enterprise.id);
  const [scaleForm] = Form.useForm<{ year: number; status: ScaleStatus }>();
  const [designationForm] = Form.useForm<DesignationBody>();
  const year = new Date().getFullYear();
  return (
    <Card size="small" title={t("enterprises.scaleHistory")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {enterprise.reserveDistanceFen ? (
          <Typography.Text>
            {t("reg.reserveDistanceLine", {
              threshold: formatFenForDisplay(enterprise.thresholdFen ?? null, "万元"),
              revenue: formatFenForDisplay(enterprise.latestRevenueFen ?? "0", "万元"),
              distance: formatFenForDisplay(enterprise.reserveDistanceFen, "万元"),
            })}
          </Typography.Text>
        ) : null}
        {enterprise.scaleHistory.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noData")} />
        ) : (
          <Space wrap>
            {enterprise.scaleHistory.map((entry) => (
              <Tag
                key={entry.year}
                color={statusColors[entry.status]}
                closable={canEdit}
                onClose={(event) => {
                  event.preventDefault();
                  setScale.mutate({ year: entry.year, status: null }, feedback);
                }}
              >
                {entry.year}
                {t("common.colon")}
                {t(`scaleStatus.${entry.status}`)}
              </Tag>
            ))}
          </Space>
        )}
        {canEdit ? (
          <Form
            form={scaleForm}
            layout="inline"
            initialValues={{ year: year - 1, status: "above" }}
            onFinish={(values) => setScale.mutate(values, feedback)}
          >
            <Form.Item name="year" label={t("figures.year")}>
              <InputNumber min={1990} max={2100} />
            </Form.Item>
            <Form.Item name="status" label={t("enterprises.status")}>
              <Select
                style={{ width: 110 }}
                options={SCALE_STATUSES.map((s) => ({
                  value: s,
                  label: t(`scaleStatus.${s}`),
                }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={setScale.isPending}>
              {t("reg.setScale")}
            </Button>
          </Form>
        ) : null}
        <Typography.Text strong>{t("reg.designations")}</Typography.Text>
        {(enterprise.designations ?? []).length === 0 ? (
          <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
        ) : (
          <Space wrap>
            {(enterprise.designations ?? []).map((d) => (
              <Tag
                key={d.id}
                color="purple"
                closable={canEdit}
                onClose={(event) => {
                  event.preventDefault();
                  removeDesignation.mutate(d.id, feedback);
                }}
              >
                {d.year} {t(`level.${d.level as "national"}`)}
                {t(`designation.${d.kind as "specialized"}`)}
              </Tag>
            ))}
          </Space>
        )}
        {canEdit ? (
          <Form
            form={designationForm}
            layout="inline"
            initialValues={{ kind: "specialized", level: "provincial", year: year - 1 }}
            onFinish={(values) => addDesignation.mutate(values, feedback)}
          >
            <Form.Item name="kind">
              <Select
                aria-label={t("reg.designation")}
                style={{ width: 120 }}
                options={DESIGNATION_KINDS.map((k) => ({ value: k, label: t(`designation.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="level">
              <Select
                aria-label={t("reg.level")}
                style={{ width: 100 }}
                options={DESIGNATION_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              />
            </Form.Item>
            <Form.Item name="year">
              <InputNumber aria-label={t("figures.year")} min={1990} max={2100} />
            </Form.Item>
            <Button htmlType="submit" loading={addDesignation.isPending}>
              {t("reg.addDesignation")}
            </Button>
          </Form>
        ) : null}
      </Space>
    </Card>
  );
}

/** The listing pipeline with dates. */
export function ListingCard({ enterprise, canEdit }: { enterprise: EnterpriseDetail; canEdit: boolean }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const feedback = useFeedback();
  const add = useAddListingEvent(enterprise.id);
  const [form] = Form.useForm<{ stage: ListingStage; date: Dayjs; note?: string }>();
  const events = enterprise.listingEvents ?? [];
  return (
    <Card
      size="small"
      title={t("reg.listing")}
      extra={
        enterprise.listingStage ? <Tag color="blue">{codeLabel("listingStage", enterprise.listingStage)}</Tag> : null
      }
    >
      {events.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("common.none")}</Typography.Paragraph>
      ) : (
        <Timeline
          items={events.map((event) => ({
            key: event.id,
            children: `${event.date} ${codeLabel("listingStage", event.stage)}${event.note ? `：${event.note}` : ""}`,
          }))}
        />
      )}
      {canEdit ? (
        <Form
          form={form}
          layout="inline"
          initialValues={{ stage: "display" }}
          onFinish={(values) =>
            add.mutate({ stage: values.stage, date: values.date.format("YYYY-MM-DD"), note: values.note }, feedback)
          }
        >
          <Form.Item name="stage">
            <Select
              aria-label={t("enterprises.listingStage")}
              style={{ width: 120 }}
              options={LISTING_STAGES.map((s) => ({ value: s, label: t(`listingStage.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true, message: t("reg.dateRequired") }]}>
            <DatePicker aria-label={t("reg.date")} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t("reg.note")} maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t("reg.addListing")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** The assigned leader's visit log and 一企一策 notes. */
export function ServiceNotesCard({ enterprise, canAdd }: { enterprise: EnterpriseDetail; canAdd: boolean }) {
  const t = useT();
  const feedback = useFeedback();
  const add = useAddServiceNote(enterprise.id);
  const [form] = Form.useForm<{ kind: ServiceNoteKind; date: Dayjs; content: string }>();
  const notes = enterprise.serviceNotes ?? [];
  return (
    <Card
      size="small"
      title={t("reg.serviceNotes")}
      extra={
        <span>
          {t("reg.leader")}：{enterprise.leader?.name ?? "—"}
        </span>
      }
    >
      {notes.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("common.none")}</Typography.Paragraph>
      ) : (
        <Timeline
          items={notes.map((note) => ({
            key: note.id,
            color: note.kind === "policy" ? "red" : "blue",
            children: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {note.date} {t(`reg.noteKind.${note.kind}`)} · {note.author ?? "—"}
                </Typography.Text>
                <Typography.Text>{note.content}</Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
      {canAdd ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: "visit" }}
          onFinish={(values) =>
            add.mutate(
              { kind: values.kind, date: values.date.format("YYYY-MM-DD"), content: values.content },
              {
                onSuccess: () => {
                  feedback.onSuccess();
                  form.resetFields(["content"]);
                },
                onError: feedback.onError,
              },
            )
          }
        >
          <Space wrap>
            <Form.Item name="kind" noStyle>
              <Select
                aria-label={t("reg.noteKind")}
                style={{ width: 120 }}
                options={SERVICE_NOTE_KINDS.map((k) => ({ value: k, label: t(`reg.noteKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="date" noStyle rules={[{ required: true, message: t("reg.dateRequired") }]}>
              <DatePicker aria-label={t("reg.date")} />
            </Form.Item>
          </Space>
          <Form.Item
            name="content"
            style={{ marginTop: 8 }}
            rules={[{ required: true, message: t("reg.contentRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={4000} placeholder={t("reg.contentPlaceholder")} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t("reg.addNote")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

// Record ids and the demo flag say nothing to a reader of the history.
const hiddenHistoryFields = new Set([
  "designationId",
  "chainRoleId",
  "eventId",
  "noteId",
  "figureId",
  "recordId",
  "isDemo",
]);

/** A change's fields in words, in the reader's language and punctuation: labels and values (units by name, money in 万元, codes translated). */
function useChangeText(): (value: Record<string, unknown> | null) => string {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const dateText = useDateText();
  const units = useUnits();
  const chains = usePlanChains();
  const currentUser = useCurrentUser();
  const leaders = useLeaders(currentUser.data?.role === "office");
  const unitName = (match: (unit: { id: number; code: string }) => boolean, fallback: string) => {
    const unit = units.data?.find(match);
    return unit ? localized(unit.name, unit.nameEn) : fallback;
  };
  const valueText = (key: string, value: unknown, record: Record<string, unknown>): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    switch (key) {
      case "chainId":
        return chains.name(String(value));
      case "townUnitId":
        return unitName((unit) => unit.id === Number(value), String(value));
      case "townUnitCode":
        return unitName((unit) => unit.code === value, String(value));
      case "leaderUserId": {
        const leader = leaders.data?.find((user) => user.id === Number(value));
        return leader ? leader.displayName : t("reg.field.accountN", { id: String(value) });
      }
      case "status":
        return codeLabel("scaleStatus", String(value));
      case "stage":
      case "listingStage":
        return codeLabel("listingStage", String(value));
      case "kind":
        return isMessageKey(`designation.${value}`)
          ? t(`designation.${value}` as "designation.specialized")
          : codeLabel("reg.noteKind", String(value));
      case "level":
        return codeLabel("level", String(value));
      case "role":
        return isMessageKey(`chainRole.role.${value}`)
          ? t(`chainRole.role.${value}` as "chainRole.role.leader")
          : String(value);
      case "metric":
        return codeLabel("metric", String(value));
      case "value":
        return typeof record.metric === "string" ? formatFigureValue(record.metric, String(value)) : String(value);
      case "date":
        return dateText(String(value));
      case "scaleYears":
        return Array.isArray(value)
          ? value
              .map(
                (entry: { year?: number; status?: string }) =>
                  `${entry.year}${t("common.colon")}${codeLabel("scaleStatus", entry.status)}`,
              )
              .join(t("common.comma"))
          : String(value);
      default:
        return typeof value === "object" ? JSON.stringify(value) : String(value);
    }
  };
  return (value) => {
    if (!value) return "—";
    const parts = Object.entries(value)
      .filter(([key]) => !hiddenHistoryFields.has(key))
      .map(([key, v]) => {
        const label = isMessageKey(`reg.field.${key}`) ? t(`reg.field.${key}` as "reg.field.name") : key;
        return `${label}${t("common.colon")}${valueText(key, v, value)}`;
      });
    return parts.length > 0 ? parts.join(t("common.semicolon")) : "—";
  };
}

/** Every audited change of this enterprise. */
export function HistoryCard({ enterpriseId }: { enterpriseId: string }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const history = useEnterpriseHistory(enterpriseId, true);
  const describe = useChangeText();
  const dateText = useDateText();
  return (
    <Card size="small" title={t("reg.history")}>
      <Table<HistoryEntry>
        rowKey="seq"
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t("audit.at"),
            dataIndex: "at",
            width: 150,
            render: (at: string) => dateText(at, "minute"),
          },
          { title: t("audit.actor"), dataIndex: "actor", width: 120 },
          {
            title: t("audit.action"),
            key: "action",
            width: 150,
            render: (_, entry) => `${codeLabel("action", entry.action)} ${codeLabel("reg.entity", entry.entityType)}`,
          },
          { title: t("audit.before"), key: "before", width: "30%", render: (_, entry) => describe(entry.before) },
          { title: t("audit.after"), key: "after", width: "30%", render: (_, entry) => describe(entry.after) },
        ]}
      />
    </Card>
  );
}
