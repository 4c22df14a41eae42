import { amountEn, amountZh } from "@beizeng/domain/money";
import { Alert, Button, Form, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ExportButton } from "../../../shared/components/export-button";
import { FormModal } from "../../../shared/components/form-modal";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  FEE_COMPLAINT_KINDS,
  type FeeComplaint,
  type FeeComplaintInput,
  useFeeComplaints,
  useFileFeeComplaint,
  usePublicFees,
} from "../api/fees-api";
import { feeLabel } from "./fee-labels";

const LIGHT_COLORS = { green: "green", yellow: "gold", red: "red" } as const;

export function ComplaintsTab() {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser().data;
  const complaints = useFeeComplaints();
  const [filing, setFiling] = useState(false);
  const enterprise = user?.role === "enterprise";
  const amount = (fen: string) => (language === "en" ? amountEn(BigInt(fen)) : amountZh(BigInt(fen)));
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        {enterprise ? (
          <Button
            type="primary"
            onClick={() => setFiling(true)}
            disabled={complaints.data?.acceptsComplaints === false}
          >
            {t("fee.complain")}
          </Button>
        ) : null}
        <ExportButton path="/api/fees/complaints/export" fileName="涉企收费投诉.xlsx" label={t("fee.export")} />
      </Space>
      {complaints.data?.acceptsComplaints === false ? (
        <Alert type="warning" showIcon title={t("fee.noComplaintCategory")} />
      ) : null}
      <QueryBoundary isPending={complaints.isPending} error={complaints.error}>
        {() => (
          <Table<FeeComplaint>
            rowKey="id"
            size="small"
            scroll={{ x: 900 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={complaints.data?.items ?? []}
            locale={{ emptyText: t("fee.noComplaints") }}
            columns={[
              ...(enterprise
                ? []
                : [
                    {
                      title: t("fee.enterprise"),
                      render: (_: unknown, row: FeeComplaint) => (
                        <>
                          {row.enterprise.name} {row.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                        </>
                      ),
                    },
                  ]),
              { title: t("fee.kind"), dataIndex: "kind", render: (kind: string) => t(feeLabel("fee.kind", kind)) },
              { title: t("fee.feeName"), dataIndex: "feeName" },
              { title: t("fee.chargedBy"), dataIndex: "chargedBy" },
              { title: t("fee.amountCharged"), dataIndex: "amountFen", render: amount },
              { title: t("fee.chargedOn"), dataIndex: "chargedOn" },
              { title: t("fee.unit"), dataIndex: "unit", render: (unit: string | null) => unit ?? "—" },
              {
                title: t("fee.handling"),
                render: (_, row) => (
                  <Space size={4} wrap>
                    <Tag color={row.light ? LIGHT_COLORS[row.light] : undefined}>
                      {t(feeLabel("fee.req", row.status))}
                    </Tag>
                    {row.overdueDays > 0 ? t("fee.overdue", { days: row.overdueDays }) : null}
                  </Space>
                ),
              },
              { title: t("fee.deadline"), dataIndex: "deadline", render: (day: string | null) => day ?? "—" },
              {
                title: t("fee.request"),
                render: (_, row) => <Link to={`/requests/${row.requestId}`}>{t("fee.request")}</Link>,
              },
            ]}
          />
        )}
      </QueryBoundary>
      {filing && complaints.data?.limit ? (
        <ComplaintModal limit={complaints.data.limit} onClose={() => setFiling(false)} />
      ) : null}
    </Space>
  );
}

function ComplaintModal({ limit, onClose }: { limit: { days: number; working: boolean }; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FeeComplaintInput>();
  const file = useFileFeeComplaint();
  const list = usePublicFees({});
  const kind = Form.useWatch("kind", form);
  const required = (field: string) => [{ required: true, whitespace: true, message: t("fee.required", { field }) }];
  const published = (list.data?.items ?? []).filter((item) => item.itemId !== null);
  return (
    <FormModal
      form={form}
      title={t("fee.complaintTitle")}
      okText={t("fee.submit")}
      saving={file.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        await file.mutateAsync(values);
        return t("fee.filed");
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("fee.complaintLimit", {
          days: limit.days,
          dayKind: limit.working ? t("fee.workingDays") : t("fee.calendarDays"),
        })}
      />
      <Form form={form} layout="vertical" initialValues={{ kind: "unlisted" }}>
        <Form.Item name="kind" label={t("fee.kind")} rules={[{ required: true }]}>
          <Select
            aria-label={t("fee.kind")}
            options={FEE_COMPLAINT_KINDS.map((value) => ({ value, label: t(feeLabel("fee.kind", value)) }))}
          />
        </Form.Item>
        {kind === "aboveStandard" ? (
          <Form.Item
            name="feeItemId"
            label={t("fee.feeItem")}
            rules={[{ required: true, message: t("fee.required", { field: t("fee.feeItem") }) }]}
          >
            <Select
              aria-label={t("fee.feeItem")}
              loading={list.isPending}
              onChange={(id: number) => {
                const item = published.find((candidate) => candidate.itemId === id);
                if (item) form.setFieldsValue({ feeName: item.name, chargedBy: item.chargingUnit });
              }}
              options={published.map((item) => ({
                value: item.itemId as number,
                label: `${item.name}（${item.standard}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="feeName" label={t("fee.feeName")} rules={required(t("fee.feeName"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="chargedBy" label={t("fee.chargedBy")} rules={required(t("fee.chargedBy"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="amountYuan"
            label={t("fee.amount")}
            rules={[...required(t("fee.amount")), { pattern: /^\d+(\.\d{1,2})?$/, message: t("fee.amountFormat") }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="chargedOn" label={t("fee.chargedOn")} rules={required(t("fee.chargedOn"))}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="content" label={t("fee.content")} rules={required(t("fee.content"))}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label={t("fee.contactName")} rules={required(t("fee.contactName"))}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t("fee.contactPhone")}
            rules={[
              ...required(t("fee.contactPhone")),
              { pattern: /^[0-9+\-() ]{5,30}$/, message: t("fee.phoneFormat") },
            ]}
          >
            <Input inputMode="tel" />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}
