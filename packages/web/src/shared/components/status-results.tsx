import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { isForbidden, isNotFound } from "../api/client";
import { useErrorText } from "../api/error-text";
import { useT } from "../i18n/i18n";

export function ForbiddenResult({ detail }: { detail?: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t("forbidden.title")}
      subTitle={detail || t("forbidden.detail")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}

export function NotFoundResult() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.detail")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin size="large" aria-label={t("common.loading")} />
    </div>
  );
}

/** Shows the loading, forbidden, missing and failed states of a query; renders children once data is there. */
export function QueryBoundary({
  isPending,
  error,
  children,
}: {
  isPending: boolean;
  error: unknown;
  children: () => ReactNode;
}) {
  const t = useT();
  const errorText = useErrorText();
  if (error) {
    if (isForbidden(error)) return <ForbiddenResult detail={errorText(error)} />;
    if (isNotFound(error)) return <NotFoundResult />;
    return <Result status="error" title={t("error.loadFailed")} subTitle={errorText(error)} />;
  }
  if (isPending) return <PageLoading />;
  return <>{children()}</>;
}
