import { Card, Space, Tabs, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useFeeItems } from "../api/fees-api";
import { ComplaintsTab } from "./complaints-tab";
import { InspectionsTab } from "./inspections-tab";
import { ItemsTab } from "./items-tab";

/**
 * 涉企收费 (M11): the items and the published versions, the complaints about charges and the inspections with their
 * accountability. An enterprise sees its own complaints only; `?tab=` opens a tab.
 */
export function FeesPage() {
  const t = useT();
  const user = useCurrentUser().data;
  const staff = user?.role !== "enterprise";
  const items = useFeeItems(staff);
  const [params, setParams] = useSearchParams();
  const keepers = items.data?.keepers.join("、") ?? "";
  const tabs = [
    ...(staff ? [{ key: "items", label: t("fee.tab.items"), children: <ItemsTab /> }] : []),
    { key: "complaints", label: t("fee.tab.complaints"), children: <ComplaintsTab /> },
    ...(staff ? [{ key: "inspections", label: t("fee.tab.inspections"), children: <InspectionsTab /> }] : []),
  ];
  const active = tabs.some((tab) => tab.key === params.get("tab")) ? (params.get("tab") as string) : tabs[0]?.key;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("fee.title")}
        </Typography.Title>
        {keepers ? <Typography.Paragraph type="secondary">{t("fee.intro", { keepers })}</Typography.Paragraph> : null}
        <Link to="/fees">{t("fee.publicLink")}</Link>
      </Card>
      <Card styles={{ body: { padding: "4px 12px 12px" } }}>
        <Tabs activeKey={active} onChange={(key) => setParams({ tab: key })} items={tabs} />
      </Card>
    </Space>
  );
}
