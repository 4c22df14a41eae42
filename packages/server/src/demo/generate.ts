/**
 * Synthetic demo data for a district the size of 昌江区: about 30 above-scale (规上) industrial enterprises in
 * 2020 with about 200亿 of revenue between them, a reserve pool (后备库) of about 60, status history and figures
 * 2019–2023, monthly figures 2021–2023, and about 40 investment projects.
 *
 * Around them, what the other pages read: designations and dated listing steps (register-activity.ts), each
 * project's planned and reached stage dates, problems and decisions (project-activity.ts), the district's
 * fixed-asset investment, service items and rewards budget (district-inputs.ts), and the reward rules' own
 * inputs: grants, tech-transformation projects and one-off events (reward-inputs.ts).
 *
 * Pure and deterministic: the same seed and units give the same data on every run. Every name is composed from
 * neutral syllables and industry words under the prefix "昌江演示·", so no row can be mistaken for a real company.
 * Money is bigint fen; the random draws only choose basis points and shares, never amounts held as floats.
 */
import type { BlockerCategory, ProjectOrigin } from "@beizeng/contract/projects";
import type { Role } from "@beizeng/domain/accounts/vocabulary";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import type { ProjectStage } from "@beizeng/domain/projects/lifecycle";
import { makeInvestmentYears, makeRewardBudgets, makeServiceItems } from "./district-inputs";
import { makeBlockers, makeDecisions, makeProjectSchedules } from "./project-activity";
import { SeededRandom } from "./random";
import { makeDesignations, makeListingEvents, makeServiceNotes } from "./register-activity";
import { makeEnterpriseEvents, makeGrants, makeTechProjects } from "./reward-inputs";

export type { BlockerCategory, ProjectOrigin, ProjectStage };

export const DEMO_SEED = 20210708;
export const DEMO_NAME_PREFIX = "昌江演示·";
export const DEMO_ACTOR_LABEL = "演示数据";
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023] as const;
export const DEMO_MONTHLY_YEARS = [2021, 2022, 2023] as const;

/** The above-scale threshold: annual main-business revenue of 20,000,000 yuan (2000万元), in fen. */
export const ABOVE_SCALE_THRESHOLD_FEN = 2_000_000_000n;

const FEN_PER_QIANYUAN = 100_000n; // figures are drawn in 千元, as statistics bureaus report them
const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

export type ScaleStatus = "above" | "reserve" | "other";
export type ChainId = "biomedicine" | "electronics" | "aviation" | "automotive" | "other";
export type ListingStage = "display" | "shareholding" | "neeq" | "domestic" | "overseas";
export type FigureMetric = "revenue" | "tax" | "output" | "employees" | "fixed_asset_investment";

/** A unit of the loaded plan, as the generator needs it (code = the plan's unit id). */
export interface DemoUnitRef {
  code: string;
  name: string;
  kind: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** The plan's unit id, for a unit account. */
  unitCode: string | null;
  /** The credit code of the enterprise, for an enterprise account. */
  enterpriseCreditCode: string | null;
  /** Documented in the README and printed at start: these accounts exist only in demo databases. */
  password: string;
}

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  chainId: ChainId;
  industryCode: string;
  townUnitCode: string | null;
  isKey: boolean;
  leaderUsername: string | null;
  listingStage: ListingStage | null;
  /** One entry per year the enterprise existed, 2019–2023. */
  scaleYears: { year: number; status: ScaleStatus }[];
}

export interface DemoFigure {
  creditCode: string;
  year: number;
  /** 0 = the whole year; 1..12 = that month's own value. */
  month: number;
  metric: FigureMetric;
  /** Fen for money, a head count for employees. */
  value: bigint;
}

export interface DemoProject {
  code: string;
  name: string;
  investor: string;
  chainId: ChainId;
  plannedInvestmentFen: bigint;
  completedInvestmentFen: bigint;
  manufacturing: boolean;
  sourceUnitCode: string | null;
  origin: ProjectOrigin;
  leadUnitCode: string | null;
  leaderUsername: string | null;
  enterpriseCreditCode: string | null;
  location: string;
  stage: ProjectStage;
  introducedYear: number | null;
  productionYear: number | null;
}

export type DesignationKind = "specialized" | "little_giant" | "single_champion" | "integration";
export type GovernmentLevel = "national" | "provincial" | "municipal";

/** 专精特新 (specialized), 专精特新“小巨人” (little_giant), 单项冠军 (single_champion), 两化融合 (integration). */
export interface DemoDesignation {
  creditCode: string;
  kind: DesignationKind;
  level: GovernmentLevel;
  year: number;
}

/** A dated step of the listing pipeline; an enterprise's steps end at its listing stage. */
export interface DemoListingEvent {
  creditCode: string;
  stage: ListingStage;
  /** YYYY-MM-DD */
  date: string;
  note: string;
}

/** A leader's visit (走访) or 一企一策 note on an enterprise assigned to them. */
export interface DemoServiceNote {
  creditCode: string;
  authorUsername: string;
  kind: "visit" | "policy";
  notedOn: string;
  content: string;
}

export interface DemoStageDate {
  stage: ProjectStage;
  plannedOn: string | null;
  reachedOn: string | null;
}

