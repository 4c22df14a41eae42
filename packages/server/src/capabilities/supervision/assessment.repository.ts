/** Finalised year-end assessment results, one row per unit and year. */
import type { Insertable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { AssessmentResultTable } from "./tasks.table";

export async function findAssessmentResults(db: DbContext, districtId: string, year?: number) {
  let query = db.kysely
    .selectFrom("assessment_results as a")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .selectAll("a")
    .select("u.name as unit_name")
    .where("a.district_id", "=", districtId);
  if (year !== undefined) query = query.where("a.year", "=", year);
  return query.orderBy("a.year", "desc").orderBy("a.rank").orderBy("a.unit_id").execute();
}

export async function replaceAssessmentYear(
  db: DbContext,
  districtId: string,
  year: number,
  rows: Insertable<AssessmentResultTable>[],
): Promise<void> {
  await db.kysely
    .deleteFrom("assessment_results")
    .where("district_id", "=", districtId)
    .where("year", "=", year)
    .execute();
  if (rows.length > 0) await db.kysely.insertInto("assessment_results").values(rows).execute();
}
