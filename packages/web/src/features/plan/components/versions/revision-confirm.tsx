import { Alert, App, Button, Form, Input, Select, Space } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../../shared/api/error-text";
import { useT } from "../../../../shared/i18n/i18n";
import { type PlanActivated, type PlanPreview, useActivatePlan } from "../../api/plan-versions-api";
import { PlanIssueList, planIssuesOf } from "./plan-issues";

/** This year, or the nearest year of the plan's period. */
export function defaultEffectiveYear(startYear: number, endYear: number, today = new Date()): number {
  return Math.min(Math.max(today.getFullYear(), startYear), endYear);
}

/** Whether a previewed revision may be confirmed: something changes and nothing stands in its way. */
export function previewBlocked(preview: PlanPreview): boolean {
  return preview.status === "unchanged" || preview.orphans.length > 0 || preview.problems.length > 0;
}

interface ConfirmValues {
  effectiveYear: number;
  reason: string;
}

/**
 * The last step of a revision: the year it takes effect (within its period; this year by default) and why,
 * then the confirmation. The server refuses it when the current version changed since the preview.
 */
export function RevisionConfirm({
  preview,
  content,
  fileName,
  onDone,
  onCancel,
}: {
  preview: PlanPreview;
  content: string;
  fileName: string;
  onDone: (activated: PlanActivated) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const activate = useActivatePlan();
  const [form] = Form.useForm<ConfirmValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const { startYear, endYear } = preview.plan;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, index) => startYear + index);
  const blocked = previewBlocked(preview);

  const submit = (values: ConfirmValues) => {
    setFailure(null);
    activate.mutate(
      {
        content,
        fileName,
        effectiveYear: values.effectiveYear,
        reason: values.reason.trim(),
        expectedCurrent: preview.expectedCurrent,
      },
      {
        onSuccess: (activated) => {
          void message.success(
            t("planVersions.activated", { version: activated.version, year: activated.effectiveYear }),
          );
          onDone(activated);
        },
        onError: setFailure,
      },
    );
  };

  const issues = failure ? planIssuesOf(failure) : null;
  return (
    <Form<ConfirmValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ effectiveYear: defaultEffectiveYear(startYear, endYear), reason: "" }}
      disabled={blocked || activate.isPending}
      style={{ maxWidth: 640 }}
    >
      {blocked ? (
        <Alert
          type={preview.status === "unchanged" ? "warning" : "error"}
          showIcon
          title={t(preview.status === "unchanged" ? "planVersions.nothingToConfirm" : "planVersions.blocked")}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item
        name="effectiveYear"
        label={t("planVersions.effectiveYear")}
        extra={t("planVersions.effectiveYearHint", { start: startYear, end: endYear })}
        rules={[{ required: true, message: t("planVersions.effectiveYearRequired") }]}
      >
        <Select
          style={{ maxWidth: 200 }}
          options={years.map((year) => ({ value: year, label: t("planVersions.year", { year }) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("planVersions.reason")}
        rules={[
          { required: true, whitespace: true, message: t("planVersions.reasonRequired") },
          { max: 500, message: t("planVersions.reasonTooLong") },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t("planVersions.reasonPlaceholder")} />
      </Form.Item>
      {failure ? (
        issues ? (
          <PlanIssueList issues={issues} title={errorText(failure)} />
        ) : (
          <Alert type="error" showIcon title={errorText(failure)} style={{ marginBottom: 16 }} />
        )
      ) : null}
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={onCancel} disabled={activate.isPending}>
          {t("common.cancel")}
        </Button>
        <Button type="primary" htmlType="submit" loading={activate.isPending} disabled={blocked}>
          {t("planVersions.confirm", { version: preview.plan.version })}
        </Button>
      </Space>
    </Form>
  );
}
