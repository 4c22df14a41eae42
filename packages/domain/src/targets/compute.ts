/**
 * Every target of a plan, computed from a data snapshot: baseline, yearly path, actual to date,
 * gap and status, with the clause it comes from. Targets are data (plan file); metrics are code
 * (./metrics.ts). See docs/forecast.md for the readings.
 */

import { parseYuan } from "../money";
import { NoteList, type NoteMessage } from "../notes/messages";
import type { PlanFile, Target } from "../plan/schema";
import {
  type ContributionAnalysis,
  contributionAnalysis,
  type FallRisk,
  fallRisks,
  type RequiredGrowth,
  requiredGrowth,
} from "./analysis";
import { indexOfSnapshot } from "./data-index";
import { type MetricContext, type MetricDefinition, type MetricValue, metricOf, targetOption } from "./metrics";
import {
  compareQuantities,
  count,
  meets,
  money,
  parseTargetValue,
  type Quantity,
  quantityUnitOf,
  SHARE_SCALE,
  shareMillionths,
  subtract,
} from "./quantity";
import type { TargetSnapshot } from "./snapshot";

export type TargetStatus = "green" | "yellow" | "red" | "aspiration-behind" | "no-data";

/** How the status was decided: the deadline has passed, a forecast of the deadline, the path to date, or nothing to go on. */
export type StatusBasis = "final" | "forecast" | "path" | "none";

/** A forecast of a target's deadline value with its 80 % interval, in the target's unit (see ../forecast). */
export interface TargetForecastInput {
  estimate: Quantity;
  low: Quantity;
  high: Quantity;
}

export interface ComputeTargetsOptions {
  /** What-if overrides of plan parameters by id. */
  parameters?: Readonly<Record<string, string | number | boolean>>;
  /** Forecasts of deadline values by target id; with one, a running target's status follows it. */
  forecasts?: Readonly<Record<string, TargetForecastInput>>;
  /** On the path basis, yellow when at least this share of the progress expected by now is made (default 0.8). */
  yellowProgressRatio?: number;
  /** How many enterprises the contribution and risk lists keep (default 10). */
  top?: number;
}

export interface PathPoint {
  year: number;
  value: Quantity;
}

export interface YearlyMilestone {
  year: number;
  /** The year's own target (not cumulative), from the plan's yearly milestones. */
  target: Quantity;
  /** The year's own achievement; null before the year has data. */
  actual: Quantity | null;
  met: boolean | null;
}

export interface TargetProgress {
  targetId: string;
  clause: string;
  /** The sentence of the clause stating the target, verbatim. */
  quote: string;
  /** The clause's full original text, when the plan holds the clause. */
  clauseText: string | null;
  name: string;
  nameEn: string;
  metric: string;
  unit: Quantity["unit"];
  comparison: "gt" | "gte";
  /** The parameter that decided the comparison (突破), when the target names one. */
  comparisonParameter: string | null;
  aspiration: boolean;
  baselineYear: number;
  deadlineYear: number;
  target: Quantity;
  /** The top of a stated range ("1-2家"), shown beside the target; the target is its lower end. */
  upperValue: Quantity | null;
  baseline: Quantity | null;
  pathShape: "geometric" | "linear" | "milestones";
  path: PathPoint[];
  /** Each year's value after the baseline, up to the deadline or today. */
  actuals: { year: number; value: Quantity; complete: boolean; missing: string[] }[];
  /** The value the status is judged on: the last complete year (flows) or today (levels). */
  current: { year: number; month: number; value: Quantity; complete: boolean } | null;
  /** The path's value at the moment `current` describes. */
  pathNow: Quantity | null;
  /** target − current (positive: still to go). */
  gap: Quantity | null;
  met: boolean | null;
  status: TargetStatus;
  statusBasis: StatusBasis;
  yearly: YearlyMilestone[];
  /** For revenue: the running year's months to date. */
  yearToDate: RevenueYearToDate | null;
  requiredGrowth: RequiredGrowth | null;
  contribution: ContributionAnalysis | null;
  /** The enterprises whose fall would cost this target most. */
  fallRisks: FallRisk[] | null;
  /** Missing data and readings to show beside the figure, in Chinese. */
  notes: string[];
  /** The same notes as messages, one for one, to render in the reader's language (notes/messages). */
  noteMessages: NoteMessage[];
}

