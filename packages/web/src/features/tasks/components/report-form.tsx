import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Select, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { UPLOAD_ACCEPT, UPLOAD_MAX_BYTES } from "../../../shared/api/uploads";
import { useDateText } from "../../../shared/format/dates";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import { type PeriodState, type Task, useSubmitReport } from "../api/tasks-api";
import { usePeriodLabel } from "./period-label";
import { useQuantitySourceName } from "./quantity-source";

interface ReportValues {
  period: string;
  content: string;
  quantity?: string;
}

/** A unit files the progress of one period, with evidence files (PDF, images, Office files; 10 MB each). */
export function ReportForm({ task, periods }: { task: Task; periods: PeriodState[] }) {
  const t = useT();
  const dateText = useDateText();
  const codeLabel = useCodeLabel();
  const periodLabel = usePeriodLabel();
  const sourceName = useQuantitySourceName();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const submit = useSubmitReport(task.id);
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const open = periods.filter((p) => p.state === "open" || p.state === "overdue" || p.state === "returned");

  const finish = async (values: ReportValues) => {
    try {
      const attachments = files.map((file) => file.originFileObj as File);
      submit.mutate(
        { period: values.period, content: values.content, quantity: values.quantity || undefined, attachments },
        {
          onSuccess: (result) => {
            void message.success(result.late ? t("tasks.reportedLate") : t("tasks.reported"));
            form.resetFields();
            setFiles([]);
          },
          onError: (error) => void message.error(errorText(error)),
        },
      );
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  if (open.length === 0) return <p>{t("tasks.nothingToReport")}</p>;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={finish}
      key={open[0]?.key}
      initialValues={{ period: open[0]?.key }}
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="period" label={t("tasks.period")} rules={[{ required: true }]}>
        <Select
          options={open.map((p) => ({
            value: p.key,
            label: `${periodLabel(p.key)}${t("common.inParentheses", { text: `${t("tasks.deadline")} ${dateText(p.deadline)}` })}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="content"
        label={t("tasks.reportContent")}
        rules={[{ required: true, min: 2, message: t("tasks.reportContentRequired") }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      {task.quantityFrom ? (
        <Form.Item label={t("tasks.quantity")}>
          <Typography.Text type="secondary">
            {t("tasks.computedFrom", { source: sourceName(task.quantityFrom) })}
          </Typography.Text>
        </Form.Item>
      ) : task.quantityUnit ? (
        <Form.Item
          name="quantity"
          label={`${t("tasks.quantity")}${t("common.inParentheses", { text: codeLabel("tasks.units", task.quantityUnit) })}`}
          rules={[{ pattern: /^\d+(\.\d{1,4})?$/, message: t("tasks.quantityInvalid") }]}
        >
          <Input style={{ width: 200 }} inputMode="decimal" />
        </Form.Item>
      ) : null}
      <Form.Item label={t("tasks.evidence")} extra={t("tasks.evidenceHint")}>
        <Upload
          accept={UPLOAD_ACCEPT}
          multiple
          fileList={files}
          beforeUpload={(file) => {
            if (file.size > UPLOAD_MAX_BYTES) {
              void message.error(t("tasks.fileTooLarge", { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            return false;
          }}
          onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}
        >
          <Button icon={<UploadOutlined />}>{t("tasks.chooseFiles")}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t("tasks.submitReport")}
      </Button>
    </Form>
  );
}
