import { InboxOutlined } from "@ant-design/icons";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { Alert, App, Button, Divider, Drawer, Grid, Space, Steps, Typography, Upload } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../../shared/api/error-text";
import { useLocalizedText, useT } from "../../../../shared/i18n/i18n";
import { type PlanActivated, type PlanPreview, usePreviewPlan } from "../../api/plan-versions-api";
import { PlanDiffView } from "./plan-diff-view";
import { type PlanIssue, PlanIssueList, planIssuesOf } from "./plan-issues";
import { RevisionConfirm } from "./revision-confirm";

/** The largest plan file the server takes (its contract: two million characters). */
export const PLAN_FILE_MAX_BYTES = 2 * 1024 * 1024;
const PLAN_FILE_MAX_CHARS = 2_000_000;
const PLAN_FILE_TYPES = [".yaml", ".yml", ".json"];

/** A drawer wide enough for a difference on a desktop, the whole screen on a phone. */
function useDrawerWidth(): number | string {
  const screens = Grid.useBreakpoint();
  return screens.md ? 880 : "100%";
}

/** A previewed revision: its difference, then the year it takes effect and the reason, then the confirmation. */
export function RevisionReview({
  preview,
  content,
  fileName,
  plans,
  onDone,
  onCancel,
}: {
  preview: PlanPreview;
  content: string;
  fileName: string;
  plans: readonly PlanFile[];
  onDone: (activated: PlanActivated) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const localized = useLocalizedText();
  // The preview names the plan in Chinese; its English title is the revision's own when the editor sent it.
  const english = plans.find((plan) => plan.id === preview.plan.id && plan.title === preview.plan.title)?.titleEn;
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("planVersions.previewTitle", {
          title: localized(preview.plan.title, english),
          version: preview.plan.version,
        })}
      </Typography.Title>
      <PlanDiffView preview={preview} plans={plans} />
      <Divider />
      <RevisionConfirm preview={preview} content={content} fileName={fileName} onDone={onDone} onCancel={onCancel} />
    </Space>
  );
}

/** The office's check of a revision made in the edit forms, before it is saved. */
export function EditPreviewDrawer({
  open,
  preview,
  content,
  fileName,
  plans,
  onDone,
  onClose,
}: {
  open: boolean;
  preview: PlanPreview | null;
  content: string;
  fileName: string;
  plans: readonly PlanFile[];
  onDone: (activated: PlanActivated) => void;
  onClose: () => void;
}) {
  const t = useT();
  const width = useDrawerWidth();
  return (
    <Drawer open={open} onClose={onClose} size={width} title={t("planEdit.previewTitle")} destroyOnHidden>
      {preview ? (
        <RevisionReview
          preview={preview}
          content={content}
          fileName={fileName}
          plans={plans}
          onDone={onDone}
          onCancel={onClose}
        />
      ) : null}
    </Drawer>
  );
}

interface Chosen {
  content: string;
  fileName: string;
}

/**
 * Uploading a revised plan file: chosen and read in the browser (YAML or JSON, at most 2 MB), previewed by the
 * server (its difference, orphaned records, version problems, or the file's validation errors by path and
 * line), then confirmed with the year it takes effect and a reason.
 */
export function UploadRevisionDrawer({
  open,
  current,
  onClose,
}: {
  open: boolean;
  current: PlanFile;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const width = useDrawerWidth();
  const previewPlan = usePreviewPlan();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [issues, setIssues] = useState<{ issues: PlanIssue[]; message: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setChosen(null);
    setPreview(null);
    setIssues(null);
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const choose = async (file: File) => {
    reset();
    const lower = file.name.toLowerCase();
    if (!PLAN_FILE_TYPES.some((type) => lower.endsWith(type))) {
      void message.error(t("planVersions.fileType"));
      return;
    }
    if (file.size > PLAN_FILE_MAX_BYTES) {
      void message.error(t("planVersions.fileTooLarge"));
      return;
    }
    const content = await file.text();
    if (content.length > PLAN_FILE_MAX_CHARS) {
      void message.error(t("planVersions.fileTooLarge"));
      return;
    }
    if (content.trim() === "") {
      void message.error(t("planVersions.fileEmpty"));
      return;
    }
    setChosen({ content, fileName: file.name });
    previewPlan.mutate(
      { content, fileName: file.name },
      {
        onSuccess: setPreview,
        onError: (error) => {
          const found = planIssuesOf(error);
          if (found) setIssues({ issues: found, message: errorText(error) });
          else setFailure(errorText(error));
        },
      },
    );
  };

  const done = (_activated: PlanActivated) => close();
  const step = preview ? 1 : 0;

  return (
    <Drawer open={open} onClose={close} size={width} title={t("planVersions.uploadTitle")} destroyOnHidden>
      <Steps
        size="small"
        responsive={false}
        titlePlacement={width === "100%" ? "vertical" : "horizontal"}
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t("planVersions.stepChoose") },
          { title: t("planVersions.stepPreview") },
          { title: t("planVersions.stepConfirm") },
        ]}
      />
      {preview && chosen ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <Typography.Text type="secondary">
              {t("planVersions.chosenFile")}
              {t("common.colon")}
            </Typography.Text>
            <Typography.Text>{chosen.fileName}</Typography.Text>
            <Button size="small" onClick={reset}>
              {t("planVersions.chooseAnother")}
            </Button>
          </Space>
          <RevisionReview
            preview={preview}
            content={chosen.content}
            fileName={chosen.fileName}
            plans={[current]}
            onDone={done}
            onCancel={close}
          />
        </Space>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Upload.Dragger
            accept={PLAN_FILE_TYPES.join(",")}
            multiple={false}
            showUploadList={false}
            disabled={previewPlan.isPending}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("planVersions.dropFile")}</p>
            <p className="ant-upload-hint">{t("planVersions.dropHint", { version: current.version + 1 })}</p>
          </Upload.Dragger>
          {previewPlan.isPending ? <Alert type="info" showIcon title={t("planVersions.previewing")} /> : null}
          {issues ? (
            <PlanIssueList
              issues={issues.issues}
              title={t("planVersions.invalidTitle", { count: issues.issues.length, file: chosen?.fileName ?? "" })}
            />
          ) : null}
          {failure ? <Alert type="error" showIcon title={failure} /> : null}
        </Space>
      )}
    </Drawer>
  );
}
