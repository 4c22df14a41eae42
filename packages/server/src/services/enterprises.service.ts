/** Reading the enterprise register. An enterprise account only ever reaches its own enterprise. */
import type { DbContext } from "../db/database";
import type { FigureRow } from "../db/tables/figures";
import { forbidden, notFound } from "../errors";
import { allow } from "../policies/permissions";
import {
  type EnterpriseListRow,
  figuresOf,
  findEnterprise,
  findEnterprises,
  scaleHistory,
} from "../repositories/enterprises.repository";
import type { AuthUser } from "./auth.service";

export interface EnterpriseView {
  id: number;
  creditCode: string;
  name: string;
  town: { id: number; code: string; name: string } | null;
  chainId: string;
  industryCode: string | null;
  isKey: boolean;
  listingStage: string | null;
  leaderUserId: number | null;
  isDemo: boolean;
  /** The most recent above-scale status recorded. */
  scale: { year: number; status: string } | null;
}

function toView(row: EnterpriseListRow): EnterpriseView {
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
    listingStage: row.listing_stage,
    leaderUserId: row.leader_user_id,
    isDemo: row.is_demo === 1,
    scale:
      row.latest_year !== null && row.latest_status !== null
        ? { year: row.latest_year, status: row.latest_status }
        : null,
  };
}

export interface FigureView {
  id: number;
  year: number;
  month: number;
  metric: string;
  /** Decimal string: fen for money, a count otherwise. */
  value: string;
  sourceKind: string;
  sourceRef: string | null;
  official: boolean;
  recordedAt: string;
  recordedBy: number | null;
  supersededBy: number | null;
}

function toFigureView(row: FigureRow): FigureView {
  return {
    id: row.id,
    year: row.year,
    month: row.month,
    metric: row.metric,
    value: String(row.value),
    sourceKind: row.source_kind,
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
  page: number;
  pageSize: number;
}

export async function listEnterprises(db: DbContext, user: AuthUser, query: EnterpriseQuery) {
  const onlyId = user.role === "enterprise" ? (user.enterpriseId ?? -1) : undefined;
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
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}

/** One enterprise with its above-scale history and its figures (annual and monthly, corrections included). */
export async function getEnterprise(db: DbContext, user: AuthUser, id: number) {
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
  return {
    ...toView({ ...row, latest_year: latest?.year ?? null, latest_status: latest?.status ?? null }),
    scaleHistory: history.map((h) => ({ year: h.year, status: h.status })),
    figures: figures.map(toFigureView),
  };
}