export interface DemoStageMove {
  fromStage: ProjectStage | null;
  toStage: ProjectStage;
  reachedOn: string;
  /** Only a move back carries a reason. */
  reason: string | null;
}

/** The planned and reached date of each stage of a project, and the moves that led to its stage. */
export interface DemoProjectSchedule {
  projectCode: string;
  dates: DemoStageDate[];
  moves: DemoStageMove[];
}

/** A problem holding a project up (项目直通车), assigned to a unit. */
export interface DemoBlocker {
  projectCode: string;
  category: BlockerCategory;
  description: string;
  unitCode: string;
  raisedOn: string;
  raisedByUsername: string;
  dueOn: string;
  status: "open" | "answered" | "closed";
  answer: string | null;
  answeredOn: string | null;
  closedOn: string | null;
}

/** A decision a district leader logged on a project assigned to them. */
export interface DemoDecision {
  projectCode: string;
  leaderUsername: string;
  decidedOn: string;
  text: string;
}

/** The district's fixed-asset investment of a year and its manufacturing part (T-M5), entered by 区统计局. */
export interface DemoInvestmentYear {
  year: number;
  totalFen: bigint;
  manufacturingFen: bigint;
}

/** An enterprise-related government service item and whether it can be done online (T-M9). */
export interface DemoServiceItem {
  code: string;
  name: string;
  unitCode: string | null;
  online: boolean;
}

/** A support fund received by an enterprise (R-MATCH; a tech fund also rules out R-TECH). */
export interface DemoGrant {
  creditCode: string;
  /** The funding document's number, unique in the district. */
  code: string;
  year: number;
  level: GovernmentLevel;
  purpose: "project" | "tech";
  amountFen: bigint;
}

/** A technical-transformation (技术改造) project of an enterprise (R-TECH). */
export interface DemoTechProject {
  creditCode: string;
  code: string;
  name: string;
  year: number;
  investmentFen: bigint;
  equipmentInvoicesFen: bigint;
  techFundsReceived: boolean;
}

/** One-off events the reward rules read: a listed company moving in (R-LISTED-MOVE), a top-500 settling. */
export interface DemoEnterpriseEvent {
  creditCode: string;
  kind: "listed_move_in" | "top500_settled";
  year: number;
  note: string;
}

/** The office's rewards budget of a year. */
export interface DemoRewardBudget {
  year: number;
  amountFen: bigint;
  note: string;
}

export interface DemoDataset {
  accounts: DemoAccount[];
  enterprises: DemoEnterprise[];
  figures: DemoFigure[];
  projects: DemoProject[];
  designations: DemoDesignation[];
  listingEvents: DemoListingEvent[];
  serviceNotes: DemoServiceNote[];
  projectSchedules: DemoProjectSchedule[];
  blockers: DemoBlocker[];
  decisions: DemoDecision[];
  investmentYears: DemoInvestmentYear[];
  serviceItems: DemoServiceItem[];
  grants: DemoGrant[];
  techProjects: DemoTechProject[];
  enterpriseEvents: DemoEnterpriseEvent[];
  rewardBudgets: DemoRewardBudget[];
}

export interface DemoOptions {
  /** The units of the loaded plan: towns and streets place enterprises, departments lead projects. */
  units: readonly DemoUnitRef[];
  seed?: number;
  /**
   * The district's date of the load (YYYY-MM-DD). A project's lateness is measured against the real date, so the
   * planned dates still ahead of the projects, the problems' due dates and the recent notes are placed relative
   * to it; everything else (2019–2023) is fixed. Same seed and same date: same data.
   */
  today?: string;
}

/** The load date assumed when none is given (tests, the generator on its own). */
export const DEMO_DEFAULT_TODAY = "2024-06-14";

/** A demo login as documented; a unit account names its plan unit. */
export interface DemoLoginSpec extends Pick<DemoAccount, "username" | "password" | "role" | "displayName"> {
  unitName?: string;
}

/**
 * The demo logins. Passwords meet the password rule (10+ characters, letters and digits). The first six are
 * used by the end-to-end tests; the unit accounts after them belong to the units with work of their own; the last
 * is the city's above the district (its region, demo/region-demo.ts).
 */
