import { Alert, Card, Empty, Input, List, Select, Space, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { ExportButton } from "../../../shared/components/export-button";
import { LanguageSwitch } from "../../../shared/components/language-switch";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { type PublicFeeList, usePublicFees } from "../api/fees-api";

/**
 * The published list of fees charged to enterprises at /fees, for anyone without login and readable on a phone:
 * the latest version, or a past one chosen by its number (`?version=`) or by a day (`?date=`, the list as it stood).
 */
export function PublicFeesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const version = Number(params.get("version"));
  const date = params.get("date") ?? "";
  const query = {
    ...(Number.isInteger(version) && version > 0 ? { version } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}),
  };
  const list = usePublicFees(query);
  const choose = (next: { version?: number; date?: string }) => {
    const search = new URLSearchParams();
    if (next.version) search.set("version", String(next.version));
    if (next.date) search.set("date", next.date);
    setParams(search);
  };
  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <header
        style={{
          background: "#1f4e8c",
          color: "#fff",
          padding: "12px 16px",
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 8,
        }}
      >
        <Typography.Title level={1} style={{ color: "#fff", margin: 0, fontSize: 20 }}>
          {t("fee.public.title")}
        </Typography.Title>
        <span style={{ background: "#fff", borderRadius: 6 }}>
          <LanguageSwitch />
        </span>
      </header>
      <main style={{ maxWidth: 960, margin: "0 auto", padding: "12px 12px 32px", boxSizing: "border-box" }}>
        <QueryBoundary isPending={list.isPending} error={list.error}>
          {() =>
            list.data ? <FeeListView list={list.data} date={query.date ?? ""} choose={choose} query={query} /> : null
          }
        </QueryBoundary>
      </main>
    </div>
  );
}

function FeeListView({
  list,
  date,
  choose,
  query,
}: {
  list: PublicFeeList;
  date: string;
  choose: (next: { version?: number; date?: string }) => void;
  query: { version?: number; date?: string };
}) {
  const t = useT();
  const keepers = list.keepers.join("、");
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: 12 } }}>
        <Space wrap size={[12, 8]} style={{ width: "100%" }}>
          <span>
            {t("fee.public.chooseVersion")}{" "}
            <Select
              aria-label={t("fee.public.chooseVersion")}
              style={{ minWidth: 160 }}
              value={list.version && !date ? list.version.number : 0}
              onChange={(value: number) => choose(value > 0 ? { version: value } : {})}
              options={[
                { value: 0, label: t("fee.public.latest") },
                ...list.versions.map((version) => ({
                  value: version.number,
                  label: t("fee.version", { number: version.number }),
                })),
              ]}
            />
          </span>
          <span>
            {t("fee.public.asOf")}{" "}
            <Input
              type="date"
              aria-label={t("fee.public.asOf")}
              style={{ width: 170 }}
              value={date}
              onChange={(event) => choose(event.target.value ? { date: event.target.value } : {})}
            />
          </span>
          <ExportButton
            path="/api/public/fees/export"
            params={{ ...query, district: list.district.id }}
            fileName="涉企收费清单.xlsx"
            label={t("fee.public.export")}
          />
        </Space>
      </Card>
      {list.version ? (
        <Typography.Text strong>
          {t("fee.public.showing", {
            district: list.district.name,
            number: list.version.number,
            date: list.version.publishedOn,
          })}{" "}
          {list.version.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
        </Typography.Text>
      ) : null}
      {list.version?.note ? <Typography.Text type="secondary">{list.version.note}</Typography.Text> : null}
      {keepers ? <Typography.Text type="secondary">{t("fee.public.keepers", { keepers })}</Typography.Text> : null}
      {list.version === null ? (
        <Empty style={{ marginTop: 48 }} description={t("fee.public.none")} />
      ) : (
        <List
          dataSource={list.items}
          locale={{ emptyText: t("fee.noItems") }}
          renderItem={(item) => (
            <Card style={{ marginBottom: 8 }} styles={{ body: { padding: 12 } }} data-testid="published-fee">
              <Typography.Title level={2} style={{ fontSize: 16, margin: "0 0 6px" }}>
                {item.position}. {item.name}
              </Typography.Title>
              <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px" }}>
                <dt>{t("fee.chargingUnit")}</dt>
                <dd style={{ margin: 0 }}>{item.chargingUnit}</dd>
                <dt>{t("fee.standard")}</dt>
                <dd style={{ margin: 0 }}>{item.standard}</dd>
                <dt>{t("fee.legalBasis")}</dt>
                <dd style={{ margin: 0, overflowWrap: "anywhere" }}>{item.legalBasis}</dd>
                <dt>{t("fee.effective")}</dt>
                <dd style={{ margin: 0 }}>
                  {item.effectiveFrom} – {item.effectiveTo ?? t("fee.openEnded")}
                </dd>
              </dl>
            </Card>
          )}
        />
      )}
      <Alert
        type="info"
        showIcon
        title={t("fee.public.complain")}
        action={<Link to="/login?next=%2Ffee-list%3Ftab%3Dcomplaints">{t("fee.public.complainLink")}</Link>}
      />
    </Space>
  );
}
