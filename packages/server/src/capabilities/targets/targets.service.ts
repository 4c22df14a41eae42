/**
 * Targets computed from live data: the district's rows become a TargetSnapshot (current official
 * figures, scale history, projects, listing events, investment, service items), which the domain's
 * computeTargets and forecastTargets read. The figures are read from their summary (one row per
 * enterprise, metric and year, kept by every writer of figures). Results are cached per district, data
 * version (the district's figures counter, raised in the transaction of every write of figures, plus the
 * latest audit sequence number, for every other change of data) and "as of" month; when only figures
 * changed, the rows held are patched with the summary rows written since rather than read again.
 */
import type { AboveScaleForecast } from "@beizeng/domain/forecast/above-scale";
import type { RevenueForecast } from "@beizeng/domain/forecast/revenue";
import { forecastInputs, forecastTargets, type TargetForecast } from "@beizeng/domain/forecast/targets";
import { NoteList, type NoteMessage } from "@beizeng/domain/notes/messages";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { chainOfEnterprise } from "@beizeng/domain/register/chains";
import { buildContext, computeTargets, type TargetProgress } from "@beizeng/domain/targets/compute";
import { indexOfSnapshot, type SnapshotIndex } from "@beizeng/domain/targets/data-index";
import { type MetricDetail, metricOf } from "@beizeng/domain/targets/metrics";
import type {
  ListingEvent,
  ListingStage,
  ProjectStage,
  ScaleStatus,
  SnapshotFigureYear,
  TargetSnapshot,
} from "@beizeng/domain/targets/snapshot";
import type { DbContext } from "../../platform/db/database";
import { badRequest, notFound } from "../../platform/errors";
import { requireActivePlan } from "../../platform/plan/plan-reader";
import { declaredFactFiguresOfDistrict, type FigureYearRow, figureYears } from "../figures/index";
import {
  auditedKindsSince,
  type DataVersionParts,
  dataVersionParts,
  investmentYears,
  listingEvents,
  monthCoverageSetting,
  onlineServiceItems,
  type SnapshotEnterpriseRow,
  type SnapshotProjectRow,
  snapshotEnterprises,
  snapshotProjects,
  snapshotScaleYears,
} from "./targets.repository";

export interface YearMonth {
  year: number;
  month: number;
}

/** The district's rows as read, before any "as of" cut. */
export interface DistrictRows {
  districtId: string;
  /** The district's data version the rows were read at (its audit and figures counters summed: both only grow). */
  version: number;
  /** The counters the version is made of, from which a later version's changes are read. */
  versionParts: DataVersionParts;
  plan: PlanFile;
  /** The latest month any revenue figure covers (an annual figure covers December); null without figures. */
  latest: YearMonth | null;
  /** The office's threshold of a reported month, in thousandths of the directory; null: every enterprise. */
  monthCoveragePermille: number | null;
  /** The latest month whose reports reach the threshold (the dashboards' default month); null without figures. */
  latestCovered: YearMonth | null;
  snapshot: TargetSnapshot;
  /** The index of the whole snapshot (every month), which month coverage reads. */
  fullIndex: SnapshotIndex;
  enterprises: Map<number, SnapshotEnterpriseRow>;
  projects: Map<number, SnapshotProjectRow>;
  towns: { code: string; name: string }[];
  /** Notes on the district's data, in Chinese; `noteMessages` holds them as messages, one for one. */
  notes: string[];
  noteMessages: NoteMessage[];
  /** How long reading (or patching) the rows took, in milliseconds. */
  readMs: number;
}

/** The snapshot cut at a month, with the index the dashboard reads. */
export interface DistrictData extends DistrictRows {
  asOf: YearMonth;
  cut: TargetSnapshot;
  index: SnapshotIndex;
}

export interface TargetsResult {
  data: DistrictData;
  targets: TargetProgress[];
  forecasts: Map<string, TargetForecast>;
  /** How long the rows' reading (or patching) and this computation took, in milliseconds. */
  computeMs: number;
}

/** The figure every district's targets and forecasts read; its latest month is the data's month. */
const FIGURE_METRICS = ["revenue"] as const;