export const DEMO_ACCOUNT_LOGINS: readonly DemoLoginSpec[] = [
  { username: "demo-office", password: "Office2021demo", role: "office", displayName: "领导小组办公室（演示）" },
  { username: "demo-leader", password: "Leader2021demo", role: "leader", displayName: "区领导（演示）" },
  {
    username: "demo-unit",
    password: "Unit2021demo",
    role: "unit",
    displayName: "区商务局经办人（演示）",
    unitName: "区商务局",
  },
  { username: "demo-inspector", password: "Inspector2021demo", role: "inspector", displayName: "区纪委督查员（演示）" },
  {
    username: "demo-enterprise",
    password: "Enterprise2021demo",
    role: "enterprise",
    displayName: "企业填报员（演示）",
  },
  {
    username: "demo-enterprise2",
    password: "Enterprise2021demo2",
    role: "enterprise",
    displayName: "企业填报员乙（演示）",
  },
  {
    username: "demo-stats",
    password: "Stats2021demo",
    role: "unit",
    displayName: "区统计局经办人（演示）",
    unitName: "区统计局",
  },
  {
    username: "demo-tax",
    password: "Tax2021demo",
    role: "unit",
    displayName: "区税务局经办人（演示）",
    unitName: "区税务局",
  },
  {
    username: "demo-finance",
    password: "Finance2021demo",
    role: "unit",
    displayName: "区财政局经办人（演示）",
    unitName: "区财政局",
  },
  {
    username: "demo-financial-affairs",
    password: "FinAffairs2021demo",
    role: "unit",
    displayName: "区金融办经办人（演示）",
    unitName: "区金融办",
  },
  {
    username: "demo-talent",
    password: "Talent2021demo",
    role: "unit",
    displayName: "区委组织部人才工作经办人（演示）",
    unitName: "区委组织部",
  },
  // The city above the district (市级查看): reads the district's pages, writes nothing.
  { username: "demo-region", password: "Region2021demo", role: "region", displayName: "市级查看（演示）" },
];

const SYLLABLES = [
  "瑞",
  "禾",
  "嘉",
  "恒",
  "泰",
  "华",
  "鑫",
  "源",
  "晟",
  "博",
  "康",
  "宏",
  "达",
  "远",
  "宁",
  "信",
  "安",
  "锦",
  "澜",
  "昊",
  "景",
  "灿",
  "卓",
  "启",
  "航",
  "凯",
  "朗",
  "悦",
  "沐",
  "睿",
  "和",
  "丰",
  "盛",
  "祥",
  "润",
  "正",
  "明",
  "新",
  "裕",
  "峰",
] as const;

const INDUSTRY_WORDS: Record<ChainId, readonly { word: string; code: string; product: string }[]> = {
  biomedicine: [
    { word: "生物医药", code: "2761", product: "生物制剂产业化" },
    { word: "制药", code: "2720", product: "化学制剂生产线" },
    { word: "药业", code: "2740", product: "中成药现代化生产基地" },
    { word: "医疗器械", code: "3581", product: "医疗器械产业园" },
    { word: "原料药", code: "2710", product: "原料药绿色生产" },
  ],
  electronics: [
    { word: "电子", code: "3982", product: "电子电路板生产线" },
    { word: "光电科技", code: "3976", product: "光电器件生产基地" },
    { word: "半导体", code: "3972", product: "功率半导体封测" },
    { word: "电子信息", code: "3919", product: "智能终端制造基地" },
    { word: "显示科技", code: "3974", product: "显示模组生产线" },
  ],
  aviation: [
    { word: "航空科技", code: "3744", product: "航空零部件产业园" },
    { word: "航空部件", code: "3744", product: "航空复合材料部件" },
    { word: "通航装备", code: "3741", product: "通用飞机总装" },
    { word: "航空材料", code: "3749", product: "航空新材料" },
  ],
  automotive: [
    { word: "汽车零部件", code: "3670", product: "汽车零部件生产线" },
    { word: "汽车电子", code: "3670", product: "汽车电子控制器" },
    { word: "新能源汽车", code: "3612", product: "新能源专用车" },
    { word: "车身科技", code: "3660", product: "轻量化车身部件" },
  ],
  other: [
    { word: "特种陶瓷", code: "3073", product: "特种陶瓷新材料" },
    { word: "陶瓷", code: "3074", product: "高端日用陶瓷智能工厂" },
    { word: "新材料", code: "3073", product: "陶瓷新材料" },
    { word: "机械", code: "3311", product: "智能装备制造" },
    { word: "包装", code: "2231", product: "绿色包装产业园" },
  ],
};

const CHAIN_WEIGHTS: readonly { item: ChainId; weight: number }[] = [
  { item: "biomedicine", weight: 26 },
  { item: "electronics", weight: 22 },
  { item: "aviation", weight: 14 },
  { item: "automotive", weight: 14 },
  { item: "other", weight: 24 },
];

/**
 * Month weights (‰) of a year's activity: low around the Spring Festival, high at quarter and year ends.
 * Each enterprise varies them a little; the months of a year always sum exactly to its annual value.
 */
const SEASONALITY = [72, 56, 86, 80, 82, 90, 80, 81, 88, 84, 92, 109] as const;

/** Yearly mean revenue growth of established enterprises, in basis points (2020 held back by the epidemic). */
const MEAN_GROWTH_BP: Record<number, number> = { 2020: 300, 2021: 1400, 2022: 900, 2023: 800 };

interface EnterprisePlan {
  chainId: ChainId;
  /** 千元 per year; absent years: the enterprise did not exist yet. */
  revenue: Map<number, bigint>;
  /** The status when revenue is below the threshold. */
  belowStatus: "reserve" | "other";
}

/**
 * A random stream of its own for a later part of the demo (numbered from 1), so that adding to one part never
 * shifts the draws of another.
 */
export function demoRandomStream(index: number, seed = DEMO_SEED): SeededRandom {
  return new SeededRandom((seed + index * 0x2545f491) >>> 0);
}

