/** Reading the enterprise register. An enterprise account only ever reaches its own enterprise. */
import type { FigureMetric, FigureSourceKind, FigureView } from "@beizeng/contract/figures";
import type {
  EnterpriseDetail,
  EnterprisePage,
  EnterpriseSummary,
  ListingStage,
  ScaleStatus,
} from "@beizeng/contract/register";
import { parseAmountInUnit, parseYuan } from "@beizeng/domain/money";
import type { AuthUser } from "../../platform/auth/auth.service";
import { allow } from "../../platform/auth/permissions";
import type { DbContext } from "../../platform/db/database";
import { forbidden, notFound } from "../../platform/errors";
import type { FigureRow } from "../figures/index";
import { getActivePlan } from "../plan/index";
import { chainRolesOfEnterprise, mayDesignateChainRoles } from "./chain-roles.service";
import { checkEnterpriseChain } from "./enterprise-chains";
import {
  type EnterpriseListRow,
  figuresOf,
  findEnterprise,
  findEnterprises,
  scaleHistory,
} from "./enterprises.repository";
import {
  designationsOf,
  findUserBrief,
  listingEventsOf,
  profileOf,
  serviceNotesOf,
} from "./enterprises-register.repository";

function toView(row: EnterpriseListRow, thresholdFen: bigint | null = null): EnterpriseSummary {
  const latestRevenue =
    row.latest_revenue_fen === undefined || row.latest_revenue_fen === null ? null : BigInt(row.latest_revenue_fen);
  const reserveDistance =
    row.latest_status === "reserve" && thresholdFen !== null
      ? thresholdFen - (latestRevenue ?? 0n) > 0n
        ? thresholdFen - (latestRevenue ?? 0n)
        : 0n
      : null;
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    town:
      row.town_unit_id !== null && row.town_code !== null
        ? { id: row.town_unit_id, code: row.town_code, name: row.town_name ?? "" }
        : null,
    chainId: row.chain_id,
    industryCode: row.industry_code,
    isKey: row.is_key === 1,
    // Stages, statuses, metrics and sources are written only from the contract's lists (forms, import, demo).
    listingStage: row.listing_stage as ListingStage | null,
    leaderUserId: row.leader_user_id,
    isDemo: row.is_demo === 1,
    scale:
      row.latest_year !== null && row.latest_status !== null
        ? { year: row.latest_year, status: row.latest_status as ScaleStatus }
        : null,
    leader: row.leader_user_id !== null ? { id: row.leader_user_id, name: row.leader_name ?? "" } : null,
    latestRevenueFen: latestRevenue === null ? null : latestRevenue.toString(),
    reserveDistanceFen: reserveDistance === null ? null : reserveDistance.toString(),
  };
}

/** The above-scale revenue threshold of the district's active plan, in fen (2000万元 for Changjiang). */
export async function aboveScaleThresholdFen(db: DbContext, districtId: string): Promise<bigint | null> {
  try {
    const plan = await getActivePlan(db, districtId);
    return parseYuan(String(plan.aboveScaleThreshold));
  } catch {
    return null;
  }
}

function toFigureView(row: FigureRow): FigureView {
  return {
    id: row.id,
    year: row.year,
    month: row.month,
    metric: row.metric as FigureMetric,
    value: String(row.value),
    sourceKind: row.source_kind as FigureSourceKind,
    sourceRef: row.source_ref,
    official: row.official === 1,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    supersededBy: row.superseded_by,
  };
}

export interface EnterpriseQuery {
  q?: string;
  chain?: string;
  town?: number;
  status?: string;
  year?: number;
  designation?: string;
  chainRole?: string;
  key?: boolean;
  listing?: string;
  /** 万元 */
  reserveWithin?: number;
  mine?: boolean;
  page: number;
  pageSize: number;
}

