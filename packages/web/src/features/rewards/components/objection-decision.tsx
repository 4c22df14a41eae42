import { App, Button, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { type ObjectionView, useResolveObjection } from "../api/rewards-api";

/** The office's decision on an open objection: upheld (the reward is sent back) or dismissed, with its reason. */
export function ObjectionDecision({ objection }: { objection: ObjectionView }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const resolve = useResolveObjection();
  const [decision, setDecision] = useState<"upheld" | "dismissed" | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const { reason } = await form.validateFields();
    if (decision === null) return;
    try {
      await resolve.mutateAsync({ id: objection.id, decision, reason });
      message.success(t("rw.done"));
      setDecision(null);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <>
      <Space size={4} wrap>
        <Button size="small" danger onClick={() => setDecision("upheld")}>
          {t("rw.uphold")}
        </Button>
        <Button size="small" onClick={() => setDecision("dismissed")}>
          {t("rw.dismissObjection")}
        </Button>
      </Space>
      <Modal
        open={decision !== null}
        title={decision === "upheld" ? t("rw.uphold") : t("rw.dismissObjection")}
        onCancel={() => setDecision(null)}
        onOk={submit}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: decision === "upheld" }}
        confirmLoading={resolve.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {decision === "upheld" ? t("rw.upholdHint") : t("rw.dismissHint")}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{objection.content}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t("rw.resolution")}
            rules={[{ required: true, min: 2, message: t("rw.resolveReason") }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
