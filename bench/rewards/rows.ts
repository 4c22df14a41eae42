/**
 * The common form every competitor's entitlements are reduced to, and the comparison with the
 * oracle's. Amounts are exact fen (bigint); null is R-500's "decided case by case".
 */
export interface EntitlementRow {
  creditCode: string;
  ruleId: string;
  /** Milestone threshold in yuan ("5000000000"), band or rate ("0.05", "0.20"), listing kind, or null. */
  tier: string | null;
  year: number;
  amount: bigint | null;
  /** The grant, tech project or investment project paid for. */
  subjectId: string | null;
}

/** One line per entitlement: code|year|rule|tier|subject|fen. */
export function rowLine(row: EntitlementRow): string {
  const amount = row.amount === null ? "null" : row.amount.toString();
  return `${row.creditCode}|${row.year}|${row.ruleId}|${row.tier ?? "-"}|${row.subjectId ?? "-"}|${amount}`;
}

export function sortedLines(rows: readonly EntitlementRow[]): string[] {
  const lines = rows.map(rowLine);
  lines.sort();
  return lines;
}

export interface RowDifference {
  /** Lines the oracle has and the competitor does not (or has fewer times). */
  missing: string[];
  /** Lines the competitor has and the oracle does not. */
  extra: string[];
}

/** The multiset difference between two sorted line lists (the first `limit` of each side). */
export function compareLines(expected: readonly string[], actual: readonly string[], limit = 10): RowDifference {
  const missing: string[] = [];
  const extra: string[] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    const left = expected[i];
    const right = actual[j];
    if (left !== undefined && right !== undefined && left === right) {
      i++;
      j++;
    } else if (right === undefined || (left !== undefined && left < right)) {
      if (missing.length < limit) missing.push(left as string);
      i++;
    } else {
      if (extra.length < limit) extra.push(right);
      j++;
    }
  }
  return { missing, extra };
}

/** Entitlements and total per rule id, for the report. */
export function countByRule(rows: readonly EntitlementRow[]): Map<string, { count: number; fen: bigint }> {
  const byRule = new Map<string, { count: number; fen: bigint }>();
  for (const row of rows) {
    const entry = byRule.get(row.ruleId) ?? { count: 0, fen: 0n };
    entry.count++;
    entry.fen += row.amount ?? 0n;
    byRule.set(row.ruleId, entry);
  }
  return byRule;
}