export async function listEnterprises(db: DbContext, user: AuthUser, query: EnterpriseQuery): Promise<EnterprisePage> {
  // A chain of another district's plan is a mistake to name, not an empty list.
  await checkEnterpriseChain(db, user.districtId, query.chain, { field: "chain" });
  const onlyId = user.role === "enterprise" ? (user.enterpriseId ?? -1) : undefined;
  const thresholdFen = await aboveScaleThresholdFen(db, user.districtId);
  const { rows, total } = await findEnterprises(
    db,
    {
      districtId: user.districtId,
      onlyId,
      q: query.q,
      chain: query.chain,
      townUnitId: query.town,
      status: query.status,
      year: query.year,
      designation: query.designation,
      chainRole: query.chainRole,
      isKey: query.key,
      listingStage: query.listing,
      leaderUserId: query.mine ? user.id : undefined,
      reserveWithin:
        query.reserveWithin !== undefined && thresholdFen !== null
          ? { thresholdFen, distanceFen: parseAmountInUnit(String(query.reserveWithin), 10000n) }
          : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: rows.map((row) => toView(row, thresholdFen)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    thresholdFen: thresholdFen?.toString() ?? null,
  };
}

/** One enterprise with its above-scale history and its figures (annual and monthly, corrections included). */
export async function getEnterprise(db: DbContext, user: AuthUser, id: number): Promise<EnterpriseDetail> {
  const row = await findEnterprise(db, id);
  if (!row || row.district_id !== user.districtId) {
    // An enterprise account learns nothing about other enterprises, not even whether they exist.
    if (user.role === "enterprise") throw forbidden("只能查看本企业的信息");
    throw notFound("企业不存在");
  }
  if (!allow(user, "enterprises.read", { districtId: row.district_id, enterpriseId: row.id })) {
    throw forbidden("只能查看本企业的信息");
  }
  const history = await scaleHistory(db, id);
  const figures = await figuresOf(db, id);
  const latest = history.at(-1);
  const thresholdFen = await aboveScaleThresholdFen(db, user.districtId);
  const latestAnnual = figures
    .filter((f) => f.metric === "revenue" && f.month === 0 && f.official === 1 && f.superseded_by === null)
    .sort((a, b) => b.year - a.year)[0];
  const leader = row.leader_user_id === null ? undefined : await findUserBrief(db, row.leader_user_id);
  const staff = user.role !== "enterprise";
  const profile = await profileOf(db, id);
  return {
    ...toView(
      {
        ...row,
        latest_year: latest?.year ?? null,
        latest_status: latest?.status ?? null,
        latest_revenue_fen: latestAnnual ? String(latestAnnual.value) : null,
        leader_name: leader?.display_name ?? null,
      },
      thresholdFen,
    ),
    thresholdFen: thresholdFen?.toString() ?? null,
    scaleHistory: history.map((h) => ({ year: h.year, status: h.status })),
    figures: figures.map(toFigureView),
    designations: (await designationsOf(db, id)).map((d) => ({ id: d.id, kind: d.kind, level: d.level, year: d.year })),
    chainRoles: await chainRolesOfEnterprise(db, user.districtId, id),
    canDesignateChainRoles: await mayDesignateChainRoles(db, user),
    listingEvents: (await listingEventsOf(db, id)).map((e) => ({
      id: e.id,
      stage: e.stage as ListingStage,
      date: e.event_date,
      note: e.note,
    })),
    profile: {
      contactName: profile?.contact_name ?? "",
      contactPhone: profile?.contact_phone ?? "",
      contactEmail: profile?.contact_email ?? "",
      address: profile?.address ?? "",
      businessScope: profile?.business_scope ?? "",
      updatedAt: profile?.updated_at ?? null,
    },
    // Visit logs and 一企一策 notes are internal to the government side.
    serviceNotes: staff
      ? (await serviceNotesOf(db, id)).map((n) => ({
          id: n.id,
          kind: n.kind,
          date: n.noted_on,
          content: n.content,
          author: n.author_name,
          createdAt: n.created_at,
        }))
      : [],
  };
}
