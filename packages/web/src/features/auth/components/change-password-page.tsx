import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { useChangePassword, useCurrentUser } from "../api/auth-api";
import { meetsPasswordPolicy } from "../password-policy";

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const changePassword = useChangePassword();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangePasswordForm>();
  const mustChange = currentUser.data?.mustChangePassword ?? false;

  const submit = (values: ChangePasswordForm) => {
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t("password.changed"));
          navigate("/", { replace: true });
        },
      },
    );
  };

  return (
    <Card style={{ maxWidth: 520 }}>
      <Typography.Title level={3}>{t("password.title")}</Typography.Title>
      {mustChange ? <Alert type="info" showIcon title={t("password.mustChange")} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph type="secondary">{t("password.policy")}</Typography.Paragraph>
      {changePassword.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(changePassword.error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<ChangePasswordForm> form={form} name="change-password" layout="vertical" onFinish={submit}>
        <Form.Item
          label={t("password.current")}
          name="currentPassword"
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t("password.new")}
          name="newPassword"
          rules={[
            { required: true, message: t("password.newRequired") },
            {
              validator: (_rule, value: string | undefined) =>
                !value || meetsPasswordPolicy(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.policyShort"))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t("password.confirm")}
          name="confirmPassword"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.confirmRequired") },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
          {t("password.submit")}
        </Button>
      </Form>
    </Card>
  );
}
