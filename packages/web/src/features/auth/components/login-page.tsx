import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { Link, Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError } from "../../../shared/api/client";
import { useErrorText } from "../../../shared/api/error-text";
import { LanguageSwitch } from "../../../shared/components/language-switch";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser, useLogin } from "../api/auth-api";
import { useMeta } from "../api/meta-api";
import { DemoBanner } from "./demo-banner";

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after signing in: the page that sent the user here, if it is one of ours. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const t = useT();
  const errorText = useErrorText();
  const meta = useMeta();
  const currentUser = useCurrentUser();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(location.search);

  if (currentUser.data) return <Navigate to={next} replace />;

  const submit = (values: LoginForm) => {
    login.mutate(values, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <div style={{ minHeight: "100vh", display: "flex", flexDirection: "column", background: "#f0f2f5" }}>
      <DemoBanner />
      <div style={{ display: "flex", justifyContent: "flex-end", padding: "12px 24px" }}>
        <LanguageSwitch />
      </div>
      <main style={{ flex: 1, display: "flex", alignItems: "center", justifyContent: "center", padding: 24 }}>
        <Card style={{ width: 400, maxWidth: "100%" }}>
          <Typography.Title level={2} style={{ textAlign: "center", marginBottom: 4 }}>
            {t("app.name")}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
            {meta.data?.district?.name ? `${meta.data.district.name} · ` : ""}
            {t("app.subtitle")}
          </Typography.Paragraph>
          {login.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorText(login.error)}
              description={
                login.error instanceof ApiError && login.error.code === "rate_limited"
                  ? t("login.rateLimitedHint")
                  : null
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form<LoginForm> name="login" layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item
              label={t("login.username")}
              name="username"
              rules={[{ required: true, message: t("login.usernameRequired") }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t("login.password")}
              name="password"
              rules={[{ required: true, message: t("login.passwordRequired") }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t("login.submit")}
            </Button>
          </Form>
          <div style={{ textAlign: "center", marginTop: 16 }}>
            <Link to="/activate">{t("login.activateLink")}</Link>
          </div>
        </Card>
      </main>
    </div>
  );
}