/** Generates the whole demo dataset. */
export function generateDemoData(options: DemoOptions): DemoDataset {
  const random = new SeededRandom(options.seed ?? DEMO_SEED);
  const units = new UnitDirectory(options.units);
  const names = new NameMaker(random);
  const codes = new CreditCodeMaker(random);

  const plans = [...planEstablishedEnterprises(random), ...planReservePool(random), ...planProjectEnterprises(random)];

  const enterprises: DemoEnterprise[] = [];
  const figures: DemoFigure[] = [];
  for (const plan of plans) {
    const industry = random.pick(INDUSTRY_WORDS[plan.chainId]);
    const creditCode = codes.next();
    const revenue2020 = plan.revenue.get(2020) ?? 0n;
    enterprises.push({
      creditCode,
      name: names.enterprise(industry.word),
      chainId: plan.chainId,
      industryCode: industry.code,
      townUnitCode: units.pickTown(random)?.code ?? null,
      isKey: false,
      leaderUsername: null,
      listingStage: null,
      scaleYears: [...plan.revenue].map(([year, value]) => ({
        year,
        status: value * FEN_PER_QIANYUAN >= ABOVE_SCALE_THRESHOLD_FEN ? "above" : plan.belowStatus,
      })),
    });
    figures.push(...figuresFor(random, creditCode, plan.revenue, revenue2020 > 0n));
  }

  designateKeyEnterprisesAndListings(random, enterprises, figures);
  shapeRevenueFalls(enterprises, figures);
  const accounts = makeAccounts(enterprises, figures, units);
  const projects = planProjects(random, names, units, enterprises.slice(-5));

  // What the later modules add draws from streams of its own, so the enterprises, figures and projects above
  // stay the same whatever is added below.
  const stream = (index: number) => demoRandomStream(index, options.seed);
  const today = options.today ?? DEMO_DEFAULT_TODAY;
  const ranked = [...enterprises].sort((a, b) =>
    compare(annualRevenue(figures, b.creditCode, 2020), annualRevenue(figures, a.creditCode, 2020)),
  );
  const unitCodeOf = (name: string) => units.byName(name);

  const grants = makeGrants(stream(4), ranked);
  const enterpriseEvents = makeEnterpriseEvents(enterprises, projects);
  const top500 = enterpriseEvents.find((event) => event.kind === "top500_settled");
  for (const project of projects) {
    if (top500 && project.enterpriseCreditCode === top500.creditCode) project.origin = "top500";
  }
  return {
    accounts,
    enterprises,
    figures,
    projects,
    designations: makeDesignations(stream(1), ranked),
    listingEvents: makeListingEvents(stream(2), enterprises),
    serviceNotes: makeServiceNotes(enterprises, today),
    projectSchedules: makeProjectSchedules(stream(3), projects, today),
    blockers: makeBlockers(projects, today, unitCodeOf),
    decisions: makeDecisions(projects, today),
    investmentYears: makeInvestmentYears(),
    serviceItems: makeServiceItems(unitCodeOf),
    grants,
    techProjects: makeTechProjects(stream(5), ranked, grants),
    enterpriseEvents,
    rewardBudgets: makeRewardBudgets(),
  };
}

/** The 30 enterprises above scale in 2020: one very large, a few large, many small (a log-linear rank curve). */
function planEstablishedEnterprises(random: SeededRandom): EnterprisePlan[] {
  const count = 30;
  const totalQianyuan = 20_000_000; // 200亿元
  const largestShare = 0.235;
  const shares: number[] = [largestShare];
  // Ranks 2..30 fall from about 22亿 to about 2500万 (a factor of ~85); a little jitter keeps them irregular.
  const decay = Math.log(85) / (count - 2);
  const rest = Array.from({ length: count - 1 }, (_, i) => Math.exp(-decay * i) * random.between(0.85, 1.15));
  const restSum = rest.reduce((a, b) => a + b, 0);
  for (const share of rest) shares.push(((1 - largestShare) * share) / restSum);

  const chains: ChainId[] = ["aviation", "biomedicine", "automotive", "electronics"];
  const plans: EnterprisePlan[] = [];
  shares.forEach((share, rank) => {
    const anchor = BigInt(Math.max(26_000, Math.round(totalQianyuan * share)));
    const chainId = chains[rank] ?? random.weighted(CHAIN_WEIGHTS);
    const revenue = growPath(random, anchor, 2020);
    plans.push({ chainId, revenue, belowStatus: "reserve" });
  });

  // The largest crosses 50亿 for the first time in 2021 (a revenue-milestone reward under M4).
  const largest = plans[0]!.revenue;
  largest.set(2019, 4_510_000n);
  largest.set(2020, 4_720_000n);
  largest.set(2021, 5_380_000n);
  largest.set(2022, applyBasisPoints(5_380_000n, drawGrowth(random, 2022)));
  largest.set(2023, applyBasisPoints(largest.get(2022)!, drawGrowth(random, 2023)));

  // The two smallest entered the directory in 2020; two others fall out during the plan.
  const bySize = [...plans].sort((a, b) => compare(a.revenue.get(2020)!, b.revenue.get(2020)!));
  for (const plan of bySize.slice(0, 2)) plan.revenue.set(2019, belowThreshold(random));
  const leavers = bySize.slice(2, 4);
  for (const [index, plan] of leavers.entries()) {
    const exitYear = 2022 + index;
    for (const year of DEMO_YEARS) if (year >= exitYear) plan.revenue.set(year, belowThreshold(random, 0.65, 0.95));
    plan.belowStatus = index === 0 ? "reserve" : "other";
  }
  return plans;
}

