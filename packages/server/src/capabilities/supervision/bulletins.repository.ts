/** Issued supervision bulletins (immutable) and recorded summons talks. */
import type { Insertable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { BulletinTable, SummonsTalkTable } from "./tasks.table";

const BULLETIN_LIST_COLUMNS = [
  "id",
  "district_id",
  "year",
  "serial",
  "number_text",
  "title",
  "period_label",
  "period_start",
  "period_end",
  "sha256",
  "size_bytes",
  "issued_at",
  "issued_by",
] as const;

export async function listBulletinRows(db: DbContext, districtId: string) {
  return (
    db.kysely
      .selectFrom("bulletins")
      .select(BULLETIN_LIST_COLUMNS)
      // Whether its content was kept (and so it prints as PDF), without reading the content.
      .select((eb) => eb.case().when("document_json", "is", null).then(0).else(1).end().as("has_document"))
      .where("district_id", "=", districtId)
      .orderBy("year", "desc")
      .orderBy("serial", "desc")
      .execute()
  );
}

export async function findBulletinRow(db: DbContext, id: number) {
  return db.kysely.selectFrom("bulletins").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The next serial of the year; call inside the issuing transaction after lockDistrict (platform/plan). */
export async function nextBulletinSerial(db: DbContext, districtId: string, year: number): Promise<number> {
  const row = await db.kysely
    .selectFrom("bulletins")
    .select((eb) => eb.fn.max("serial").as("last"))
    .where("district_id", "=", districtId)
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertBulletin(db: DbContext, values: Insertable<BulletinTable>): Promise<number> {
  const row = await db.kysely.insertInto("bulletins").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSummonsTalk(db: DbContext, values: Insertable<SummonsTalkTable>): Promise<number> {
  const row = await db.kysely.insertInto("summons_talks").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function listSummonsTalks(db: DbContext, districtId: string, year?: number) {
  let query = db.kysely
    .selectFrom("summons_talks as s")
    .innerJoin("units as u", "u.id", "s.unit_id")
    .selectAll("s")
    .select("u.name as unit_name")
    .where("s.district_id", "=", districtId);
  if (year !== undefined) query = query.where("s.year", "=", year);
  return query.orderBy("s.talk_date", "desc").orderBy("s.id", "desc").execute();
}
