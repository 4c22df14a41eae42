import { PlusOutlined } from "@ant-design/icons";
import { PLACE_UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import {
  CHAIN_ROLES,
  type ChainRole,
  DESIGNATION_KINDS,
  LISTING_STAGES,
  SCALE_STATUSES,
} from "@beizeng/domain/register/vocabulary";
import { Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnits } from "../../units";
import {
  type EnterpriseFilters,
  type EnterpriseSummary,
  enterpriseStatus,
  enterpriseTownName,
  useEnterprises,
} from "../api/enterprises-api";
import { usePlanChains } from "../api/plan-chains";
import { EnterpriseFormModal } from "./enterprise-form-modal";

const statusColors: Record<string, string> = { above: "green", reserve: "gold", other: "default" };
const ellipsis = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 } as const;

export function EnterprisesPage() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const currentUser = useCurrentUser();
  const chains = usePlanChains();
  const units = useUnits();
  const [search] = useSearchParams();
  // The dashboards link to the chains' leaders: /enterprises?chainRole=leader.
  const linkedRole = CHAIN_ROLES.find((role) => role === search.get("chainRole"));
  const [filters, setFilters] = useState<EnterpriseFilters>({
    page: 1,
    pageSize: 20,
    ...(linkedRole ? { chainRole: linkedRole } : {}),
  });
  const enterprises = useEnterprises(filters);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const isOffice = currentUser.data?.role === "office";
  const { page: _page, pageSize: _pageSize, ...exportFilters } = filters;

  const townOptions = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => PLACE_UNIT_KINDS.includes(unit.kind))
        .map((unit) => ({ value: String(unit.id), label: localized(unit.name, unit.nameEn) })),
    [units.data, localized],
  );
  // The unit list carries the English name; the enterprise row only the Chinese one.
  const townName = (enterprise: EnterpriseSummary) =>
    townOptions.find((option) => option.value === String(enterprise.town?.id))?.label ??
    enterpriseTownName(enterprise) ??
    "—";

  const ownUnitName = (unit: { id: number; name: string }) => {
    const known = units.data?.find((candidate) => candidate.id === unit.id);
    return known ? localized(known.name, known.nameEn) : unit.name;
  };

  const change = (patch: Partial<EnterpriseFilters>) => setFilters((previous) => ({ ...previous, ...patch, page: 1 }));

  return (
    <Card>
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("enterprises.title")}
        </Typography.Title>
        <Space wrap>
          <ExportButton path="/api/enterprises/export" params={exportFilters} fileName="企业名录.xlsx" />
          {isOffice ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("reg.create")}
            </Button>
          ) : null}
        </Space>
      </Space>
      <EnterpriseFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/enterprises/${id}`)}
      />
      {currentUser.data?.role === "unit" && currentUser.data.unit ? (
        <Typography.Paragraph type="secondary">
          {t("scope.unit", { unit: ownUnitName(currentUser.data.unit) })}
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
          options={chains.options}
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
          options={SCALE_STATUSES.map((status) => ({
            value: status,
            label: t(`scaleStatus.${status}`),
          }))}
          onChange={(value?: string) => change({ status: value })}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t("reg.designation")}
          placeholder={t("reg.designation")}
          allowClear
          options={DESIGNATION_KINDS.map((kind) => ({ value: kind, label: t(`designation.${kind}`) }))}
          onChange={(value?: string) => change({ designation: value })}
          style={{ width: 140 }}
        />
        <Select<ChainRole>
          aria-label={t("chainRole.filter")}
          placeholder={t("chainRole.filter")}
          allowClear
          value={filters.chainRole}
          options={CHAIN_ROLES.map((role) => ({ value: role, label: t(`chainRole.role.${role}`) }))}
          onChange={(value?: ChainRole) => change({ chainRole: value })}
          style={{ width: 140 }}
        />
        <Select
          aria-label={t("enterprises.key")}
          placeholder={t("enterprises.key")}
          allowClear
          options={[
            { value: "true", label: t("reg.keyOnly") },
            { value: "false", label: t("reg.notKey") },
          ]}
          onChange={(value?: string) => change({ key: value })}
          style={{ width: 130 }}
        />
        <Select
          aria-label={t("enterprises.listingStage")}
          placeholder={t("enterprises.listingStage")}
          allowClear
          options={LISTING_STAGES.map((stage) => ({ value: stage, label: t(`listingStage.${stage}`) }))}
          onChange={(value?: string) => change({ listing: value })}
          style={{ width: 130 }}
        />
        <InputNumber
          aria-label={t("reg.reserveWithin")}
          placeholder={t("reg.reserveWithinShort")}
          min={0}
          suffix={t("money.wan")}
          onChange={(value) => change({ reserveWithin: typeof value === "number" ? value : undefined })}
          style={{ width: 230 }}
        />
        {currentUser.data?.role === "leader" ? (
          <Select
            aria-label={t("reg.mine")}
            placeholder={t("reg.mine")}
            allowClear
            options={[{ value: "true", label: t("reg.mineOnly") }]}
            onChange={(value?: string) => change({ mine: value })}
            style={{ width: 150 }}
          />
        ) : null}
      </Space>
      <QueryBoundary isPending={enterprises.isPending} error={enterprises.error}>
        {() => (
          <Table<EnterpriseSummary>
            rowKey="id"
            size="middle"
            loading={enterprises.isFetching}
            dataSource={enterprises.data?.items}
            // Fits a 1440 px screen; narrower screens scroll with the name kept in view.
            tableLayout="fixed"
            scroll={{ x: 1110 }}
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
                width: 220,
                fixed: "left" as const,
                render: (name: string, enterprise) => (
                  <div style={{ display: "flex", alignItems: "center", gap: 4, minWidth: 0 }}>
                    <Link to={`/enterprises/${enterprise.id}`} title={name} style={ellipsis}>
                      {name}
                    </Link>
                    {enterprise.isKey ? (
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        {t("enterprises.key")}
                      </Tag>
                    ) : null}
                    {enterprise.isDemo ? (
                      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                        {t("common.demo")}
                      </Tag>
                    ) : null}
                  </div>
                ),
              },
              { title: t("enterprises.creditCode"), dataIndex: "creditCode", width: 180, ellipsis: true },
              {
                title: t("enterprises.chain"),
                dataIndex: "chainId",
                width: 100,
                ellipsis: true,
                render: (chainId: string) => chains.name(chainId),
              },
              {
                title: t("enterprises.town"),
                key: "town",
                width: 100,
                ellipsis: true,
                render: (_, enterprise) => townName(enterprise),
              },
              {
                title: t("enterprises.status"),
                key: "status",
                width: 80,
                render: (_, enterprise) => {
                  const status = enterpriseStatus(enterprise);
                  return status ? <Tag color={statusColors[status]}>{t(`scaleStatus.${status}`)}</Tag> : "—";
                },
              },
              {
                title: t("reg.latestRevenue"),
                key: "revenue",
                width: 110,
                align: "right" as const,
                render: (_, enterprise) =>
                  enterprise.latestRevenueFen ? formatFenForDisplay(enterprise.latestRevenueFen) : "—",
              },
              {
                title: t("reg.reserveDistance"),
                key: "distance",
                width: 110,
                align: "right" as const,
                render: (_, enterprise) =>
                  enterprise.reserveDistanceFen ? formatFenForDisplay(enterprise.reserveDistanceFen) : "—",
              },
              {
                title: t("reg.leader"),
                key: "leader",
                width: 110,
                ellipsis: true,
                render: (_, enterprise) => enterprise.leader?.name ?? "—",
              },
              {
                title: t("enterprises.listingStage"),
                dataIndex: "listingStage",
                width: 100,
                ellipsis: true,
                render: (stage: string | null | undefined) => codeLabel("listingStage", stage),
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
