import { ApiOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { getCsrfToken } from "../../../shared/api/client";
import { useT } from "../../../shared/i18n/i18n";
import "swagger-ui-dist/swagger-ui.css";

const DOCUMENT_URL = "/api/openapi.json";

/**
 * 接口文档: the API's OpenAPI document rendered by Swagger UI, bundled with the web (no outside service: its
 * validator badge is off). "Try it out" calls the API as the signed-in user, with the session's CSRF token.
 */
export function ApiDocsPage() {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (cancelled || !container.current) return;
        SwaggerUI({
          domNode: container.current,
          url: DOCUMENT_URL,
          validatorUrl: null,
          deepLinking: false,
          docExpansion: "none",
          defaultModelsExpandDepth: -1,
          requestInterceptor: (request) => {
            const token = getCsrfToken();
            if (token && request.method && request.method.toUpperCase() !== "GET")
              request.headers["x-csrf-token"] = token;
            return request;
          },
        });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <ApiOutlined /> {t("apiDocs.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("apiDocs.intro")}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={DOCUMENT_URL} download="beizeng-openapi.json">
          {t("apiDocs.download")}
        </Button>
      </Card>
      {failed ? <Alert type="error" showIcon message={t("apiDocs.failed")} /> : null}
      <Card styles={{ body: { padding: 0, overflowX: "auto" } }}>
        <div ref={container} lang="en" />
      </Card>
    </Space>
  );
}
