import { Card, Space, Tabs, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../api/plan-api";
import { ClausesByDocument } from "./clause-text";
import { DraftTab } from "./draft/draft-tab";
import { PlanEditor } from "./editor/plan-editor";
import { MeasuresTab } from "./measures-tab";
import { createPlanLookup } from "./plan-lookup";
import { RewardsTab } from "./rewards-tab";
import { TargetsTab } from "./targets-tab";
import { UnitsTab } from "./units-tab";
import { VersionsTab } from "./versions/versions-tab";

/** The action plan as the district issued it: targets, measures, rewards and units, each with its clause. */
export function PlanPage() {
  const t = useT();
  const localized = useLocalizedText();
  const plan = usePlan();
  const lookup = useMemo(() => (plan.data ? createPlanLookup(plan.data) : null), [plan.data]);
  const role = useCurrentUser().data?.role;
  // The history is the office's, the leaders' and the inspector's (the server refuses units and enterprises);
  // only the office revises the plan.
  const mayReadVersions = role === "office" || role === "leader" || role === "inspector";
  const mayManage = role === "office";
  // The open tab is in the address, so a link (or a reload) opens the versions or the edit forms again.
  const [search, setSearch] = useSearchParams();
  const wanted = search.get("tab");
  const tab =
    (wanted === "versions" && mayReadVersions) ||
    ((wanted === "edit" || wanted === "draft") && mayManage) ||
    (wanted !== null && ["targets", "measures", "rewards", "units"].includes(wanted))
      ? (wanted as string)
      : "targets";
  const setTab = (key: string) => setSearch({ tab: key }, { replace: true });

  return (
    <QueryBoundary isPending={plan.isPending} error={plan.error}>
      {() =>
        plan.data && lookup ? (
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Card>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                {localized(plan.data.title, plan.data.titleEn)}
              </Typography.Title>
              <Space wrap size={[16, 8]}>
                <span>
                  <Typography.Text type="secondary">
                    {t("plan.documentNumber")}
                    {t("common.colon")}
                  </Typography.Text>
                  <Typography.Text strong>{plan.data.document.number ?? t("plan.notGiven")}</Typography.Text>
                </span>
                <span>
                  <Typography.Text type="secondary">
                    {t("plan.issuers")}
                    {t("common.colon")}
                  </Typography.Text>
                  {plan.data.document.issuers.length > 0 ? plan.data.document.issuers.join("、") : t("plan.notGiven")}
                </span>
                <span>
                  <Typography.Text type="secondary">
                    {t("plan.issued")}
                    {t("common.colon")}
                  </Typography.Text>
                  {plan.data.document.issued ?? t("plan.notGiven")}
                </span>
                <span>
                  <Typography.Text type="secondary">
                    {t("plan.period")}
                    {t("common.colon")}
                  </Typography.Text>
                  {plan.data.period.startYear}–{plan.data.period.endYear}
                </span>
                <span>
                  <Typography.Text type="secondary">
                    {t("plan.version")}
                    {t("common.colon")}
                  </Typography.Text>
                  {plan.data.version}
                </span>
              </Space>
              <div style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">
                  {t("plan.chains")}
                  {t("common.colon")}
                </Typography.Text>
                {plan.data.chains.map((chain) => (
                  <Tag
                    key={chain.id}
                    color={chain.role === "leading" ? "red" : chain.role === "supporting" ? "blue" : "default"}
                  >
                    {localized(chain.name, chain.nameEn)}
                  </Tag>
                ))}
              </div>
            </Card>
            <Card>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: "targets",
                    label: t("plan.tabTargets"),
                    children: <TargetsTab plan={plan.data} lookup={lookup} />,
                  },
                  {
                    key: "measures",
                    label: t("plan.tabMeasures"),
                    children: <MeasuresTab plan={plan.data} lookup={lookup} />,
                  },
                  {
                    key: "rewards",
                    label: t("plan.tabRewards"),
                    children: <RewardsTab plan={plan.data} lookup={lookup} />,
                  },
                  { key: "units", label: t("plan.tabUnits"), children: <UnitsTab plan={plan.data} /> },
                  {
                    key: "documents",
                    label: t("plan.tabDocuments"),
                    children: <ClausesByDocument plan={plan.data} />,
                  },
                  ...(mayReadVersions
                    ? [
                        {
                          key: "versions",
                          label: t("planVersions.tab"),
                          children: (
                            <VersionsTab plan={plan.data} mayManage={mayManage} onEdit={() => setTab("edit")} />
                          ),
                        },
                      ]
                    : []),
                  ...(mayManage
                    ? [
                        {
                          key: "edit",
                          label: t("planEdit.tab"),
                          children: (
                            <PlanEditor
                              key={`${plan.data.id}@${plan.data.version}`}
                              plan={plan.data}
                              onSaved={() => setTab("versions")}
                            />
                          ),
                        },
                        { key: "draft", label: t("planDraft.tab"), children: <DraftTab /> },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Space>
        ) : null
      }
    </QueryBoundary>
  );
}
