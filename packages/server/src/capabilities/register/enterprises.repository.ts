import { type ExpressionBuilder, sql } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { Database } from "../../platform/db/schema";
import type { FigureRow } from "../figures/index";
import type { EnterpriseRow, EnterpriseScaleYearRow } from "./enterprises.table";

export interface EnterpriseFilter {
  districtId: string;
  /** Only this enterprise (an enterprise account's own). */
  onlyId?: number;
  /** Part of the name or of the credit code. */
  q?: string;
  chain?: string;
  townUnitId?: number;
  /** Above-scale status in `year`, or in the latest year recorded when no year is given. */
  status?: string;
  year?: number;
  /** Holds this designation (any level, any year). */
  designation?: string;
  /** Holds this chain role: in the chain filtered by and in `year` when given, in any chain or year otherwise. */
  chainRole?: string;
  isKey?: boolean;
  listingStage?: string;
  /** In the reserve pool (latest status) with latest annual revenue at most this many fen below the threshold. */
  reserveWithin?: { thresholdFen: bigint; distanceFen: bigint };
  leaderUserId?: number;
}

export interface EnterpriseListRow extends EnterpriseRow {
  town_code: string | null;
  town_name: string | null;
  latest_year: number | null;
  latest_status: string | null;
  /** The latest official annual revenue in force (fen, decimal string) and its year. */
  latest_revenue_fen?: string | null;
  leader_name?: string | null;
}

/** The latest official annual revenue in force of the enterprise `e`, as a scalar subquery. */
function latestRevenue(eb: ExpressionBuilder<Database & { e: Database["enterprises"] }, "e">) {
  return eb
    .selectFrom("figures as f")
    .select("f.value")
    .whereRef("f.enterprise_id", "=", "e.id")
    .where("f.metric", "=", "revenue")
    .where("f.month", "=", 0)
    .where("f.official", "=", 1)
    .where("f.superseded_by", "is", null)
    .orderBy("f.year", "desc")
    .limit(1);
}

/** `column LIKE %text%` with the wildcards of `text` taken literally, on both dialects. */
export function containsText(column: string, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

export async function findEnterprises(
  db: DbContext,
  filter: EnterpriseFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: EnterpriseListRow[]; total: number }> {
  let query = db.kysely
    .selectFrom("enterprises as e")
    .leftJoin("units as town", "town.id", "e.town_unit_id")
    .where("e.district_id", "=", filter.districtId);
  if (filter.onlyId !== undefined) query = query.where("e.id", "=", filter.onlyId);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText("e.name", q), containsText("e.credit_code", q.toUpperCase())]));
  }
  // With a chain role, the chain is the one the role is held in (a leader of a chain may be registered in another).
  if (filter.chain && !filter.chainRole) query = query.where("e.chain_id", "=", filter.chain);
  if (filter.townUnitId !== undefined) query = query.where("e.town_unit_id", "=", filter.townUnitId);
  if (filter.status) {
    const status = filter.status;
    const year = filter.year;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("enterprise_scale_years as s")
          .select("s.year")
          .whereRef("s.enterprise_id", "=", "e.id")
          .where("s.status", "=", status as "above")
          .where(
            "s.year",
            "=",
            year !== undefined
              ? eb.val(year)
              : eb
                  .selectFrom("enterprise_scale_years as s2")
                  .select((eb2) => eb2.fn.max("s2.year").as("y"))
                  .whereRef("s2.enterprise_id", "=", "e.id"),
          ),
      ),
    );
  }
  if (filter.isKey !== undefined) query = query.where("e.is_key", "=", filter.isKey ? 1 : 0);
  if (filter.listingStage) query = query.where("e.listing_stage", "=", filter.listingStage);
  if (filter.leaderUserId !== undefined) query = query.where("e.leader_user_id", "=", filter.leaderUserId);
  if (filter.designation) {
    const kind = filter.designation as "specialized";
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("enterprise_designations as d")
          .select("d.id")
          .whereRef("d.enterprise_id", "=", "e.id")
          .where("d.kind", "=", kind),
      ),
    );
  }
  if (filter.chainRole) {
    const role = filter.chainRole as "leader";
    const { chain, year } = filter;
    query = query.where((eb) => {
      let held = eb
        .selectFrom("enterprise_chain_roles as cr")
        .select("cr.id")
        .whereRef("cr.enterprise_id", "=", "e.id")
        .where("cr.role", "=", role);
      if (chain) held = held.where("cr.chain_id", "=", chain);
      if (year !== undefined) held = held.where("cr.year", "=", year);
      return eb.exists(held);
    });
  }
  if (filter.reserveWithin) {
    const { thresholdFen, distanceFen } = filter.reserveWithin;
    query = query.where((eb) =>
      eb.and([
        eb(
          eb
            .selectFrom("enterprise_scale_years as s")
            .select("s.status")
            .whereRef("s.enterprise_id", "=", "e.id")
            .orderBy("s.year", "desc")
            .limit(1),
          "=",
          "reserve",
        ),
        eb(latestRevenue(eb), ">=", (thresholdFen - distanceFen).toString()),
      ]),
    );
  }
  const totalRow = await query.select((eb) => eb.fn.countAll().as("total")).executeTakeFirst();
  const rows = await query
    .selectAll("e")
    .select(["town.code as town_code", "town.name as town_name"])
    .select((eb) => [
      eb
        .selectFrom("enterprise_scale_years as s")
        .select("s.year")
        .whereRef("s.enterprise_id", "=", "e.id")
        .orderBy("s.year", "desc")
        .limit(1)
        .as("latest_year"),
      eb
        .selectFrom("enterprise_scale_years as s")
        .select("s.status")
        .whereRef("s.enterprise_id", "=", "e.id")
        .orderBy("s.year", "desc")
        .limit(1)
        .as("latest_status"),
      latestRevenue(eb).as("latest_revenue_fen"),
      eb
        .selectFrom("users as leader")
        .select("leader.display_name")
        .whereRef("leader.id", "=", "e.leader_user_id")
        .as("leader_name"),
    ])
    .orderBy("e.name")
    .orderBy("e.id")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows: rows as EnterpriseListRow[], total: Number(totalRow?.total ?? 0) };
}

export async function findEnterprise(db: DbContext, id: number): Promise<EnterpriseListRow | undefined> {
  const row = await db.kysely
    .selectFrom("enterprises as e")
    .leftJoin("units as town", "town.id", "e.town_unit_id")
    .selectAll("e")
    .select(["town.code as town_code", "town.name as town_name"])
    .where("e.id", "=", id)
    .executeTakeFirst();
  return row ? ({ ...row, latest_year: null, latest_status: null } as EnterpriseListRow) : undefined;
}

export async function scaleHistory(db: DbContext, enterpriseId: number): Promise<EnterpriseScaleYearRow[]> {
  return db.kysely
    .selectFrom("enterprise_scale_years")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year")
    .execute();
}

export async function figuresOf(db: DbContext, enterpriseId: number): Promise<FigureRow[]> {
  return db.kysely
    .selectFrom("figures")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year")
    .orderBy("month")
    .orderBy("metric")
    .orderBy("id")
    .execute();
}
