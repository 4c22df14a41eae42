/**
 * The words of the land module (M1 腾笼换鸟): a platform parcel's uses and statuses, the steps a parcel may take,
 * the criteria of a zombie enterprise and how a case is disposed of. Zod-free, so the web imports them.
 */

/** What a parcel is for (用途). */
export const PARCEL_USES = ["industrial", "warehousing", "commercial", "infrastructure", "other"] as const;
export type ParcelUse = (typeof PARCEL_USES)[number];

/**
 * A parcel's status: idle (闲置), being recovered (收回中), recovered (已收回), re-let to another enterprise (已再出让)
 * or built on (已建设). Recovery is the point of the ledger: a parcel is re-let or built only once recovered.
 */
export const PARCEL_STATUSES = ["idle", "recovering", "recovered", "relet", "built"] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

/**
 * The steps a parcel's status may take. No jump: idle → recovering → recovered → relet or built; a re-let parcel
 * is built on by its new user; a recovery given up returns the parcel to idle.
 */
export const PARCEL_STEPS: Readonly<Record<ParcelStatus, readonly ParcelStatus[]>> = {
  idle: ["recovering"],
  recovering: ["recovered", "idle"],
  recovered: ["relet", "built"],
  relet: ["built"],
  built: [],
};

export function mayStep(from: ParcelStatus, to: ParcelStatus): boolean {
  return PARCEL_STEPS[from].includes(to);
}

/** The date field a status is reached on (the date the step records). */
export const PARCEL_STATUS_DATE: Readonly<
  Record<ParcelStatus, "idleSince" | "recoveryStartedOn" | "recoveredOn" | "reletOn" | "builtOn">
> = {
  idle: "idleSince",
  recovering: "recoveryStartedOn",
  recovered: "recoveredOn",
  relet: "reletOn",
  built: "builtOn",
};

/** The statuses a parcel has passed through to stand in `status`: each needs its date. */
export function statusesThrough(status: ParcelStatus): ParcelStatus[] {
  if (status === "built") return ["idle", "recovering", "recovered", "built"];
  const order: ParcelStatus[] = ["idle", "recovering", "recovered", "relet"];
  return order.slice(0, order.indexOf(status) + 1);
}

/**
 * The criteria of a zombie enterprise (僵尸企业). The first two are read from the figures with the months the plan
 * sets (parameters `zombieNoRevenueMonths`, `zombieNoTaxMonths`, which the office may change); the others are known
 * to the unit that confirms a case.
 */
export const ZOMBIE_CRITERIA = ["noRevenue", "noTax", "productionStopped", "taxArrears"] as const;
export type ZombieCriterion = (typeof ZOMBIE_CRITERIA)[number];
/** The criteria suggested from the monthly figures. */
export const FIGURE_ZOMBIE_CRITERIA: readonly ZombieCriterion[] = ["noRevenue", "noTax"];
/** The plan parameters holding the months of the figure criteria. */
export const ZOMBIE_PARAMETERS = {
  noRevenueMonths: "zombieNoRevenueMonths",
  noTaxMonths: "zombieNoTaxMonths",
} as const;

/** How a zombie enterprise is disposed of: merger (兼并重组), transfer (转让), exit (退出/注销), revival (盘活). */
export const ZOMBIE_DISPOSALS = ["merger", "transfer", "exit", "revival"] as const;
export type ZombieDisposal = (typeof ZOMBIE_DISPOSALS)[number];

/** A case: confirmed (认定), being disposed of (处置中), disposed of (处置完成), or dismissed (排除, not a zombie). */
export const ZOMBIE_CASE_STATUSES = ["confirmed", "disposing", "disposed", "dismissed"] as const;
export type ZombieCaseStatus = (typeof ZOMBIE_CASE_STATUSES)[number];

/** 0.01 亩 units → "12.5" (exact; areas are kept in hundredths of a mu). */
export function muText(hundredths: bigint): string {
  const sign = hundredths < 0n ? "-" : "";
  const value = hundredths < 0n ? -hundredths : hundredths;
  const fraction = (value % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${sign}${value / 100n}${fraction ? `.${fraction}` : ""}`;
}

/** "12.5" → 1250n hundredths of a mu; null when it is not a non-negative decimal with at most two places. */
export function parseMu(text: string): bigint | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1] ?? "0") * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}