export interface RevenueYearToDate {
  year: number;
  throughMonth: number;
  value: Quantity;
  /** The same months a year earlier, for the same enterprises. */
  samePeriodLastYear: Quantity | null;
  /** Enterprises without every month to date. */
  missing: string[];
}

/** Computes every target of the plan from the snapshot. */
export function computeTargets(
  plan: PlanFile,
  snapshot: TargetSnapshot,
  options: ComputeTargetsOptions = {},
): TargetProgress[] {
  const context = buildContext(plan, snapshot, options);
  return plan.targets.map((target) => computeTarget(context, target, options));
}

/** The context the metrics read: the plan, an index over the snapshot, parameters with overrides. */
export function buildContext(
  plan: PlanFile,
  snapshot: TargetSnapshot,
  options: Pick<ComputeTargetsOptions, "parameters"> = {},
): MetricContext {
  const parameters = new Map<string, string | number | boolean>(plan.parameters.map((p) => [p.id, p.value]));
  for (const [id, value] of Object.entries(options.parameters ?? {})) parameters.set(id, value);
  return { plan, index: indexOfSnapshot(snapshot), parameters };
}

/** The comparison a target uses: its parameter's value when it names one (突破 read as gt or gte), else its own. */
export function resolveComparison(context: MetricContext, target: Target): "gt" | "gte" {
  const parameterId = target.comparisonParameter;
  if (!parameterId) return target.comparison;
  const value = context.parameters.get(parameterId);
  if (value === "gt" || value === "strict" || value === "strictlyGreater") return "gt";
  if (value === "gte" || value === "inclusive" || value === "greaterOrEqual") return "gte";
  throw new Error(`目标 ${target.id} 的比较参数 ${parameterId} 取值无效：${String(value)}（应为 gt 或 gte）`);
}

