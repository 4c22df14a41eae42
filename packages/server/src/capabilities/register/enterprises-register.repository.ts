/** Writes to the enterprise register and reads of its satellite records (designations, listing, notes, profile). */
import type { Insertable, Updateable } from "kysely";
import type { AuditLogRow } from "../../platform/audit/audit-log.table";
import type { DbContext } from "../../platform/db/database";
import type { FigureRow, FigureTable } from "../figures/index";
import type {
  EnterpriseDesignationRow,
  EnterpriseDesignationTable,
  EnterpriseListingEventRow,
  EnterpriseListingEventTable,
  EnterpriseProfileRow,
  EnterpriseProfileTable,
  EnterpriseServiceNoteRow,
  EnterpriseServiceNoteTable,
} from "./enterprise-register.table";
import type { EnterpriseRow, EnterpriseTable, ScaleStatus } from "./enterprises.table";

export async function findEnterpriseRow(db: DbContext, id: number): Promise<EnterpriseRow | undefined> {
  return db.kysely.selectFrom("enterprises").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findEnterpriseByCreditCode(
  db: DbContext,
  districtId: string,
  creditCode: string,
): Promise<EnterpriseRow | undefined> {
  return db.kysely
    .selectFrom("enterprises")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("credit_code", "=", creditCode)
    .executeTakeFirst();
}

export async function insertEnterpriseRow(db: DbContext, row: Insertable<EnterpriseTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("enterprises").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateEnterpriseRow(db: DbContext, id: number, patch: Updateable<EnterpriseTable>) {
  await db.kysely.updateTable("enterprises").set(patch).where("id", "=", id).execute();
}

export async function findScaleYear(db: DbContext, enterpriseId: number, year: number) {
  return db.kysely
    .selectFrom("enterprise_scale_years")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .where("year", "=", year)
    .executeTakeFirst();
}

export async function putScaleYear(db: DbContext, enterpriseId: number, year: number, status: ScaleStatus) {
  const existing = await findScaleYear(db, enterpriseId, year);
  if (existing) {
    await db.kysely
      .updateTable("enterprise_scale_years")
      .set({ status })
      .where("enterprise_id", "=", enterpriseId)
      .where("year", "=", year)
      .execute();
  } else {
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values({ enterprise_id: enterpriseId, year, status })
      .execute();
  }
}

export async function deleteScaleYear(db: DbContext, enterpriseId: number, year: number) {
  await db.kysely
    .deleteFrom("enterprise_scale_years")
    .where("enterprise_id", "=", enterpriseId)
    .where("year", "=", year)
    .execute();
}

export async function designationsOf(db: DbContext, enterpriseId: number): Promise<EnterpriseDesignationRow[]> {
  return db.kysely
    .selectFrom("enterprise_designations")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year")
    .orderBy("id")
    .execute();
}

export async function findDesignation(db: DbContext, id: number): Promise<EnterpriseDesignationRow | undefined> {
  return db.kysely.selectFrom("enterprise_designations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertDesignation(db: DbContext, row: Insertable<EnterpriseDesignationTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("enterprise_designations")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteDesignation(db: DbContext, id: number) {
  await db.kysely.deleteFrom("enterprise_designations").where("id", "=", id).execute();
}

export async function listingEventsOf(db: DbContext, enterpriseId: number): Promise<EnterpriseListingEventRow[]> {
  return db.kysely
    .selectFrom("enterprise_listing_events")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("event_date")
    .orderBy("id")
    .execute();
}

export async function insertListingEvent(db: DbContext, row: Insertable<EnterpriseListingEventTable>) {
  const inserted = await db.kysely
    .insertInto("enterprise_listing_events")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export interface ServiceNoteWithAuthor extends EnterpriseServiceNoteRow {
  author_name: string | null;
}

export async function serviceNotesOf(db: DbContext, enterpriseId: number): Promise<ServiceNoteWithAuthor[]> {
  return db.kysely
    .selectFrom("enterprise_service_notes as n")
    .leftJoin("users as u", "u.id", "n.author_user_id")
    .selectAll("n")
    .select("u.display_name as author_name")
    .where("n.enterprise_id", "=", enterpriseId)
    .orderBy("n.noted_on", "desc")
    .orderBy("n.id", "desc")
    .execute();
}

export async function insertServiceNote(db: DbContext, row: Insertable<EnterpriseServiceNoteTable>) {
  const inserted = await db.kysely
    .insertInto("enterprise_service_notes")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function profileOf(db: DbContext, enterpriseId: number): Promise<EnterpriseProfileRow | undefined> {
  return db.kysely
    .selectFrom("enterprise_profiles")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .executeTakeFirst();
}

export async function putProfile(db: DbContext, row: EnterpriseProfileTable) {
  const existing = await profileOf(db, row.enterprise_id);
  if (existing) {
    const { enterprise_id, ...patch } = row;
    await db.kysely.updateTable("enterprise_profiles").set(patch).where("enterprise_id", "=", enterprise_id).execute();
  } else {
    await db.kysely.insertInto("enterprise_profiles").values(row).execute();
  }
}

export async function findUserBrief(db: DbContext, id: number) {
  return db.kysely
    .selectFrom("users")
    .select(["id", "district_id", "role", "display_name", "username", "unit_id"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findUnitBrief(db: DbContext, id: number) {
  return db.kysely
    .selectFrom("units")
    .select(["id", "district_id", "code", "name", "kind"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findFigure(db: DbContext, id: number): Promise<FigureRow | undefined> {
  return db.kysely.selectFrom("figures").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The value in force of one figure: not superseded, official or self-reported as asked. */
export async function findCurrentFigure(
  db: DbContext,
  key: { enterpriseId: number; year: number; month: number; metric: string; official: boolean },
): Promise<FigureRow | undefined> {
  return db.kysely
    .selectFrom("figures")
    .selectAll()
    .where("enterprise_id", "=", key.enterpriseId)
    .where("metric", "=", key.metric)
    .where("year", "=", key.year)
    .where("month", "=", key.month)
    .where("official", "=", key.official ? 1 : 0)
    .where("superseded_by", "is", null)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function insertFigureRow(db: DbContext, row: Insertable<FigureTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("figures").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function markSuperseded(db: DbContext, id: number, by: number) {
  await db.kysely.updateTable("figures").set({ superseded_by: by }).where("id", "=", id).execute();
}

export async function markOfficial(db: DbContext, id: number) {
  await db.kysely.updateTable("figures").set({ official: 1 }).where("id", "=", id).execute();
}

/** Entity types whose audit entries name an enterprise id: an enterprise's change history. */
export const ENTERPRISE_HISTORY_TYPES = [
  "enterprise",
  "enterprise_scale_year",
  "enterprise_designation",
  "enterprise_chain_role",
  "enterprise_listing_event",
  "enterprise_service_note",
  "enterprise_profile",
  "figure",
  "enterprise_grant",
  "tech_project",
  "enterprise_event",
] as const;

export async function enterpriseAuditEntries(
  db: DbContext,
  districtId: string,
  enterpriseId: number,
  limit = 500,
): Promise<AuditLogRow[]> {
  return db.kysely
    .selectFrom("audit_log")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("entity_type", "in", [...ENTERPRISE_HISTORY_TYPES])
    .where("entity_id", "=", String(enterpriseId))
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
}
