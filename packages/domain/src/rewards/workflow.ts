/**
 * The statuses of an entitlement once computed, for the server that moves it and the web that shows it.
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