/** What the plan's aggregate targets read beyond revenue: the register's figures and the declared facts. */
function aggregatedInputs(plan: PlanFile): { figures: string[]; facts: Set<string> } {
  const figures = new Set<string>(FIGURE_METRICS);
  const facts = new Set<string>();
  // The assessment's indicators written as aggregates read the same snapshot (supervision's assessment).
  const aggregates = [...plan.targets, ...(plan.assessment?.indicators ?? [])].map((item) => item.aggregate);
  for (const aggregate of aggregates) {
    const of = aggregate?.of;
    if (of === undefined) continue;
    if (plan.facts.some((fact) => fact.id === of)) facts.add(of);
    else figures.add(of);
  }
  return { figures: [...figures], facts };
}

import { PromiseCache } from "./promise-cache";

interface Caches {
  /** Per district, the rows of its latest version read (only the latest: a district at province scale is large). */
  rows: Map<string, Promise<DistrictRows>>;
  result: PromiseCache<TargetsResult>;
  /** The latest whole result computed, by district and month asked for (the forecasts a provisional answer keeps). */
  lastResult: Map<string, TargetsResult>;
}

// One set of caches per database handle, so that two databases in one process never share results.
const cachesByDatabase = new WeakMap<object, Caches>();

function cachesOf(db: DbContext): Caches {
  let caches = cachesByDatabase.get(db.kysely);
  if (!caches) {
    caches = {
      rows: new Map(),
      result: new PromiseCache(),
      lastResult: new Map(),
    };
    cachesByDatabase.set(db.kysely, caches);
  }
  return caches;
}

/** Forgets the rows and results held for a database (the answers' own caches: answers.service's clearTargetsCache). */
export function clearTargetsResults(db: DbContext): void {
  const caches = cachesByDatabase.get(db.kysely);
  caches?.rows.clear();
  caches?.result.clear();
  caches?.lastResult.clear();
}

/** The summary rows as the snapshot's figure rows (one per enterprise, metric and year, its slots as numbers). */
function snapshotFigureYears(rows: readonly FigureYearRow[]): SnapshotFigureYear[] {
  return rows.map((row) => ({
    enterpriseId: row.enterprise_id,
    metric: row.metric,
    year: row.year,
    values: row.values.map((value) => (value === null ? undefined : BigInt(value))),
  }));
}

/** The latest month any revenue figure covers (an annual figure covers December) as year × 100 + month; 0 without. */
function latestRevenueKey(rows: readonly SnapshotFigureYear[]): number {
  let latestKey = 0;
  for (const row of rows) {
    if (row.metric !== "revenue" || row.year * 100 + 12 <= latestKey) continue;
    let month = row.values[0] !== undefined ? 12 : 0;
    for (let m = 12; m > month; m--) {
      if (row.values[m] !== undefined) {
        month = m;
        break;
      }
    }
    if (month > 0) latestKey = Math.max(latestKey, row.year * 100 + month);
  }
  return latestKey;
}

