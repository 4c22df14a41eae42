/**
 * The rows a target computation reads (enterprises, scale history, current revenue figures, projects,
 * listing events, district investment, online service items) and the office's inputs for targets.
 */
import type { DbContext } from "../../platform/db/database";

export interface SnapshotEnterpriseRow {
  id: number;
  name: string;
  credit_code: string;
  chain_id: string;
  town_unit_id: number | null;
  town_code: string | null;
  town_name: string | null;
  is_key: number;
  leader_user_id: number | null;
  listing_stage: string | null;
}

export async function snapshotEnterprises(db: DbContext, districtId: string): Promise<SnapshotEnterpriseRow[]> {
  return db.kysely
    .selectFrom("enterprises as e")
    .leftJoin("units as town", "town.id", "e.town_unit_id")
    .select([
      "e.id",
      "e.name",
      "e.credit_code",
      "e.chain_id",
      "e.town_unit_id",
      "town.code as town_code",
      "town.name as town_name",
      "e.is_key",
      "e.leader_user_id",
      "e.listing_stage",
    ])
    .where("e.district_id", "=", districtId)
    .orderBy("e.id")
    .execute();
}

export async function snapshotScaleYears(
  db: DbContext,
  districtId: string,
): Promise<{ enterprise_id: number; year: number; status: string }[]> {
  return db.kysely
    .selectFrom("enterprise_scale_years as s")
    .innerJoin("enterprises as e", "e.id", "s.enterprise_id")
    .select(["s.enterprise_id", "s.year", "s.status"])
    .where("e.district_id", "=", districtId)
    .execute();
}

export interface SnapshotProjectRow {
  id: number;
  code: string;
  name: string;
  chain_id: string;
  planned_investment_fen: string;
  manufacturing: number;
  stage: string;
  introduced_year: number | null;
  leader_user_id: number | null;
  enterprise_id: number | null;
}

export async function snapshotProjects(db: DbContext, districtId: string): Promise<SnapshotProjectRow[]> {
  return db.kysely
    .selectFrom("projects")
    .select([
      "id",
      "code",
      "name",
      "chain_id",
      "planned_investment_fen",
      "manufacturing",
      "stage",
      "introduced_year",
      "leader_user_id",
      "enterprise_id",
    ])
    .where("district_id", "=", districtId)
    .orderBy("id")
    .execute();
}

/** The listing steps of the register (enterprise_listing_events), with the year each was reached. */
export async function listingEvents(
  db: DbContext,
  districtId: string,
): Promise<{ enterprise_id: number; stage: string; event_date: string }[]> {
  return db.kysely
    .selectFrom("enterprise_listing_events")
    .select(["enterprise_id", "stage", "event_date"])
    .where("district_id", "=", districtId)
    .orderBy("event_date")
    .execute();
}

export async function investmentYears(
  db: DbContext,
  districtId: string,
): Promise<{ year: number; total_fen: string; manufacturing_fen: string }[]> {
  return db.kysely
    .selectFrom("district_investment_years")
    .select(["year", "total_fen", "manufacturing_fen"])
    .where("district_id", "=", districtId)
    .orderBy("year")
    .execute();
}

export async function onlineServiceItems(
  db: DbContext,
  districtId: string,
): Promise<{ id: number; code: string; name: string; unit_id: number | null; online: number }[]> {
  return db.kysely
    .selectFrom("online_service_items")
    .select(["id", "code", "name", "unit_id", "online"])
    .where("district_id", "=", districtId)
    .orderBy("code")
    .execute();
}

/** Audit entries that never change what targets read: logins, logouts, accounts. */
const NOT_DATA = ["session", "user"];

/** What the district's data version is made of. */
export interface DataVersionParts {
  /** The sequence number of the district's latest audit entry that may concern the data (0 without any). */
  audit: number;
  /** The district's data version of figures, raised in the transaction of every write of figures. */
  figures: number;
}

/**
 * The two counters a cached computation is keyed on, in one round trip: every write of figures raises the
 * figures' version in its own transaction (audited or not), and every other change of data is audited in its
 * own transaction; logins and account changes leave both as they are.
 */
export async function dataVersionParts(db: DbContext, districtId: string): Promise<DataVersionParts> {
  const row = await db.kysely
    .selectNoFrom((eb) => [
      eb
        .selectFrom("audit_log")
        .select("seq")
        .where("district_id", "=", districtId)
        .where("entity_type", "not in", NOT_DATA)
        .orderBy("seq", "desc")
        .limit(1)
        .as("audit"),
      eb.selectFrom("district_data_versions").select("version").where("district_id", "=", districtId).as("figures"),
    ])
    .executeTakeFirstOrThrow();
  return { audit: Number(row.audit ?? 0), figures: Number(row.figures ?? 0) };
}

/** The kinds of audit entries of a district after a sequence number (what changed since a cached computation). */
export async function auditedKindsSince(db: DbContext, districtId: string, afterSeq: number): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom("audit_log")
    .select("entity_type")
    .distinct()
    .where("district_id", "=", districtId)
    .where("seq", ">", afterSeq)
    .where("entity_type", "not in", NOT_DATA)
    .execute();
  return rows.map((row) => row.entity_type);
}