/** Computes one target. */
export function computeTarget(
  context: MetricContext,
  target: Target,
  options: ComputeTargetsOptions = {},
): TargetProgress {
  const metric = metricOf(target);
  if (!metric) throw new Error(`目标 ${target.id} 的指标 ${target.metric} 不受支持`);
  const unit = quantityUnitOf(target.unit);
  if (unit !== metric.unit) {
    throw new Error(`目标 ${target.id} 的计量单位 ${target.unit} 与指标 ${metric.id}（${metric.unit}）不符`);
  }
  const { asOf } = context.index.snapshot;
  const comparison = resolveComparison(context, target);
  const targetValue = parseTargetValue(target.value, unit);
  const deadlineYear = Number(target.deadline.slice(0, 4));
  const upper = targetOption(context, target, "upperValue");
  const notes = new NoteList();

  const valueIn = (year: number): MetricValue | null => metric.valueIn(context, target, year);
  const baselineValue = metric.fromZero ? null : valueIn(target.baselineYear);
  const baseline = metric.fromZero ? zeroOf(unit) : (baselineValue?.quantity ?? null);
  if (!baseline && metric.currentRegisterOnly) {
    notes.add("target.baselineCurrentOnly", {
      metric: metric.label,
      metricEn: metric.labelEn,
      year: target.baselineYear,
    });
  } else if (!baseline) notes.add("target.baselineMissing", { year: target.baselineYear });
  else if (baselineValue && baselineValue.missing.length > 0) {
    notes.add("target.baselineMissingEnterprises", {
      count: baselineValue.missing.length,
      names: baselineValue.missing,
    });
  }

  const yearlyTargets = target.yearly.map((entry) => ({
    year: entry.year,
    value: parseTargetValue(entry.value, unit),
  }));
  const { points: path, shape: pathShape } = buildPath(
    metric,
    baseline,
    targetValue,
    target.baselineYear,
    deadlineYear,
    yearlyTargets,
  );

  const actuals: TargetProgress["actuals"] = [];
  const lastYear = Math.min(deadlineYear, asOf.year);
  for (let year = target.baselineYear + 1; year <= lastYear; year++) {
    const value = valueIn(year);
    if (value) actuals.push({ year, value: value.quantity, complete: value.complete, missing: value.missing });
  }

  const current = currentValue(
    metric,
    actuals,
    asOf,
    deadlineYear,
    baseline ? { year: target.baselineYear, value: baseline } : null,
  );
  if (current && !current.complete && metric.kind === "flow")
    notes.add("target.yearIncomplete", { year: current.year });
  const latest = actuals.find((entry) => entry.year === current?.year);
  if (latest && latest.missing.length > 0) {
    notes.add("target.yearMissingEnterprises", {
      year: latest.year,
      count: latest.missing.length,
      names: latest.missing,
    });
  }

  const pathNow = current ? pathValueAt(path, current.year, metric.kind === "level" ? current.month : 12, unit) : null;
  const met = current ? meets(current.value, targetValue, comparison) : null;
  const gap = current ? subtract(targetValue, current.value) : null;

  const final =
    current !== null && current.year >= deadlineYear && (metric.kind === "level" ? current.month >= 12 : true);
  const forecast = options.forecasts?.[target.id];
  let status: TargetStatus;
  let statusBasis: StatusBasis;
  if (!current) {
    status = "no-data";
    statusBasis = "none";
  } else if (final) {
    statusBasis = "final";
    status = met ? "green" : "red";
  } else if (forecast) {
    statusBasis = "forecast";
    status = meets(forecast.estimate, targetValue, comparison)
      ? "green"
      : meets(forecast.high, targetValue, comparison)
        ? "yellow"
        : "red";
  } else {
    statusBasis = "path";
    status = met ? "green" : pathStatus(current.value, baseline, pathNow, options.yellowProgressRatio ?? 0.8);
  }
  // 力争: an aspiration falling short is shown as such, never as a breach.
  if (target.aspiration && (status === "red" || status === "yellow")) status = "aspiration-behind";

  const yearly: YearlyMilestone[] = yearlyTargets.map((entry) => {
    const actual = ownYearValue(metric, valueIn, entry.year, target.baselineYear, unit);
    return {
      year: entry.year,
      target: entry.value,
      actual,
      met: actual ? compareQuantities(actual, entry.value) >= 0 : null,
    };
  });

  const top = options.top ?? 10;
  const thresholdFen = parseYuan(context.plan.aboveScaleThreshold);
  let yearToDate: RevenueYearToDate | null = null;
  let growth: RequiredGrowth | null = null;
  let contribution: ContributionAnalysis | null = null;
  let risks: FallRisk[] | null = null;
  if (metric.id === "aboveScaleRevenue") {
    yearToDate = revenueYearToDate(context);
    if (current) {
      const running = yearToDate && yearToDate.year === deadlineYear ? yearToDate : null;
      growth = requiredGrowth({
        fromYear: current.year,
        fromValue: current.value.value,
        deadlineYear,
        target: targetValue.value,
        comparison,
        running: running
          ? {
              year: running.year,
              throughMonth: running.throughMonth,
              yearToDate: running.value.value,
              samePeriodLastYearRemaining: remainingMonthsLastYear(context, running.year, running.throughMonth),
            }
          : null,
      });
      contribution = contributionAnalysis(context.index, "revenue", target.baselineYear, current.year, top);
      risks = fallRisks(context.index, current.year, {
        by: "revenue",
        thresholdFen,
        target: { fen: targetValue.value, comparison },
        top,
      });
    }
  } else if (metric.id === "aboveScaleCount" || metric.id === "aboveScaleNetIncrease") {
    const year = latestDirectoryYear(context, lastYear);
    if (year !== null) {
      contribution = contributionAnalysis(context.index, "count", target.baselineYear, year, top);
      const completeYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
      risks = fallRisks(context.index, Math.min(year, completeYear), { by: "margin", thresholdFen, top });
    }
  }

  return {
    targetId: target.id,
    clause: target.clause,
    quote: target.quote,
    clauseText: context.plan.clauses.find((clause) => clause.id === target.clause)?.text ?? null,
    name: target.name,
    nameEn: target.nameEn,
    metric: target.metric,
    unit,
    comparison,
    comparisonParameter: target.comparisonParameter ?? null,
    aspiration: target.aspiration,
    baselineYear: target.baselineYear,
    deadlineYear,
    target: targetValue,
    upperValue: upper === undefined ? null : parseTargetValue(String(upper), unit),
    baseline,
    pathShape,
    path,
    actuals,
    current,
    pathNow,
    gap,
    met,
    status,
    statusBasis,
    yearly,
    yearToDate,
    requiredGrowth: growth,
    contribution,
    fallRisks: risks,
    notes: notes.notes,
    noteMessages: notes.messages,
  };
}

