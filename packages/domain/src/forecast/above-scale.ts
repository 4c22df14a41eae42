/**
 * G3's deadline value: how many enterprises will be above-scale (规上) in the deadline year, built
 * from the enterprises themselves. Each enterprise gets a probability of being above the threshold
 * (reserve-pool enterprises crossing it, above-scale ones staying); the count is the sum of those
 * Bernoulli variables, computed exactly (Poisson-binomial) and averaged over a shock common to
 * all enterprises (a good or bad year lifts or sinks them together). See docs/forecast.md.
 */
import { type Fen, parseYuan } from "../money";
import { NoteList, type NoteMessage, noteMessage, renderNote } from "../notes/messages";
import { indexOfSnapshot, type SnapshotIndex } from "../targets/data-index";
import type { ScaleStatus, TargetSnapshot } from "../targets/snapshot";
import { discreteQuantile, mean, normalCdf, normalSlices, poissonBinomial, sampleSd } from "./stats";

export interface AboveScaleForecastOptions {
  deadlineYear: number;
  baselineYear: number;
  /** The above-scale threshold in yuan (the plan's aboveScaleThreshold, "20000000"). */
  threshold: string;
  /** Interval level, default 0.8. */
  level?: number;
  /**
   * Whether a year's status follows that year's revenue (0) or the year before's (1). Default:
   * whichever agrees better with the status history.
   */
  statusLag?: 0 | 1;
  /** Shrinkage of an enterprise's own growth toward the common growth, in years of weight (default 2). */
  shrinkageYears?: number;
  /** Defaults when the history is too short to measure them. */
  priorCommonSd?: number;
  priorEnterpriseSd?: number;
  /** Number of slices of the common shock (default 15). */
  slices?: number;
}

export interface EnterpriseOutlook {
  enterpriseId: number;
  name: string;
  /** Status in the latest directory. */
  status: ScaleStatus | null;
  /** The revenue the projection starts from (yuan, rounded), and its year. */
  baseRevenue: Fen | null;
  baseYear: number | null;
  /** The enterprise's trend: yearly log growth after shrinkage. */
  logGrowth: number | null;
  /** Probability of being above-scale in each year up to the deadline. */
  byYear: { year: number; probability: number }[];
  probabilityAtDeadline: number;
  /** First year in which being above-scale is more likely than not; null if none by the deadline. */
  likelyYear: number | null;
  /** Why the probability is what it is, when it is not modelled (no data, status already known), in Chinese. */
  note: string | null;
  /** The same note as a message, rendered in the reader's language. */
  noteMessage: NoteMessage | null;
}

export interface AboveScaleForecast {
  deadlineYear: number;
  level: number;
  statusLag: 0 | 1;
  /** How often, in the history, status agreed with same-year and previous-year revenue. */
  lagAgreement: { sameYear: number | null; previousYear: number | null };
  baselineCount: number | null;
  /** Expected count in the deadline year, and its interval (integers). */
  expectedCount: number;
  low: number;
  high: number;
  expectedNetIncrease: number | null;
  netIncreaseLow: number | null;
  netIncreaseHigh: number | null;
  /** P(count ≥ k) for a given k is read from the distribution; element k is P(count = k). */
  distribution: number[];
  /** Expected entries from outside the directory and expected exits from it. */
  expectedEntries: number;
  expectedExits: number;
  /** Not-above enterprises, most likely to cross first. */
  candidates: EnterpriseOutlook[];
  /** Above-scale enterprises, most likely to fall out first. */
  exitRisks: EnterpriseOutlook[];
  model: {
    commonLogGrowth: number;
    commonSd: number;
    enterpriseSd: number;
    sdSource: "data" | "prior";
    growthYears: number;
  };
  /** Missing data and defaults used, in Chinese; `noteMessages` holds them as messages, one for one. */
  notes: string[];
  noteMessages: NoteMessage[];
}

const toYuan = (fen: Fen): number => Number(fen) / 100;

