/**
 * The metrics a plan's targets may name. Each metric knows how to compute its value for a year
 * from a snapshot; the target (clause, value, comparison, deadline) is data in the plan file. Those that aggregate
 * the enterprises' figures are aggregate definitions (aggregate.ts); the others read registers that are not
 * enterprises' figures (projects, listing events, the district's investment, service items, leaders assigned).
 */
import { parseYuan } from "../money";
import type { PlanFile, Target, TargetAggregate } from "../plan/schema";
import { rewardOutputs, rewardSubject } from "../rewards/language/outline";
import { aggregateIn } from "./aggregate";
import type { SnapshotIndex } from "./data-index";
import { count, type Quantity, type QuantityUnit, quantityUnitOf, share } from "./quantity";
import type { ListingStage, ProjectStage } from "./snapshot";

export interface MetricContext {
  plan: PlanFile;
  index: SnapshotIndex;
  /** Plan parameter values, with any what-if overrides applied. */
  parameters: ReadonlyMap<string, string | number | boolean>;
}

export interface MetricValue {
  quantity: Quantity;
  /** False when a figure the value needs is missing (the value is then a lower bound) or the year is still running. */
  complete: boolean;
  /** Names of the enterprises whose figure is missing. */
  missing: string[];
  /** Metric-specific facts behind the value (entries and exits, projects counted, …). */
  detail?: MetricDetail;
}

export type MetricDetail =
  | { kind: "aboveScaleChanges"; entries: YearChanges[] }
  | { kind: "projects"; projectIds: number[]; byYear: { year: number; count: number }[] }
  | { kind: "listings"; enterpriseIds: number[]; byYear: { year: number; count: number }[] }
  | { kind: "ratio"; numerator: bigint; denominator: bigint };

export interface YearChanges {
  year: number;
  /** Above-scale this year and not the year before (新增入规). */
  entered: number[];
  /** Above-scale the year before and not this year (退规). */
  exited: number[];
}

export interface MetricDefinition {
  id: string;
  label: string;
  labelEn: string;
  unit: QuantityUnit;
  /**
   * flow: a year's own value, judged on complete years (revenue, a share of a year's investment);
   * level: the state at the end of a year, or to date in the running year (counts, coverage).
   */
  kind: "flow" | "level";
  /** Counted from the plan's start: its baseline is zero by definition. */
  fromZero: boolean;
  /** The shape of the yearly path from the baseline to the target. */
  pathShape: "geometric" | "linear";
  /**
   * Read from a register that keeps only its current state (no history): no past year, the baseline included,
   * has a value of its own.
   */
  currentRegisterOnly?: boolean;
  valueIn(context: MetricContext, target: Target, year: number): MetricValue | null;
}

const INTRODUCED_STAGES: readonly ProjectStage[] = ["signed", "construction", "production"];

/** Reads a target option; `<key>Parameter` names a plan parameter that holds the value instead. */
export function targetOption(
  context: MetricContext,
  target: Target,
  key: string,
): string | number | boolean | string[] | undefined {
  const parameterId = target.options[`${key}Parameter`];
  if (typeof parameterId === "string") {
    const value = context.parameters.get(parameterId);
    if (value === undefined) throw new Error(`目标 ${target.id} 引用的参数 ${parameterId} 不存在`);
    return value;
  }
  return target.options[key];
}

function isCompleteYear(context: MetricContext, year: number): boolean {
  const { asOf } = context.index.snapshot;
  return year < asOf.year || (year === asOf.year && asOf.month >= 12);
}

/** The value of an aggregate (aggregate.ts) as a metric's value of the year. */
function aggregateValue(
  context: MetricContext,
  target: Target,
  aggregate: TargetAggregate,
  unit: QuantityUnit,
  year: number,
): MetricValue | null {
  // An increase is counted from the target's baseline year.
  const result = aggregateIn(context.plan, context.index, aggregate, unit, year, { baseYear: target.baselineYear });
  if (!result) return null;
  return {
    quantity: result.quantity,
    complete: result.allFigures && isCompleteYear(context, year),
    missing: result.missing,
    ...(result.ratio ? { detail: { kind: "ratio" as const, ...result.ratio } } : {}),
  };
}

