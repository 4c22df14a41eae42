import { Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth/api/auth-api";
import { usePlan } from "../../plan/api/plan-api";
import { useUnits } from "../../units/api/units-api";
import {
  type EnterpriseFilters,
  type EnterpriseSummary,
  enterpriseStatus,
  enterpriseTownName,
  useEnterprises,
} from "../api/enterprises-api";

const statusColors: Record<string, string> = { above: "green", reserve: "gold", other: "default" };

export function EnterprisesPage() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const currentUser = useCurrentUser();
  const plan = usePlan();
  const units = useUnits();
  const [filters, setFilters] = useState<EnterpriseFilters>({ page: 1, pageSize: 20 });
  const enterprises = useEnterprises(filters);

  const chainOptions = useMemo(
    () => (plan.data?.chains ?? []).map((chain) => ({ value: chain.id, label: localized(chain.name, chain.nameEn) })),
    [plan.data, localized],
  );
  const townOptions = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => unit.kind === "town" || unit.kind === "street")
        .map((unit) => ({ value: String(unit.id), label: localized(unit.name, unit.nameEn) })),
    [units.data, localized],
  );
  const chainName = (chainId: string) =>
    chainOptions.find((option) => option.value === chainId)?.label ?? codeLabel("chain", chainId);
  const townName = (enterprise: EnterpriseSummary) =>
    enterpriseTownName(enterprise) ??
    townOptions.find((option) => option.value === String(enterprise.townUnitId))?.label ??
    "—";

  const change = (patch: Partial<EnterpriseFilters>) => setFilters((previous) => ({ ...previous, ...patch, page: 1 }));

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("enterprises.title")}
      </Typography.Title>
      {currentUser.data?.role === "unit" && currentUser.data.unit ? (
        <Typography.Paragraph type="secondary">
          {t("scope.unit", { unit: currentUser.data.unit.name })}
        </Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t("enterprises.search")}
          placeholder={t("enterprises.searchPlaceholder")}
          allowClear
          onSearch={(value) => change({ q: value.trim() || undefined })}
          style={{ width: 280 }}
        />
        <Select
          aria-label={t("enterprises.chain")}
          placeholder={t("enterprises.chain")}
          allowClear
          options={chainOptions}
          onChange={(value?: string) => change({ chain: value })}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t("enterprises.town")}
          placeholder={t("enterprises.town")}
          allowClear
          options={townOptions}
          onChange={(value?: string) => change({ town: value })}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t("enterprises.status")}
          placeholder={t("enterprises.status")}
          allowClear
          options={(["above", "reserve", "other"] as const).map((status) => ({
            value: status,
            label: t(`scaleStatus.${status}`),
          }))}
          onChange={(value?: string) => change({ status: value })}
          style={{ width: 160 }}
        />
      </Space>
      <QueryBoundary isPending={enterprises.isPending} error={enterprises.error}>
        {() => (
          <Table<EnterpriseSummary>
            rowKey="id"
            size="middle"
            loading={enterprises.isFetching}
            dataSource={enterprises.data?.items}
            scroll={{ x: 900 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: enterprises.data?.total,
              showSizeChanger: true,
              showTotal: (total) => t("common.total", { total }),
              onChange: (page, pageSize) => setFilters((previous) => ({ ...previous, page, pageSize })),
            }}
            columns={[
              {
                title: t("enterprises.name"),
                dataIndex: "name",
                render: (name: string, enterprise) => (
                  <Space size={4}>
                    <Link to={`/enterprises/${enterprise.id}`}>{name}</Link>
                    {enterprise.isKey ? <Tag color="red">{t("enterprises.key")}</Tag> : null}
                    {enterprise.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </Space>
                ),
              },
              { title: t("enterprises.creditCode"), dataIndex: "creditCode", width: 200 },
              {
                title: t("enterprises.chain"),
                dataIndex: "chainId",
                width: 120,
                render: (chainId: string) => chainName(chainId),
              },
              {
                title: t("enterprises.town"),
                key: "town",
                width: 120,
                render: (_, enterprise) => townName(enterprise),
              },
              {
                title: t("enterprises.status"),
                key: "status",
                width: 110,
                render: (_, enterprise) => {
                  const status = enterpriseStatus(enterprise);
                  return status ? <Tag color={statusColors[status]}>{t(`scaleStatus.${status}`)}</Tag> : "—";
                },
              },
              {
                title: t("enterprises.listingStage"),
                dataIndex: "listingStage",
                width: 120,
                render: (stage: string | null | undefined) => codeLabel("listingStage", stage),
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
