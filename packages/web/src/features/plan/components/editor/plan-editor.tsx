import { EyeOutlined, UndoOutlined } from "@ant-design/icons";
import { diffPlans } from "@beizeng/domain/plan/diff";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { Alert, App, Badge, Button, Form, Popconfirm, Space, Tabs, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useErrorText } from "../../../../shared/api/error-text";
import { useLanguage, useT } from "../../../../shared/i18n/i18n";
import { type PlanPreview, usePlanVersions, usePreviewPlan } from "../../api/plan-versions-api";
import { type DiffWords, describePath } from "../versions/diff-words";
import { type PlanIssue, PlanIssueList, planIssuesOf } from "../versions/plan-issues";
import { EditPreviewDrawer } from "../versions/revision-drawer";
import { editablePaths, type FieldPath, nextVersion, nextVersionNumber, pathText, updateDraft } from "./draft";
import { PlanEditorContext, type PlanEditorState } from "./editor-context";
import { YuanField } from "./fields";
import { ParametersSection } from "./parameters-section";
import { RewardsSection } from "./rewards-section";
import { TargetsSection } from "./targets-section";
import { UnitsSection } from "./units-section";

type SectionKey = "parameters" | "threshold" | "rewards" | "units" | "targets";

/** The form section a plan path belongs to, for the count of messages on its tab. */
function sectionOf(path: string): SectionKey | null {
  const head = /^[A-Za-z]+/.exec(path)?.[0];
  if (head === "aboveScaleThreshold") return "threshold";
  if (head === "parameters" || head === "rewards" || head === "units" || head === "targets") return head;
  return null;
}

interface ServerIssues {
  message: string;
  issues: PlanIssue[];
}

interface Review {
  preview: PlanPreview;
  content: string;
  fileName: string;
  plan: PlanFile;
}

function ThresholdSection() {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("planEdit.thresholdIntro")}</Typography.Text>
      <YuanField path={["aboveScaleThreshold"]} label={t("planEdit.threshold")} width={320} />
    </Space>
  );
}

/**
 * The office edits a copy of the current plan (its readings, the above-scale threshold, the rewards' numbers,
 * the units, the targets) and saves it as the next version through the same preview and confirmation as an
 * uploaded file. The whole plan travels as JSON, so the saved version's YAML loads back to the same plan.
 */
