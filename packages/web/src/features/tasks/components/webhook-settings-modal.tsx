import { ROBOT_PLATFORMS, type RobotPlatform } from "@beizeng/contract/supervision";
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Switch } from "antd";
import { useEffect, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { useSaveWebhookSettings, useTestWebhook, useWebhookSettings, type WebhookInput } from "../api/tasks-api";

/** Where each platform's robot address starts: shown as the address field's example. */
const EXAMPLE_URL: Record<RobotPlatform, string> = {
  wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
  dingtalk: "https://oapi.dingtalk.com/robot/send?access_token=…",
  feishu: "https://open.feishu.cn/open-apis/bot/v2/hook/…",
};

/** An http or https address (a district's own gateway may be an IP address with a port). */
function checkRobotAddress(value: unknown, message: string): Promise<void> {
  if (typeof value === "string" && /^https?:\/\//i.test(value.trim()) && URL.canParse(value.trim())) {
    return Promise.resolve();
  }
  return Promise.reject(new Error(message));
}

interface FormValues extends Omit<WebhookInput, "secret"> {
  secret?: string;
  removeSecret?: boolean;
}

/** The office configures the group robot (企业微信, 钉钉 or 飞书) that receives reminders, warnings and bulletins. */
export function WebhookSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const settings = useWebhookSettings(open);
  const save = useSaveWebhookSettings();
  const test = useTestWebhook();
  const [form] = Form.useForm<FormValues>();
  const platform = (Form.useWatch("platform", form) ?? "wecom") as RobotPlatform;
  const saved = settings.data?.settings ?? null;
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!open) return;
    setTestResult(null);
    form.setFieldsValue(
      saved
        ? { platform: saved.platform, url: saved.url, format: saved.format, enabled: saved.enabled, secret: "" }
        : { platform: "wecom", url: "", format: "markdown", enabled: true, secret: "" },
    );
  }, [open, saved, form]);

  const submit = ({ secret, removeSecret, ...values }: FormValues) => {
    // WeCom robots do not sign; a kept secret is left alone unless a new one is given or removal is asked for.
    const secretField = values.platform === "wecom" || removeSecret ? { secret: "" } : secret ? { secret } : {};
    save.mutate(
      { ...values, ...secretField },
      {
        onSuccess: () => {
          void message.success(t("common.saved"));
          onClose();
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  const sendTest = () =>
    test.mutate(undefined, {
      onSuccess: (delivery) =>
        setTestResult(
          delivery.sent
            ? { ok: true, text: t("tasks.webhookTestSent", { tries: delivery.tries }) }
            : { ok: false, text: t("tasks.webhookTestFailed", { error: delivery.error ?? "" }) },
        ),
      onError: (error) => setTestResult({ ok: false, text: errorText(error) }),
    });

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
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="platform" label={t("tasks.webhookPlatform")}>
          <Select options={ROBOT_PLATFORMS.map((value) => ({ value, label: t(`tasks.webhookPlatform.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t("tasks.webhookUrl")}
          rules={[
            { required: true, validator: (_rule, value) => checkRobotAddress(value, t("tasks.webhookUrlInvalid")) },
          ]}
        >
          <Input placeholder={EXAMPLE_URL[platform]} />
        </Form.Item>
        {platform !== "wecom" && (
          <>
            <Form.Item
              name="secret"
              label={t("tasks.webhookSecret")}
              extra={saved?.hasSecret ? t("tasks.webhookSecretKept") : t("tasks.webhookSecretHint")}
            >
              <Input.Password autoComplete="new-password" placeholder={platform === "dingtalk" ? "SEC…" : ""} />
            </Form.Item>
            {saved?.hasSecret && (
              <Form.Item name="removeSecret" valuePropName="checked">
                <Checkbox>{t("tasks.webhookSecretRemove")}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
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
      <Button
        onClick={sendTest}
        loading={test.isPending}
        disabled={!saved}
        title={saved ? undefined : t("tasks.webhookSaveFirst")}
      >
        {t("tasks.webhookTest")}
      </Button>
      {testResult && (
        <Alert
          style={{ marginTop: 12 }}
          type={testResult.ok ? "success" : "error"}
          showIcon
          message={testResult.text}
        />
      )}
    </Modal>
  );
}
