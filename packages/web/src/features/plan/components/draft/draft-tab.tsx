import { EditOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, List, Space, Table, Tabs, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../../shared/api/error-text";
import { formatYuanTextAuto } from "../../../../shared/format/numbers";
import { useT } from "../../../../shared/i18n/i18n";
import { type PlanDraft, useDraftPlan } from "../../api/plan-draft-api";
import { rateToPercent } from "../editor/draft";
import { DraftEditor } from "./draft-editor";

const DOCUMENT_TYPES = [".txt", ".docx"];
const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A target's value as the document writes it: an amount, a share, or a count. */
function useTargetValue() {
  const t = useT();
  return (target: PlanDraft["targets"][number]) => {
    if (target.unit === "yuan") return formatYuanTextAuto(target.value);
    if (target.unit === "share") return `${rateToPercent(target.value)}%`;
    return `${target.value} ${t(`measure.${target.unit}`)}`;
  };
}

/**
 * The office drafts a plan from its issued document: uploads the text (.txt or .docx), sees what was read — the
 * clauses by the document's numbering, the units its notes name, its targets and each sentence that promises
 * money — and opens the draft in the editor to fill what the document cannot say, then loads it as a version.
 */
export function DraftTab() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const draftPlan = useDraftPlan();
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [editing, setEditing] = useState(false);
  const targetValue = useTargetValue();

  const choose = (file: File) => {
    const lower = file.name.toLowerCase();
    if (!DOCUMENT_TYPES.some((type) => lower.endsWith(type))) {
      void message.error(t("planDraft.fileType"));
      return;
    }
    if (file.size > DOCUMENT_MAX_BYTES) {
      void message.error(t("planDraft.fileTooLarge"));
      return;
    }
    setEditing(false);
    draftPlan.mutate(file, { onSuccess: setDraft });
  };

  if (draft && editing) return <DraftEditor draft={draft} onBack={() => setEditing(false)} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Alert type="info" showIcon title={t("planDraft.intro")} />
      <Upload.Dragger
        accept={DOCUMENT_TYPES.join(",")}
        multiple={false}
        showUploadList={false}
        disabled={draftPlan.isPending}
        beforeUpload={(file) => {
          choose(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("planDraft.dropFile")}</p>
        <p className="ant-upload-hint">{t("planDraft.dropHint")}</p>
      </Upload.Dragger>
      {draftPlan.isPending ? <Alert type="info" showIcon title={t("planDraft.reading")} /> : null}
      {draftPlan.error ? <Alert type="error" showIcon title={errorText(draftPlan.error)} /> : null}
      {draft ? (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="plan-draft-result">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "file", label: t("planDraft.file"), children: draft.fileName },
              { key: "title", label: t("planDraft.title"), children: draft.title ?? t("planDraft.titleMissing") },
              {
                key: "base",
                label: t("planDraft.becomes"),
                children: draft.base
                  ? t("planDraft.nextVersion", { version: draft.base.version + 1 })
                  : t("planDraft.firstPlan"),
              },
              {
                key: "counts",
                label: t("planDraft.found"),
                children: t("planDraft.counts", {
                  clauses: draft.clauses.length,
                  units: draft.units.length,
                  targets: draft.targets.length,
                  money: draft.money.length,
                }),
              },
            ]}
          />
          <Alert
            type="warning"
            showIcon
            title={t("planDraft.marksIntro", { count: draft.marks.length })}
            action={
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("planDraft.openEditor")}
              </Button>
            }
          />
          <Tabs
            items={[
              {
                key: "clauses",
                label: t("planDraft.tabClauses", { count: draft.clauses.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 720 }}
                    dataSource={draft.clauses}
                    columns={[
                      { title: t("planDraft.section"), dataIndex: "section", width: 160 },
                      { title: t("planDraft.clauseTitle"), dataIndex: "title", width: 200 },
                      {
                        title: t("planDraft.clauseText"),
                        dataIndex: "text",
                        render: (text: string) => (
                          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                            {text}
                          </Typography.Paragraph>
                        ),
                      },
                    ]}
                  />
                ),
              },
              {
                key: "units",
                label: t("planDraft.tabUnits", { count: draft.units.length }),
                children: (
                  <Space orientation="vertical" style={{ width: "100%" }}>
                    {draft.collectives.length > 0 ? (
                      <Typography.Text type="secondary">
                        {t("planDraft.collectives", { names: draft.collectives.join("、") })}
                      </Typography.Text>
                    ) : null}
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      scroll={{ x: 560 }}
                      dataSource={draft.units}
                      columns={[
                        { title: t("planDraft.unitName"), dataIndex: "name" },
                        {
                          title: t("planDraft.unitKind"),
                          dataIndex: "kind",
                          width: 120,
                          render: (kind: PlanDraft["units"][number]["kind"]) => t(`unitKind.${kind}`),
                        },
                        {
                          title: t("planDraft.aliases"),
                          dataIndex: "aliases",
                          render: (aliases: string[]) => aliases.join("、"),
                        },
                        {
                          title: t("planDraft.unitState"),
                          dataIndex: "known",
                          width: 110,
                          render: (known: boolean) =>
                            known ? (
                              <Tag>{t("planDraft.unitKnown")}</Tag>
                            ) : (
                              <Tag color="blue">{t("planDraft.unitNew")}</Tag>
                            ),
                        },
                      ]}
                    />
                  </Space>
                ),
              },
              {
                key: "targets",
                label: t("planDraft.tabTargets", { count: draft.targets.length }),
                children: (
                  <List
                    size="small"
                    dataSource={draft.targets}
                    renderItem={(target) => (
                      <List.Item>
                        <Space wrap>
                          <Typography.Text>{target.quote}</Typography.Text>
                          <Tag color="green">{targetValue(target)}</Tag>
                          {target.aspiration ? <Tag>{t("plan.aspiration")}</Tag> : null}
                          {target.metric === null ? <Tag color="orange">{t("planDraft.metricToChoose")}</Tag> : null}
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: "money",
                label: t("planDraft.tabMoney", { count: draft.money.length }),
                children: (
                  <List
                    size="small"
                    dataSource={draft.money}
                    renderItem={(sentence) => (
                      <List.Item>
                        <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                          <Typography.Text>“{sentence.quote}”</Typography.Text>
                          <Space wrap size={[4, 4]}>
                            <Tag color="orange">{t(`planDraft.shape.${sentence.shape}`)}</Tag>
                            {[...new Set(sentence.amounts)].map((amount) => (
                              <Tag key={`yuan-${amount}`}>{formatYuanTextAuto(amount)}</Tag>
                            ))}
                            {[...new Set(sentence.rates)].map((rate) => (
                              <Tag key={`rate-${rate}`}>{rateToPercent(rate)}%</Tag>
                            ))}
                            {sentence.cap ? (
                              <Tag>{t("planDraft.cap", { amount: formatYuanTextAuto(sentence.cap) })}</Tag>
                            ) : null}
                          </Space>
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
            ]}
          />
        </Space>
      ) : null}
    </Space>
  );
}