/**
 * The reserve pool of 2020 (后备库, revenue below 2000万): 60 enterprises. Nineteen cross the threshold during the
 * plan (6, 7, 6 a year), one left the directory in 2020, and several others end 2023 just below it.
 */
function planReservePool(random: SeededRandom): EnterprisePlan[] {
  const entryYears = [...Array(6).fill(2021), ...Array(7).fill(2022), ...Array(6).fill(2023)] as number[];
  const plans: EnterprisePlan[] = [];
  for (let i = 0; i < 60; i++) {
    const chainId = random.weighted(CHAIN_WEIGHTS);
    const entryYear = entryYears[i];
    const nearThreshold = entryYear !== undefined || i < 32 || i === 59;
    const anchor = nearThreshold ? belowThreshold(random, 0.72, 0.99) : BigInt(random.int(3_000, 14_000));
    const revenue = growPath(random, anchor, 2020);
    for (const year of DEMO_YEARS) {
      const value = revenue.get(year)!;
      if (entryYear !== undefined && year >= entryYear) revenue.set(year, maxBig(value, aboveThreshold(random)));
      else if (value * FEN_PER_QIANYUAN >= ABOVE_SCALE_THRESHOLD_FEN)
        revenue.set(year, belowThreshold(random, 0.85, 0.995));
    }
    if (i === 59) revenue.set(2019, aboveThreshold(random)); // left the directory in 2020
    plans.push({ chainId, revenue, belowStatus: "reserve" });
  }
  return plans;
}

/** Five enterprises set up by investment projects: above scale from their first year (2022 or 2023). */
function planProjectEnterprises(random: SeededRandom): EnterprisePlan[] {
  const firstYears = [2022, 2022, 2023, 2023, 2023];
  return firstYears.map((firstYear) => {
    const revenue = new Map<number, bigint>();
    let value = BigInt(random.int(60_000, 420_000));
    for (const year of DEMO_YEARS) {
      if (year < firstYear) continue;
      revenue.set(year, value);
      value = applyBasisPoints(value, random.int(2500, 6000));
    }
    return { chainId: random.weighted(CHAIN_WEIGHTS), revenue, belowStatus: "reserve" };
  });
}

/** Revenue 2019–2023 around a 2020 anchor (千元), with yearly growth drawn per year. */
function growPath(random: SeededRandom, anchor: bigint, anchorYear: number): Map<number, bigint> {
  const path = new Map<number, bigint>();
  path.set(anchorYear, anchor);
  const growth2020 = drawGrowth(random, 2020);
  path.set(2019, (anchor * 10_000n) / BigInt(10_000 + growth2020));
  let value = anchor;
  for (const year of [2021, 2022, 2023]) {
    value = applyBasisPoints(value, drawGrowth(random, year));
    path.set(year, value);
  }
  return new Map([...path].sort(([a], [b]) => a - b));
}

function drawGrowth(random: SeededRandom, year: number): number {
  const mean = MEAN_GROWTH_BP[year] ?? 800;
  return Math.round(Math.min(6000, Math.max(-3000, random.normal(mean, 1100))));
}

/** A revenue (千元) below the 2000万 threshold, as a share of it. */
function belowThreshold(random: SeededRandom, from = 0.8, to = 0.97): bigint {
  return BigInt(Math.floor(20_000 * random.between(from, to)));
}

function aboveThreshold(random: SeededRandom): bigint {
  return BigInt(Math.ceil(20_000 * random.between(1.01, 1.3)));
}

function applyBasisPoints(value: bigint, basisPoints: number): bigint {
  return (value * BigInt(10_000 + basisPoints) + 5_000n) / 10_000n;
}

function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Annual figures of every year the enterprise existed, and monthly ones for the plan years. */
function figuresFor(
  random: SeededRandom,
  creditCode: string,
  revenueByYear: Map<number, bigint>,
  existedIn2020: boolean,
): DemoFigure[] {
  const figures: DemoFigure[] = [];
  const taxBasisPoints = random.int(150, 600);
  const revenuePerEmployee = random.int(500, 1500); // 千元 per head
  const investmentBasisPoints = random.int(300, 1500);
  const lumpYear = random.pick([2021, 2022, 2023]);
  const seasonality = SEASONALITY.map((weight) => Math.round(weight * random.between(0.9, 1.1)));

  for (const [year, revenueQianyuan] of revenueByYear) {
    const tax = applyShare(revenueQianyuan, taxBasisPoints + random.int(-40, 40));
    const output = applyShare(revenueQianyuan, random.int(9_200, 10_800));
    const investmentShare = investmentBasisPoints * (year === lumpYear ? 3 : 1);
    const investment = applyShare(revenueQianyuan, investmentShare + random.int(-100, 100));
    const employees = BigInt(Math.max(12, Math.round(Number(revenueQianyuan) / revenuePerEmployee)));
    const annual: [FigureMetric, bigint][] = [
      ["revenue", revenueQianyuan * FEN_PER_QIANYUAN],
      ["tax", tax * FEN_PER_QIANYUAN],
      ["output", output * FEN_PER_QIANYUAN],
      ["employees", employees],
      ["fixed_asset_investment", investment * FEN_PER_QIANYUAN],
    ];
    for (const [metric, value] of annual) figures.push({ creditCode, year, month: 0, metric, value });

    if (!(DEMO_MONTHLY_YEARS as readonly number[]).includes(year)) continue;
    // A first year of production starts mid-year: its earlier months are zero.
    const firstMonth = existedIn2020 || year !== [...revenueByYear.keys()][0] ? 1 : random.int(3, 7);
    const weights = seasonality.map((weight, index) => (index + 1 < firstMonth ? 0 : weight));
    for (const [metric, value] of annual) {
      if (metric === "employees" || metric === "fixed_asset_investment") continue;
      splitAcrossMonths(value / FEN_PER_QIANYUAN, weights).forEach((monthValue, index) => {
        figures.push({ creditCode, year, month: index + 1, metric, value: monthValue * FEN_PER_QIANYUAN });
      });
    }
  }
  return figures;
}

