/** The official calendar's rows (the only Kysely of the capability). */
import type { DbContext } from "../../platform/db/database";
import type { OfficialCalendarDayRow, OfficialCalendarDayTable } from "./calendar.table";

type NewDay = Omit<OfficialCalendarDayTable, "id">;

export async function listDays(db: DbContext, districtId: string, year?: number): Promise<OfficialCalendarDayRow[]> {
  let query = db.kysely.selectFrom("official_calendar_days").selectAll().where("district_id", "=", districtId);
  if (year !== undefined) query = query.where("year", "=", year);
  return query.orderBy("day").execute();
}

export async function findDay(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("official_calendar_days")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findDayOn(db: DbContext, districtId: string, date: string) {
  return db.kysely
    .selectFrom("official_calendar_days")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("day", "=", date)
    .executeTakeFirst();
}

export async function insertDays(db: DbContext, rows: NewDay[]): Promise<void> {
  // A few hundred rows at most; in slices so no statement nears SQLite's bound on parameters.
  for (let start = 0; start < rows.length; start += 50)
    await db.kysely
      .insertInto("official_calendar_days")
      .values(rows.slice(start, start + 50))
      .execute();
}

export async function insertDay(db: DbContext, row: NewDay): Promise<number> {
  const inserted = await db.kysely
    .insertInto("official_calendar_days")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateDay(db: DbContext, id: number, values: Partial<NewDay>): Promise<void> {
  await db.kysely.updateTable("official_calendar_days").set(values).where("id", "=", id).execute();
}

export async function deleteDay(db: DbContext, id: number): Promise<void> {
  await db.kysely.deleteFrom("official_calendar_days").where("id", "=", id).execute();
}

export async function deleteYear(db: DbContext, districtId: string, year: number): Promise<number> {
  const result = await db.kysely
    .deleteFrom("official_calendar_days")
    .where("district_id", "=", districtId)
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function shippedYearsLoaded(db: DbContext, districtId: string): Promise<Set<number>> {
  const rows = await db.kysely
    .selectFrom("official_calendar_shipped_years")
    .select("year")
    .where("district_id", "=", districtId)
    .execute();
  return new Set(rows.map((row) => Number(row.year)));
}

export async function markShippedYearLoaded(db: DbContext, districtId: string, year: number, at: string) {
  await db.kysely
    .insertInto("official_calendar_shipped_years")
    .values({ district_id: districtId, year, loaded_at: at })
    .execute();
}