/** Reads the district's rows into a snapshot. */
export async function readDistrictRows(
  db: DbContext,
  districtId: string,
  version: number,
  versionParts: DataVersionParts = { audit: version, figures: 0 },
): Promise<DistrictRows> {
  const { plan } = await requireActivePlan(db, districtId);
  const aggregated = aggregatedInputs(plan);
  const [
    enterpriseRows,
    scaleRows,
    figureRows,
    projectRows,
    listingRows,
    investmentRows,
    serviceRows,
    permille,
    declaredFacts,
  ] = await Promise.all([
    snapshotEnterprises(db, districtId),
    snapshotScaleYears(db, districtId),
    figureYears(db, districtId, aggregated.figures),
    snapshotProjects(db, districtId),
    listingEvents(db, districtId),
    investmentYears(db, districtId),
    onlineServiceItems(db, districtId),
    monthCoverageSetting(db, districtId),
    declaredFactFiguresOfDistrict(db, districtId, aggregated.facts),
  ]);

  const scaleByEnterprise = new Map<number, { year: number; status: ScaleStatus }[]>();
  for (const row of scaleRows) {
    let list = scaleByEnterprise.get(row.enterprise_id);
    if (!list) {
      list = [];
      scaleByEnterprise.set(row.enterprise_id, list);
    }
    list.push({ year: row.year, status: row.status as ScaleStatus });
  }
  const yearRows = snapshotFigureYears(figureRows);
  const latestKey = latestRevenueKey(yearRows);
  const towns = new Map<string, string>();
  for (const row of enterpriseRows) if (row.town_code) towns.set(row.town_code, row.town_name ?? row.town_code);
  const withEvents = new Set(listingRows.map((event) => event.enterprise_id));
  const listedWithoutYear = enterpriseRows.filter(
    (row) => row.listing_stage !== null && !withEvents.has(row.id),
  ).length;
  const notes = new NoteList();
  if (listedWithoutYear > 0) notes.add("targets.listingWithoutDate", { count: listedWithoutYear });

  const snapshot: TargetSnapshot = {
    asOf: latestKey > 0 ? { year: Math.floor(latestKey / 100), month: latestKey % 100 } : { year: 0, month: 0 },
    enterprises: enterpriseRows.map((row) => ({
      id: row.id,
      name: row.name,
      // Grouped by the plan's chains: a chain the plan does not list counts in its other chain.
      chainId: chainOfEnterprise(plan, row.chain_id).id,
      town: row.town_code,
      isKey: row.is_key === 1,
      hasLeader: row.leader_user_id !== null,
      scale: scaleByEnterprise.get(row.id) ?? [],
    })),
    figures: [],
    figureYears: yearRows,
    projects: projectRows.map((row) => ({
      id: row.id,
      name: row.name,
      chainId: chainOfEnterprise(plan, row.chain_id).id,
      plannedInvestment: BigInt(row.planned_investment_fen),
      manufacturing: row.manufacturing === 1,
      stage: row.stage as ProjectStage,
      introducedYear: row.introduced_year,
      // The projects register has no key flag yet: every project a leader is assigned to, or one of
      // the plan's "20 project" size, is treated as key for the help coverage of M10.
      isKey: row.leader_user_id !== null || BigInt(row.planned_investment_fen) >= 200_000_000_000n,
      hasLeader: row.leader_user_id !== null,
    })),
    listings: listingRows.map((row) => ({
      enterpriseId: row.enterprise_id,
      stage: row.stage as ListingStage,
      year: Number(row.event_date.slice(0, 4)),
    })),
    investment: investmentRows.map((row) => ({
      year: row.year,
      total: BigInt(row.total_fen),
      manufacturing: BigInt(row.manufacturing_fen),
    })),
    onlineServices: serviceRows.map((row) => ({ id: row.code, name: row.name, online: row.online === 1 })),
    declaredFacts,
  };
  const fullIndex = indexOfSnapshot(snapshot);
  const latest = latestKey > 0 ? snapshot.asOf : null;
  return {
    districtId,
    version,
    versionParts,
    plan,
    latest,
    monthCoveragePermille: permille,
    latestCovered: latest ? latestCoveredMonth(fullIndex, latest, permille) : null,
    snapshot,
    fullIndex,
    enterprises: new Map(enterpriseRows.map((row) => [row.id, row])),
    projects: new Map(projectRows.map((row) => [row.id, row])),
    towns: [...towns].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    notes: notes.notes,
    noteMessages: notes.messages,
    readMs: 0,
  };
}

/**
 * The snapshot as it stood at the end of a month: later figures are dropped, a year's annual
 * figure counts only once the year is complete, and so do that year's directory (规上名录) and
 * district investment. Projects, listing events and service items are the register as it is now,
 * except events and introductions dated after the year.
 */
export function cutSnapshot(snapshot: TargetSnapshot, asOf: YearMonth): TargetSnapshot {
  const { year, month } = asOf;
  const yearComplete = month >= 12;
  const keepYear = (y: number) => y < year || (y === year && yearComplete);
  return {
    asOf,
    enterprises: snapshot.enterprises.map((enterprise) => ({
      ...enterprise,
      scale: enterprise.scale.filter((row) => row.year <= year),
    })),
    figures: snapshot.figures.filter((figure) =>
      figure.month === 0
        ? keepYear(figure.year)
        : figure.year < year || (figure.year === year && figure.month <= month),
    ),
    figureYears: cutFigureYears(snapshot.figureYears ?? [], asOf),
    projects: snapshot.projects.filter((project) => project.introducedYear === null || project.introducedYear <= year),
    listings: snapshot.listings.filter((event: ListingEvent) => event.year <= year),
    investment: snapshot.investment.filter((row) => keepYear(row.year)),
    onlineServices: snapshot.onlineServices,
  };
}

