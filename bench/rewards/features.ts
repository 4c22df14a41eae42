/**
 * How many of the edge cases the rules must get right a generated district holds: the benchmark
 * prints them, and the test checks each is present, so a change to the generator cannot quietly
 * drop the cases where engines disagree.
 */
import type { District } from "./generate";

const YUAN = 100n;
const YI = 100_000_000n * YUAN;
const REVENUE_MILESTONES = [50n * YI, 100n * YI, 300n * YI];
const TAX_MILESTONES = [1n * YI, 5n * YI, 10n * YI, 20n * YI];
const BAND_PERCENTS = [5n, 8n, 10n, 15n];

export interface DistrictFeatures {
  /** A plan year's growth exactly on 5 / 8 / 10 / 15 % (not paid that band). */
  growthOnBoundary: number;
  /** A plan year's growth one fen above or below a band's boundary. */
  growthOneFenFromBoundary: number;
  /** A plan year whose revenue or tax first passes two or more milestones at once. */
  multiTierJumps: number;
  /** Revenue or tax exactly at a milestone (not a crossing). */
  exactlyAtMilestone: number;
  /** Enterprises entering the above-scale directory twice in the plan years (re-entry not paid). */
  aboveScaleReentries: number;
  /** Enterprises newly above scale in a plan year, and not above scale, or of unknown scale. */
  newlyAboveScale: number;
  aboveScaleUnknown: number;
  /** Revenue missing, or zero the year before. */
  revenueMissing: number;
  previousRevenueZero: number;
  /** Grants whose share ends in exactly half a fen, and grants whose share rounds to nothing. */
  grantsHalfFen: number;
  grantsBelowOneFen: number;
  grantsByLevel: Record<string, number>;
  /** Tech projects at exactly 300万, one fen below, and with tech funds received. */
  techAtMinimum: number;
  techOneFenBelow: number;
  techWithFunds: number;
  /** A listing kind reached before the plan, or twice. */
  listingsRepeatedKind: number;
  listingsBeforePlan: number;
  /** Projects at exactly 20亿 or 50亿, and one fen below. */
  projectsAtThreshold: number;
  projectsOneFenBelow: number;
  projectsNotInProduction: number;
}

function firstCrossings(value: bigint, highest: bigint, milestones: readonly bigint[]): number {
  let crossed = 0;
  for (const milestone of milestones) if (highest <= milestone && value > milestone) crossed++;
  return crossed;
}

export function districtFeatures(district: District): DistrictFeatures {
  const features: DistrictFeatures = {
    growthOnBoundary: 0,
    growthOneFenFromBoundary: 0,
    multiTierJumps: 0,
    exactlyAtMilestone: 0,
    aboveScaleReentries: 0,
    newlyAboveScale: 0,
    aboveScaleUnknown: 0,
    revenueMissing: 0,
    previousRevenueZero: 0,
    grantsHalfFen: 0,
    grantsBelowOneFen: 0,
    grantsByLevel: {},
    techAtMinimum: 0,
    techOneFenBelow: 0,
    techWithFunds: 0,
    listingsRepeatedKind: 0,
    listingsBeforePlan: 0,
    projectsAtThreshold: 0,
    projectsOneFenBelow: 0,
    projectsNotInProduction: 0,
  };
  const percent = { national: 20n, provincial: 15n, municipal: 10n } as const;
  for (const enterprise of district.enterprises) {
    let highestRevenue = enterprise.before?.maxRevenue ?? -1n;
    let highestTax = enterprise.before?.maxTax ?? -1n;
    let previousRevenue: bigint | undefined;
    let entries = 0;
    const kinds = new Set<string>();
    for (const year of enterprise.years) {
      const plan = year.year >= 2021;
      if (year.revenue === undefined) features.revenueMissing++;
      if (year.aboveScale === undefined) features.aboveScaleUnknown++;
      if (plan && year.newlyAboveScale === true) {
        features.newlyAboveScale++;
        entries++;
      }
      if (year.revenue !== undefined) {
        if (plan && previousRevenue !== undefined && previousRevenue > 0n) {
          const diff = (year.revenue - previousRevenue) * 100n;
          for (const band of BAND_PERCENTS) {
            const boundary = band * previousRevenue;
            if (diff === boundary) features.growthOnBoundary++;
            else if (diff - boundary === 100n || boundary - diff === 100n) features.growthOneFenFromBoundary++;
          }
        }
        if (plan && previousRevenue === 0n) features.previousRevenueZero++;
        if (REVENUE_MILESTONES.includes(year.revenue)) features.exactlyAtMilestone++;
        if (plan && firstCrossings(year.revenue, highestRevenue, REVENUE_MILESTONES) > 1) features.multiTierJumps++;
        if (year.revenue > highestRevenue) highestRevenue = year.revenue;
      }
      if (year.tax !== undefined) {
        if (TAX_MILESTONES.includes(year.tax)) features.exactlyAtMilestone++;
        if (plan && firstCrossings(year.tax, highestTax, TAX_MILESTONES) > 1) features.multiTierJumps++;
        if (year.tax > highestTax) highestTax = year.tax;
      }
      previousRevenue = year.revenue;
      for (const grant of year.grants ?? []) {
        features.grantsByLevel[grant.level] = (features.grantsByLevel[grant.level] ?? 0) + 1;
        const hundredths = grant.amount * percent[grant.level];
        if (hundredths % 100n === 50n) features.grantsHalfFen++;
        if ((hundredths + 50n) / 100n === 0n) features.grantsBelowOneFen++;
      }
      for (const project of year.techProjects ?? []) {
        if (project.investment === 3_000_000n * YUAN) features.techAtMinimum++;
        if (project.investment === 3_000_000n * YUAN - 1n) features.techOneFenBelow++;
        if (project.techFundsReceived) features.techWithFunds++;
      }
      if (year.listing !== undefined) {
        if (!plan) features.listingsBeforePlan++;
        else if (kinds.has(year.listing)) features.listingsRepeatedKind++;
        kinds.add(year.listing);
      }
    }
    if (entries > 1) features.aboveScaleReentries++;
  }
  for (const project of district.projects) {
    if (project.plannedInvestment === 20n * YI || project.plannedInvestment === 50n * YI)
      features.projectsAtThreshold++;
    if (project.plannedInvestment === 20n * YI - 1n || project.plannedInvestment === 50n * YI - 1n)
      features.projectsOneFenBelow++;
    if (project.productionYear === undefined) features.projectsNotInProduction++;
  }
  return features;
}