/** Σ annual 营业收入 of the enterprises 规上 in the year. */
const ABOVE_SCALE_REVENUE: TargetAggregate = { op: "sum", of: "revenue", where: { aboveScale: true } };
/** The enterprises 规上 in the year. */
const ABOVE_SCALE_COUNT: TargetAggregate = { op: "count", where: { aboveScale: true } };
/** The enterprises 规上 in the year less those 规上 in the target's baseline year (净增). */
const ABOVE_SCALE_NET_INCREASE: TargetAggregate = { op: "increase", where: { aboveScale: true } };

const aboveScaleRevenue: MetricDefinition = {
  id: "aboveScaleRevenue",
  label: "规上工业企业营业收入",
  labelEn: "Revenue of above-scale industrial enterprises",
  unit: "yuan",
  kind: "flow",
  fromZero: false,
  pathShape: "geometric",
  valueIn: (context, target, year) => aggregateValue(context, target, ABOVE_SCALE_REVENUE, "yuan", year),
};

const aboveScaleCount: MetricDefinition = {
  id: "aboveScaleCount",
  label: "规上工业企业户数",
  labelEn: "Above-scale industrial enterprises",
  unit: "count",
  kind: "level",
  fromZero: false,
  pathShape: "linear",
  valueIn: (context, target, year) => aggregateValue(context, target, ABOVE_SCALE_COUNT, "count", year),
};

/**
 * The metric of a target written as an aggregate (metric: aggregate): its unit is the target's own, a count of
 * enterprises is a level (as the count of above-scale enterprises), every other aggregate a year's flow; an increase
 * is counted from the baseline year, where it is zero.
 */
function aggregateMetric(target: Target, aggregate: TargetAggregate): MetricDefinition {
  const unit = quantityUnitOf(target.unit);
  return {
    id: AGGREGATE_METRIC,
    label: target.name,
    labelEn: target.nameEn,
    unit,
    kind: (aggregate.op === "count" || aggregate.op === "increase") && aggregate.of === undefined ? "level" : "flow",
    fromZero: aggregate.op === "increase",
    pathShape: unit === "yuan" && aggregate.op === "sum" ? "geometric" : "linear",
    valueIn: (context, target, year) => aggregateValue(context, target, aggregate, unit, year),
  };
}

/** Entries and exits of the above-scale directory, year by year after `fromYear` up to `toYear`. */
export function aboveScaleChanges(index: SnapshotIndex, fromYear: number, toYear: number): YearChanges[] {
  const changes: YearChanges[] = [];
  for (let year = fromYear + 1; year <= toYear; year++) {
    const entered: number[] = [];
    const exited: number[] = [];
    for (const enterprise of index.snapshot.enterprises) {
      const now = index.isAboveScale(enterprise.id, year);
      const before = index.isAboveScale(enterprise.id, year - 1);
      if (now && !before) entered.push(enterprise.id);
      if (before && !now) exited.push(enterprise.id);
    }
    changes.push({ year, entered, exited });
  }
  return changes;
}

const aboveScaleNetIncrease: MetricDefinition = {
  id: "aboveScaleNetIncrease",
  label: "规上工业企业净增户数",
  labelEn: "Net increase of above-scale industrial enterprises",
  unit: "count",
  kind: "level",
  fromZero: true,
  pathShape: "linear",
  valueIn(context, target, year) {
    const value = aggregateValue(context, target, ABOVE_SCALE_NET_INCREASE, "count", year);
    if (!value) return null;
    // Beside the net figure, who entered and who left the directory each year.
    const entries = aboveScaleChanges(context.index, target.baselineYear, year);
    return { ...value, detail: { kind: "aboveScaleChanges", entries } };
  },
};

/**
 * The planned-investment range [min, max) a target counts, in fen. `threshold` (or the parameter
 * `thresholdParameter` names) is the minimum; with a `category`, categories are exclusive — a
 * "50 project" is not also a "20 project" — so the next larger category of the plan's
 * project reward is the (excluded) maximum. Without a category, every project at or
 * over the threshold counts (T-M2b's "2000万元以上").
 */
export function investmentRange(context: MetricContext, target: Target): { min: bigint; max: bigint | null } {
  const category = targetOption(context, target, "category");
  const threshold = targetOption(context, target, "threshold");
  const categories = planCategoryThresholds(context);
  let min: bigint | undefined;
  if (threshold !== undefined) min = parseYuan(String(threshold));
  else if (typeof category === "string") min = categories.get(category);
  if (min === undefined) {
    throw new Error(`目标 ${target.id} 未指明项目投资额门槛（options.thresholdParameter 或 category）`);
  }
  let max: bigint | null = null;
  const explicitMax = targetOption(context, target, "maxThreshold");
  if (explicitMax !== undefined) max = parseYuan(String(explicitMax));
  else if (typeof category === "string") {
    for (const value of categories.values()) if (value > min && (max === null || value < max)) max = value;
  }
  return { min, max };
}

