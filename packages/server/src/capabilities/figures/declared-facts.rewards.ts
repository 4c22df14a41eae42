/**
 * The plan's declared facts as the rewards engine reads them: each enterprise-year of its input gets the
 * year's values (`facts`), a fact kept by quarter or month summed once every period is there.
 */
import { type KeptFactValue, yearFactValues } from "@beizeng/domain/facts/declared-facts";
import type { DeclaredFact } from "@beizeng/domain/plan/schema";
import type { EnterpriseHistory } from "@beizeng/domain/rewards/types";
import type { DbContext } from "../../platform/db/database";
import { districtFactValues } from "./declared-facts.repository";

/** Adds to each listed enterprise-year the values of the plan's declared facts (nothing when it declares none). */
export async function declaredFactValuesOfDistrict(
  db: DbContext,
  districtId: string,
  facts: readonly DeclaredFact[],
  enterprises: readonly EnterpriseHistory[],
  enterpriseIdByCode: ReadonlyMap<string, number>,
): Promise<void> {
  if (facts.length === 0) return;
  const byEnterprise = new Map<number, KeptFactValue[]>();
  for (const row of await districtFactValues(db, districtId)) {
    const own = byEnterprise.get(row.enterprise_id) ?? [];
    own.push({ fact: row.fact, year: row.year, period: row.period, value: row.value });
    byEnterprise.set(row.enterprise_id, own);
  }
  for (const enterprise of enterprises) {
    const id = enterpriseIdByCode.get(enterprise.creditCode);
    const values = id === undefined ? undefined : byEnterprise.get(id);
    if (values === undefined) continue;
    for (const year of enterprise.years) {
      const read = yearFactValues(facts, values, year.year);
      if (Object.keys(read).length > 0) year.facts = read;
    }
  }
}

/** One value of a declared fact a target aggregates: money in fen, a quantity in hundredths, a count. */
export interface DeclaredFactFigure {
  enterpriseId: number;
  factId: string;
  year: number;
  period: number;
  value: bigint;
}

/** The values of the named numeric facts (the ones the plan's targets aggregate); none asked, none read. */
export async function declaredFactFiguresOfDistrict(
  db: DbContext,
  districtId: string,
  factIds: ReadonlySet<string>,
): Promise<DeclaredFactFigure[]> {
  if (factIds.size === 0) return [];
  const figures: DeclaredFactFigure[] = [];
  for (const row of await districtFactValues(db, districtId)) {
    // Kept exactly as digits (domain facts/declared-facts); a category's id is not aggregated.
    if (!factIds.has(row.fact) || !/^\d+$/.test(row.value)) continue;
    figures.push({
      enterpriseId: row.enterprise_id,
      factId: row.fact,
      year: row.year,
      period: row.period,
      value: BigInt(row.value),
    });
  }
  return figures;
}
