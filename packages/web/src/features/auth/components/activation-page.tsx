import { KeyOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Result, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../../shared/api/client";
import { useErrorText } from "../../../shared/api/error-text";
import { LanguageSwitch } from "../../../shared/components/language-switch";
import { type Translate, useT } from "../../../shared/i18n/i18n";
import { useActivateAccount } from "../api/activation-api";
import { meetsPasswordPolicy } from "../password-policy";
import { DemoBanner } from "./demo-banner";

interface ActivationForm {
  username: string;
  activationCode: string;
  newPassword: string;
  confirmPassword: string;
}

/** The refusals the page explains in the reader's language; null for others (the server's own message). */
function explained(t: Translate, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case "invalid_activation":
      return t("activate.invalid");
    case "activation_used":
      return t("activate.used");
    case "activation_expired":
      return t("activate.expired");
    case "disabled":
      return t("activate.disabled");
    default:
      return null;
  }
}

/**
 * 企业账号激活: an enterprise whose account the office created enters its username (or credit code), the
 * one-time activation code from its letter and a password of its own; then it signs in as usual.
 */
export function ActivationPage() {
  const t = useT();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const activate = useActivateAccount();

  const submit = (values: ActivationForm) =>
    activate.mutate({
      username: values.username,
      activationCode: values.activationCode,
      newPassword: values.newPassword,
    });

  const error = activate.error;

  return (
    <div style={{ minHeight: "100vh", display: "flex", flexDirection: "column", background: "#f0f2f5" }}>
      <DemoBanner />
      <div style={{ display: "flex", justifyContent: "flex-end", padding: "12px 24px" }}>
        <LanguageSwitch />
      </div>
      <main style={{ flex: 1, display: "flex", alignItems: "center", justifyContent: "center", padding: 24 }}>
        <Card style={{ width: 440, maxWidth: "100%" }}>
          {activate.data ? (
            <Result
              status="success"
              title={t("activate.doneTitle")}
              subTitle={t("activate.doneUsername", { username: activate.data.username })}
              extra={
                <Link to="/login">
                  <Button type="primary">{t("activate.toLogin")}</Button>
                </Link>
              }
            />
          ) : (
            <>
              <Typography.Title level={2} style={{ textAlign: "center", marginBottom: 4 }}>
                {t("activate.title")}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t("activate.intro")}</Typography.Paragraph>
              {error ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={explained(t, error) ?? errorText(error)}
                  description={
                    error instanceof ApiError && error.code === "rate_limited" ? t("activate.rateLimitedHint") : null
                  }
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              <Form<ActivationForm>
                name="activate"
                layout="vertical"
                onFinish={submit}
                requiredMark={false}
                initialValues={{ username: params.get("username") ?? "" }}
              >
                <Form.Item
                  label={t("activate.username")}
                  name="username"
                  extra={t("activate.usernameHint")}
                  rules={[{ required: true, message: t("activate.usernameRequired") }]}
                >
                  <Input prefix={<UserOutlined />} autoComplete="username" />
                </Form.Item>
                <Form.Item
                  label={t("activate.code")}
                  name="activationCode"
                  extra={t("activate.codeHint")}
                  rules={[{ required: true, message: t("activate.codeRequired") }]}
                >
                  <Input prefix={<KeyOutlined />} autoComplete="one-time-code" spellCheck={false} />
                </Form.Item>
                <Form.Item
                  label={t("password.new")}
                  name="newPassword"
                  extra={t("password.policyShort")}
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
                  <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
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
                  <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={activate.isPending}>
                  {t("activate.submit")}
                </Button>
              </Form>
              <div style={{ textAlign: "center", marginTop: 16 }}>
                <Link to="/login">{t("activate.backToLogin")}</Link>
              </div>
            </>
          )}
        </Card>
      </main>
    </div>
  );
}
