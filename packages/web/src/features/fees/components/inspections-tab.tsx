import { amountEn, amountZh, formatYuan } from "@beizeng/domain/money";
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { FormModal } from "../../../shared/components/form-modal";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import {
  FEE_ACCOUNTABILITY_KINDS,
  FEE_INSPECTION_RESULTS,
  type FeeInspection,
  type FeeInspectionInput,
  type FeeReport,
  useFeeInspections,
  useFeeReport,
  useSaveFeeInspection,
} from "../api/fees-api";
import { feeLabel } from "./fee-labels";

type InspectionForm = Omit<FeeInspectionInput, "accountability"> & { accountability: string };

export function InspectionsTab() {
  const t = useT();
  const { language } = useLanguage();
  const inspections = useFeeInspections();
  const report = useFeeReport();
  const [editing, setEditing] = useState<FeeInspection | "new" | null>(null);
  const amount = (fen: string | null) =>
    fen === null ? "—" : language === "en" ? amountEn(BigInt(fen)) : amountZh(BigInt(fen));
  const canRecord = inspections.data?.canRecord === true;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        {canRecord ? (
          <Button type="primary" onClick={() => setEditing("new")}>
            {t("fee.inspect")}
          </Button>
        ) : null}
        <ExportButton path="/api/fees/inspections/export" fileName="涉企收费监督检查.xlsx" label={t("fee.export")} />
      </Space>
      <QueryBoundary isPending={inspections.isPending} error={inspections.error}>
        {() => (
          <Table<FeeInspection>
            rowKey="id"
            size="small"
            scroll={{ x: 900 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={inspections.data?.items ?? []}
            locale={{ emptyText: t("fee.noInspections") }}
            columns={[
              { title: t("fee.inspectedOn"), dataIndex: "inspectedOn" },
              {
                title: t("fee.inspectedUnit"),
                render: (_, row) => (
                  <>
                    {row.inspectedUnit} {row.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </>
                ),
              },
              { title: t("fee.scope"), dataIndex: "scope", ellipsis: true },
              {
                title: t("fee.result"),
                dataIndex: "result",
                render: (result: string) => (
                  <Tag color={result === "violation" ? "red" : "green"}>{t(feeLabel("fee.result", result))}</Tag>
                ),
              },
              {
                title: t("fee.accountability"),
                render: (_, row) =>
                  row.accountability
                    ? `${t(feeLabel("fee.accountability", row.accountability))}（${row.accountabilityOn ?? ""}）`
                    : "—",
              },
              { title: t("fee.refund"), dataIndex: "refundFen", render: amount },
              ...(canRecord
                ? [
                    {
                      title: t("fee.actions"),
                      render: (_: unknown, row: FeeInspection) => (
                        <Button size="small" onClick={() => setEditing(row)}>
                          {t("fee.edit")}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryBoundary>
      <Typography.Title level={5}>{t("fee.report")}</Typography.Title>
      <QueryBoundary isPending={report.isPending} error={report.error}>
        {() => (
          <Table<FeeReport["years"][number]>
            rowKey="year"
            size="small"
            scroll={{ x: 760 }}
            pagination={false}
            dataSource={report.data?.years ?? []}
            columns={[
              { title: t("fee.year"), dataIndex: "year" },
              { title: t("fee.inspections"), dataIndex: "inspections" },
              { title: t("fee.violations"), dataIndex: "violations" },
              {
                title: t("fee.accountability"),
                render: (_, year) =>
                  year.accountability
                    .filter((entry) => entry.count > 0)
                    .map((entry) => `${t(feeLabel("fee.accountability", entry.kind))} ${entry.count}`)
                    .join("、") || "—",
              },
              { title: t("fee.refundTotal"), dataIndex: "refundFen", render: amount },
              { title: t("fee.complaints"), dataIndex: "complaints" },
              { title: t("fee.complaintsAnswered"), dataIndex: "complaintsAnswered" },
              { title: t("fee.complaintsOverdue"), dataIndex: "complaintsOverdue" },
            ]}
          />
        )}
      </QueryBoundary>
      {editing !== null ? (
        <InspectionModal inspection={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Space>
  );
}

/** What the form's values send: the accountability fields only when a violation was held to account. */
function inspectionInput(values: InspectionForm): FeeInspectionInput {
  const accountable = values.result === "violation" && values.accountability !== "none";
  return {
    inspectedOn: values.inspectedOn,
    inspectedUnit: values.inspectedUnit,
    scope: values.scope,
    result: values.result,
    findings: values.findings ?? "",
    accountability: accountable ? (values.accountability as FeeInspectionInput["accountability"]) : null,
    accountabilityOn: accountable ? values.accountabilityOn || null : null,
    accountabilityNote: accountable ? (values.accountabilityNote ?? "") : "",
    refundYuan: accountable && values.refundYuan ? values.refundYuan : null,
  };
}

function InspectionModal({ inspection, onClose }: { inspection: FeeInspection | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<InspectionForm>();
  const save = useSaveFeeInspection();
  const result = Form.useWatch("result", form);
  const accountability = Form.useWatch("accountability", form);
  const required = (field: string) => [{ required: true, whitespace: true, message: t("fee.required", { field }) }];
  return (
    <FormModal
      form={form}
      title={inspection ? t("fee.editInspection") : t("fee.inspect")}
      okText={t("fee.save")}
      saving={save.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        await save.mutateAsync({ id: inspection?.id ?? null, input: inspectionInput(values) });
        return t("fee.saved");
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          inspection
            ? {
                inspectedOn: inspection.inspectedOn,
                inspectedUnit: inspection.inspectedUnit,
                scope: inspection.scope,
                result: inspection.result,
                findings: inspection.findings,
                accountability: inspection.accountability ?? "none",
                accountabilityOn: inspection.accountabilityOn ?? "",
                accountabilityNote: inspection.accountabilityNote,
                refundYuan: inspection.refundFen === null ? "" : formatYuan(BigInt(inspection.refundFen)),
              }
            : { result: "compliant", accountability: "none" }
        }
      >
        <Space wrap>
          <Form.Item name="inspectedOn" label={t("fee.inspectedOn")} rules={required(t("fee.inspectedOn"))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="result" label={t("fee.result")}>
            <Select
              aria-label={t("fee.result")}
              style={{ minWidth: 140 }}
              options={FEE_INSPECTION_RESULTS.map((value) => ({ value, label: t(feeLabel("fee.result", value)) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="inspectedUnit" label={t("fee.inspectedUnit")} rules={required(t("fee.inspectedUnit"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="scope" label={t("fee.scope")} rules={required(t("fee.scope"))}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="findings" label={`${t("fee.findings")}${t("fee.optional")}`}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {result === "violation" ? (
          <>
            <Form.Item name="accountability" label={t("fee.accountability")}>
              <Select
                aria-label={t("fee.accountability")}
                options={[
                  { value: "none", label: t("fee.accountability.none") },
                  ...FEE_ACCOUNTABILITY_KINDS.map((value) => ({
                    value,
                    label: t(feeLabel("fee.accountability", value)),
                  })),
                ]}
              />
            </Form.Item>
            {accountability && accountability !== "none" ? (
              <>
                <Space wrap>
                  <Form.Item
                    name="accountabilityOn"
                    label={t("fee.accountabilityOn")}
                    rules={required(t("fee.accountabilityOn"))}
                  >
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item
                    name="refundYuan"
                    label={`${t("fee.refund")}${t("fee.optional")}`}
                    rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t("fee.amountFormat") }]}
                  >
                    <Input inputMode="decimal" />
                  </Form.Item>
                </Space>
                <Form.Item name="accountabilityNote" label={`${t("fee.accountabilityNote")}${t("fee.optional")}`}>
                  <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
      </Form>
    </FormModal>
  );
}
