/**
 * Ordering, totals and the batch output of entitlements (EXCHANGE.md §1).
 */
import { type Fen, formatYuan } from "../money";
import { compareDecimalStrings } from "./format";
import type { Entitlement } from "./types";

const DECIMAL = /^\d+(\.\d+)?$/;

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Tiers compare numerically when both are decimals, else as text; a null tier sorts first. */
export function compareTiers(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  if (DECIMAL.test(left) && DECIMAL.test(right)) return compareDecimalStrings(left, right);
  return compareText(left, right);
}

/** The batch order: creditCode, year, ruleId, then tier (numerically), then the subject for a stable order. */
export function compareEntitlements(left: Entitlement, right: Entitlement): number {
  return (
    compareText(left.creditCode, right.creditCode) ||
    left.year - right.year ||
    compareText(left.ruleId, right.ruleId) ||
    compareTiers(left.tier, right.tier) ||
    compareText(left.subjectId ?? "", right.subjectId ?? "")
  );
}

/** Sorts in place in the batch order and returns the array. */
export function sortEntitlements<T extends Entitlement>(entitlements: T[]): T[] {
  return entitlements.sort(compareEntitlements);
}

/** The exact sum of the amounts; entitlements with no amount do not count. */
export function totalAmount(entitlements: readonly Entitlement[]): Fen {
  let total = 0n;
  for (const entitlement of entitlements) if (entitlement.amount !== null) total += entitlement.amount;
  return total;
}

export interface BatchEntitlement {
  creditCode: string;
  ruleId: string;
  tier: string | null;
  year: number;
  amount: string | null;
  clause: string;
}

export interface BatchOutput {
  plan: string;
  entitlements: BatchEntitlement[];
  total: string;
}

/** The `beizeng rewards --json` object: sorted entitlements, amounts as decimal strings of yuan, the exact total. */
export function toBatchOutput(planId: string, entitlements: readonly Entitlement[]): BatchOutput {
  const sorted = sortEntitlements([...entitlements]);
  return {
    plan: planId,
    entitlements: sorted.map((entitlement) => ({
      creditCode: entitlement.creditCode,
      ruleId: entitlement.ruleId,
      tier: entitlement.tier,
      year: entitlement.year,
      amount: entitlement.amount === null ? null : formatYuan(entitlement.amount),
      clause: entitlement.clause,
    })),
    total: formatYuan(totalAmount(sorted)),
  };
}