function applyShare(value: bigint, basisPoints: number): bigint {
  return (value * BigInt(basisPoints) + 5_000n) / 10_000n;
}

/**
 * Splits a total into parts proportional to integer weights, exactly: each part is rounded down and the
 * remainder goes, one by one, to the parts with the largest fractional remainders.
 */
export function splitAcrossMonths(total: bigint, weights: readonly number[]): bigint[] {
  const weightSum = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
  if (weightSum === 0n) throw new Error("weights must not all be zero");
  const parts = weights.map((weight) => (total * BigInt(weight)) / weightSum);
  const remainders = weights.map((weight, index) => ({ index, rest: (total * BigInt(weight)) % weightSum }));
  let missing = total - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) => compare(b.rest, a.rest) || a.index - b.index);
  for (const { index } of remainders) {
    if (missing <= 0n) break;
    parts[index] = (parts[index] as bigint) + 1n;
    missing -= 1n;
  }
  return parts;
}

function annualRevenue(figures: readonly DemoFigure[], creditCode: string, year: number): bigint {
  return (
    figures.find((f) => f.creditCode === creditCode && f.year === year && f.month === 0 && f.metric === "revenue")
      ?.value ?? 0n
  );
}

/** The ten largest of 2020 are key enterprises (重点企业); six of them have an assigned district leader (挂点). */
function designateKeyEnterprisesAndListings(
  random: SeededRandom,
  enterprises: DemoEnterprise[],
  figures: readonly DemoFigure[],
): void {
  const bySize = [...enterprises].sort((a, b) =>
    compare(annualRevenue(figures, b.creditCode, 2020), annualRevenue(figures, a.creditCode, 2020)),
  );
  bySize.slice(0, 10).forEach((enterprise, rank) => {
    enterprise.isKey = true;
    if (rank < 6) enterprise.leaderUsername = "demo-leader";
  });
  const stages: ListingStage[] = [
    "domestic",
    "neeq",
    "neeq",
    ...Array(4).fill("shareholding"),
    ...Array(9).fill("display"),
  ];
  const candidates = random.shuffled(bySize.slice(1, 40));
  stages.forEach((stage, index) => {
    const enterprise = candidates[index];
    if (enterprise) enterprise.listingStage = stage;
  });
  for (const enterprise of enterprises) {
    if (enterprise.listingStage && enterprise.listingStage !== "display") {
      enterprise.name = enterprise.name.replace(/有限公司$/, "股份有限公司");
    }
  }
}

/**
 * Two key enterprises with an assigned leader had a bad stretch in 2023: a month's revenue more than 10 % below the
 * same month of 2022 (what the monitoring warns about), made up in December so that the year's total is unchanged.
 * By rank of 2020 revenue among the key enterprises: the second in August and September, the third in June.
 */
const REVENUE_FALLS: readonly { rank: number; months: readonly number[] }[] = [
  { rank: 1, months: [8, 9] },
  { rank: 2, months: [6] },
];
/** The month's revenue is set to this share (percent) of the same month a year earlier. */
const FALL_TO_PERCENT = 84n;

function shapeRevenueFalls(enterprises: readonly DemoEnterprise[], figures: readonly DemoFigure[]): void {
  const bySize = enterprises
    .filter((enterprise) => enterprise.isKey)
    .sort((a, b) => compare(annualRevenue(figures, b.creditCode, 2020), annualRevenue(figures, a.creditCode, 2020)));
  const monthly = (creditCode: string, year: number, month: number) => {
    const figure = figures.find(
      (f) => f.creditCode === creditCode && f.year === year && f.month === month && f.metric === "revenue",
    );
    if (!figure) throw new Error(`demo figure missing: ${creditCode} ${year}-${month}`);
    return figure;
  };
  for (const fall of REVENUE_FALLS) {
    const enterprise = bySize[fall.rank];
    if (!enterprise?.leaderUsername) continue;
    const december = monthly(enterprise.creditCode, 2023, 12);
    for (const month of fall.months) {
      const previous = monthly(enterprise.creditCode, 2022, month).value;
      const current = monthly(enterprise.creditCode, 2023, month);
      // Whole 千元, as the other figures.
      const lowered = ((previous * FALL_TO_PERCENT) / 100n / FEN_PER_QIANYUAN) * FEN_PER_QIANYUAN;
      if (lowered >= current.value) continue;
      december.value += current.value - lowered;
      current.value = lowered;
    }
  }
}

