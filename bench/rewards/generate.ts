/**
 * A seeded, deterministic district for the rewards benchmark: enterprises with a 2020 baseline
 * and the plan years 2021–2023, and the investment projects they signed. The distributions are
 * chosen so that every rule family of the Changjiang plan fires, including its edge cases:
 * revenue and tax crossing milestones (several tiers in one year, exactly at a threshold, tiers
 * crossed before the plan), growth in every band and exactly on a band's boundary, entering and
 * re-entering the above-scale directory, grants of every level (with half-fen rounding and amounts
 * too small to pay), tech projects around 300万, listings of every kind (before the plan too),
 * listed companies moving in, 500强 settling in, and "50"/"20" projects around their thresholds.
 */
import { CREDIT_CODE_ALPHABET, withCheckCharacter } from "@beizeng/domain/credit-code";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  GrantLevel,
  InvestmentProject,
  ListingKind,
  SupportGrant,
  TechProject,
  YearSources,
} from "@beizeng/domain/rewards/types";

export const BASELINE_YEAR = 2020;
export const YEARS = [2020, 2021, 2022, 2023] as const;

export interface District {
  enterprises: EnterpriseHistory[];
  projects: InvestmentProject[];
}

const YUAN = 100n;
const WAN = 10_000n * YUAN;
const YI = 100_000_000n * YUAN;

/** sfc32: small, fast and good enough to spread test data; the same seed gives the same district. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162 ^ (seed * 31);
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Helpers over one random stream. */
class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** A whole number of yuan between min and max (in fen), log-uniform: sizes spread over decades. */
  yuanBetween(min: bigint, max: bigint): bigint {
    const low = Math.log(Number(min));
    const high = Math.log(Number(max));
    const fen = BigInt(Math.round(Math.exp(low + (high - low) * this.next())));
    return (fen / YUAN) * YUAN;
  }
}

/** Size classes by 2020 revenue, the upper ones straddling the 50亿 / 100亿 / 300亿 milestones. */
const SIZE_CLASSES: readonly { share: number; min: bigint; max: bigint }[] = [
  { share: 0.12, min: 800n * WAN, max: 4_000n * WAN }, // around the 2000万 above-scale line
  { share: 0.5, min: 4_000n * WAN, max: 5n * YI },
  { share: 0.23, min: 5n * YI, max: 30n * YI },
  { share: 0.1, min: 30n * YI, max: 60n * YI },
  { share: 0.04, min: 80n * YI, max: 130n * YI },
  { share: 0.01, min: 250n * YI, max: 350n * YI },
];

const REVENUE_MILESTONES = [50n * YI, 100n * YI, 300n * YI];
const TAX_MILESTONES = [1n * YI, 5n * YI, 10n * YI, 20n * YI];
const BAND_PERCENTS = [5n, 8n, 10n, 15n];
const ABOVE_SCALE_LINE = 2_000n * WAN;
const LEVELS: readonly GrantLevel[] = ["national", "provincial", "provincial", "municipal", "municipal", "municipal"];
const LISTINGS: readonly ListingKind[] = ["neeq", "neeq", "domestic", "domestic", "overseas"];

/** Next year's revenue from this year's: ordinary growth, exact band boundaries, a fen either side, jumps, falls. */
function nextRevenue(dice: Dice, previous: bigint): bigint {
  const roll = dice.next();
  if (roll < 0.12) {
    // Exactly on a band boundary (or 0 %) when the previous figure allows it, else a fen either side.
    const percent = dice.pick([0n, ...BAND_PERCENTS]);
    const exact = previous * (100n + percent);
    const base = exact / 100n;
    const offset = dice.pick([0n, 0n, 0n, 1n, -1n]);
    return base + offset;
  }
  if (roll < 0.14 && previous < 60n * YI) {
    // A jump: from around 40亿 to 120亿 crosses two revenue milestones in one year.
    return ((previous * BigInt(dice.int(200, 320))) / 100n / YUAN) * YUAN;
  }
  if (roll < 0.16) {
    // Collapse: below the above-scale line for small ones, falling back under milestones for big ones.
    return ((previous * BigInt(dice.int(30, 70))) / 100n / YUAN) * YUAN;
  }
  // Ordinary growth between −15 % and +35 %, in hundredths of a percent.
  const basisPoints = BigInt(dice.int(-1_500, 3_500));
  return ((previous * (10_000n + basisPoints)) / 10_000n / YUAN) * YUAN;
}

