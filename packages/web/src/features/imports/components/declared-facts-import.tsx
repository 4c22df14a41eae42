import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../../plan";
import { useImportDeclaredFacts } from "../api/imports-api";

/**
 * The import of the facts the plan declares (electricity use, land area …): the template has a column per fact the
 * caller supplies; a file with any wrong cell is refused whole, each problem named by row and column.
 */
export function DeclaredFactsImport() {
  const t = useT();
  const localized = useLocalizedText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser().data;
  const plan = usePlan().data;
  const upload = useImportDeclaredFacts();
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirmsFigures = user?.unit?.duties.includes("confirmFigures") ?? false;
  const supplied = (plan?.facts ?? []).filter((fact) =>
    user?.role === "office"
      ? true
      : user?.role === "unit" &&
        (fact.suppliedBy === undefined ? confirmsFigures : fact.suppliedBy === user.unit?.code),
  );
  if (supplied.length === 0) return null;

  const send = (file: File) => {
    setRefusal(null);
    upload.mutate(file, {
      onSuccess: (done) =>
        void message.success(t("imp.facts.done", { values: done.values, enterprises: done.enterprises })),
      onError: (error) => setRefusal(errorText(error)),
    });
    return false;
  };

  return (
    <Card title={t("imp.facts.title")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          {t("imp.facts.hint", {
            facts: supplied.map((fact) => localized(fact.name, fact.nameEn)).join(t("imp.facts.separator")),
          })}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href="/api/imports/declared-facts/template" size="small">
          {t("imp.facts.template")}
        </Button>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={send}
          disabled={upload.isPending}
          aria-label={t("imp.facts.choose")}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("imp.facts.choose")}</p>
          <p className="ant-upload-hint">{t("imp.facts.chooseHint")}</p>
        </Upload.Dragger>
        {refusal ? <Alert type="error" showIcon title={refusal} /> : null}
        {upload.isSuccess ? (
          <Alert
            type="success"
            showIcon
            title={t("imp.facts.done", { values: upload.data.values, enterprises: upload.data.enterprises })}
          />
        ) : null}
      </Space>
    </Card>
  );
}
