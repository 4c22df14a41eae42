import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, List, Modal, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useT } from "../../../shared/i18n/i18n";
import { type ImportResult, useImportProjects } from "../api/projects-api";

/** Checks an .xlsx of projects first (every bad row listed), then applies it all at once. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const importProjects = useImportProjects();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    try {
      const answer = await importProjects.mutateAsync({ file, dryRun: dryRun ? "true" : "false" });
      setResult(answer);
      if (answer.ok && !dryRun) {
        message.success(t("pj.importDone", { created: answer.created, updated: answer.updated }));
        close();
      }
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const close = () => {
    setFile(null);
    setResult(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t("pj.importTitle")}
      onCancel={close}
      width={720}
      footer={
        <Space>
          <Button onClick={close}>{t("common.cancel")}</Button>
          <Button disabled={!file} onClick={() => run(true)} loading={importProjects.isPending}>
            {t("pj.importCheck")}
          </Button>
          <Button
            type="primary"
            disabled={!file || result?.ok !== true}
            onClick={() => run(false)}
            loading={importProjects.isPending}
          >
            {t("pj.importApply")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("pj.importHint")} <a href="/api/projects/export?template=1">{t("pj.template")}</a>
      </Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setResult(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
      >
        <Button icon={<UploadOutlined />}>{t("pj.chooseFile")}</Button>
      </Upload>
      {result ? (
        result.ok ? (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            message={t("pj.importChecked", { created: result.created, updated: result.updated })}
          />
        ) : (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            message={t("pj.importRejected", { count: result.errors.length })}
            description={
              <List
                size="small"
                dataSource={result.errors.slice(0, 100)}
                renderItem={(error) => <List.Item>{error.text}</List.Item>}
              />
            }
          />
        )
      ) : null}
    </Modal>
  );
}