/** The figure rows at the end of a month: later years dropped, the month's year without its later months nor, unless complete, its annual value. */
function cutFigureYears(rows: readonly SnapshotFigureYear[], asOf: YearMonth): SnapshotFigureYear[] {
  if (asOf.month >= 12) return rows.filter((row) => row.year <= asOf.year);
  const cut: SnapshotFigureYear[] = [];
  for (const row of rows) {
    if (row.year < asOf.year) cut.push(row);
    else if (row.year === asOf.year)
      cut.push({
        ...row,
        values: row.values.map((value, month) => (month === 0 || month > asOf.month ? undefined : value)),
      });
  }
  return cut;
}

/** The directory (规上名录) a year's monthly figures are summed over: that year's, else the latest before it. */
export function directoryYearFor(index: SnapshotIndex, year: number): number | null {
  const years = index.knownYears().filter((y) => y <= year && index.hasDirectory(y));
  return years.at(-1) ?? null;
}

/** How many enterprises of the directory a month is summed over have reported it. */
export interface MonthCoverage {
  year: number;
  month: number;
  directoryYear: number | null;
  reported: number;
  total: number;
}

/**
 * The month's coverage: the enterprises of its year's directory with the month's revenue (for December, a whole
 * year's figure counts too). Read from the whole snapshot, not a cut.
 */
export function monthCoverage(index: SnapshotIndex, at: YearMonth): MonthCoverage {
  const directoryYear = directoryYearFor(index, at.year);
  const set = directoryYear === null ? [] : index.aboveScaleIn(directoryYear);
  let reported = 0;
  for (const enterprise of set) {
    const month = index.monthly(enterprise.id, "revenue", at.year, at.month);
    const year = at.month === 12 ? index.annual(enterprise.id, "revenue", at.year) : undefined;
    if (month !== undefined || year !== undefined) reported++;
  }
  return { year: at.year, month: at.month, directoryYear, reported, total: set.length };
}

/** Whether a coverage reaches a threshold in thousandths (null: every enterprise). */
export function coverageReaches(coverage: MonthCoverage, permille: number | null): boolean {
  if (coverage.total === 0) return false;
  return coverage.reported * 1000 >= (permille ?? 1000) * coverage.total;
}

/** Months searched back from the latest for one reaching the threshold. */
const COVERAGE_LOOKBACK_MONTHS = 36;