export async function upsertInvestmentYear(
  db: DbContext,
  row: { district_id: string; year: number; total_fen: bigint; manufacturing_fen: bigint; updated_by: number | null },
): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto("district_investment_years")
    .values({ ...row, updated_at: now })
    .onConflict((oc) =>
      oc.columns(["district_id", "year"]).doUpdateSet({
        total_fen: row.total_fen,
        manufacturing_fen: row.manufacturing_fen,
        updated_at: now,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function deleteInvestmentYear(db: DbContext, districtId: string, year: number): Promise<void> {
  await db.kysely
    .deleteFrom("district_investment_years")
    .where("district_id", "=", districtId)
    .where("year", "=", year)
    .execute();
}

/** Replaces the district's list of service items (the office keeps it as one list). */
export async function replaceOnlineServiceItems(
  db: DbContext,
  districtId: string,
  items: { code: string; name: string; unit_id: number | null; online: boolean }[],
): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely.deleteFrom("online_service_items").where("district_id", "=", districtId).execute();
  if (items.length === 0) return;
  await db.kysely
    .insertInto("online_service_items")
    .values(
      items.map((item) => ({
        district_id: districtId,
        code: item.code,
        name: item.name,
        unit_id: item.unit_id,
        online: item.online ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}

export async function unitIdsIn(db: DbContext, districtId: string, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely
    .selectFrom("units")
    .select("id")
    .where("district_id", "=", districtId)
    .where("id", "in", ids)
    .execute();
  return rows.map((row) => row.id);
}

export async function boardPublication(
  db: DbContext,
  districtId: string,
): Promise<{ published: boolean; updatedAt: string | null }> {
  const row = await db.kysely
    .selectFrom("public_boards")
    .select(["published", "updated_at"])
    .where("district_id", "=", districtId)
    .executeTakeFirst();
  return { published: row?.published === 1, updatedAt: row?.updated_at ?? null };
}

export async function setBoardPublication(
  db: DbContext,
  districtId: string,
  published: boolean,
  userId: number | null,
): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto("public_boards")
    .values({ district_id: districtId, published: published ? 1 : 0, updated_at: now, updated_by: userId })
    .onConflict((oc) =>
      oc.column("district_id").doUpdateSet({ published: published ? 1 : 0, updated_at: now, updated_by: userId }),
    )
    .execute();
}

/** The districts whose office publishes the public board, with their names. */
export async function publishedBoards(db: DbContext): Promise<{ district_id: string; name: string }[]> {
  return db.kysely
    .selectFrom("public_boards as b")
    .innerJoin("districts as d", "d.id", "b.district_id")
    .select(["b.district_id", "d.name"])
    .where("b.published", "=", 1)
    .orderBy("b.district_id")
    .execute();
}

/** The office's threshold of a reported month, in thousandths of the directory; null when the office has set none. */
export async function monthCoverageSetting(db: DbContext, districtId: string): Promise<number | null> {
  const row = await db.kysely
    .selectFrom("dashboard_settings")
    .select("month_coverage_permille")
    .where("district_id", "=", districtId)
    .executeTakeFirst();
  return row?.month_coverage_permille ?? null;
}

export async function setMonthCoverageSetting(
  db: DbContext,
  districtId: string,
  permille: number,
  userId: number | null,
): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto("dashboard_settings")
    .values({ district_id: districtId, month_coverage_permille: permille, updated_at: now, updated_by: userId })
    .onConflict((oc) =>
      oc.column("district_id").doUpdateSet({ month_coverage_permille: permille, updated_at: now, updated_by: userId }),
    )
    .execute();
}

/** A stored answer of the dashboards, with the data version it was computed at. */
export interface StoredAnswer {
  audit: number;
  figures: number;
  body: string;
  computeMs: number;
}

export async function storedAnswer(
  db: DbContext,
  districtId: string,
  name: string,
  asOf: string,
): Promise<StoredAnswer | null> {
  const row = await db.kysely
    .selectFrom("computed_answers")
    .select(["audit_seq", "figures_version", "body", "compute_ms"])
    .where("district_id", "=", districtId)
    .where("name", "=", name)
    .where("as_of", "=", asOf)
    .executeTakeFirst();
  if (!row) return null;
  return {
    audit: Number(row.audit_seq),
    figures: Number(row.figures_version),
    body: row.body,
    computeMs: Number(row.compute_ms),
  };
}

/**
 * Keeps an answer, unless one computed at a newer data version is already kept (two processes may finish in either
 * order: the newer answer stays).
 */
export async function storeAnswer(
  db: DbContext,
  districtId: string,
  name: string,
  asOf: string,
  answer: StoredAnswer,
): Promise<void> {
  await db.kysely
    .insertInto("computed_answers")
    .values({
      district_id: districtId,
      name,
      as_of: asOf,
      audit_seq: answer.audit,
      figures_version: answer.figures,
      body: answer.body,
      compute_ms: answer.computeMs,
      computed_at: new Date().toISOString(),
    })
    .onConflict((oc) =>
      oc
        .columns(["district_id", "name", "as_of"])
        .doUpdateSet((eb) => ({
          audit_seq: eb.ref("excluded.audit_seq"),
          figures_version: eb.ref("excluded.figures_version"),
          body: eb.ref("excluded.body"),
          compute_ms: eb.ref("excluded.compute_ms"),
          computed_at: eb.ref("excluded.computed_at"),
        }))
        .where((eb) =>
          eb.and([
            eb("computed_answers.audit_seq", "<=", eb.ref("excluded.audit_seq")),
            eb("computed_answers.figures_version", "<=", eb.ref("excluded.figures_version")),
          ]),
        ),
    )
    .execute();
}

/** The districts whose kept answers took at least `ms` to compute (the large ones, warmed up at a start). */
export async function districtsWithSlowAnswers(db: DbContext, ms: number): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom("computed_answers")
    .select("district_id")
    .where("compute_ms", ">=", ms)
    .groupBy("district_id")
    .execute();
  return rows.map((row) => row.district_id);
}
