import { Card, Col, Row, Space, Statistic, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useTalentPeople, useTalentSummary } from "../api/talent-api";
import { PeopleTab } from "./people-tab";
import { PostsTab } from "./posts-tab";
import { RecommendationsTab } from "./recommendations-tab";

/**
 * 人才与岗位 (M13): the returning-talent ledger, enterprises' job posts with the talent that matches them, and the
 * recommendations with their outcome. An enterprise sees its own posts and the recommendations for them; `?tab=`
 * opens a tab.
 */
export function TalentPage() {
  const t = useT();
  const user = useCurrentUser().data;
  const staff = user != null && user.role !== "enterprise";
  const people = useTalentPeople(staff);
  const summary = useTalentSummary(staff);
  const [params, setParams] = useSearchParams();
  const keepers = people.data?.keepers.join("、") ?? "";
  const canKeep = people.data?.canKeep === true;
  const tabs = [
    ...(staff ? [{ key: "people", label: t("tal.tab.people"), children: <PeopleTab /> }] : []),
    { key: "posts", label: t("tal.tab.posts"), children: <PostsTab canKeep={canKeep} /> },
    { key: "recommendations", label: t("tal.tab.recommendations"), children: <RecommendationsTab /> },
  ];
  const active = tabs.some((tab) => tab.key === params.get("tab")) ? (params.get("tab") as string) : tabs[0]?.key;
  const stats = summary.data
    ? [
        { key: "people", value: summary.data.people },
        { key: "consented", value: summary.data.consented },
        { key: "openPositions", value: summary.data.openPositions },
        { key: "recommended", value: summary.data.recommended },
        { key: "interviewed", value: summary.data.interviewed },
        { key: "hired", value: summary.data.hired },
      ]
    : [];
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("tal.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {staff ? t("tal.intro", { keepers: keepers || "—" }) : t("tal.enterpriseIntro")}
        </Typography.Paragraph>
        {stats.length > 0 ? (
          <Row gutter={[12, 12]}>
            {stats.map((stat) => (
              <Col key={stat.key} xs={12} sm={8} lg={4}>
                <Statistic title={t(`tal.stat.${stat.key}` as "tal.stat.people")} value={stat.value} />
              </Col>
            ))}
          </Row>
        ) : null}
      </Card>
      <Card styles={{ body: { padding: "4px 12px 12px" } }}>
        <Tabs activeKey={active} onChange={(key) => setParams({ tab: key })} items={tabs} />
      </Card>
    </Space>
  );
}