/** The latest month, from `latest` back, whose coverage reaches the threshold; null when none within three years. */
export function latestCoveredMonth(index: SnapshotIndex, latest: YearMonth, permille: number | null): YearMonth | null {
  let { year, month } = latest;
  for (let step = 0; step < COVERAGE_LOOKBACK_MONTHS; step++) {
    if (coverageReaches(monthCoverage(index, { year, month }), permille)) return { year, month };
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return null;
}

/**
 * How complete the month the figures stand at is, against the office's threshold, and the newer month still being
 * reported (shown apart, never summed into the figures) when there is one.
 */
export function coverageOf(data: DistrictData) {
  const asOf = monthCoverage(data.fullIndex, data.asOf);
  const threshold = data.monthCoveragePermille;
  const latest = data.latest;
  const later = latest !== null && latest.year * 100 + latest.month > data.asOf.year * 100 + data.asOf.month;
  const partial = later ? monthCoverage(data.fullIndex, latest) : null;
  return {
    ...asOf,
    thresholdPermille: threshold,
    reached: coverageReaches(asOf, threshold),
    partialMonth: partial && !coverageReaches(partial, threshold) ? partial : null,
  };
}

/** Parses "2023-06" into a month; null when absent. */
export function parseAsOf(text: string | undefined): YearMonth | null {
  if (!text) return null;
  const match = /^(\d{4})-(\d{1,2})$/.exec(text);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw badRequest("数据截至月份格式应为 YYYY-MM，例如 2023-06");
  return { year: Number(match[1]), month };
}

/** Audit entries that record writes of figures only (an entry, a confirmation, an import of figures). */
const FIGURE_WRITES = new Set(["figure", "figures"]);

/**
 * The rows at a newer version from those of an older one, when only figures were written in between: the summary
 * rows written since are read (a few, not the district) and put in place of the ones they replace. Null when
 * something else changed, which is read whole.
 */
async function rowsPatched(
  db: DbContext,
  previous: DistrictRows,
  parts: DataVersionParts,
): Promise<DistrictRows | null> {
  const before = previous.versionParts;
  if (parts.figures < before.figures || parts.audit < before.audit) return null;
  const kinds = await auditedKindsSince(db, previous.districtId, before.audit);
  if (kinds.some((kind) => !FIGURE_WRITES.has(kind))) return null;
  const metrics = aggregatedInputs(previous.plan).figures;
  const changed = await figureYears(db, previous.districtId, metrics, before.figures);
  // The enterprises first (a number each), the metric and year only for theirs: a district holds 100,000s of rows.
  const changedEnterprises = new Set(changed.map((row) => row.enterprise_id));
  const replaced = new Set(changed.map((row) => `${row.enterprise_id}|${row.metric}|${row.year}`));
  const yearRows = (previous.snapshot.figureYears ?? []).filter(
    (row) =>
      !changedEnterprises.has(row.enterpriseId) || !replaced.has(`${row.enterpriseId}|${row.metric}|${row.year}`),
  );
  for (const row of snapshotFigureYears(changed)) yearRows.push(row);
  const latestKey = latestRevenueKey(yearRows);
  const snapshot: TargetSnapshot = {
    ...previous.snapshot,
    asOf: latestKey > 0 ? { year: Math.floor(latestKey / 100), month: latestKey % 100 } : { year: 0, month: 0 },
    figureYears: yearRows,
  };
  const fullIndex = indexOfSnapshot(snapshot);
  const latest = latestKey > 0 ? snapshot.asOf : null;
  return {
    ...previous,
    version: parts.audit + parts.figures,
    versionParts: parts,
    latest,
    latestCovered: latest ? latestCoveredMonth(fullIndex, latest, previous.monthCoveragePermille) : null,
    snapshot,
    fullIndex,
  };
}

/**
 * The district's rows at its current data version: those held when the version has not moved; patched from them
 * when only figures were written since; read whole otherwise. Concurrent callers share one reading, and the results
 * of older versions are forgotten once a newer one is read.
 */
async function districtRows(db: DbContext, districtId: string): Promise<DistrictRows> {
  const parts = await dataVersionParts(db, districtId);
  const version = parts.audit + parts.figures;
  const caches = cachesOf(db);
  const held = caches.rows.get(districtId);
  const current = await held?.catch(() => undefined);
  if (held && current && current.version >= version) return held;
  const reading = (async () => {
    const started = performance.now();
    const patched = current && current.version < version ? await rowsPatched(db, current, parts) : null;
    const rows = patched ?? (await readDistrictRows(db, districtId, version, parts));
    return { ...rows, readMs: performance.now() - started };
  })();
  // A newer reading than the one held replaces it, unless another caller already holds a newer one.
  const again = caches.rows.get(districtId);
  if (again !== held) return districtRows(db, districtId);
  caches.rows.set(districtId, reading);
  reading.then(
    (rows) => {
      // Both caches' keys begin with the district and its version.
      const older = (key: string) => key.startsWith(`${districtId}|`) && Number(key.split("|")[1]) < rows.version;
      caches.result.forget(older);
    },
    () => {
      if (caches.rows.get(districtId) === reading) caches.rows.delete(districtId);
    },
  );
  return reading;
}

function resolveAsOf(rows: DistrictRows, requested: YearMonth | null): YearMonth {
  const latest = rows.latest;
  // By default the latest month enough enterprises have reported: a month two of fifty have reported would read
  // as a collapse of every chain and town.
  if (!requested) return rows.latestCovered ?? latest ?? { year: rows.plan.period.startYear, month: 1 };
  // No later than the data: a month after the latest figure would read as missing data.
  if (latest && requested.year * 100 + requested.month > latest.year * 100 + latest.month) return latest;
  return requested;
}

/** The district's data cut at `asOf` (default: the latest month of the data), cached. */
export async function districtData(
  db: DbContext,
  districtId: string,
  requested: YearMonth | null,
): Promise<DistrictData> {
  return (await targetsResult(db, districtId, requested)).data;
}

/** Every target computed, with the forecasts of those that have a model; cached. */
export async function targetsResult(
  db: DbContext,
  districtId: string,
  requested: YearMonth | null,
): Promise<TargetsResult> {
  const rows = await districtRows(db, districtId);
  const asOf = resolveAsOf(rows, requested);
  const caches = cachesOf(db);
  return caches.result.get(`${districtId}|${rows.version}|${asOf.year}-${asOf.month}`, async () => {
    const started = performance.now();
    const data = dataAt(rows, asOf);
    const forecasts = forecastTargets(rows.plan, data.cut, { measureError: true });
    const targets = computeTargets(rows.plan, data.cut, { forecasts: forecastInputs(forecasts), top: 10 });
    const result: TargetsResult = {
      data,
      targets,
      forecasts: new Map(forecasts.map((forecast) => [forecast.targetId, forecast])),
      computeMs: rows.readMs + (performance.now() - started),
    };
    caches.lastResult.set(`${districtId}|${asOfKey(requested)}`, result);
    return result;
  });
}

/** The month asked for, as a key: `default` (the month the dashboards open at) or YYYY-MM. */
export function asOfKey(requested: YearMonth | null): string {
  return requested ? `${requested.year}-${String(requested.month).padStart(2, "0")}` : "default";
}

/** The rows cut at a month, with their index. */
function dataAt(rows: DistrictRows, asOf: YearMonth): DistrictData {
  const cut =
    asOf.year === rows.snapshot.asOf.year && asOf.month === rows.snapshot.asOf.month
      ? rows.snapshot
      : cutSnapshot(rows.snapshot, asOf);
  return { ...rows, asOf, cut, index: indexOfSnapshot(cut) };
}

/**
 * The targets at the district's current data with the forecasts of an earlier result: what a change of data does to
 * the figures, shown before the forecasts (the costly part, which one figure barely moves) are computed again. Null
 * when the earlier result is at the current data already.
 */
export async function provisionalResult(
  db: DbContext,
  districtId: string,
  requested: YearMonth | null,
): Promise<TargetsResult | null> {
  const earlier = cachesOf(db).lastResult.get(`${districtId}|${asOfKey(requested)}`);
  if (!earlier) return null;
  const rows = await districtRows(db, districtId);
  if (rows.version <= earlier.data.version) return null;
  const started = performance.now();
  const data = dataAt(rows, resolveAsOf(rows, requested));
  const forecasts = [...earlier.forecasts.values()];
  const targets = computeTargets(rows.plan, data.cut, { forecasts: forecastInputs(forecasts), top: 10 });
  return { data, targets, forecasts: earlier.forecasts, computeMs: rows.readMs + (performance.now() - started) };
}

/** Turns bigints into decimal strings, deeply, for JSON. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), jsonSafe(v)]));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = jsonSafe(item);
    return out;
  }
  return value;
}

const LIST_LIMIT = 15;

/** Which seasonal profile the running year's estimate leaned on, for the method's text; null without one. */
function seasonalProfileView(forecast: TargetForecast) {
  const profile = forecast.seasonalProfile;
  const estimate = forecast.revenue?.base?.fromMonths?.estimate;
  if (!profile || !estimate) return null;
  const { id, name, nameEn, source, sourceEn, origin } = profile;
  return { id, name, nameEn, source, sourceEn, origin, carries: estimate.method === "prior" };
}

function revenueForecastView(forecast: RevenueForecast) {
  return {
    kind: "revenue" as const,
    level: forecast.level,
    estimate: forecast.estimate,
    low: forecast.low,
    high: forecast.high,
    probabilityMet: forecast.probabilityMet,
    basis: forecast.basis,
    base: forecast.base
      ? {
          year: forecast.base.year,
          value: forecast.base.value,
          throughMonth: forecast.base.fromMonths?.throughMonth ?? null,
          yearToDate: forecast.base.fromMonths?.yearToDate ?? null,
          pastShares: forecast.base.fromMonths?.pastShares ?? [],
        }
      : null,
    trend: forecast.trend
      ? {
          history: forecast.trend.history,
          meanLogGrowth: forecast.trend.meanLogGrowth,
          logGrowthSd: forecast.trend.logGrowthSd,
          sdSource: forecast.trend.sdSource,
          horizon: forecast.trend.horizon,
        }
      : null,
    notes: forecast.notes,
    noteMessages: forecast.noteMessages,
    measuredError: forecast.measuredError,
  };
}

function outlookView(outlook: AboveScaleForecast["candidates"][number]) {
  return {
    enterpriseId: outlook.enterpriseId,
    name: outlook.name,
    status: outlook.status,
    baseRevenue: outlook.baseRevenue,
    baseYear: outlook.baseYear,
    probabilityAtDeadline: outlook.probabilityAtDeadline,
    likelyYear: outlook.likelyYear,
    note: outlook.note,
    noteMessage: outlook.noteMessage,
  };
}

function aboveScaleForecastView(forecast: AboveScaleForecast) {
  return {
    kind: "aboveScale" as const,
    level: forecast.level,
    statusLag: forecast.statusLag,
    baselineCount: forecast.baselineCount,
    expectedCount: forecast.expectedCount,
    low: forecast.low,
    high: forecast.high,
    expectedNetIncrease: forecast.expectedNetIncrease,
    netIncreaseLow: forecast.netIncreaseLow,
    netIncreaseHigh: forecast.netIncreaseHigh,
    expectedEntries: forecast.expectedEntries,
    expectedExits: forecast.expectedExits,
    candidates: forecast.candidates.slice(0, LIST_LIMIT).map(outlookView),
    exitRisks: forecast.exitRisks.slice(0, LIST_LIMIT).map(outlookView),
    notes: forecast.notes,
    noteMessages: forecast.noteMessages,
  };
}

/** One target as the API presents it: the computation, the forecast (if any) with its interval. */
export function targetView(progress: TargetProgress, forecast: TargetForecast | undefined) {
  return {
    ...progress,
    forecast: forecast
      ? {
          estimate: forecast.input.estimate,
          low: forecast.input.low,
          high: forecast.input.high,
          detail: forecast.revenue
            ? { ...revenueForecastView(forecast.revenue), seasonalProfile: seasonalProfileView(forecast) }
            : forecast.aboveScale
              ? aboveScaleForecastView(forecast.aboveScale)
              : null,
        }
      : null,
  };
}

/** The targets page's answer (GET /api/targets): every target of the active plan. */
export function targetsAnswer(result: TargetsResult): unknown {
  return jsonSafe({
    asOf: result.data.asOf,
    latest: result.data.latest,
    dataVersion: result.data.version,
    plan: { id: result.data.plan.id, title: result.data.plan.title, version: result.data.plan.version },
    chains: result.data.plan.chains.map((chain) => ({ id: chain.id, name: chain.name })),
    towns: result.data.towns,
    notes: result.data.notes,
    noteMessages: result.data.noteMessages,
    targets: result.targets.map((progress) => targetView(progress, result.forecasts.get(progress.targetId))),
  });
}

/**
 * A district's targets in brief, for the region above it: each target's definition's words and quantities, where it
 * stands, the month the figures stand at and how complete it is.
 */
export function summaryAnswer(result: TargetsResult): DistrictSummary {
  const plan = result.data.plan;
  const quantity = (value: { unit: "yuan" | "count" | "share"; value: bigint }) => ({
    unit: value.unit,
    value: value.value.toString(),
  });
  return {
    planTitle: plan.title,
    asOf: result.data.asOf,
    latest: result.data.latest,
    coverage: coverageOf(result.data),
    targets: result.targets.map((progress) => {
      const definition = plan.targets.find((target) => target.id === progress.targetId);
      return {
        targetId: progress.targetId,
        name: progress.name,
        nameEn: progress.nameEn,
        metric: progress.metric,
        planUnit:
          definition?.unit ?? (progress.unit === "yuan" ? "yuan" : progress.unit === "share" ? "share" : "count"),
        deadlineYear: progress.deadlineYear,
        aspiration: progress.aspiration,
        target: quantity(progress.target),
        current: progress.current
          ? { year: progress.current.year, month: progress.current.month, value: quantity(progress.current.value) }
          : null,
        status: progress.status,
      };
    }),
  };
}

/** A district's targets in brief (summaryAnswer), as JSON. */
export interface DistrictSummary {
  planTitle: string;
  asOf: YearMonth;
  latest: YearMonth | null;
  coverage: ReturnType<typeof coverageOf>;
  targets: {
    targetId: string;
    name: string;
    nameEn: string;
    metric: string;
    planUnit: string;
    deadlineYear: number;
    aspiration: boolean;
    target: { unit: "yuan" | "count" | "share"; value: string };
    current: { year: number; month: number; value: { unit: "yuan" | "count" | "share"; value: string } } | null;
    status: TargetProgress["status"];
  }[];
}

/** The metric's own detail for a year (the records a target's actual is made of). */
export function metricDetail(result: TargetsResult, targetId: string, year: number): MetricDetail | null {
  const target = result.data.plan.targets.find((t) => t.id === targetId);
  if (!target) throw notFound(`目标 ${targetId} 不存在`);
  const metric = metricOf(target);
  if (!metric) return null;
  const context = buildContext(result.data.plan, result.data.cut);
  return metric.valueIn(context, target, year)?.detail ?? null;
}
