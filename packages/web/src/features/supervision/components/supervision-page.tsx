import { Card, Tabs, Typography } from "antd";
import { useState } from "react";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { AssessmentTab } from "./assessment-tab";
import { BulletinsTab } from "./bulletins-tab";
import { RankingTab } from "./ranking-tab";

/** The years a bulletin or assessment may cover: the plan's period. */
function usePlanYears(): number[] {
  const plan = usePlan();
  const thisYear = new Date().getFullYear();
  const start = plan.data?.period.startYear ?? thisYear;
  const end = Math.max(plan.data?.period.endYear ?? thisYear, start);
  const years: number[] = [];
  for (let year = start; year <= end; year++) years.push(year);
  return years;
}

export function SupervisionPage() {
  const plan = usePlan();
  // The tabs start on the plan's last year, so they wait for the plan.
  return (
    <QueryBoundary isPending={plan.isPending} error={plan.error}>
      {() => <SupervisionTabs />}
    </QueryBoundary>
  );
}

function SupervisionTabs() {
  const t = useT();
  const years = usePlanYears();
  const [tab, setTab] = useState("bulletins");
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("supervision.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("supervision.intro")}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: "bulletins", label: t("supervision.bulletins"), children: <BulletinsTab years={years} /> },
          { key: "ranking", label: t("supervision.rankingTab"), children: <RankingTab years={years} /> },
          { key: "assessment", label: t("supervision.assessment"), children: <AssessmentTab years={years} /> },
        ]}
      />
    </Card>
  );
}
