/** The fee list's items, published versions, complaints (with the request each is handled as) and inspections. */
import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type {
  FeeComplaintTable,
  FeeInspectionTable,
  FeeItemTable,
  FeeListEntryTable,
  FeeListVersionRow,
  FeeListVersionTable,
} from "./fees.table";

export async function findFeeItems(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("fee_items")
    .selectAll()
    .where("district_id", "=", districtId)
    .orderBy("charging_unit")
    .orderBy("id")
    .execute();
}

export async function findFeeItem(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("fee_items")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertFeeItem(db: DbContext, row: Insertable<FeeItemTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("fee_items").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateFeeItem(db: DbContext, id: number, values: Updateable<FeeItemTable>): Promise<void> {
  await db.kysely.updateTable("fee_items").set(values).where("id", "=", id).execute();
}

export interface VersionWithCount extends FeeListVersionRow {
  item_count: number;
}

export async function findFeeListVersions(db: DbContext, districtId: string): Promise<VersionWithCount[]> {
  const rows = await db.kysely
    .selectFrom("fee_list_versions as v")
    .leftJoin("fee_list_entries as e", "e.version_id", "v.id")
    .selectAll("v")
    .select((eb) => eb.fn.count<number>("e.position").as("item_count"))
    .where("v.district_id", "=", districtId)
    .groupBy([
      "v.id",
      "v.district_id",
      "v.number",
      "v.published_on",
      "v.published_at",
      "v.published_by",
      "v.note",
      "v.is_demo",
    ])
    .orderBy("v.number", "desc")
    .execute();
  return rows.map((row) => ({ ...row, item_count: Number(row.item_count) }));
}

export async function insertFeeListVersion(
  db: DbContext,
  version: Omit<Insertable<FeeListVersionTable>, "number">,
  entries: Omit<Insertable<FeeListEntryTable>, "version_id">[],
): Promise<number> {
  const last = await db.kysely
    .selectFrom("fee_list_versions")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("district_id", "=", version.district_id)
    .executeTakeFirst();
  const number = Number(last?.number ?? 0) + 1;
  const inserted = await db.kysely
    .insertInto("fee_list_versions")
    .values({ ...version, number })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (entries.length > 0)
    await db.kysely
      .insertInto("fee_list_entries")
      .values(entries.map((entry) => ({ ...entry, version_id: inserted.id })))
      .execute();
  return number;
}

export async function findFeeListEntries(db: DbContext, versionId: number) {
  return db.kysely
    .selectFrom("fee_list_entries")
    .selectAll()
    .where("version_id", "=", versionId)
    .orderBy("position")
    .execute();
}

export async function insertFeeComplaint(db: DbContext, row: Insertable<FeeComplaintTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("fee_complaints").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

/** Complaints with the request each is handled as: its status, unit, deadline and answer. */
export async function findFeeComplaints(
  db: DbContext,
  districtId: string,
  enterpriseId?: number,
  assignedUnitId?: number,
) {
  let query = db.kysely
    .selectFrom("fee_complaints as c")
    .innerJoin("enterprise_requests as r", "r.id", "c.request_id")
    .innerJoin("enterprises as e", "e.id", "c.enterprise_id")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .leftJoin("fee_items as i", "i.id", "c.fee_item_id")
    .selectAll("c")
    .select([
      "e.name as enterprise_name",
      "r.content",
      "r.status",
      "r.deadline",
      "r.answer",
      "r.answered_at",
      "u.name as unit_name",
      "i.name as item_name",
      "i.standard as item_standard",
    ])
    .where("c.district_id", "=", districtId);
  if (enterpriseId !== undefined) query = query.where("c.enterprise_id", "=", enterpriseId);
  if (assignedUnitId !== undefined) query = query.where("r.unit_id", "=", assignedUnitId);
  return query.orderBy("c.id", "desc").execute();
}
export type FeeComplaintListRow = Awaited<ReturnType<typeof findFeeComplaints>>[number];

export async function findFeeComplaintId(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("fee_complaints")
    .select("id")
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findFeeInspections(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("fee_inspections as i")
    .leftJoin("users as u", "u.id", "i.recorded_by")
    .selectAll("i")
    .select("u.display_name as recorded_by_name")
    .where("i.district_id", "=", districtId)
    .orderBy("i.inspected_on", "desc")
    .orderBy("i.id", "desc")
    .execute();
}
export type FeeInspectionListRow = Awaited<ReturnType<typeof findFeeInspections>>[number];

export async function findFeeInspection(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("fee_inspections")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertFeeInspection(db: DbContext, row: Insertable<FeeInspectionTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("fee_inspections").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateFeeInspection(
  db: DbContext,
  id: number,
  values: Updateable<FeeInspectionTable>,
): Promise<void> {
  await db.kysely.updateTable("fee_inspections").set(values).where("id", "=", id).execute();
}

/** Marks the district's fee records as demo data and dates its versions, oldest first, on the days given. */
export async function markFeeRecordsAsDemo(db: DbContext, districtId: string, versionDays: readonly string[]) {
  for (const table of ["fee_items", "fee_complaints", "fee_inspections", "fee_list_versions"] as const)
    await db.kysely.updateTable(table).set({ is_demo: 1 }).where("district_id", "=", districtId).execute();
  const versions = await db.kysely
    .selectFrom("fee_list_versions")
    .select(["id", "published_at"])
    .where("district_id", "=", districtId)
    .orderBy("number")
    .execute();
  for (const [index, version] of versions.entries()) {
    const day = versionDays[index];
    if (day === undefined) break;
    await db.kysely
      .updateTable("fee_list_versions")
      .set({ published_on: day, published_at: `${day}T02:00:00.000Z` })
      .where("id", "=", version.id)
      .execute();
  }
}

/** The district's inspections whose day falls within [from, to] (both included). */
export async function countFeeInspections(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("fee_inspections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("district_id", "=", districtId)
    .where("inspected_on", ">=", from)
    .where("inspected_on", "<=", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
