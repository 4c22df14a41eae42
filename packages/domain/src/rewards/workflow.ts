/**
 * An entitlement as the workflow holds it once computed: the shape the API answers and the web shows.
 * Statuses follow PRODUCT.md: computed → confirmed (by the enterprise) → reviewed (office) → approved and
 * paid (finance bureau); rejected at any step; superseded when a recomputation replaced it before payment.
 */
export const ENTITLEMENT_STATUSES = [
  "computed",
  "confirmed",
  "reviewed",
  "approved",
  "paid",
  "rejected",
  "superseded",
] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];

export interface EntitlementView {
  id: number;
  batchId: number;
  enterpriseId: number | null;
  enterpriseName: string | null;
  creditCode: string;
  projectId: number | null;
  projectName: string | null;
  ruleId: string;
  ruleName: string;
  ruleNameEn: string;
  clause: string;
  tier: string | null;
  subjectId: string | null;
  year: number;
  /** Decimal string of fen; null for R-500 until decided. */
  amountFen: string | null;
  status: EntitlementStatus;
  oneTimeKey: string;
  changeFlag: "new" | "changed" | null;
  previousAmountFen: string | null;
  bankAccount: { accountName: string; bankName: string; accountNo: string } | null;
  voucherNo: string | null;
  paidOn: string | null;
  reason: string | null;
  updatedAt: string;
}