/** One account per role, plus a second enterprise account to show that enterprises cannot see each other. */
function makeAccounts(enterprises: readonly DemoEnterprise[], figures: readonly DemoFigure[], units: UnitDirectory) {
  const established = enterprises.filter((e) => e.scaleYears.some((s) => s.year === 2019 && s.status === "above"));
  const mid = [...established]
    .sort((a, b) => compare(annualRevenue(figures, b.creditCode, 2020), annualRevenue(figures, a.creditCode, 2020)))
    .slice(4, 20);
  const first = mid.find((e) => e.chainId === "biomedicine") ?? mid[0]!;
  const second = mid.find((e) => e !== first && e.chainId !== first.chainId) ?? mid[1]!;
  return DEMO_ACCOUNT_LOGINS.map(({ unitName, ...login }) => ({
    ...login,
    unitCode: login.role === "unit" && unitName ? units.byName(unitName) : null,
    enterpriseCreditCode:
      login.username === "demo-enterprise"
        ? first.creditCode
        : login.username === "demo-enterprise2"
          ? second.creditCode
          : null,
  }));
}

interface ProjectShape {
  plannedYuan: bigint;
  stage: ProjectStage;
  introducedYear: number | null;
  productionYear: number | null;
  origin?: ProjectOrigin;
  manufacturing?: boolean;
}

/**
 * About 40 projects: one "50 project" (≥ 50亿), three "20 projects" (≥ 20亿), most of the rest ≥ 2000万,
 * across the five stages; the five enterprises that projects set up are linked to their projects.
 */
function planProjects(
  random: SeededRandom,
  names: NameMaker,
  units: UnitDirectory,
  projectEnterprises: readonly DemoEnterprise[],
): DemoProject[] {
  const shapes: ProjectShape[] = [
    {
      plannedYuan: 5_200_000_000n,
      stage: "construction",
      introducedYear: 2021,
      productionYear: null,
      origin: "top500",
    },
    { plannedYuan: 2_100_000_000n, stage: "production", introducedYear: 2021, productionYear: 2023, origin: "listed" },
    { plannedYuan: 2_650_000_000n, stage: "construction", introducedYear: 2022, productionYear: null },
    { plannedYuan: 2_300_000_000n, stage: "signed", introducedYear: 2023, productionYear: null },
    { plannedYuan: 3_000_000_000n, stage: "negotiation", introducedYear: null, productionYear: null, origin: "top500" },
  ];
  const middleStages: [ProjectStage, number][] = [
    ["production", 8],
    ["construction", 8],
    ["signed", 5],
    ["negotiation", 3],
    ["planning", 2],
  ];
  for (const [stage, count] of middleStages) {
    for (let i = 0; i < count; i++) shapes.push(middleProject(random, stage, wanBetween(random, 2_000, 150_000)));
  }
  for (let i = 0; i < 9; i++) {
    const stage = random.pick<ProjectStage>(["production", "construction", "signed", "planning"]);
    shapes.push(middleProject(random, stage, wanBetween(random, 500, 1_900)));
  }
  // Two projects introduced before the plan: they do not count towards its targets.
  const early = shapes.filter((s) => s.stage === "production").slice(1, 3);
  for (const [index, shape] of early.entries()) shape.introducedYear = 2019 + index;

  const commerce = units.byName("区商务局");
  const development = units.byName("区发改委");
  const industry = units.byName("区工信局");
  const keyProjects = units.byName("区重点项目推进中心");
  const producing = shapes
    .map((shape, index) => ({ shape, index }))
    .filter(({ shape }) => shape.stage === "production");
  const linked = new Map<number, DemoEnterprise>();
  producing.slice(0, projectEnterprises.length).forEach(({ index }, i) => {
    linked.set(index, projectEnterprises[i]!);
  });

  return shapes
    .map((shape, index) => {
      const enterprise = linked.get(index) ?? null;
      if (enterprise) {
        const firstYear = enterprise.scaleYears[0]!.year;
        shape.productionYear = firstYear;
        shape.introducedYear = Math.min(shape.introducedYear ?? firstYear - 1, firstYear - 1);
      }
      const chainId = enterprise?.chainId ?? random.weighted(CHAIN_WEIGHTS);
      const industryWord = random.pick(INDUSTRY_WORDS[chainId]);
      const manufacturing = shape.manufacturing ?? !random.chance(0.12);
      const town = units.pickTown(random);
      const big = shape.plannedYuan >= 20_000_000n;
      const serial = String(index + 1).padStart(3, "0");
      return {
        // Projects not yet introduced (策划储备, 招商洽谈) carry a reserve code (CB); introduced ones their year.
        code: shape.introducedYear === null ? `XMCB-${serial}` : `XM${shape.introducedYear}-${serial}`,
        name: names.project(
          manufacturing ? industryWord.product : random.pick(["现代物流园", "工业设计中心", "仓储配送中心"]),
        ),
        investor: names.investor(),
        chainId,
        plannedInvestmentFen: shape.plannedYuan * 100n,
        completedInvestmentFen: completedInvestment(random, shape),
        manufacturing,
        sourceUnitCode: random.chance(0.7) ? commerce : (town?.code ?? commerce),
        origin: shape.origin ?? (random.chance(0.08) ? "listed" : "other"),
        leadUnitCode:
          shape.stage === "construction"
            ? (keyProjects ?? development)
            : random.pick([commerce, industry, development]),
        leaderUsername: big && shape.stage !== "planning" && random.chance(0.6) ? "demo-leader" : null,
        enterpriseCreditCode: enterprise?.creditCode ?? null,
        location: town ? `${town.name}工业园区` : "昌江区",
        stage: shape.stage,
        introducedYear: shape.introducedYear,
        productionYear: shape.productionYear,
      };
    })
    .map((project) => ({ ...project, leadUnitCode: project.leadUnitCode ?? null }));
}

