/**
 * The words of the plan format the product itself fixes, without zod so that the web can import them:
 * the kinds of unit, the duties a plan may give a unit, how often a task is reported on and what a quantity
 * counts. Which units a district has, and which of them holds which duty, is the plan's.
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
  "keepFeeList",
  "designateChainEnterprises",
  "holdEntrepreneurEvents",
  "keepLandParcels",
  "handleZombieEnterprises",
] as const;
export type UnitDuty = (typeof UNIT_DUTIES)[number];

/** How often a plan's task is reported on: once by a deadline, or every month, quarter or year. */
export const TASK_CYCLES = ["once", "monthly", "quarterly", "yearly"] as const;
export type TaskCycle = (typeof TASK_CYCLES)[number];

/**
 * What a plan's quantities count (a target's, a parameter's, a task's planned and reported quantity), in the
 * order a form offers them: things, land in mu, people, events, money in yuan, a share.
 */
export const MEASUREMENT_UNITS = ["count", "mu", "person", "event", "yuan", "share"] as const;
export type MeasurementUnit = (typeof MEASUREMENT_UNITS)[number];

/**
 * What a fact the plan declares measures: money (yuan, kept in fen), a quantity in a unit the plan names
 * (千瓦时, 亩), a count, or a category chosen from the plan's list (a recognition's level).
 */
export const FACT_MEASURES = ["money", "quantity", "count", "category"] as const;
export type FactMeasure = (typeof FACT_MEASURES)[number];

/** The period one value of a declared fact covers: a year, a quarter or a month of a year. */
export const FACT_PERIODS = ["year", "quarter", "month"] as const;
export type FactPeriod = (typeof FACT_PERIODS)[number];
