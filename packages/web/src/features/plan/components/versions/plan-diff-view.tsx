import type { PlanEntryChange } from "@beizeng/domain/plan/diff";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { Alert, Collapse, Empty, Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useLanguage, useT } from "../../../../shared/i18n/i18n";
import type { PlanPreview } from "../../api/plan-versions-api";
import { type DiffWords, entryTitle, fieldWords, sectionLabel } from "./diff-words";

const CHANGE_COLORS: Record<PlanEntryChange["change"], string> = { added: "green", removed: "red", changed: "blue" };

/** What a previewed revision changes (by section, entry and field) and what stands in its way. */
export function PlanDiffView({ preview, plans }: { preview: PlanPreview; plans: readonly PlanFile[] }) {
  const t = useT();
  const { language } = useLanguage();
  const words: DiffWords = useMemo(
    () => ({ plans, language: language === "en" ? "en" : "zh", t }),
    [plans, language, t],
  );
  const { diff, orphans, problems } = preview;

  const sections = useMemo(() => {
    const grouped = new Map<PlanEntryChange["section"], PlanEntryChange[]>();
    for (const change of diff.changes) grouped.set(change.section, [...(grouped.get(change.section) ?? []), change]);
    return diff.summary.map((summary) => ({ summary, changes: grouped.get(summary.section) ?? [] }));
  }, [diff]);
  const fieldCount = diff.changes.reduce((sum, change) => sum + Math.max(1, change.fields.length), 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="plan-diff">
      <StatusLine preview={preview} />
      {orphans.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t("planVersions.orphansTitle", { count: orphans.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {orphans.map((orphan) => (
                <li key={`${orphan.section}:${orphan.id}`}>
                  {t("planVersions.orphanLine", {
                    what: t(orphan.section === "units" ? "planVersions.orphanUnit" : "planVersions.orphanChain"),
                    name: orphan.name,
                  })}
                  {orphan.records
                    .map((record) =>
                      t(
                        record.examples.length > 0
                          ? "planVersions.orphanRecordsExamples"
                          : "planVersions.orphanRecords",
                        {
                          label: t(`planVersions.orphanKind.${record.kind}`),
                          count: record.count,
                          examples: record.examples.join(language === "en" ? ", " : "、"),
                        },
                      ),
                    )
                    .join(language === "en" ? "; " : "；")}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t("planVersions.problemsTitle")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {preview.status === "first" ? null : diff.changes.length === 0 ? (
        <Empty description={t("planVersions.noChanges")} />
      ) : (
        <>
          <Typography.Text strong>
            {t("planVersions.changeCount", { entries: diff.changes.length, fields: fieldCount })}
          </Typography.Text>
          <Collapse
            size="small"
            defaultActiveKey={
              fieldCount <= 30 ? sections.map((item) => item.summary.section) : [sections[0]?.summary.section ?? ""]
            }
            items={sections.map(({ summary, changes }) => ({
              key: summary.section,
              label: (
                <Space wrap size={[8, 4]}>
                  <Typography.Text strong>{sectionLabel(summary.section, words.language)}</Typography.Text>
                  {summary.added > 0 ? (
                    <Tag color="green">{t("planVersions.added", { count: summary.added })}</Tag>
                  ) : null}
                  {summary.removed > 0 ? (
                    <Tag color="red">{t("planVersions.removed", { count: summary.removed })}</Tag>
                  ) : null}
                  {summary.changed > 0 ? (
                    <Tag color="blue">{t("planVersions.changed", { count: summary.changed })}</Tag>
                  ) : null}
                </Space>
              ),
              children: (
                <Space orientation="vertical" size="small" style={{ width: "100%" }}>
                  {changes.map((change) => (
                    <ChangeItem key={`${change.change}:${change.id ?? change.section}`} change={change} words={words} />
                  ))}
                </Space>
              ),
            }))}
          />
        </>
      )}
    </Space>
  );
}

function ChangeItem({ change, words }: { change: PlanEntryChange; words: DiffWords }) {
  const { t } = words;
  // The plan's own settings have no entry of their own: the section's heading names them already.
  const bare = change.id === undefined && change.fields.length > 0;
  return (
    <div>
      {bare ? null : (
        <Space wrap size={[8, 4]}>
          <Tag color={CHANGE_COLORS[change.change]}>{t(`planVersions.change.${change.change}`)}</Tag>
          <Typography.Text>{entryTitle(change, words)}</Typography.Text>
        </Space>
      )}
      {change.fields.length > 0 ? (
        <ul style={{ margin: bare ? 0 : "4px 0 0", paddingInlineStart: bare ? 20 : 28 }}>
          {change.fields.map((field) => {
            const text = fieldWords(field, change, words);
            return (
              <li key={field.path}>
                <Typography.Text type="secondary">
                  {text.label}
                  {t("common.colon")}
                </Typography.Text>
                <Typography.Text delete type="secondary">
                  {text.before}
                </Typography.Text>
                {" → "}
                <Typography.Text strong>{text.after}</Typography.Text>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function StatusLine({ preview }: { preview: PlanPreview }) {
  const t = useT();
  const next = { version: preview.plan.version };
  if (preview.status === "first") return <Alert type="info" showIcon title={t("planVersions.statusFirst", next)} />;
  if (preview.status === "unchanged") {
    return <Alert type="warning" showIcon title={t("planVersions.statusUnchanged", next)} />;
  }
  return (
    <Alert
      type="info"
      showIcon
      title={t("planVersions.statusRevision", {
        current: preview.current?.version ?? "—",
        version: preview.plan.version,
      })}
    />
  );
}