/** Occasionally pins a figure exactly at a milestone, or one fen above it. */
function nearMilestone(dice: Dice, value: bigint, milestones: readonly bigint[]): bigint {
  for (const milestone of milestones) {
    const ratio = Number(value) / Number(milestone);
    if (ratio > 0.9 && ratio < 1.1 && dice.chance(0.15)) return milestone + dice.pick([0n, 1n, -1n]);
  }
  return value;
}

function grantsOf(dice: Dice, year: number): SupportGrant[] | undefined {
  if (!dice.chance(0.08)) return undefined;
  const grants: SupportGrant[] = [];
  const count = dice.int(1, 3);
  for (let k = 0; k < count; k++) {
    let amount: bigint;
    const roll = dice.next();
    if (roll < 0.02)
      amount = BigInt(dice.int(1, 9)); // a few fen: the share may round to nothing
    else if (roll < 0.3) amount = dice.yuanBetween(10_000n * YUAN, 5_000_000n * YUAN) + BigInt(dice.int(0, 19) * 5);
    else amount = dice.yuanBetween(10_000n * YUAN, 5_000_000n * YUAN);
    grants.push({
      id: `g${year}-${k}`,
      level: dice.pick(LEVELS),
      purpose: dice.chance(0.3) ? "tech" : "project",
      amount,
    });
  }
  return grants;
}

function techProjectsOf(dice: Dice, year: number): TechProject[] | undefined {
  if (!dice.chance(0.05)) return undefined;
  const projects: TechProject[] = [];
  const count = dice.int(1, 2);
  for (let k = 0; k < count; k++) {
    const roll = dice.next();
    const investment =
      roll < 0.3
        ? 300n * WAN
        : roll < 0.4
          ? 300n * WAN - 1n
          : roll < 0.45
            ? 300n * WAN + 1n
            : dice.yuanBetween(100n * WAN, 2_000n * WAN);
    const share = BigInt(dice.int(20, 80));
    const equipmentInvoices = (investment * share) / 100n + BigInt(dice.int(0, 99));
    projects.push({ id: `t${year}-${k}`, investment, equipmentInvoices, techFundsReceived: dice.chance(0.25) });
  }
  return projects;
}

function projectsOf(dice: Dice, creditCode: string, index: number): InvestmentProject[] {
  if (!dice.chance(0.03)) return [];
  const projects: InvestmentProject[] = [];
  const count = dice.int(1, 2);
  for (let k = 0; k < count; k++) {
    const roll = dice.next();
    const plannedInvestment =
      roll < 0.1
        ? 50n * YI
        : roll < 0.2
          ? 50n * YI - 1n
          : roll < 0.3
            ? 20n * YI
            : roll < 0.4
              ? 20n * YI - 1n
              : dice.yuanBetween(5n * YI, 80n * YI);
    const introducedYear = dice.int(2019, 2023);
    const project: InvestmentProject = {
      id: `p${index}-${k}`,
      creditCode,
      plannedInvestment,
      introducedYear,
    };
    if (dice.chance(0.7)) project.productionYear = introducedYear + dice.int(0, 3);
    projects.push(project);
  }
  return projects;
}

/** A valid, distinct credit code per index: a Changjiang-district prefix and the index in base 31. */
function creditCodeOf(index: number): string {
  let digits = "";
  let rest = index;
  for (let place = 0; place < 9; place++) {
    digits = CREDIT_CODE_ALPHABET[rest % 31] + digits;
    rest = Math.floor(rest / 31);
  }
  return withCheckCharacter(`91360222${digits}`);
}