export function PlanEditor({ plan, onSaved }: { plan: PlanFile; onSaved: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const versions = usePlanVersions();
  const previewPlan = usePreviewPlan();
  const [draft, setDraft] = useState<PlanFile>(plan);
  const [invalid, setInvalidMap] = useState<Record<string, string>>({});
  const [server, setServer] = useState<ServerIssues | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [section, setSection] = useState<SectionKey>("parameters");

  const update = useCallback((path: FieldPath, value: unknown) => {
    setDraft((current) => updateDraft(current, path, value));
    // The server's message about a field no longer holds once the field changed.
    const key = pathText(path);
    setServer((current) => {
      if (!current) return current;
      const issues = current.issues.filter((issue) => issue.path !== key && !issue.path.startsWith(`${key}.`));
      return issues.length === current.issues.length ? current : { ...current, issues };
    });
  }, []);

  const setInvalid = useCallback((path: FieldPath, text: string | null) => {
    const key = pathText(path);
    setInvalidMap((current) => {
      if (text === null) {
        if (!(key in current)) return current;
        const { [key]: _, ...rest } = current;
        return rest;
      }
      return current[key] === text ? current : { ...current, [key]: text };
    });
  }, []);

  const register = useCallback((path: FieldPath) => {
    const key = pathText(path);
    return () => {
      // A field that is no longer shown (a removed unit or milestone) holds no message either.
      setInvalidMap((current) => {
        if (!(key in current)) return current;
        const { [key]: _, ...rest } = current;
        return rest;
      });
    };
  }, []);

  const serverByPath = useMemo(() => {
    const byPath = new Map<string, string>();
    for (const issue of server?.issues ?? []) {
      byPath.set(issue.path, byPath.has(issue.path) ? `${byPath.get(issue.path)}；${issue.message}` : issue.message);
    }
    return byPath;
  }, [server]);

  const errorOf = useCallback(
    (path: FieldPath) => {
      const key = pathText(path);
      return invalid[key] ?? serverByPath.get(key);
    },
    [invalid, serverByPath],
  );

  const state: PlanEditorState = useMemo(
    () => ({ original: plan, draft, update, errorOf, setInvalid, register }),
    [plan, draft, update, errorOf, setInvalid, register],
  );

  const localDiff = useMemo(() => diffPlans(plan, draft), [plan, draft]);
  const changedFields = localDiff.changes.reduce((sum, change) => sum + Math.max(1, change.fields.length), 0);
  const dirty = changedFields > 0;

  // Leaving the page (closing the tab, reloading) with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const counts = useMemo(() => {
    const result: Record<SectionKey, number> = { parameters: 0, threshold: 0, rewards: 0, units: 0, targets: 0 };
    const keys = new Set([...Object.keys(invalid), ...serverByPath.keys()]);
    for (const key of keys) {
      const found = sectionOf(key);
      if (found) result[found] += 1;
    }
    return result;
  }, [invalid, serverByPath]);

  const words: DiffWords = useMemo(
    () => ({ plans: [draft, plan], language: language === "en" ? "en" : "zh", t }),
    [draft, plan, language, t],
  );
  // The server's messages no field of the forms shows, listed above them.
  const fields = useMemo(() => editablePaths(draft), [draft]);
  const unplaced = (server?.issues ?? []).filter((issue) => !fields.has(issue.path));
  const invalidCount = Object.keys(invalid).length;

  const discard = () => {
    setDraft(plan);
    setInvalidMap({});
    setServer(null);
    setFailure(null);
  };

  const preview = () => {
    setFailure(null);
    if (invalidCount > 0) {
      void message.error(t("planEdit.fixFirst", { count: invalidCount }));
      return;
    }
    const version = nextVersionNumber(plan, versions.data?.items ?? []);
    const next = nextVersion(draft, version);
    const content = JSON.stringify(next, null, 2);
    const fileName = `方案编辑（第${version}版）.json`;
    previewPlan.mutate(
      { content, fileName },
      {
        onSuccess: (answer) => {
          setServer(null);
          setReview({ preview: answer, content, fileName, plan: next });
        },
        onError: (error) => {
          const issues = planIssuesOf(error);
          if (issues) {
            setServer({ message: errorText(error), issues });
            const first = issues.map((issue) => sectionOf(issue.path)).find((found) => found !== null);
            if (first) setSection(first);
          } else {
            setFailure(errorText(error));
          }
        },
      },
    );
  };

  const tabLabel = (key: SectionKey, label: string) => (
    <Space size={6}>
      {label}
      {counts[key] > 0 ? <Badge count={counts[key]} size="small" /> : null}
    </Space>
  );

  return (
    <PlanEditorContext.Provider value={state}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          title={t("planEdit.intro", {
            current: plan.version,
            next: nextVersionNumber(plan, versions.data?.items ?? []),
          })}
        />
        {server ? (
          <PlanIssueList
            issues={unplaced}
            title={t(unplaced.length > 0 ? "planEdit.serverIssuesListed" : "planEdit.serverIssues", {
              count: server.issues.length,
            })}
            nameOf={(path) => describePath(path, draft, words)}
          />
        ) : null}
        {failure ? <Alert type="error" showIcon title={failure} /> : null}
        <Form layout="vertical" component="div">
          <Tabs
            activeKey={section}
            onChange={(key) => setSection(key as SectionKey)}
            items={[
              {
                key: "parameters",
                label: tabLabel("parameters", t("planEdit.tabParameters")),
                children: <ParametersSection />,
              },
              {
                key: "threshold",
                label: tabLabel("threshold", t("planEdit.tabThreshold")),
                children: <ThresholdSection />,
              },
              {
                key: "rewards",
                label: tabLabel("rewards", t("planEdit.tabRewards")),
                children: <RewardsSection />,
              },
              {
                key: "units",
                label: tabLabel("units", t("planEdit.tabUnits")),
                children: <UnitsSection />,
              },
              {
                key: "targets",
                label: tabLabel("targets", t("planEdit.tabTargets")),
                children: <TargetsSection />,
              },
            ]}
          />
        </Form>
        <div
          style={{
            position: "sticky",
            bottom: 0,
            zIndex: 3,
            background: "#fff",
            borderTop: "1px solid #f0f0f0",
            padding: "12px 0",
          }}
        >
          <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
            <Typography.Text type={invalidCount > 0 ? "danger" : "secondary"} data-testid="edit-status">
              {invalidCount > 0
                ? t("planEdit.invalidCount", { count: invalidCount })
                : dirty
                  ? t("planEdit.changedCount", { count: changedFields })
                  : t("planEdit.unchanged")}
            </Typography.Text>
            <Space wrap>
              <Popconfirm
                title={t("planEdit.discardConfirm")}
                onConfirm={discard}
                okText={t("common.confirm")}
                cancelText={t("common.cancel")}
                disabled={!dirty && invalidCount === 0}
              >
                <Button icon={<UndoOutlined />} disabled={!dirty && invalidCount === 0}>
                  {t("planEdit.discard")}
                </Button>
              </Popconfirm>
              <Button
                type="primary"
                icon={<EyeOutlined />}
                onClick={preview}
                loading={previewPlan.isPending}
                disabled={!dirty}
              >
                {t("planEdit.preview")}
              </Button>
            </Space>
          </Space>
        </div>
      </Space>
      <EditPreviewDrawer
        open={review !== null}
        preview={review?.preview ?? null}
        content={review?.content ?? ""}
        fileName={review?.fileName ?? ""}
        plans={review ? [review.plan, plan] : [plan]}
        onClose={() => setReview(null)}
        onDone={() => {
          setReview(null);
          onSaved();
        }}
      />
    </PlanEditorContext.Provider>
  );
}