/**
 * The investment-project categories of the plan's reward rules (a tier of a rule per investment
 * project that names a category): category → minimum investment in fen, its parameter's value first.
 */
export function planCategoryThresholds(context: MetricContext): Map<string, bigint> {
  const thresholds = new Map<string, bigint>();
  for (const rule of context.plan.rewards) {
    if (rewardSubject(rule) !== "project") continue;
    for (const output of rewardOutputs(rule)) {
      if (output.category === null || output.minimum === null) continue;
      const fromParameter = output.minimumParameter ? context.parameters.get(output.minimumParameter) : undefined;
      thresholds.set(output.category, parseYuan(String(fromParameter ?? output.minimum)));
    }
  }
  return thresholds;
}

const introducedProjects: MetricDefinition = {
  id: "introducedProjects",
  label: "引进项目个数",
  labelEn: "Projects introduced",
  unit: "count",
  kind: "level",
  fromZero: true,
  pathShape: "linear",
  valueIn(context, target, year) {
    const { min, max } = investmentRange(context, target);
    const startYear = context.plan.period.startYear;
    const stages = targetOption(context, target, "projectStages");
    const counted = Array.isArray(stages) ? stages : INTRODUCED_STAGES;
    const manufacturingOnly = targetOption(context, target, "manufacturingOnly") === true;
    const projects = context.index.snapshot.projects.filter(
      (project) =>
        project.introducedYear !== null &&
        project.introducedYear >= startYear &&
        project.introducedYear <= year &&
        counted.includes(project.stage) &&
        (!manufacturingOnly || project.manufacturing) &&
        project.plannedInvestment >= min &&
        (max === null || project.plannedInvestment < max),
    );
    const byYear: { year: number; count: number }[] = [];
    for (let y = startYear; y <= year; y++) {
      byYear.push({ year: y, count: projects.filter((project) => project.introducedYear === y).length });
    }
    return {
      quantity: count(projects.length),
      complete: isCompleteYear(context, year),
      missing: [],
      detail: { kind: "projects", projectIds: projects.map((project) => project.id), byYear },
    };
  },
};

const manufacturingInvestmentShare: MetricDefinition = {
  id: "manufacturingInvestmentShare",
  label: "制造业投资占全社会固定资产投资比重",
  labelEn: "Manufacturing share of fixed-asset investment",
  unit: "share",
  kind: "flow",
  fromZero: false,
  pathShape: "linear",
  valueIn(context, _target, year) {
    const row = context.index.snapshot.investment.find((entry) => entry.year === year);
    if (!row) return null;
    const quantity = share(row.manufacturing, row.total);
    if (!quantity) return null;
    return {
      quantity,
      complete: isCompleteYear(context, year),
      missing: [],
      detail: { kind: "ratio", numerator: row.manufacturing, denominator: row.total },
    };
  },
};

/** The plan's names of listing stages, and the register's (enterprises.listing_stage). */
const LISTING_STAGE_NAMES: Readonly<Record<string, ListingStage>> = {
  equityDisplay: "display",
  display: "display",
  shareholdingReform: "shareholding",
  shareholding: "shareholding",
  neeq: "neeq",
  domestic: "domestic",
  overseas: "overseas",
};

/** The listing stages a listingStageReached target counts (option `stages`). */
export function listingStagesOf(context: MetricContext, target: Target): readonly ListingStage[] {
  const stages = targetOption(context, target, "stages");
  const names = Array.isArray(stages) ? stages : typeof stages === "string" ? [stages] : [];
  if (names.length === 0) throw new Error(`目标 ${target.id} 未指明挂牌上市阶段（options.stages）`);
  return names.map((name) => {
    const stage = LISTING_STAGE_NAMES[name];
    if (!stage)
      throw new Error(
        `目标 ${target.id} 的挂牌上市阶段 ${name} 无法识别（允许：${Object.keys(LISTING_STAGE_NAMES).join("、")}）`,
      );
    return stage;
  });
}