/** Builds `count` enterprises (2020–2023) and their investment projects from `seed`. */
export function generateDistrict(count: number, seed = 20210101): District {
  const dice = new Dice(seededRandom(seed));
  const enterprises: EnterpriseHistory[] = [];
  const projects: InvestmentProject[] = [];
  for (let index = 0; index < count; index++) {
    const creditCode = creditCodeOf(index);
    let roll = dice.next();
    let size = SIZE_CLASSES[SIZE_CLASSES.length - 1]!;
    for (const candidate of SIZE_CLASSES) {
      if (roll < candidate.share) {
        size = candidate;
        break;
      }
      roll -= candidate.share;
    }
    let revenue = dice.yuanBetween(size.min, size.max);
    const taxPerMille = BigInt(dice.int(10, 80));
    let wasAboveScale = revenue >= ABOVE_SCALE_LINE ? dice.chance(0.9) : dice.chance(0.1);
    const years: EnterpriseYear[] = [];
    let listedKinds = 0;
    for (const year of YEARS) {
      if (year !== BASELINE_YEAR) revenue = nextRevenue(dice, revenue);
      revenue = nearMilestone(dice, revenue, REVENUE_MILESTONES);
      let tax = ((revenue * taxPerMille) / 1000n / YUAN) * YUAN;
      if (dice.chance(0.01)) tax = (tax * BigInt(dice.int(250, 600))) / 100n; // a one-off windfall
      tax = nearMilestone(dice, tax, TAX_MILESTONES);
      const entry: EnterpriseYear = { year };
      const missing = dice.next();
      if (missing < 0.01) {
        // Revenue not reported this year.
      } else if (missing < 0.015) entry.revenue = 0n;
      else entry.revenue = revenue;
      if (!dice.chance(0.01)) entry.tax = tax;
      const aboveScale = revenue >= ABOVE_SCALE_LINE ? !dice.chance(0.03) : dice.chance(0.05);
      if (!dice.chance(0.01)) entry.aboveScale = aboveScale;
      if (aboveScale && !wasAboveScale) entry.newlyAboveScale = true;
      wasAboveScale = aboveScale;
      const grants = grantsOf(dice, year);
      if (grants) entry.grants = grants;
      const techProjects = techProjectsOf(dice, year);
      if (techProjects) entry.techProjects = techProjects;
      if (dice.chance(listedKinds === 0 ? 0.008 : 0.05)) {
        const kind = dice.pick(LISTINGS);
        entry.listing = kind;
        listedKinds++;
      }
      if (dice.chance(0.004)) entry.listedRegistrationMovedIn = true;
      if (dice.chance(0.002)) entry.top500SettledIn = true;
      entry.sources = sourcesOf(entry);
      years.push(entry);
    }
    const enterprise: EnterpriseHistory = { creditCode, years };
    if (dice.chance(0.7)) {
      const first = years[0]!;
      const scale = BigInt(dice.int(60, 130));
      enterprise.before = {
        maxRevenue: ((first.revenue ?? 0n) * scale) / 100n,
        maxTax: ((first.tax ?? 0n) * scale) / 100n,
      };
    }
    enterprises.push(enterprise);
    for (const project of projectsOf(dice, creditCode, index)) projects.push(project);
  }
  return { enterprises, projects };
}

const REVENUE_SOURCES = new Map<number, string>(
  YEARS.map((year) => [year, `导入：${year}年规上工业企业主要指标（统计局）.xlsx`]),
);
const TAX_SOURCES = new Map<number, string>(YEARS.map((year) => [year, `导入：${year}年企业入库税收（税务局）.xlsx`]));

/**
 * The source labels of a year's figures, as the server's input builder gives them
 * (services/rewards/engine-input.ts): one object per enterprise-year, each label one string per
 * import file. Explanations carry them.
 */
function sourcesOf(entry: EnterpriseYear): YearSources {
  const sources: YearSources = {};
  if (entry.aboveScale !== undefined) {
    sources.aboveScale = "规模企业名录库";
    sources.newlyAboveScale = "规模企业名录库";
  }
  if (entry.revenue !== undefined) sources.revenue = REVENUE_SOURCES.get(entry.year);
  if (entry.tax !== undefined) sources.tax = TAX_SOURCES.get(entry.year);
  return sources;
}

/** The number of enterprise-years in a district (the unit of the benchmark's throughput). */
export function enterpriseYears(district: District): number {
  let total = 0;
  for (const enterprise of district.enterprises) total += enterprise.years.length;
  return total;
}
