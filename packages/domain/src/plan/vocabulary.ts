/**
 * The words of the plan format the product itself fixes, without zod so that the web can import them:
 * the kinds of unit and the duties a plan may give a unit. Which units a district has, and which of them
 * holds which duty, is the plan's.
 */

/**
 * The kinds of unit the product knows. A district's own units are plan data; these kinds decide only how a
 * unit is shown and grouped: towns, streets and zones are the places an enterprise sits in.
 */
export const UNIT_KINDS = ["leadership", "office", "department", "town", "street", "zone", "discipline"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** The kinds of unit an enterprise is located in (镇、街道、开发区/园区). */
export const PLACE_UNIT_KINDS: readonly UnitKind[] = ["town", "street", "zone"];

/**
 * The powers a plan gives a unit, beyond handling its own tasks. Which unit holds which duty is the plan's;
 * what each duty allows is the product's. Permissions are read from these, never from a unit's id.
 */
export const UNIT_DUTIES = [
  "confirmFigures",
  "enterInvestment",
  "payRewards",
  "recordListings",
  "monitorEnterprises",
  "keepTalentLedger",
] as const;
export type UnitDuty = (typeof UNIT_DUTIES)[number];