function zeroOf(unit: Quantity["unit"]): Quantity {
  if (unit === "yuan") return money(0n);
  if (unit === "share") return shareMillionths(0n);
  return count(0);
}

/**
 * The yearly path from the baseline to the target. With yearly milestones (each year's own value)
 * the path accumulates them; otherwise geometric for metrics that grow by rates (revenue),
 * linear for counts and shares. Counts round up (what is needed by then), money to the yuan.
 */
export function buildPath(
  metric: Pick<MetricDefinition, "pathShape">,
  baseline: Quantity | null,
  target: Quantity,
  baselineYear: number,
  deadlineYear: number,
  yearly: readonly { year: number; value: Quantity }[] = [],
): { points: PathPoint[]; shape: TargetProgress["pathShape"] } {
  if (!baseline) return { points: [{ year: deadlineYear, value: target }], shape: metric.pathShape };
  const span = deadlineYear - baselineYear;
  const points: PathPoint[] = [{ year: baselineYear, value: baseline }];
  if (yearly.length > 0) {
    let running = baseline.value;
    for (let year = baselineYear + 1; year <= deadlineYear; year++) {
      const milestone = yearly.find((entry) => entry.year === year);
      if (milestone) running += milestone.value.value;
      const value = year === deadlineYear && running < target.value ? target.value : running;
      points.push({ year, value: { unit: target.unit, value } });
    }
    return { points, shape: "milestones" };
  }
  const geometric = metric.pathShape === "geometric" && baseline.value > 0n && target.value > 0n;
  // Shares run in millionths, money in fen, counts as counts.
  const b = baseline.value;
  const t = target.value;
  for (let year = baselineYear + 1; year <= deadlineYear; year++) {
    const step = year - baselineYear;
    let value: bigint;
    if (year === deadlineYear) value = t;
    else if (geometric) {
      const ratio = (Number(t) / Number(b)) ** (step / span);
      value = roundToUnit(Number(b) * ratio, target.unit);
    } else {
      const numerator = (t - b) * BigInt(step);
      const denominator = BigInt(span);
      value =
        b +
        (target.unit === "count"
          ? ceilDiv(numerator, denominator)
          : roundToUnitBig(numerator, denominator, target.unit));
    }
    points.push({ year, value: { unit: target.unit, value } });
  }
  return { points, shape: geometric ? "geometric" : "linear" };
}

function roundToUnit(value: number, unit: Quantity["unit"]): bigint {
  if (unit === "yuan") return BigInt(Math.round(value / 100)) * 100n;
  return BigInt(Math.round(value));
}

function roundToUnitBig(numerator: bigint, denominator: bigint, unit: Quantity["unit"]): bigint {
  if (unit === "yuan") return roundHalfUp(numerator, denominator * 100n) * 100n;
  return roundHalfUp(numerator, denominator);
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  if (numerator <= 0n) return -(-numerator / denominator);
  return (numerator + denominator - 1n) / denominator;
}

/** The path's value at the end of `month` of `year`, interpolated linearly inside the year; counts floored. */
export function pathValueAt(
  path: readonly PathPoint[],
  year: number,
  month: number,
  unit: Quantity["unit"],
): Quantity | null {
  const end = path.find((point) => point.year === year);
  if (!end) {
    const last = path[path.length - 1];
    if (last && year > last.year) return last.value;
    return null;
  }
  if (month >= 12) return end.value;
  const start = path.find((point) => point.year === year - 1);
  if (!start) return end.value;
  const numerator = (end.value.value - start.value.value) * BigInt(month);
  const step = unit === "count" ? numerator / 12n : roundToUnitBig(numerator, 12n, unit);
  return { unit, value: start.value.value + step };
}

