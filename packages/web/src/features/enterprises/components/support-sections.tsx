import { PlusOutlined } from "@ant-design/icons";
import { amountInUnit } from "@beizeng/domain/money";
import {
  App,
  Button,
  Card,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { type ReactNode, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import type { EnterpriseDetail } from "../api/enterprises-api";
import {
  type EnterpriseSupport,
  type Grant,
  type RewardEvent,
  type SupportProvenance,
  type TechProject,
  useConfirmSupport,
  useEnterpriseSupport,
  useSaveEvent,
  useSaveGrant,
  useSaveTechProject,
} from "../api/support-api";

const AMOUNT_PATTERN = /^\d+(\.\d+)?$/;
const at = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");
/** Fen as exact decimal 万元 text, to prefill a correction form. */
const fenToWanText = (fen: string) => amountInUnit(BigInt(fen), "万元");

function Struck({ row, children }: { row: SupportProvenance; children: ReactNode }) {
  return (
    <Typography.Text delete={row.supersededBy !== null} type={row.supersededBy !== null ? "secondary" : undefined}>
      {children}
    </Typography.Text>
  );
}

/** Source, official or self-reported, who and when, and for a corrected row who corrected it and when. */
function useProvenanceColumns<R extends SupportProvenance>(): ColumnsType<R> {
  const t = useT();
  const codeLabel = useCodeLabel();
  return [
    {
      title: t("sup.source"),
      key: "source",
      width: 260,
      render: (_: unknown, row: R) => (
        <Space size={4} wrap>
          {codeLabel("sourceKind", row.sourceKind)}
          {row.source ? <Typography.Text type="secondary">{row.source}</Typography.Text> : null}
          {row.official ? <Tag color="blue">{t("figures.official")}</Tag> : <Tag color="gold">{t("sup.pending")}</Tag>}
          {row.supersededBy !== null ? (
            <Tag>
              {row.correctedBy
                ? t("sup.correctedBy", { who: row.correctedBy, at: at(row.correctedAt) })
                : t("figures.superseded")}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t("reg.recordedAt"), key: "recordedAt", width: 140, render: (_: unknown, row: R) => at(row.recordedAt) },
  ];
}

function RowActions({
  row,
  canCorrect,
  canConfirm,
  onCorrect,
  onConfirm,
}: {
  row: SupportProvenance;
  canCorrect: boolean;
  canConfirm: boolean;
  onCorrect: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  if (row.supersededBy !== null) return null;
  return (
    <Space size={0}>
      {canCorrect ? (
        <Button size="small" type="link" onClick={onCorrect}>
          {t("sup.correct")}
        </Button>
      ) : null}
      {canConfirm && !row.official ? (
        <Popconfirm title={t("sup.confirmQuestion")} onConfirm={onConfirm}>
          <Button size="small" type="link">
            {t("sup.confirm")}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

function FormHint({ selfReport, correcting }: { selfReport: boolean; correcting: boolean }) {
  const t = useT();
  return (
    <Typography.Paragraph type="secondary">
      {[selfReport ? t("sup.selfReportHint") : null, correcting ? t("sup.correctionHint") : null]
        .filter(Boolean)
        .join(" ")}
    </Typography.Paragraph>
  );
}

const thisYear = () => new Date().getFullYear();

/** The row a modal corrects, or null when it adds one (or is closed). */
const correctedRow = <R,>(editing: R | "new" | null): R | null => (editing === "new" ? null : editing);

/** How a save ends: "saved" (or, for an enterprise's own report, "awaiting confirmation") and close; or the error. */
function useSaveOutcome(onClose: () => void) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  return {
    // Only grants and tech projects answer `official`; an event is always entered by staff.
    onSuccess: (answer: { id: number; official?: boolean }) => {
      void message.success(answer.official === false ? t("sup.selfReportSaved") : t("common.saved"));
      onClose();
    },
    onError: (error: unknown) => void message.error(errorText(error)),
  };
}

/** The modal a support row is added or corrected in: the hint for a self-report or a correction, then the form. */
function SupportFormModal({
  open,
  title,
  form,
  name,
  initialValues,
  selfReport,
  correcting,
  saving,
  onOk,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  form: FormInstance;
  name: string;
  initialValues: object;
  selfReport: boolean;
  correcting: boolean;
  saving: boolean;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormHint selfReport={selfReport} correcting={correcting} />
      <Form form={form} name={name} layout="vertical" preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

function YearItem() {
  const t = useT();
  return (
    <Form.Item name="year" label={t("figures.year")} rules={[{ required: true }]}>
      <InputNumber min={2000} max={thisYear()} />
    </Form.Item>
  );
}

/** An amount typed in 万元 or 元: required, a non-negative decimal. */
function AmountItem({ name, label, width }: { name: string; label: string; width: number }) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required: true, message: t("sup.amountRequired") },
        { pattern: AMOUNT_PATTERN, message: t("sup.amountInvalid") },
      ]}
    >
      <Input style={{ width }} inputMode="decimal" />
    </Form.Item>
  );
}

function MoneyUnitItem({ width }: { width: number }) {
  const t = useT();
  return (
    <Form.Item name="unit" label={t("imp.unit")}>
      <Select style={{ width }} options={["万元", "元"].map((u) => ({ value: u, label: u }))} />
    </Form.Item>
  );
}

function GrantModal({
  enterpriseId,
  editing,
  selfReport,
  onClose,
}: {
  enterpriseId: number;
  editing: Grant | "new" | null;
  selfReport: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useSaveGrant(enterpriseId);
  const outcome = useSaveOutcome(onClose);
  const correcting = correctedRow(editing);
  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      { input: { ...values, amount: String(values.amount), note: values.note ?? "" }, correcting: correcting?.id },
      outcome,
    );
  };
  return (
    <SupportFormModal
      open={editing !== null}
      title={correcting ? t("sup.correctTitle", { code: correcting.code }) : t("sup.addGrant")}
      form={form}
      name="support-grant"
      initialValues={
        correcting
          ? { ...correcting, amount: fenToWanText(correcting.amountFen), unit: "万元" }
          : { year: thisYear() - 1, level: "national", purpose: "project", unit: "万元", note: "" }
      }
      selfReport={selfReport}
      correcting={correcting !== null}
      saving={save.isPending}
      onOk={submit}
      onClose={onClose}
    >
      <Form.Item name="code" label={t("sup.code")} rules={[{ required: true, message: t("sup.codeRequired") }]}>
        <Input maxLength={100} placeholder={t("sup.codePlaceholder")} />
      </Form.Item>
      <Space wrap>
        <YearItem />
        <Form.Item name="level" label={t("reg.level")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={["national", "provincial", "municipal"].map((level) => ({
              value: level,
              label: t(`level.${level}` as "level.national"),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="purpose" label={t("sup.purpose")} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: "project", label: t("sup.purpose.project") },
            { value: "tech", label: t("sup.purpose.tech") },
          ]}
        />
      </Form.Item>
      <Space wrap align="start">
        <AmountItem name="amount" label={t("sup.amount")} width={200} />
        <MoneyUnitItem width={100} />
      </Space>
      <Form.Item name="note" label={t("sup.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </SupportFormModal>
  );
}

function TechModal({
  enterpriseId,
  editing,
  selfReport,
  onClose,
}: {
  enterpriseId: number;
  editing: TechProject | "new" | null;
  selfReport: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useSaveTechProject(enterpriseId);
  const outcome = useSaveOutcome(onClose);
  const correcting = correctedRow(editing);
  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      {
        input: {
          ...values,
          investment: String(values.investment),
          equipmentInvoices: String(values.equipmentInvoices),
          techFundsReceived: Boolean(values.techFundsReceived),
        },
        correcting: correcting?.id,
      },
      outcome,
    );
  };
  return (
    <SupportFormModal
      open={editing !== null}
      title={correcting ? t("sup.correctTitle", { code: correcting.code }) : t("sup.addTech")}
      form={form}
      name="support-tech"
      initialValues={
        correcting
          ? {
              ...correcting,
              investment: fenToWanText(correcting.investmentFen),
              equipmentInvoices: fenToWanText(correcting.equipmentInvoicesFen),
              unit: "万元",
            }
          : { year: thisYear() - 1, unit: "万元", techFundsReceived: false }
      }
      selfReport={selfReport}
      correcting={correcting !== null}
      saving={save.isPending}
      onOk={submit}
      onClose={onClose}
    >
      <Space wrap>
        <Form.Item name="code" label={t("sup.techCode")} rules={[{ required: true, message: t("sup.codeRequired") }]}>
          <Input maxLength={100} style={{ width: 200 }} />
        </Form.Item>
        <YearItem />
      </Space>
      <Form.Item name="name" label={t("sup.techName")} rules={[{ required: true, message: t("sup.nameRequired") }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap align="start">
        <AmountItem name="investment" label={t("sup.investment")} width={160} />
        <AmountItem name="equipmentInvoices" label={t("sup.invoices")} width={160} />
        <MoneyUnitItem width={90} />
      </Space>
      <Form.Item name="techFundsReceived" label={t("sup.techFunds")} valuePropName="checked">
        <Switch checkedChildren={t("common.yes")} unCheckedChildren={t("common.no")} />
      </Form.Item>
      <Typography.Text type="secondary">{t("sup.techRuleHint")}</Typography.Text>
    </SupportFormModal>
  );
}

function EventModal({
  enterpriseId,
  editing,
  onClose,
}: {
  enterpriseId: number;
  editing: RewardEvent | "new" | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useSaveEvent(enterpriseId);
  const outcome = useSaveOutcome(onClose);
  const correcting = correctedRow(editing);
  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      {
        input: { ...values, kind: correcting?.kind ?? values.kind, note: values.note ?? "" },
        correcting: correcting?.id,
      },
      outcome,
    );
  };
  return (
    <SupportFormModal
      open={editing !== null}
      title={correcting ? t("sup.correctEvent") : t("sup.addEvent")}
      form={form}
      name="support-event"
      initialValues={correcting ?? { kind: "listed_move_in", year: thisYear() - 1, note: "" }}
      selfReport={false}
      correcting={correcting !== null}
      saving={save.isPending}
      onOk={submit}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t("sup.kind")} rules={[{ required: true }]}>
        <Radio.Group
          disabled={correcting !== null}
          options={[
            { value: "listed_move_in", label: t("sup.event.listed_move_in") },
            { value: "top500_settled", label: t("sup.event.top500_settled") },
          ]}
        />
      </Form.Item>
      <YearItem />
      <Form.Item name="note" label={t("sup.note")}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t("sup.eventNotePlaceholder")} />
      </Form.Item>
    </SupportFormModal>
  );
}

function SupportTabs({ enterprise, support }: { enterprise: EnterpriseDetail; support: EnterpriseSupport }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { access } = support;
  const mayEnter = access.grants || access.selfReport;
  const [grantEditing, setGrantEditing] = useState<Grant | "new" | null>(null);
  const [techEditing, setTechEditing] = useState<TechProject | "new" | null>(null);
  const [eventEditing, setEventEditing] = useState<RewardEvent | "new" | null>(null);
  const [tab, setTab] = useState("grants");
  const confirm = useConfirmSupport();
  const confirmRow = (kind: "grant" | "tech", id: number) =>
    confirm.mutate(
      { kind, id },
      {
        onSuccess: () => void message.success(t("sup.confirmed")),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  // The enterprise corrects only its own pending reports; staff with the right correct any live row.
  const canCorrect = (row: SupportProvenance) => access.grants || (access.selfReport && !row.official);
  const grantProvenance = useProvenanceColumns<Grant>();
  const techProvenance = useProvenanceColumns<TechProject>();
  const eventProvenance = useProvenanceColumns<RewardEvent>();
  const actionsColumn = <R,>(shown: boolean, render: (row: R) => ReactNode): ColumnsType<R> =>
    shown
      ? [{ title: t("common.actions"), key: "actions", width: 110, render: (_: unknown, row: R) => render(row) }]
      : [];
  // An amount of a row, struck through once the row has been corrected.
  const amountColumn = <R extends SupportProvenance>(title: string, key: string, fen: (row: R) => string) => ({
    title,
    key,
    align: "right" as const,
    width: 120,
    render: (_: unknown, row: R) => <Struck row={row}>{formatFenForDisplay(fen(row))}</Struck>,
  });

  const grantColumns: ColumnsType<Grant> = [
    { title: t("sup.code"), key: "code", width: 180, render: (_, g) => <Struck row={g}>{g.code}</Struck> },
    { title: t("figures.year"), dataIndex: "year", width: 70 },
    { title: t("reg.level"), key: "level", width: 80, render: (_, g) => t(`level.${g.level}`) },
    { title: t("sup.purpose"), key: "purpose", width: 90, render: (_, g) => t(`sup.purpose.${g.purpose}`) },
    amountColumn<Grant>(t("sup.amount"), "amount", (g) => g.amountFen),
    { title: t("sup.note"), dataIndex: "note", ellipsis: true },
    ...grantProvenance,
    ...actionsColumn<Grant>(mayEnter, (g) => (
      <RowActions
        row={g}
        canCorrect={canCorrect(g)}
        canConfirm={access.grants}
        onCorrect={() => setGrantEditing(g)}
        onConfirm={() => confirmRow("grant", g.id)}
      />
    )),
  ];

  const techColumns: ColumnsType<TechProject> = [
    { title: t("sup.techCode"), key: "code", width: 110, render: (_, p) => <Struck row={p}>{p.code}</Struck> },
    { title: t("sup.techName"), key: "name", render: (_, p) => <Struck row={p}>{p.name}</Struck> },
    { title: t("figures.year"), dataIndex: "year", width: 70 },
    amountColumn<TechProject>(t("sup.investment"), "investment", (p) => p.investmentFen),
    amountColumn<TechProject>(t("sup.invoices"), "invoices", (p) => p.equipmentInvoicesFen),
    {
      title: t("sup.techFunds"),
      key: "funds",
      width: 110,
      render: (_, p) => (p.techFundsReceived ? t("common.yes") : t("common.no")),
    },
    ...techProvenance,
    ...actionsColumn<TechProject>(mayEnter, (p) => (
      <RowActions
        row={p}
        canCorrect={canCorrect(p)}
        canConfirm={access.grants}
        onCorrect={() => setTechEditing(p)}
        onConfirm={() => confirmRow("tech", p.id)}
      />
    )),
  ];

  const eventColumns: ColumnsType<RewardEvent> = [
    { title: t("sup.kind"), key: "kind", render: (_, e) => <Struck row={e}>{t(`sup.event.${e.kind}`)}</Struck> },
    { title: t("figures.year"), key: "year", width: 70, render: (_, e) => <Struck row={e}>{e.year}</Struck> },
    { title: t("sup.note"), dataIndex: "note", ellipsis: true },
    ...eventProvenance,
    ...actionsColumn<RewardEvent>(access.events, (e) => (
      <RowActions
        row={e}
        canCorrect
        canConfirm={false}
        onCorrect={() => setEventEditing(e)}
        onConfirm={() => undefined}
      />
    )),
  ];

  const addLabel = access.selfReport ? t("sup.report") : t("sup.add");
  const exportAndAdd = (path: string, fileName: string, onAdd: () => void) => (
    <Space>
      <ExportButton
        path={`/api/enterprises/${enterprise.id}/${path}/export`}
        fileName={`${enterprise.name}${fileName}.xlsx`}
      />
      {mayEnter ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          {addLabel}
        </Button>
      ) : null}
    </Space>
  );
  const extra =
    tab === "grants" ? (
      exportAndAdd("grants", "扶持资金", () => setGrantEditing("new"))
    ) : tab === "tech" ? (
      exportAndAdd("tech-projects", "技改项目", () => setTechEditing("new"))
    ) : access.events ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEventEditing("new")}>
        {t("sup.add")}
      </Button>
    ) : null;

  const pendingCount = [...support.grants, ...support.techProjects].filter(
    (row) => !row.official && row.supersededBy === null,
  ).length;
  const table = <R extends SupportProvenance>(rows: R[], columns: ColumnsType<R>) => (
    <Table<R>
      rowKey="id"
      size="small"
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1000 }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
    />
  );
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("sup.title")}
          {pendingCount > 0 ? <Tag color="gold">{t("reg.pending", { count: pendingCount })}</Tag> : null}
        </Space>
      }
      extra={extra}
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "grants", label: t("sup.grants"), children: table(support.grants, grantColumns) },
          { key: "tech", label: t("sup.techProjects"), children: table(support.techProjects, techColumns) },
          { key: "events", label: t("sup.events"), children: table(support.events, eventColumns) },
        ]}
      />
      <GrantModal
        enterpriseId={enterprise.id}
        editing={grantEditing}
        selfReport={access.selfReport}
        onClose={() => setGrantEditing(null)}
      />
      <TechModal
        enterpriseId={enterprise.id}
        editing={techEditing}
        selfReport={access.selfReport}
        onClose={() => setTechEditing(null)}
      />
      <EventModal enterpriseId={enterprise.id} editing={eventEditing} onClose={() => setEventEditing(null)} />
    </Card>
  );
}

/** 扶持资金, 技改项目 and 奖励相关事项 of one enterprise: what the rewards R-MATCH, R-TECH, R-LISTED-MOVE and R-500 read. */
export function SupportCard({ enterprise }: { enterprise: EnterpriseDetail }) {
  const support = useEnterpriseSupport(enterprise.id);
  return (
    <QueryBoundary isPending={support.isPending} error={support.error}>
      {() => (support.data ? <SupportTabs enterprise={enterprise} support={support.data} /> : null)}
    </QueryBoundary>
  );
}
