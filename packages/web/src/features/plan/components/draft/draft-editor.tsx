import { ArrowLeftOutlined, DownloadOutlined, EyeOutlined } from "@ant-design/icons";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { Alert, Button, Collapse, Input, List, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useErrorText } from "../../../../shared/api/error-text";
import { useLanguage, useT } from "../../../../shared/i18n/i18n";
import { usePlan } from "../../api/plan-api";
import type { PlanDraft } from "../../api/plan-draft-api";
import { type PlanPreview, usePreviewPlan } from "../../api/plan-versions-api";
import { type DiffWords, describePath } from "../versions/diff-words";
import { type PlanIssue, PlanIssueList, planIssuesOf } from "../versions/plan-issues";
import { EditPreviewDrawer } from "../versions/revision-drawer";

const DRAFT_FILE_NAME = "方案草稿.yaml";

/**
 * The draft in the editor: the plan file as text, with the fields the document could not fill listed (each
 * marked 〔待核定〕 in the file with what to write). Checking it is the loader's own check, through the same
 * preview as an uploaded plan file: every unfilled mark and every other problem is named, and a draft that
 * passes is shown as its difference from the plan in force, then confirmed as the district's plan or its next
 * version with the year it takes effect and a reason.
 */
export function DraftEditor({ draft, onBack }: { draft: PlanDraft; onBack: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const current = usePlan().data;
  const previewPlan = usePreviewPlan();
  const [content, setContent] = useState(draft.yaml);
  const [issues, setIssues] = useState<PlanIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);

  const draftPlan = draft.plan as unknown as PlanFile;
  const words: DiffWords = useMemo(
    () => ({ plans: [draftPlan], language: language === "en" ? "en" : "zh", t }),
    [draftPlan, language, t],
  );
  const nameOf = (path: string) => describePath(path, draftPlan, words);

  const check = () => {
    setIssues(null);
    setFailure(null);
    previewPlan.mutate(
      { content, fileName: DRAFT_FILE_NAME },
      {
        onSuccess: setPreview,
        onError: (error) => {
          const found = planIssuesOf(error);
          if (found) setIssues(found);
          else setFailure(errorText(error));
        },
      },
    );
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([content], { type: "application/yaml;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = DRAFT_FILE_NAME;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="plan-draft-editor">
      <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("planDraft.editorTitle", { title: draft.title ?? draft.fileName })}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t("planDraft.backToReading")}
        </Button>
      </Space>
      <Alert type="info" showIcon title={t("planDraft.editorIntro")} />
      <Collapse
        items={[
          {
            key: "marks",
            label: t("planDraft.marksList", { count: draft.marks.length }),
            children: (
              <List
                size="small"
                style={{ maxHeight: 320, overflowY: "auto" }}
                dataSource={draft.marks}
                renderItem={(mark) => (
                  <List.Item>
                    <Typography.Text>
                      <Typography.Text strong>{nameOf(mark.path) ?? mark.path}</Typography.Text>
                      {t("common.colon")}
                      {mark.hint}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
      <Input.TextArea
        aria-label={t("planDraft.editorLabel")}
        value={content}
        onChange={(event) => {
          setContent(event.target.value);
          setIssues(null);
        }}
        autoSize={{ minRows: 16, maxRows: 32 }}
        spellCheck={false}
        style={{ fontFamily: "monospace", fontSize: 13 }}
      />
      {issues ? (
        <PlanIssueList issues={issues} title={t("planDraft.invalid", { count: issues.length })} nameOf={nameOf} />
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      <Space wrap>
        <Button type="primary" icon={<EyeOutlined />} onClick={check} loading={previewPlan.isPending}>
          {t("planDraft.check")}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t("planDraft.download")}
        </Button>
      </Space>
      <EditPreviewDrawer
        open={preview !== null}
        preview={preview}
        content={content}
        fileName={DRAFT_FILE_NAME}
        plans={current ? [current] : []}
        onClose={() => setPreview(null)}
        onDone={() => {
          setPreview(null);
          onBack();
        }}
      />
    </Space>
  );
}