function currentValue(
  metric: MetricDefinition,
  actuals: TargetProgress["actuals"],
  asOf: { year: number; month: number },
  deadlineYear: number,
  baseline: { year: number; value: Quantity } | null,
): TargetProgress["current"] {
  const completeYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
  if (metric.kind === "flow") {
    for (let i = actuals.length - 1; i >= 0; i--) {
      const entry = actuals[i] as TargetProgress["actuals"][number];
      if (entry.year <= completeYear)
        return { year: entry.year, month: 12, value: entry.value, complete: entry.complete };
    }
  } else {
    const last = actuals[actuals.length - 1];
    if (last) {
      const month = last.year === asOf.year ? asOf.month : 12;
      return {
        year: last.year,
        month: last.year > deadlineYear ? 12 : month,
        value: last.value,
        complete: last.complete,
      };
    }
  }
  return baseline ? { year: baseline.year, month: 12, value: baseline.value, complete: true } : null;
}

function pathStatus(
  actual: Quantity,
  baseline: Quantity | null,
  pathNow: Quantity | null,
  yellowRatio: number,
): TargetStatus {
  if (!pathNow) return "yellow";
  if (compareQuantities(actual, pathNow) >= 0) return "green";
  if (!baseline) return "yellow";
  const expected = pathNow.value - baseline.value;
  const made = actual.value - baseline.value;
  if (expected <= 0n) return made >= 0n ? "green" : "yellow";
  // made / expected ≥ yellowRatio, compared in integers (ratio in millionths).
  const ratio = BigInt(Math.round(yellowRatio * Number(SHARE_SCALE)));
  return made * SHARE_SCALE >= ratio * expected ? "yellow" : "red";
}

/** A milestone year's own value: cumulative metrics by difference, others as they are. */
function ownYearValue(
  metric: MetricDefinition,
  valueIn: (year: number) => MetricValue | null,
  year: number,
  baselineYear: number,
  unit: Quantity["unit"],
): Quantity | null {
  const value = valueIn(year);
  if (!value) return null;
  if (!metric.fromZero) return value.quantity;
  const before = year - 1 <= baselineYear ? zeroOf(unit) : valueIn(year - 1)?.quantity;
  return before ? { unit, value: value.quantity.value - before.value } : null;
}

function latestDirectoryYear(context: MetricContext, upTo: number): number | null {
  for (let year = upTo; year >= upTo - 50; year--) if (context.index.hasDirectory(year)) return year;
  return null;
}

/** The running year's above-scale revenue to date (months 1..asOf.month), with the same months a year earlier. */
export function revenueYearToDate(context: MetricContext): RevenueYearToDate | null {
  const { asOf } = context.index.snapshot;
  if (asOf.month >= 12) return null;
  const year = asOf.year;
  const directoryYear = latestDirectoryYear(context, year);
  if (directoryYear === null) return null;
  let total = 0n;
  let lastYear = 0n;
  let lastYearComplete = true;
  const missing: string[] = [];
  for (const enterprise of context.index.aboveScaleIn(directoryYear)) {
    const value = context.index.yearToDate(enterprise.id, "revenue", year, asOf.month);
    if (value === undefined) missing.push(enterprise.name);
    else total += value;
    const previous = context.index.yearToDate(enterprise.id, "revenue", year - 1, asOf.month);
    if (previous === undefined) lastYearComplete = false;
    else lastYear += previous;
  }
  return {
    year,
    throughMonth: asOf.month,
    value: money(total),
    samePeriodLastYear: lastYearComplete ? money(lastYear) : null,
    missing,
  };
}

/** Months after `throughMonth` of the year before, summed over the running year's above-scale enterprises. */
function remainingMonthsLastYear(context: MetricContext, year: number, throughMonth: number): bigint | null {
  const directoryYear = latestDirectoryYear(context, year);
  if (directoryYear === null) return null;
  let total = 0n;
  for (const enterprise of context.index.aboveScaleIn(directoryYear)) {
    for (let month = throughMonth + 1; month <= 12; month++) {
      const value = context.index.monthly(enterprise.id, "revenue", year - 1, month);
      if (value === undefined) return null;
      total += value;
    }
  }
  return total;
}
