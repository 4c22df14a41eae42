import { App, Form, Input, Modal, Select, Switch } from "antd";
import { useEffect } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { useSaveWebhookSettings, useWebhookSettings, type WebhookSettings } from "../api/tasks-api";

/** The office configures the WeCom/DingTalk robot that receives reminders, warnings and bulletins. */
export function WebhookSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const settings = useWebhookSettings(open);
  const save = useSaveWebhookSettings();
  const [form] = Form.useForm<WebhookSettings>();
  useEffect(() => {
    if (open) form.setFieldsValue(settings.data?.settings ?? { url: "", format: "markdown", enabled: true });
  }, [open, settings.data, form]);
  return (
    <Modal
      open={open}
      title={t("tasks.webhook")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => {
              void message.success(t("common.saved"));
              onClose();
            },
            onError: (error) => void message.error(errorText(error)),
          })
        }
      >
        <Form.Item name="url" label={t("tasks.webhookUrl")} rules={[{ required: true, type: "url" }]}>
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
        </Form.Item>
        <Form.Item name="format" label={t("tasks.webhookFormat")}>
          <Select
            options={[
              { value: "markdown", label: t("tasks.webhookFormat.markdown") },
              { value: "text", label: t("tasks.webhookFormat.text") },
            ]}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t("tasks.webhookEnabled")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
