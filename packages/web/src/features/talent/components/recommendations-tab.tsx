import { Button, Form, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { FormModal } from "../../../shared/components/form-modal";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import {
  type Recommendation,
  type RecommendationOutcomeInput,
  useRecommendations,
  useRecordOutcome,
} from "../api/talent-api";
import { talentLabel } from "./talent-labels";

const OUTCOME_COLORS = { recommended: "blue", interviewed: "gold", hired: "green", declined: undefined } as const;
/** The outcomes that may follow each (as the server allows: forward only). */
const NEXT: Record<Recommendation["outcome"], RecommendationOutcomeInput["outcome"][]> = {
  recommended: ["interviewed", "hired", "declined"],
  interviewed: ["hired", "declined"],
  hired: [],
  declined: [],
};

export function RecommendationsTab() {
  const t = useT();
  const recommendations = useRecommendations();
  const [recording, setRecording] = useState<Recommendation | null>(null);
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <ExportButton path="/api/talent/recommendations/export" fileName="岗位推荐记录.xlsx" label={t("tal.export")} />
      <QueryBoundary isPending={recommendations.isPending} error={recommendations.error}>
        {() => (
          <Table<Recommendation>
            rowKey="id"
            size="small"
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={recommendations.data?.recommendations ?? []}
            locale={{ emptyText: t("tal.noRecommendations") }}
            columns={[
              { title: t("tal.enterprise"), render: (_, r) => r.post.enterprise },
              { title: t("tal.post"), render: (_, r) => r.post.title },
              {
                title: t("tal.name"),
                render: (_, r) => (
                  <>
                    {r.name} {r.personId === null ? t("tal.removedPerson") : null}{" "}
                    {r.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </>
                ),
              },
              { title: t("tal.phone"), dataIndex: "phone" },
              {
                title: t("tal.education"),
                render: (_, r) => (r.education ? t(talentLabel("tal.education", r.education)) : ""),
              },
              { title: t("tal.recommendedOn"), dataIndex: "recommendedOn" },
              {
                title: t("tal.outcome"),
                render: (_, r) => (
                  <Tag color={OUTCOME_COLORS[r.outcome]}>{t(talentLabel("tal.outcome", r.outcome))}</Tag>
                ),
              },
              { title: t("tal.outcomeOn"), render: (_, r) => r.outcomeOn ?? "" },
              { title: t("tal.note"), dataIndex: "note", ellipsis: true },
              {
                title: t("tal.actions"),
                render: (_, r) =>
                  r.canRecord ? (
                    <Button size="small" onClick={() => setRecording(r)}>
                      {t("tal.record")}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryBoundary>
      {recording ? <OutcomeModal recommendation={recording} onClose={() => setRecording(null)} /> : null}
    </Space>
  );
}

function todayText(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

function OutcomeModal({ recommendation, onClose }: { recommendation: Recommendation; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<RecommendationOutcomeInput>();
  const record = useRecordOutcome();
  const next = NEXT[recommendation.outcome];
  return (
    <FormModal
      destroyOnHidden
      form={form}
      title={t("tal.recordTitle", { name: recommendation.name, post: recommendation.post.title })}
      okText={t("tal.save")}
      saving={record.isPending}
      onClose={onClose}
      save={async (values) => {
        await record.mutateAsync({ id: recommendation.id, input: { ...values, note: values.note ?? "" } });
        return t("tal.saved");
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: next[0], on: todayText(), note: "" }}>
        <Form.Item
          name="outcome"
          label={t("tal.outcome")}
          rules={[{ required: true, message: t("tal.required", { field: t("tal.outcome") }) }]}
        >
          <Select
            aria-label={t("tal.outcome")}
            options={next.map((outcome) => ({ value: outcome, label: t(talentLabel("tal.outcome", outcome)) }))}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t("tal.outcomeOn")}
          rules={[{ required: true, message: t("tal.required", { field: t("tal.outcomeOn") }) }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={`${t("tal.note")}${t("tal.optional")}`}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
