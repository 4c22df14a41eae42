import { Card, Space, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useT } from "../../../shared/i18n/i18n";
import { ParcelsTab } from "./parcels-tab";
import { ZombiesTab } from "./zombies-tab";

/** 地块与僵尸企业 (M1 腾笼换鸟): the platform's parcels and the zombie enterprises; `?tab=` opens a tab. */
export function LandPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tabs = [
    { key: "parcels", label: t("land.tab.parcels"), children: <ParcelsTab /> },
    { key: "zombies", label: t("land.tab.zombies"), children: <ZombiesTab /> },
  ];
  const active = tabs.some((tab) => tab.key === params.get("tab")) ? (params.get("tab") as string) : "parcels";
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("land.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("land.intro")}
        </Typography.Paragraph>
      </Card>
      <Card styles={{ body: { padding: "4px 12px 12px" } }}>
        <Tabs activeKey={active} onChange={(key) => setParams({ tab: key })} items={tabs} />
      </Card>
    </Space>
  );
}