const listingStageReached: MetricDefinition = {
  id: "listingStageReached",
  label: "挂牌展示、股改、上市企业数",
  labelEn: "Enterprises listed for display, reformed, listed",
  unit: "count",
  kind: "level",
  fromZero: true,
  pathShape: "linear",
  valueIn(context, target, year) {
    const stages = listingStagesOf(context, target);
    const startYear = context.plan.period.startYear;
    const firstYear = new Map<number, number>();
    for (const event of context.index.snapshot.listings) {
      if (!stages.includes(event.stage) || event.year < startYear || event.year > year) continue;
      const known = firstYear.get(event.enterpriseId);
      if (known === undefined || event.year < known) firstYear.set(event.enterpriseId, event.year);
    }
    const byYear: { year: number; count: number }[] = [];
    for (let y = startYear; y <= year; y++) {
      byYear.push({ year: y, count: [...firstYear.values()].filter((first) => first === y).length });
    }
    return {
      quantity: count(firstYear.size),
      complete: isCompleteYear(context, year),
      missing: [],
      detail: { kind: "listings", enterpriseIds: [...firstYear.keys()], byYear },
    };
  },
};

/** The year a register without history (service items, leader assignments) speaks for. */
function isCurrentRegisterYear(context: MetricContext, target: Target, year: number): boolean {
  return year === Math.min(context.index.snapshot.asOf.year, Number(target.deadline.slice(0, 4)));
}

const onlineServiceShare: MetricDefinition = {
  id: "onlineServiceShare",
  label: "涉企服务事项网上可办率",
  labelEn: "Share of enterprise services available online",
  unit: "share",
  kind: "level",
  fromZero: false,
  pathShape: "linear",
  currentRegisterOnly: true,
  valueIn(context, target, year) {
    // The service list is a current register with no history: it speaks for the running year only
    // (or for the deadline year, once the deadline has passed).
    if (!isCurrentRegisterYear(context, target, year)) return null;
    const items = context.index.snapshot.onlineServices;
    const online = BigInt(items.filter((item) => item.online).length);
    const quantity = share(online, BigInt(items.length));
    if (!quantity) return null;
    return {
      quantity,
      complete: false,
      missing: [],
      detail: { kind: "ratio", numerator: online, denominator: BigInt(items.length) },
    };
  },
};

const keyAssistanceCoverage: MetricDefinition = {
  id: "keyAssistanceCoverage",
  label: "重点企业、重点项目帮扶覆盖率",
  labelEn: "Key enterprises and projects with an assigned leader",
  unit: "share",
  kind: "level",
  fromZero: false,
  pathShape: "linear",
  currentRegisterOnly: true,
  valueIn(context, target, year) {
    if (!isCurrentRegisterYear(context, target, year)) return null;
    const { enterprises, projects } = context.index.snapshot;
    const keyEnterprises = enterprises.filter((enterprise) => enterprise.isKey);
    const keyProjects = projects.filter((project) => project.isKey);
    const covered = BigInt(
      keyEnterprises.filter((enterprise) => enterprise.hasLeader).length +
        keyProjects.filter((project) => project.hasLeader).length,
    );
    const total = BigInt(keyEnterprises.length + keyProjects.length);
    const quantity = share(covered, total);
    if (!quantity) return null;
    return {
      quantity,
      complete: false,
      missing: [],
      detail: { kind: "ratio", numerator: covered, denominator: total },
    };
  },
};

/** Every metric a target may name, by id. */
export const METRICS: ReadonlyMap<string, MetricDefinition> = new Map(
  [
    aboveScaleRevenue,
    aboveScaleCount,
    aboveScaleNetIncrease,
    introducedProjects,
    manufacturingInvestmentShare,
    listingStageReached,
    onlineServiceShare,
    keyAssistanceCoverage,
  ].map((metric) => [metric.id, metric]),
);

/** The metric of a target written as an aggregate of a fact (`aggregate:` beside it). */
export const AGGREGATE_METRIC = "aggregate";

/** The metric ids the targets module supports, for plan validation. */
export const SUPPORTED_METRICS: readonly string[] = [...METRICS.keys(), AGGREGATE_METRIC];

/** How a target's value is computed: a built-in metric, or the aggregate it writes out; undefined when neither. */
export function metricOf(target: Target): MetricDefinition | undefined {
  if (target.metric === AGGREGATE_METRIC)
    return target.aggregate ? aggregateMetric(target, target.aggregate) : undefined;
  return METRICS.get(target.metric);
}
