import { EditOutlined } from "@ant-design/icons";
import { amountInUnit } from "@beizeng/domain/money";
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from "antd";
import { type ComponentType, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay, toFen } from "../../../shared/format/numbers";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnitName } from "../../units";
import {
  type EnterpriseDetail,
  enterpriseStatus,
  enterpriseTownName,
  type Figure,
  useEnterprise,
} from "../api/enterprises-api";
import { usePlanChains } from "../api/plan-chains";
import { ChainRolesCard } from "./chain-roles-card";
import { DeclaredFactsCard } from "./declared-facts-card";
import { EnterpriseFormModal } from "./enterprise-form-modal";
import { FiguresCard } from "./figures-card";
import { HistoryCard, ListingCard, ProfileCard, ScaleAndDesignationsCard, ServiceNotesCard } from "./register-sections";
import { RevenueChart, type RevenuePoint } from "./revenue-chart";
import { SupportCard } from "./support-sections";

const statusColors: Record<string, string> = { above: "green", reserve: "gold", other: "default" };

const FEN_PER_YI = 10_000_000_000n;

/**
 * The latest valid annual revenue of each year (corrected rows are left out), in 亿元 when the largest
 * year reaches one 亿, else in 万元; converted exactly, the number made only for drawing.
 */
export function annualRevenuePoints(figures: Figure[]): { unit: "wan" | "yi"; points: RevenuePoint[] } {
  const byYear = new Map<number, bigint>();
  for (const figure of figures) {
    if (figure.metric !== "revenue" || figure.month !== 0 || figure.supersededBy) continue;
    const fen = toFen(figure.value);
    if (fen !== null) byYear.set(figure.year, fen);
  }
  const largest = [...byYear.values()].reduce((max, fen) => (fen > max ? fen : max), 0n);
  const unit = largest >= FEN_PER_YI ? "yi" : "wan";
  const points = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, fen]) => ({
      year,
      value: unit === "yi" ? amountInUnit(fen, "亿元", 4) : amountInUnit(fen, "万元", 2),
    }));
  return { unit, points };
}

/**
 * The card of one enterprise's requests. The requests feature draws it and the app hands it in, so that the register
 * does not depend on the requests, which choose their enterprise from it.
 */
export type EnterpriseRequestsCard = ComponentType<{ enterpriseId: number; own: boolean }>;

