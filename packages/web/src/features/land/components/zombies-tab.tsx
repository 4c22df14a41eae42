import { Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import {
  useRecordDisposal,
  useRecordZombieCase,
  useSetZombieCriteria,
  useZombies,
  ZOMBIE_CRITERIA,
  ZOMBIE_DISPOSALS,
  type ZombieCase,
  type ZombieCriterion,
  type ZombieDisposal,
  type ZombieSuggestion,
} from "../api/land-api";
import { LandFormModal } from "./land-form-modal";

const CASE_COLORS = { confirmed: "orange", disposing: "blue", disposed: "green", dismissed: "default" } as const;

export function ZombiesTab() {
  const t = useT();
  const zombies = useZombies();
  const [deciding, setDeciding] = useState<ZombieSuggestion | null>(null);
  const [disposing, setDisposing] = useState<ZombieCase | null>(null);
  const [criteria, setCriteria] = useState(false);
  const criteriaText = (list: ZombieCriterion[]) =>
    list.map((key) => t(`land.criteria.${key}`)).join(t("land.separator"));
  return (
    <QueryBoundary isPending={zombies.isPending} error={zombies.error}>
      {() => {
        const data = zombies.data;
        if (!data) return null;
        return (
          <Space direction="vertical" size={12} style={{ width: "100%" }}>
            <Card size="small" title={t("land.criteria")}>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {t("land.criteriaText", {
                  revenue: data.criteria.noRevenueMonths ?? "—",
                  tax: data.criteria.noTaxMonths ?? "—",
                  by: t(`land.criteriaBy.${data.criteria.setBy}`),
                  through: data.figuresThrough ?? "—",
                })}
              </Typography.Paragraph>
              {data.handlers.length > 0 ? (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t("land.handlers", { units: data.handlers.join(t("land.separator")) })}
                </Typography.Paragraph>
              ) : null}
              <Space wrap>
                {data.canSetCriteria ? (
                  <Button onClick={() => setCriteria(true)}>{t("land.criteriaEdit")}</Button>
                ) : null}
                <ExportButton path="/api/zombies/export" fileName="僵尸企业.xlsx" label={t("land.exportZombies")} />
              </Space>
            </Card>
            <Table<ZombieSuggestion>
              rowKey={(row) => row.enterprise.id}
              size="small"
              title={() => t("land.suggestions")}
              dataSource={data.suggestions}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t("land.noSuggestions") }}
              scroll={{ x: 640 }}
              columns={[
                { title: t("land.enterpriseName"), key: "name", render: (_, row) => row.enterprise.name },
                { title: t("land.creditCode"), dataIndex: "creditCode", width: 190 },
                {
                  title: t("land.criteriaMet"),
                  key: "criteria",
                  width: 170,
                  render: (_, row) => criteriaText(row.criteria),
                },
                {
                  title: t("land.lastRevenue"),
                  dataIndex: "lastRevenueMonth",
                  width: 110,
                  render: (m) => m ?? t("land.none"),
                },
                ...(data.canHandle
                  ? [
                      {
                        title: "",
                        key: "decide",
                        width: 80,
                        render: (_: unknown, row: ZombieSuggestion) => (
                          <Button size="small" type="primary" onClick={() => setDeciding(row)}>
                            {t("land.decide")}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <Table<ZombieCase>
              rowKey="id"
              size="small"
              title={() => t("land.cases")}
              dataSource={data.cases}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t("land.noCases") }}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t("land.enterpriseName"),
                  key: "name",
                  width: 200,
                  fixed: "left",
                  render: (_, row) => (
                    <Space size={4}>
                      {row.enterprise.name}
                      {row.isDemo ? <Tag>{t("land.demo")}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t("land.status"),
                  dataIndex: "status",
                  width: 130,
                  render: (status: ZombieCase["status"]) => (
                    <Tag color={CASE_COLORS[status]}>{t(`land.caseStatus.${status}`)}</Tag>
                  ),
                },
                {
                  title: t("land.criteriaMet"),
                  key: "criteria",
                  width: 170,
                  render: (_, row) => criteriaText(row.criteria) || "—",
                },
                { title: t("land.finding"), dataIndex: "finding", width: 220 },
                {
                  title: t("land.unit"),
                  key: "unit",
                  width: 150,
                  render: (_, row) => `${row.unitName ?? t("land.office")} ${row.confirmedOn}`,
                },
                {
                  title: t("land.disposal"),
                  key: "disposal",
                  width: 200,
                  render: (_, row) =>
                    row.disposal
                      ? `${t(`land.disposals.${row.disposal}`)} ${row.disposalStartedOn ?? ""}${row.disposedOn ? ` – ${row.disposedOn}` : ""}`
                      : "—",
                },
                ...(data.canHandle
                  ? [
                      {
                        title: "",
                        key: "dispose",
                        width: 80,
                        render: (_: unknown, row: ZombieCase) =>
                          row.status === "confirmed" || row.status === "disposing" ? (
                            <Button size="small" onClick={() => setDisposing(row)}>
                              {t("land.dispose")}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
            {deciding ? <DecideForm suggestion={deciding} onClose={() => setDeciding(null)} /> : null}
            {disposing ? <DisposeForm found={disposing} onClose={() => setDisposing(null)} /> : null}
            {criteria ? <CriteriaForm data={data.criteria} onClose={() => setCriteria(false)} /> : null}
          </Space>
        );
      }}
    </QueryBoundary>
  );
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function DecideForm({ suggestion, onClose }: { suggestion: ZombieSuggestion; onClose: () => void }) {
  const t = useT();
  const record = useRecordZombieCase();
  const [form] = Form.useForm<{
    decision: "confirm" | "dismiss";
    criteria: ZombieCriterion[];
    finding: string;
    on: string;
  }>();
  const decision = Form.useWatch("decision", form);
  return (
    <LandFormModal
      form={form}
      title={t("land.decideTitle", { name: suggestion.enterprise.name })}
      saving={record.isPending}
      onClose={onClose}
      save={(values) =>
        record.mutateAsync({
          enterpriseId: suggestion.enterprise.id,
          ...values,
          criteria: values.decision === "confirm" ? values.criteria : [],
        })
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: "confirm", criteria: suggestion.criteria, on: today() }}
      >
        <Form.Item name="decision" label={t("land.decision")}>
          <Radio.Group
            options={(["confirm", "dismiss"] as const).map((value) => ({ value, label: t(`land.decision.${value}`) }))}
          />
        </Form.Item>
        {decision !== "dismiss" ? (
          <Form.Item
            name="criteria"
            label={t("land.criteriaMet")}
            rules={[{ required: true, message: t("land.required") }]}
          >
            <Checkbox.Group options={ZOMBIE_CRITERIA.map((value) => ({ value, label: t(`land.criteria.${value}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="finding"
          label={t("land.finding")}
          rules={[{ required: true, whitespace: true, message: t("land.required") }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="on" label={t("land.decidedOn")} rules={[{ required: true, message: t("land.required") }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </LandFormModal>
  );
}

function DisposeForm({ found, onClose }: { found: ZombieCase; onClose: () => void }) {
  const t = useT();
  const record = useRecordDisposal();
  const [form] = Form.useForm<{ disposal: ZombieDisposal; startedOn: string; disposedOn?: string; note?: string }>();
  return (
    <LandFormModal
      form={form}
      title={t("land.disposeTitle", { name: found.enterprise.name })}
      saving={record.isPending}
      onClose={onClose}
      save={(values) =>
        record.mutateAsync({ id: found.id, input: { ...values, disposedOn: values.disposedOn || null } })
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          disposal: found.disposal ?? "merger",
          startedOn: found.disposalStartedOn ?? today(),
          note: found.disposalNote,
        }}
      >
        <Form.Item name="disposal" label={t("land.disposal")}>
          <Select options={ZOMBIE_DISPOSALS.map((value) => ({ value, label: t(`land.disposals.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label={t("land.startedOn")}
          rules={[{ required: true, message: t("land.required") }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="disposedOn" label={t("land.disposedOn")}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t("land.disposalNote")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </LandFormModal>
  );
}

function CriteriaForm({
  data,
  onClose,
}: {
  data: {
    noRevenueMonths: number | null;
    noTaxMonths: number | null;
    planNoRevenueMonths: number | null;
    planNoTaxMonths: number | null;
  };
  onClose: () => void;
}) {
  const t = useT();
  const set = useSetZombieCriteria();
  const [form] = Form.useForm<{ noRevenueMonths: number; noTaxMonths: number }>();
  const months = [{ required: true, message: t("land.required") }];
  return (
    <LandFormModal
      form={form}
      title={t("land.criteriaEdit")}
      saving={set.isPending}
      onClose={onClose}
      save={(values) => set.mutateAsync(values)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ noRevenueMonths: data.noRevenueMonths ?? 12, noTaxMonths: data.noTaxMonths ?? 12 }}
      >
        <Form.Item
          name="noRevenueMonths"
          label={t("land.noRevenueMonths")}
          rules={months}
          extra={data.planNoRevenueMonths ? t("land.planDefault", { months: data.planNoRevenueMonths }) : undefined}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="noTaxMonths"
          label={t("land.noTaxMonths")}
          rules={months}
          extra={data.planNoTaxMonths ? t("land.planDefault", { months: data.planNoTaxMonths }) : undefined}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
      </Form>
    </LandFormModal>
  );
}
