/** The values of the plan's declared facts: read per enterprise or district, written one period at a time. */
import type { DbContext } from "../../platform/db/database";
import type { DeclaredFactValueRow } from "./declared-facts.table";

export function enterpriseFactValues(db: DbContext, districtId: string, enterpriseId: number) {
  return db.kysely
    .selectFrom("declared_fact_values")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year", "desc")
    .orderBy("fact")
    .orderBy("period")
    .execute();
}

/** Every value of a district, for the rewards' input: enterprise, fact, year, period and value. */
export function districtFactValues(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("declared_fact_values")
    .select(["enterprise_id", "fact", "year", "period", "value"])
    .where("district_id", "=", districtId)
    .execute();
}

export interface FactValueKey {
  districtId: string;
  enterpriseId: number;
  fact: string;
  year: number;
  period: number;
}

export function findFactValue(db: DbContext, key: FactValueKey): Promise<DeclaredFactValueRow | undefined> {
  return db.kysely
    .selectFrom("declared_fact_values")
    .selectAll()
    .where("district_id", "=", key.districtId)
    .where("enterprise_id", "=", key.enterpriseId)
    .where("fact", "=", key.fact)
    .where("year", "=", key.year)
    .where("period", "=", key.period)
    .executeTakeFirst();
}

/** Writes a value over the period's earlier one (whose confirmation it clears); the audit keeps the old one. */
export async function writeFactValue(
  db: DbContext,
  key: FactValueKey,
  value: { value: string; sourceKind: string; sourceRef: string | null; at: string; by: number | null },
  existing: DeclaredFactValueRow | undefined,
): Promise<number> {
  const fields = {
    value: value.value,
    source_kind: value.sourceKind,
    source_ref: value.sourceRef,
    recorded_at: value.at,
    recorded_by: value.by,
    confirmed_at: null,
    confirmed_by: null,
  };
  if (existing !== undefined) {
    await db.kysely.updateTable("declared_fact_values").set(fields).where("id", "=", existing.id).execute();
    return existing.id;
  }
  const row = await db.kysely
    .insertInto("declared_fact_values")
    .values({
      district_id: key.districtId,
      enterprise_id: key.enterpriseId,
      fact: key.fact,
      year: key.year,
      period: key.period,
      ...fields,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function confirmFactValue(db: DbContext, id: number, at: string, by: number): Promise<void> {
  await db.kysely
    .updateTable("declared_fact_values")
    .set({ confirmed_at: at, confirmed_by: by })
    .where("id", "=", id)
    .execute();
}

/** The district's enterprises by credit code, for an import. */
export async function enterpriseIdsByCode(db: DbContext, districtId: string): Promise<Map<string, number>> {
  const rows = await db.kysely
    .selectFrom("enterprises")
    .select(["id", "credit_code"])
    .where("district_id", "=", districtId)
    .execute();
  return new Map(rows.map((row) => [row.credit_code, row.id]));
}