function EnterpriseView({
  enterprise,
  RequestsCard,
}: {
  enterprise: EnterpriseDetail;
  RequestsCard: EnterpriseRequestsCard;
}) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const unitName = useUnitName();
  const chains = usePlanChains();
  const status = enterpriseStatus(enterprise) ?? enterprise.scaleHistory.at(-1)?.status ?? null;
  const revenue = useMemo(() => annualRevenuePoints(enterprise.figures), [enterprise.figures]);
  const revenueUnit = t(revenue.unit === "yi" ? "money.yi" : "money.wan");
  const revenueTitle = t("enterprises.revenueChart", { unit: revenueUnit });
  const user = useCurrentUser().data;
  const [editing, setEditing] = useState(false);
  const role = user?.role;
  const duties = role === "unit" ? (user?.unit?.duties ?? []) : [];
  const isOffice = role === "office";
  const isStaff = role !== undefined && role !== "enterprise";
  const figureUnit = duties.includes("confirmFigures");
  const ownEnterprise = role === "enterprise" && user?.enterprise?.id === enterprise.id;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {enterprise.name} {enterprise.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
          </Typography.Title>
          {isOffice ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("common.edit")}
            </Button>
          ) : null}
        </Space>
        <EnterpriseFormModal open={editing} enterprise={enterprise} onClose={() => setEditing(false)} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: "code", label: t("enterprises.creditCode"), children: enterprise.creditCode },
            {
              key: "chain",
              label: t("enterprises.chain"),
              children: chains.name(enterprise.chainId),
            },
            {
              key: "town",
              label: t("enterprises.town"),
              children: enterprise.town ? unitName(enterprise.town) : (enterpriseTownName(enterprise) ?? "—"),
            },
            { key: "industry", label: t("enterprises.industryCode"), children: enterprise.industryCode ?? "—" },
            {
              key: "status",
              label: t("enterprises.status"),
              children: status ? <Tag color={statusColors[status]}>{t(`scaleStatus.${status}`)}</Tag> : "—",
            },
            {
              key: "listing",
              label: t("enterprises.listingStage"),
              children: codeLabel("listingStage", enterprise.listingStage),
            },
            { key: "key", label: t("enterprises.key"), children: enterprise.isKey ? t("common.yes") : t("common.no") },
            { key: "leader", label: t("reg.leader"), children: enterprise.leader?.name ?? "—" },
            {
              key: "revenue",
              label: t("reg.latestRevenue"),
              children: enterprise.latestRevenueFen ? formatFenForDisplay(enterprise.latestRevenueFen) : "—",
            },
            {
              key: "designations",
              label: t("reg.designations"),
              children:
                (enterprise.designations ?? []).length === 0
                  ? "—"
                  : (enterprise.designations ?? []).map((d) => (
                      <Tag key={d.id} color="purple">
                        {t(`designation.${d.kind as "specialized"}`)}
                      </Tag>
                    )),
            },
            {
              key: "chainRoles",
              label: t("chainRole.title"),
              children:
                enterprise.chainRoles.length === 0 ? (
                  "—"
                ) : (
                  // The tags wrap within the screen, and a long one (English) breaks inside itself on a phone.
                  <Space size={[4, 4]} wrap>
                    {enterprise.chainRoles.map((role) => (
                      <Tag
                        key={role.id}
                        color={role.role === "leader" ? "gold" : "blue"}
                        style={{ whiteSpace: "normal", marginInlineEnd: 0 }}
                      >
                        {role.year} {chains.name(role.chainId)} {t(`chainRole.role.${role.role}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <ProfileCard enterprise={enterprise} canEdit={isOffice || ownEnterprise} />
      {ownEnterprise || isOffice || role === "leader" || role === "inspector" ? (
        <RequestsCard enterpriseId={enterprise.id} own={ownEnterprise} />
      ) : null}
      {isStaff ? <ChainRolesCard enterprise={enterprise} /> : null}
      {isStaff ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ScaleAndDesignationsCard enterprise={enterprise} canEdit={isOffice} />
          </Col>
          <Col xs={24} xl={12}>
            <ListingCard enterprise={enterprise} canEdit={isOffice || duties.includes("recordListings")} />
          </Col>
        </Row>
      ) : null}
      <Card title={revenueTitle} size="small">
        {revenue.points.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noData")} />
        ) : (
          <RevenueChart points={revenue.points} axisName={revenueUnit} label={revenueTitle} />
        )}
      </Card>
      <FiguresCard
        enterprise={enterprise}
        canEnter={isOffice || figureUnit || ownEnterprise}
        selfReport={ownEnterprise}
        canConfirm={isOffice || figureUnit}
      />
      <DeclaredFactsCard enterpriseId={enterprise.id} selfReport={ownEnterprise} />
      <SupportCard enterprise={enterprise} />
      {isStaff ? (
        <ServiceNotesCard
          enterprise={enterprise}
          canAdd={isOffice || (role === "leader" && enterprise.leader?.id === user?.id)}
        />
      ) : null}
      {isStaff ? <HistoryCard enterpriseId={String(enterprise.id)} /> : null}
    </Space>
  );
}

export function EnterpriseDetailPage({ RequestsCard }: { RequestsCard: EnterpriseRequestsCard }) {
  const { enterpriseId = "" } = useParams();
  const enterprise = useEnterprise(enterpriseId);
  return (
    <QueryBoundary isPending={enterprise.isPending} error={enterprise.error}>
      {() => (enterprise.data ? <EnterpriseView enterprise={enterprise.data} RequestsCard={RequestsCard} /> : null)}
    </QueryBoundary>
  );
}