/** Forecasts the count of above-scale enterprises in the deadline year with its interval. */
export function forecastAboveScaleCount(
  snapshot: TargetSnapshot,
  options: AboveScaleForecastOptions,
): AboveScaleForecast {
  const index = indexOfSnapshot(snapshot);
  const level = options.level ?? 0.8;
  const thresholdFen = parseYuan(options.threshold);
  const threshold = toYuan(thresholdFen);
  const logThreshold = Math.log(threshold);
  const { asOf } = snapshot;
  const completeYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
  const notes = new NoteList();
  const enterprises = snapshot.enterprises;

  const agreement = lagAgreement(index, thresholdFen);
  const statusLag = options.statusLag ?? ((agreement.previousYear ?? -1) > (agreement.sameYear ?? -1) ? 1 : 0);

  // Growth model: yearly log growth = common year effect + enterprise effect + noise.
  const growthByYear = new Map<number, { enterpriseId: number; rate: number }[]>();
  for (const enterprise of enterprises) {
    for (let year = Math.min(...index.knownYears()) + 1; year <= completeYear; year++) {
      const before = index.annual(enterprise.id, "revenue", year - 1);
      const now = index.annual(enterprise.id, "revenue", year);
      if (before === undefined || now === undefined || before <= 0n || now <= 0n) continue;
      // Clipped: a start-up or a collapse would otherwise dominate the spread.
      const rate = Math.max(-1.5, Math.min(1.5, Math.log(toYuan(now) / toYuan(before))));
      const list = growthByYear.get(year) ?? [];
      list.push({ enterpriseId: enterprise.id, rate });
      growthByYear.set(year, list);
    }
  }
  const yearEffects = [...growthByYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, list]) => ({ year, effect: mean(list.map((entry) => entry.rate)) }));
  const effectOf = new Map(yearEffects.map((entry) => [entry.year, entry.effect]));
  const commonLogGrowth = yearEffects.length > 0 ? mean(yearEffects.map((entry) => entry.effect)) : 0;
  const residuals = new Map<number, number[]>();
  const allResiduals: number[] = [];
  for (const [year, list] of growthByYear) {
    for (const entry of list) {
      const residual = entry.rate - (effectOf.get(year) as number);
      allResiduals.push(residual);
      const own = residuals.get(entry.enterpriseId) ?? [];
      own.push(residual);
      residuals.set(entry.enterpriseId, own);
    }
  }
  const fromData = yearEffects.length >= 2 && allResiduals.length >= 5;
  const commonSd =
    yearEffects.length >= 2 ? sampleSd(yearEffects.map((e) => e.effect)) : (options.priorCommonSd ?? 0.05);
  const enterpriseSd = allResiduals.length >= 5 ? sampleSd(allResiduals) : (options.priorEnterpriseSd ?? 0.3);
  if (!fromData) notes.add("forecast.aboveScale.priorSpread", {});
  const shrinkage = options.shrinkageYears ?? 2;

  // Running-year revenue from months to date, scaled by the usual share of those months. One
  // enterprise's months are noisier than the district's total, so centre and spread come from the
  // enterprises' own past multipliers log(annual ÷ months to date), pooled over enterprises and years.
  let runningMultiplier: number | null = null;
  let runningLogSd = 0;
  if (asOf.month >= 1 && asOf.month < 12) {
    const multipliers: number[] = [];
    for (const year of index.knownYears().filter((candidate) => candidate < asOf.year)) {
      for (const enterprise of enterprises) {
        if (!index.hasAllMonths(enterprise.id, "revenue", year)) continue;
        const toDate = index.yearToDate(enterprise.id, "revenue", year, asOf.month) as bigint;
        const annual = index.annual(enterprise.id, "revenue", year) as bigint;
        if (toDate > 0n && annual > 0n) multipliers.push(Math.log(Number(annual) / Number(toDate)));
      }
    }
    if (multipliers.length >= 2) {
      runningMultiplier = Math.exp(mean(multipliers));
      runningLogSd = sampleSd(multipliers);
    } else {
      runningMultiplier = 12 / asOf.month;
      runningLogSd = 0.3;
      notes.add("forecast.aboveScale.monthlyAverage", {});
    }
  }

  const latestDirectory = [...index.knownYears()]
    .reverse()
    .find((year) => year <= asOf.year && index.hasDirectory(year));
  const statusYears: number[] = [];
  for (let year = completeYear + 1; year <= options.deadlineYear; year++) statusYears.push(year);

  interface Model {
    outlook: EnterpriseOutlook;
    /** Known outcome at the deadline (0 or 1), or the projection parameters. */
    known: number | null;
    logBase: number;
    baseVariance: number;
    growth: number;
    baseYear: number;
  }
  const models: Model[] = [];
  const deadlineDirectoryKnown = options.deadlineYear <= completeYear && index.hasDirectory(options.deadlineYear);
  for (const enterprise of enterprises) {
    const status = latestDirectory === undefined ? null : (index.statusIn(enterprise.id, latestDirectory) ?? null);
    const outlook: EnterpriseOutlook = {
      enterpriseId: enterprise.id,
      name: enterprise.name,
      status,
      baseRevenue: null,
      baseYear: null,
      logGrowth: null,
      byYear: [],
      probabilityAtDeadline: 0,
      likelyYear: null,
      note: null,
      noteMessage: null,
    };
    const explain = (message: NoteMessage) => {
      outlook.noteMessage = message;
      outlook.note = renderNote(message, "zh-CN") ?? null;
    };
    const model: Model = { outlook, known: null, logBase: 0, baseVariance: 0, growth: 0, baseYear: 0 };
    models.push(model);
    if (deadlineDirectoryKnown) {
      model.known = index.isAboveScale(enterprise.id, options.deadlineYear) ? 1 : 0;
      explain(noteMessage("forecast.aboveScale.deadlineDirectoryKnown", {}));
      continue;
    }
    // The revenue year that decides the deadline's status.
    const decidingYear = options.deadlineYear - statusLag;
    const decidingRevenue =
      decidingYear <= completeYear ? index.annual(enterprise.id, "revenue", decidingYear) : undefined;
    if (decidingRevenue !== undefined) {
      model.known = decidingRevenue >= thresholdFen ? 1 : 0;
      explain(noteMessage("forecast.aboveScale.decidingRevenueKnown", { year: decidingYear }));
      continue;
    }
    let baseYuan: number | null = null;
    let baseYear: number | null = null;
    let baseVariance = 0;
    const toDate = asOf.month < 12 ? index.yearToDate(enterprise.id, "revenue", asOf.year, asOf.month) : undefined;
    if (toDate !== undefined && toDate > 0n && runningMultiplier !== null) {
      baseYuan = toYuan(toDate) * runningMultiplier;
      baseYear = asOf.year;
      baseVariance = runningLogSd ** 2;
    } else {
      for (let year = completeYear; year >= completeYear - 2; year--) {
        const annual = index.annual(enterprise.id, "revenue", year);
        if (annual !== undefined && annual > 0n) {
          baseYuan = toYuan(annual);
          baseYear = year;
          break;
        }
      }
    }
    if (baseYuan === null || baseYear === null) {
      // No revenue to project: an above-scale enterprise is assumed to stay, others not to enter.
      model.known = status === "above" ? 1 : 0;
      explain(
        status === "above"
          ? noteMessage("forecast.aboveScale.noRevenueStays", {})
          : noteMessage("forecast.aboveScale.noRevenueEnterprise", {}),
      );
      continue;
    }
    const own = residuals.get(enterprise.id) ?? [];
    const ownEffect = own.length > 0 ? (mean(own) * own.length) / (own.length + shrinkage) : 0;
    model.logBase = Math.log(baseYuan);
    model.baseVariance = baseVariance;
    model.growth = commonLogGrowth + ownEffect;
    model.baseYear = baseYear;
    outlook.baseRevenue = BigInt(Math.round(baseYuan)) * 100n;
    outlook.baseYear = baseYear;
    outlook.logGrowth = model.growth;
  }

  // P(above in status year Y | common shock z): revenue of year Y − lag at or over the threshold.
  const probabilityGiven = (model: Model, statusYear: number, z: number): number => {
    if (model.known !== null) return model.known;
    const revenueYear = statusYear - statusLag;
    if (revenueYear <= completeYear) {
      const annual = index.annual(model.outlook.enterpriseId, "revenue", revenueYear);
      if (annual !== undefined) return annual >= thresholdFen ? 1 : 0;
    }
    const horizon = Math.max(0, revenueYear - model.baseYear);
    const center = model.logBase + horizon * model.growth + z * commonSd * Math.sqrt(horizon);
    const spread = Math.sqrt(model.baseVariance + horizon * enterpriseSd ** 2);
    if (spread === 0) return center >= logThreshold ? 1 : 0;
    return 1 - normalCdf((logThreshold - center) / spread);
  };

  const shocks = normalSlices(options.slices ?? 15);
  for (const model of models) {
    const outlook = model.outlook;
    for (const year of statusYears) {
      const probability = mean(shocks.map((z) => probabilityGiven(model, year, z)));
      outlook.byYear.push({ year, probability });
    }
    outlook.probabilityAtDeadline =
      model.known ?? outlook.byYear.find((entry) => entry.year === options.deadlineYear)?.probability ?? 0;
    outlook.likelyYear = outlook.byYear.find((entry) => entry.probability >= 0.5)?.year ?? null;
  }

  // The count's distribution: Poisson-binomial given the shock, averaged over the shock.
  const certain = models.filter((model) => model.known === 1).length;
  const uncertain = models.filter((model) => model.known === null);
  const mixture = new Array<number>(uncertain.length + 1).fill(0);
  for (const z of shocks) {
    const given = poissonBinomial(uncertain.map((model) => probabilityGiven(model, options.deadlineYear, z)));
    for (let k = 0; k < given.length; k++) mixture[k] = (mixture[k] as number) + (given[k] as number) / shocks.length;
  }
  const distribution = new Array<number>(certain).fill(0).concat(mixture);
  const expectedCount = certain + mixture.reduce((sum, mass, k) => sum + mass * k, 0);
  const low = discreteQuantile(distribution, (1 - level) / 2);
  const high = discreteQuantile(distribution, (1 + level) / 2);
  const baselineCount = index.hasDirectory(options.baselineYear)
    ? index.aboveScaleIn(options.baselineYear).length
    : null;
  if (baselineCount === null) notes.add("forecast.aboveScale.noBaselineDirectory", { year: options.baselineYear });

  const outlooks = models.map((model) => model.outlook);
  const candidates = outlooks
    .filter((outlook) => outlook.status !== "above" && outlook.probabilityAtDeadline > 0)
    .sort((a, b) => b.probabilityAtDeadline - a.probabilityAtDeadline || a.enterpriseId - b.enterpriseId);
  const exitRisks = outlooks
    .filter((outlook) => outlook.status === "above" && outlook.probabilityAtDeadline < 1)
    .sort((a, b) => a.probabilityAtDeadline - b.probabilityAtDeadline || a.enterpriseId - b.enterpriseId);
  notes.add("forecast.aboveScale.newEnterprisesExcluded", {});
  return {
    deadlineYear: options.deadlineYear,
    level,
    statusLag,
    lagAgreement: agreement,
    baselineCount,
    expectedCount,
    low,
    high,
    expectedNetIncrease: baselineCount === null ? null : expectedCount - baselineCount,
    netIncreaseLow: baselineCount === null ? null : low - baselineCount,
    netIncreaseHigh: baselineCount === null ? null : high - baselineCount,
    distribution,
    expectedEntries: candidates.reduce((sum, outlook) => sum + outlook.probabilityAtDeadline, 0),
    expectedExits: exitRisks.reduce((sum, outlook) => sum + (1 - outlook.probabilityAtDeadline), 0),
    candidates,
    exitRisks,
    model: {
      commonLogGrowth,
      commonSd,
      enterpriseSd,
      sdSource: fromData ? "data" : "prior",
      growthYears: yearEffects.length,
    },
    notes: notes.notes,
    noteMessages: notes.messages,
  };
}

/**
 * How often a year's recorded status agrees with "revenue ≥ threshold" in the same year and in
 * the year before: the directory of year Y is usually drawn from year Y − 1's revenue, but data
 * entered otherwise should not be forecast with the wrong rule.
 */
export function lagAgreement(
  index: SnapshotIndex,
  thresholdFen: Fen,
): { sameYear: number | null; previousYear: number | null } {
  let sameAgree = 0;
  let sameTotal = 0;
  let previousAgree = 0;
  let previousTotal = 0;
  for (const enterprise of index.snapshot.enterprises) {
    for (const row of enterprise.scale) {
      const above = row.status === "above";
      const same = index.annual(enterprise.id, "revenue", row.year);
      if (same !== undefined) {
        sameTotal++;
        if (same >= thresholdFen === above) sameAgree++;
      }
      const previous = index.annual(enterprise.id, "revenue", row.year - 1);
      if (previous !== undefined) {
        previousTotal++;
        if (previous >= thresholdFen === above) previousAgree++;
      }
    }
  }
  return {
    sameYear: sameTotal > 0 ? sameAgree / sameTotal : null,
    previousYear: previousTotal > 0 ? previousAgree / previousTotal : null,
  };
}