function middleProject(random: SeededRandom, stage: ProjectStage, plannedYuan: bigint): ProjectShape {
  const introduced =
    stage === "planning" || stage === "negotiation" ? null : random.pick([2021, 2021, 2022, 2022, 2023]);
  const production =
    stage === "production" && introduced !== null ? Math.min(2023, introduced + random.int(0, 2)) : null;
  return { plannedYuan, stage, introducedYear: introduced, productionYear: production };
}

function wanBetween(random: SeededRandom, fromWan: number, toWan: number): bigint {
  // Heavier towards the low end: most projects are small.
  const wan = Math.round(fromWan * (toWan / fromWan) ** random.next());
  return BigInt(wan) * 10_000n;
}

function completedInvestment(random: SeededRandom, shape: ProjectShape): bigint {
  const planned = shape.plannedYuan * 100n;
  const basisPoints: Record<ProjectStage, [number, number]> = {
    planning: [0, 0],
    negotiation: [0, 0],
    signed: [0, 1_000],
    construction: [2_000, 8_500],
    production: [9_200, 10_000],
  };
  const [from, to] = basisPoints[shape.stage];
  const share = BigInt(random.int(from, to));
  return ((planned * share) / 10_000n / FEN_PER_WAN) * FEN_PER_WAN; // whole 万元
}

class UnitDirectory {
  private readonly towns: { item: DemoUnitRef; weight: number }[];

  constructor(private readonly units: readonly DemoUnitRef[]) {
    // Most industry sits on the Yuli platform (鱼丽工业平台) of 鲇鱼山镇 and 丽阳镇.
    this.towns = units
      .filter((unit) => unit.kind === "town" || unit.kind === "street")
      .map((unit) => ({ item: unit, weight: /鲇鱼山|丽阳/.test(unit.name) ? 5 : 1 }));
  }

  pickTown(random: SeededRandom): DemoUnitRef | null {
    return this.towns.length === 0 ? null : random.weighted(this.towns);
  }

  byName(name: string): string | null {
    return this.units.find((unit) => unit.name === name)?.code ?? null;
  }
}

class NameMaker {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  enterprise(industryWord: string): string {
    return this.unique((syllables) => `${DEMO_NAME_PREFIX}${syllables}${industryWord}有限公司`);
  }

  project(product: string): string {
    return this.unique((syllables) => `${DEMO_NAME_PREFIX}${syllables}${product}项目`);
  }

  investor(): string {
    const kind = this.random.pick(["集团有限公司", "控股有限公司", "科技股份有限公司", "实业有限公司"]);
    return this.unique((syllables) => `${DEMO_NAME_PREFIX}${syllables}${kind}`);
  }

  private unique(compose: (syllables: string) => string): string {
    for (;;) {
      const name = compose(this.random.pick(SYLLABLES) + this.random.pick(SYLLABLES));
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

class CreditCodeMaker {
  private readonly used = new Set<string>();
  private static readonly ORGANIZATION_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  constructor(private readonly random: SeededRandom) {}

  /** 9 (registered by market regulation) 1 (enterprise) 360202 (昌江区) + 9-character organisation code + check. */
  next(): string {
    for (;;) {
      let organisation = "";
      for (let i = 0; i < 9; i++) organisation += this.random.pick([...CreditCodeMaker.ORGANIZATION_ALPHABET]);
      const code = withCheckCharacter(`91360202${organisation}`);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}

/** Totals a reader can check against the README: counts and revenue per year. */
export function summarizeDemoData(dataset: DemoDataset) {
  return DEMO_YEARS.map((year) => {
    const above = dataset.enterprises.filter((e) => e.scaleYears.some((s) => s.year === year && s.status === "above"));
    const reserve = dataset.enterprises.filter((e) =>
      e.scaleYears.some((s) => s.year === year && s.status === "reserve"),
    );
    const revenueFen = above.reduce((sum, e) => sum + annualRevenue(dataset.figures, e.creditCode, year), 0n);
    return { year, above: above.length, reserve: reserve.length, revenueYi: Number(revenueFen / FEN_PER_YI) };
  });
}
