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
