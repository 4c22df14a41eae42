/**
 * The leaders' dashboard and the 数据大屏: target cards with forecasts, above-scale revenue by month
 * against last year, by chain and by town, the project funnel and the reserve pool; the records
 * behind every figure (drill-down); the public board's aggregate figures; spreadsheet export.
 */

import type { DashboardChart, RecordFigure } from "@beizeng/contract/targets";
import { formatYuan } from "@beizeng/domain/money";
import { type NoteMessage, noteMessage, renderNote } from "@beizeng/domain/notes/messages";
import type { Chain } from "@beizeng/domain/plan/schema";
import { PROJECT_STAGES, projectStageLabel } from "@beizeng/domain/projects/lifecycle";
import { chainIdProblem, chainOfEnterprise, planChain } from "@beizeng/domain/register/chains";
import type { TargetProgress } from "@beizeng/domain/targets/compute";
import type { SnapshotIndex } from "@beizeng/domain/targets/data-index";
import type { Quantity } from "@beizeng/domain/targets/quantity";
import type { DbContext } from "../../platform/db/database";
import { badRequest, notFound } from "../../platform/errors";
import { buildXlsx } from "../../platform/exports/table-export";
import { findDistrict } from "../../platform/plan/districts.repository";
import { type AnswerParams, cachedAnswer } from "./answers.service";
import { boardPublication, publishedBoards } from "./targets.repository";
import {
  coverageOf,
  type DistrictData,
  directoryYearFor,
  jsonSafe,
  metricDetail,
  type TargetsResult,
  type YearMonth,
} from "./targets.service";

/** How far a target has come from its baseline toward its value (0..1 and beyond); null when unknown. */
export function progressRatio(progress: TargetProgress): number | null {
  if (!progress.current) return null;
  const baseline = progress.baseline?.value ?? 0n;
  const span = progress.target.value - baseline;
  if (span <= 0n) return progress.met ? 1 : 0;
  const done = progress.current.value.value - baseline;
  return Number((done * 10_000n) / span) / 10_000;
}

function cardOf(result: TargetsResult, progress: TargetProgress) {
  const forecast = result.forecasts.get(progress.targetId);
  const revenue = forecast?.revenue;
  const aboveScale = forecast?.aboveScale;
  return {
    targetId: progress.targetId,
    clause: progress.clause,
    name: progress.name,
    nameEn: progress.nameEn,
    quote: progress.quote,
    metric: progress.metric,
    unit: progress.unit,
    comparison: progress.comparison,
    aspiration: progress.aspiration,
    deadlineYear: progress.deadlineYear,
    target: progress.target,
    upperValue: progress.upperValue,
    baseline: progress.baseline,
    current: progress.current,
    gap: progress.gap,
    met: progress.met,
    status: progress.status,
    statusBasis: progress.statusBasis,
    progress: progressRatio(progress),
    forecast: forecast
      ? {
          estimate: forecast.input.estimate,
          low: forecast.input.low,
          high: forecast.input.high,
          level: revenue?.level ?? aboveScale?.level ?? 0.8,
          probabilityMet: revenue?.probabilityMet ?? null,
          basis: revenue?.basis ?? null,
        }
      : null,
  };
}

export { directoryYearFor };

/** A period of a year: the whole year once complete, else its months to date. */
function periodValue(index: SnapshotIndex, enterpriseId: number, year: number, throughMonth: number) {
  return throughMonth >= 12
    ? index.annual(enterpriseId, "revenue", year)
    : index.yearToDate(enterpriseId, "revenue", year, throughMonth);
}

interface GroupRow {
  key: string;
  current: bigint;
  /** The same enterprises' figure a year before (those that reported this period), so that 同比 compares like with like. */
  previous: bigint;
  enterprises: number;
  /** Enterprises of the group that reported this period. */
  reported: number;
}

function groupBy(data: DistrictData, keyOf: (enterpriseId: number) => string): GroupRow[] {
  const { index, asOf } = data;
  const directoryYear = directoryYearFor(index, asOf.year);
  if (directoryYear === null) return [];
  const groups = new Map<string, GroupRow>();
  for (const enterprise of index.aboveScaleIn(directoryYear)) {
    const key = keyOf(enterprise.id);
    let row = groups.get(key);
    if (!row) {
      row = { key, current: 0n, previous: 0n, enterprises: 0, reported: 0 };
      groups.set(key, row);
    }
    row.enterprises += 1;
    const current = periodValue(index, enterprise.id, asOf.year, asOf.month);
    if (current === undefined) continue;
    row.reported += 1;
    row.current += current;
    row.previous += periodValue(index, enterprise.id, asOf.year - 1, asOf.month) ?? 0n;
  }
  return [...groups.values()].sort((a, b) => (b.current > a.current ? 1 : b.current < a.current ? -1 : 0));
}

function revenueByMonth(data: DistrictData) {
  const { index, asOf } = data;
  const directoryYear = directoryYearFor(index, asOf.year);
  const set = directoryYear === null ? [] : index.aboveScaleIn(directoryYear);
  const months = [];
  for (let month = 1; month <= 12; month++) {
    let current = 0n;
    let previous = 0n;
    let currentReported = 0;
    let previousReported = 0;
    for (const enterprise of set) {
      const value = index.monthly(enterprise.id, "revenue", asOf.year, month);
      if (value !== undefined) {
        current += value;
        currentReported++;
      }
      const before = index.monthly(enterprise.id, "revenue", asOf.year - 1, month);
      if (before !== undefined) {
        previous += before;
        previousReported++;
      }
    }
    months.push({
      month,
      current: month <= asOf.month && currentReported > 0 ? current : null,
      previous: previousReported > 0 ? previous : null,
      reported: currentReported,
    });
  }
  const ytd = months.slice(0, asOf.month).reduce((sum, m) => sum + (m.current ?? 0n), 0n);
  const ytdPrevious = months.slice(0, asOf.month).reduce((sum, m) => sum + (m.previous ?? 0n), 0n);
  // 同比 over the same enterprises: those with every month to date in both years.
  const comparable = { enterprises: 0, yearToDate: 0n, samePeriodLastYear: 0n };
  for (const enterprise of set) {
    const current = periodValue(index, enterprise.id, asOf.year, asOf.month);
    const previous = periodValue(index, enterprise.id, asOf.year - 1, asOf.month);
    if (current === undefined || previous === undefined) continue;
    comparable.enterprises += 1;
    comparable.yearToDate += current;
    comparable.samePeriodLastYear += previous;
  }
  return {
    year: asOf.year,
    throughMonth: asOf.month,
    directoryYear,
    enterprises: set.length,
    months,
    yearToDate: ytd,
    samePeriodLastYear: ytdPrevious,
    comparable,
    /** 同比 growth of the same enterprises, in millionths; null without any that reported both years. */
    growthMillionths:
      comparable.samePeriodLastYear > 0n
        ? ((comparable.yearToDate - comparable.samePeriodLastYear) * 1_000_000n) / comparable.samePeriodLastYear
        : null,
  };
}

function projectFunnel(data: DistrictData) {
  return PROJECT_STAGES.map((stage) => {
    const projects = [...data.projects.values()].filter((project) => project.stage === stage);
    return {
      stage,
      count: projects.length,
      plannedInvestment: projects.reduce((sum, project) => sum + BigInt(project.planned_investment_fen), 0n),
    };
  });
}

function reservePool(result: TargetsResult) {
  const { index, asOf } = result.data;
  const directoryYear = directoryYearFor(index, asOf.year);
  const reserve =
    directoryYear === null
      ? []
      : result.data.cut.enterprises.filter((enterprise) => index.statusIn(enterprise.id, directoryYear) === "reserve");
  const g3 = [...result.forecasts.values()].find((forecast) => forecast.aboveScale)?.aboveScale;
  const probability = new Map(g3?.candidates.map((c) => [c.enterpriseId, c]) ?? []);
  const rows = reserve.map((enterprise) => {
    const lastYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
    const outlook = probability.get(enterprise.id);
    return {
      enterpriseId: enterprise.id,
      name: enterprise.name,
      chainId: enterprise.chainId,
      revenueLastYear: index.annual(enterprise.id, "revenue", lastYear) ?? null,
      lastYear,
      probabilityAtDeadline: outlook?.probabilityAtDeadline ?? null,
      likelyYear: outlook?.likelyYear ?? null,
    };
  });
  rows.sort((a, b) => (b.probabilityAtDeadline ?? -1) - (a.probabilityAtDeadline ?? -1));
  // Once the deadline year's directory is known there is nothing left to forecast: an enterprise still in the
  // reserve pool of that directory did not enter within the plan. The card says so instead of a bare "—".
  const settledYear =
    g3 && directoryYear !== null && directoryYear >= g3.deadlineYear && index.hasDirectory(g3.deadlineYear)
      ? g3.deadlineYear
      : null;
  return {
    directoryYear,
    /** The deadline year when its directory is known (the outcome is fact, not forecast); otherwise null. */
    settledYear,
    count: reserve.length,
    expectedEntries: g3?.expectedEntries ?? null,
    likelyByDeadline: rows.filter((row) => (row.probabilityAtDeadline ?? 0) >= 0.5).length,
    top: rows.slice(0, 10),
  };
}

/** Above-scale revenue of each complete year (G1's history), with the plan's path where it has one. */
function revenueYears(result: TargetsResult) {
  const g1 = result.targets.find((t) => t.metric === "aboveScaleRevenue");
  if (!g1) return [];
  const rows = [];
  if (g1.baseline) rows.push({ year: g1.baselineYear, actual: g1.baseline.value, complete: true });
  for (const actual of g1.actuals)
    rows.push({ year: actual.year, actual: actual.value.value, complete: actual.complete });
  return rows.map((row) => ({ ...row, path: g1.path.find((p) => p.year === row.year)?.value.value ?? null }));
}

/**
 * The plan's chain a record counts in: its own, or the plan's chain with role other when it has none or one the
 * plan does not list (so the groups, the records and their filters agree).
 */
function chainOf(data: DistrictData, id: string | null | undefined): Chain {
  return chainOfEnterprise(data.plan, id ?? "");
}

function townName(data: DistrictData, code: string): string {
  return data.towns.find((town) => town.code === code)?.name ?? (code === "" ? "未划分乡镇" : code);
}

export function buildDashboard(result: TargetsResult) {
  const data = result.data;
  const enterpriseTown = (id: number) => data.enterprises.get(id)?.town_code ?? "";
  const enterpriseChain = (id: number) => chainOf(data, data.enterprises.get(id)?.chain_id).id;
  return {
    asOf: data.asOf,
    latest: data.latest,
    coverage: coverageOf(data),
    dataVersion: data.version,
    plan: { id: data.plan.id, title: data.plan.title, titleEn: data.plan.titleEn },
    chains: data.plan.chains.map((chain) => ({ id: chain.id, name: chain.name, nameEn: chain.nameEn })),
    towns: data.towns,
    notes: data.notes,
    noteMessages: data.noteMessages,
    cards: result.targets.map((progress) => cardOf(result, progress)),
    revenueYears: revenueYears(result),
    revenueByMonth: revenueByMonth(data),
    byChain: groupBy(data, enterpriseChain).map((row) => ({ ...row, name: chainOf(data, row.key).name })),
    byTown: groupBy(data, enterpriseTown).map((row) => ({ ...row, name: townName(data, row.key) })),
    projectFunnel: projectFunnel(data),
    reservePool: reservePool(result),
  };
}

export type DashboardPayload = ReturnType<typeof buildDashboard>;

/** The dashboard's answer (GET /api/dashboard). */
export function dashboardAnswer(result: TargetsResult): unknown {
  return jsonSafe(buildDashboard(result));
}

export async function getDashboard(db: DbContext, districtId: string, asOf: YearMonth | null) {
  return cachedAnswer(db, districtId, asOf, "dashboard", dashboardAnswer);
}

// ---- Drill-down: the records behind a figure ----

export interface RecordQuery {
  figure: RecordFigure;
  year?: number;
  month?: number;
  chain?: string;
  town?: string;
  stage?: string;
}

export interface EnterpriseRecord {
  enterpriseId: number;
  /** The enterprise's page in the web app. */
  link: string;
  name: string;
  creditCode: string;
  chainId: string;
  chainName: string;
  townName: string;
  /** A scale status code ("above", "reserve", …) or a Chinese text (an entry, an exit, a listing year). */
  status: string | null;
  /** The status as a message when it is a text. */
  statusMessage?: NoteMessage;
  value: bigint | null;
  previous: bigint | null;
}

export interface ProjectRecord {
  projectId: number;
  code: string;
  name: string;
  chainId: string;
  chainName: string;
  stage: string;
  plannedInvestment: bigint;
  introducedYear: number | null;
  enterpriseId: number | null;
}

/** A line of a share's records; the Chinese texts, and as messages where they are not names. */
export interface RecordItem {
  name: string;
  value: string;
  nameMessage?: NoteMessage;
  valueMessage?: NoteMessage;
}

/**
 * The records behind a figure. The title and notes are Chinese (the export keeps them); `titleMessage` and
 * `noteMessages` (one for one) render them in the reader's language.
 */
export interface RecordSet {
  title: string;
  titleMessage: NoteMessage;
  kind: "enterprises" | "projects" | "items";
  /** The figure the records add up to (fen for money; a count otherwise). */
  total: bigint;
  unit: "yuan" | "count";
  /**
   * What each enterprise's `value` holds: revenue in fen (with `previous` the year before), or what
   * it adds to a count (+1 entered, −1 left, 1 listed). A count of enterprises shows their revenue.
   */
  valueUnit?: "yuan" | "count";
  enterprises?: EnterpriseRecord[];
  projects?: ProjectRecord[];
  items?: RecordItem[];
  notes: string[];
  noteMessages: NoteMessage[];
}

/** A message's Chinese text (every key renders in Chinese). */
const zh = (message: NoteMessage): string => renderNote(message, "zh-CN") as string;

/** A record set's title and notes from their messages. */
function described(title: NoteMessage, notes: NoteMessage[] = []) {
  return { title: zh(title), titleMessage: title, notes: notes.map(zh), noteMessages: notes };
}

function item(name: NoteMessage | string, value: NoteMessage | string): RecordItem {
  return {
    name: typeof name === "string" ? name : zh(name),
    value: typeof value === "string" ? value : zh(value),
    ...(typeof name === "string" ? {} : { nameMessage: name }),
    ...(typeof value === "string" ? {} : { valueMessage: value }),
  };
}

function withStatus(record: EnterpriseRecord, status: NoteMessage): EnterpriseRecord {
  return { ...record, status: zh(status), statusMessage: status };
}

function enterpriseRecord(
  data: DistrictData,
  id: number,
  value: bigint | null,
  previous: bigint | null,
  year: number,
): EnterpriseRecord {
  const row = data.enterprises.get(id);
  const chain = chainOf(data, row?.chain_id);
  return {
    enterpriseId: id,
    link: `/enterprises/${id}`,
    name: row?.name ?? String(id),
    creditCode: row?.credit_code ?? "",
    chainId: chain.id,
    chainName: chain.name,
    townName: row?.town_name ?? "未划分乡镇",
    status: data.index.statusIn(id, year) ?? null,
    value,
    previous,
  };
}

function byValueDesc(a: EnterpriseRecord, b: EnterpriseRecord): number {
  const av = a.value ?? -1n;
  const bv = b.value ?? -1n;
  return bv > av ? 1 : bv < av ? -1 : a.name.localeCompare(b.name, "zh-CN");
}

function projectRecord(data: DistrictData, id: number): ProjectRecord | null {
  const row = data.projects.get(id);
  if (!row) return null;
  const chain = chainOf(data, row.chain_id);
  return {
    projectId: row.id,
    code: row.code,
    name: row.name,
    chainId: chain.id,
    chainName: chain.name,
    stage: row.stage,
    plannedInvestment: BigInt(row.planned_investment_fen),
    introducedYear: row.introduced_year,
    enterpriseId: row.enterprise_id,
  };
}

/** The records a dashboard figure adds up, with their sum (which equals the figure). */
export function dashboardRecords(result: TargetsResult, query: RecordQuery): RecordSet {
  const data = result.data;
  const { index, asOf } = data;
  const year = query.year ?? asOf.year;
  const chainProblem = query.chain === undefined ? null : chainIdProblem(data.plan, query.chain);
  if (chainProblem) throw badRequest(`字段 chain：${chainProblem}`, [{ path: "chain", message: chainProblem }]);
  const chosenChain = query.chain === undefined ? undefined : planChain(data.plan, query.chain);
  const matches = (id: number) => {
    const row = data.enterprises.get(id);
    if (chosenChain !== undefined && chainOf(data, row?.chain_id).id !== chosenChain.id) return false;
    if (query.town !== undefined && (row?.town_code ?? "") !== query.town) return false;
    return true;
  };
  const town = query.town !== undefined ? townName(data, query.town) : null;
  const filter = [chosenChain?.name, town].filter(Boolean).join("·");
  const filters = { filter, filterEn: [chosenChain?.nameEn, town].filter(Boolean).join("·") };

  switch (query.figure) {
    case "aboveScaleRevenue":
    case "aboveScaleCount": {
      const notes: NoteMessage[] = [];
      const records = index
        .aboveScaleIn(year)
        .filter((e) => matches(e.id))
        .map((e) => {
          const value = index.annual(e.id, "revenue", year) ?? null;
          if (value === null) notes.push(noteMessage("records.missingRevenue", { name: e.name, year }));
          return enterpriseRecord(data, e.id, value, index.annual(e.id, "revenue", year - 1) ?? null, year);
        })
        .sort(byValueDesc);
      const revenue = query.figure === "aboveScaleRevenue";
      return {
        ...described(
          noteMessage(revenue ? "records.aboveScaleRevenue" : "records.aboveScaleCount", { year, ...filters }),
          notes,
        ),
        kind: "enterprises",
        total: revenue ? records.reduce((sum, r) => sum + (r.value ?? 0n), 0n) : BigInt(records.length),
        unit: revenue ? "yuan" : "count",
        valueUnit: "yuan",
        enterprises: records,
      };
    }
    case "monthRevenue":
    case "periodRevenue": {
      const directoryYear = directoryYearFor(index, asOf.year);
      if (directoryYear === null)
        return {
          ...described(noteMessage("records.noDirectory", {})),
          kind: "enterprises",
          total: 0n,
          unit: "yuan",
          enterprises: [],
        };
      const month = query.month ?? asOf.month;
      const single = query.figure === "monthRevenue";
      const value = (id: number, y: number) =>
        single ? index.monthly(id, "revenue", y, month) : periodValue(index, id, y, month);
      const records = index
        .aboveScaleIn(directoryYear)
        .filter((e) => matches(e.id))
        .map((e) =>
          enterpriseRecord(data, e.id, value(e.id, year) ?? null, value(e.id, year - 1) ?? null, directoryYear),
        )
        .sort(byValueDesc);
      return {
        ...described(
          noteMessage(single ? "records.monthRevenue" : "records.periodRevenue", { year, month, ...filters }),
          [noteMessage("records.directoryScope", { year: directoryYear })],
        ),
        kind: "enterprises",
        total: records.reduce((sum, r) => sum + (r.value ?? 0n), 0n),
        unit: "yuan",
        enterprises: records,
      };
    }
    case "projects": {
      const records = [...data.projects.keys()]
        .map((id) => projectRecord(data, id))
        .filter((p): p is ProjectRecord => p !== null)
        .filter((p) => query.stage === undefined || p.stage === query.stage)
        .filter((p) => query.chain === undefined || p.chainId === query.chain);
      return {
        ...described(
          query.stage
            ? noteMessage("records.projectsInStage", { stage: query.stage })
            : noteMessage("records.projectsAll", {}),
        ),
        kind: "projects",
        total: records.reduce((sum, p) => sum + p.plannedInvestment, 0n),
        unit: "yuan",
        projects: records,
      };
    }
    case "reserve": {
      const directoryYear = directoryYearFor(index, asOf.year);
      const lastYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
      const records =
        directoryYear === null
          ? []
          : data.cut.enterprises
              .filter((e) => index.statusIn(e.id, directoryYear) === "reserve" && matches(e.id))
              .map((e) =>
                enterpriseRecord(
                  data,
                  e.id,
                  index.annual(e.id, "revenue", lastYear) ?? null,
                  index.annual(e.id, "revenue", lastYear - 1) ?? null,
                  directoryYear,
                ),
              )
              .sort(byValueDesc);
      return {
        ...described(noteMessage("records.reserve", { directoryYear: directoryYear ?? "—", lastYear })),
        kind: "enterprises",
        total: BigInt(records.length),
        unit: "count",
        valueUnit: "yuan",
        enterprises: records,
      };
    }
  }
}

/** The records behind a target's actual in a year (the enterprises summed in G1, the projects counted in G2, …). */
export function targetRecords(result: TargetsResult, targetId: string, year: number): RecordSet {
  const target = result.targets.find((t) => t.targetId === targetId);
  if (!target) throw notFound(`目标 ${targetId} 不存在`);
  const data = result.data;
  const titleMessage = noteMessage("records.target", { name: target.name, nameEn: target.nameEn, year });
  const titled = { title: zh(titleMessage), titleMessage };
  if (target.metric === "aboveScaleRevenue" || target.metric === "aboveScaleCount") {
    return { ...dashboardRecords(result, { figure: target.metric, year }), ...titled };
  }
  const detail = metricDetail(result, targetId, year);
  if (!detail) {
    return {
      ...described(titleMessage, [noteMessage("records.noDataForYear", {})]),
      kind: "items",
      total: 0n,
      unit: "count",
      items: [],
    };
  }
  switch (detail.kind) {
    case "aboveScaleChanges": {
      const records: EnterpriseRecord[] = [];
      for (const entry of detail.entries) {
        for (const id of entry.entered) {
          records.push(
            withStatus(
              enterpriseRecord(data, id, 1n, null, entry.year),
              noteMessage("records.status.entered", { year: entry.year }),
            ),
          );
        }
        for (const id of entry.exited) {
          records.push(
            withStatus(
              enterpriseRecord(data, id, -1n, null, entry.year),
              noteMessage("records.status.exited", { year: entry.year }),
            ),
          );
        }
      }
      return {
        ...described(titleMessage, [noteMessage("records.netIncrease", {})]),
        kind: "enterprises",
        total: records.reduce((sum, r) => sum + (r.value ?? 0n), 0n),
        unit: "count",
        valueUnit: "count",
        enterprises: records,
      };
    }
    case "projects": {
      const projects = detail.projectIds
        .map((id) => projectRecord(data, id))
        .filter((p): p is ProjectRecord => p !== null);
      return { ...described(titleMessage), kind: "projects", total: BigInt(projects.length), unit: "count", projects };
    }
    case "listings": {
      const records = detail.enterpriseIds.map((id) => {
        const events = data.cut.listings.filter((e) => e.enterpriseId === id);
        const first = Math.min(...events.map((e) => e.year));
        return withStatus(
          enterpriseRecord(data, id, 1n, null, year),
          noteMessage("records.status.listed", { year: first }),
        );
      });
      return {
        ...described(titleMessage),
        kind: "enterprises",
        total: BigInt(records.length),
        unit: "count",
        valueUnit: "count",
        enterprises: records,
      };
    }
    case "ratio": {
      const items: RecordItem[] = [];
      const leader = (assigned: boolean) =>
        noteMessage(assigned ? "records.item.leaderAssigned" : "records.item.noLeader", {});
      if (target.metric === "manufacturingInvestmentShare") {
        items.push(item(noteMessage("records.item.manufacturingInvestment", {}), formatYuan(detail.numerator)));
        items.push(item(noteMessage("records.item.fixedAssetInvestment", {}), formatYuan(detail.denominator)));
      } else if (target.metric === "onlineServiceShare") {
        for (const service of data.cut.onlineServices) {
          const online = noteMessage(service.online ? "records.item.online" : "records.item.notOnline", {});
          items.push(item(service.name, online));
        }
      } else {
        for (const e of data.cut.enterprises.filter((x) => x.isKey)) {
          items.push(item(noteMessage("records.item.keyEnterprise", { name: e.name }), leader(e.hasLeader)));
        }
        for (const p of data.cut.projects.filter((x) => x.isKey)) {
          items.push(item(noteMessage("records.item.keyProject", { name: p.name }), leader(p.hasLeader)));
        }
      }
      const ratio = noteMessage("records.ratio", {
        numerator: String(detail.numerator),
        denominator: String(detail.denominator),
      });
      return {
        ...described(titleMessage, [ratio]),
        kind: "items",
        total: detail.numerator,
        unit: "count",
        items,
      };
    }
  }
}

// ---- The public board ----

function quantityText(quantity: Quantity | null): string | null {
  return quantity ? quantity.value.toString() : null;
}

/** GET /api/public/board: only aggregate target figures, and only when the office publishes the board. */
export async function getPublicBoard(db: DbContext, districtId: string | null) {
  const published = await publishedBoards(db);
  const chosen = districtId ? published.find((b) => b.district_id === districtId) : published[0];
  // Not published is a state of the board, answered as such: a visitor's browser logs no error for it.
  if (!chosen) return JSON.stringify({ published: false });
  return cachedAnswer(db, chosen.district_id, null, "public-board", publicBoardAnswer, { districtName: chosen.name });
}

/** The public board's answer: only aggregate target figures. */
export function publicBoardAnswer(result: TargetsResult, params: AnswerParams): unknown {
  return jsonSafe({
    published: true as const,
    district: { id: result.data.districtId, name: params.districtName ?? result.data.districtId },
    plan: { title: result.data.plan.title, titleEn: result.data.plan.titleEn },
    asOf: result.data.asOf,
    coverage: coverageOf(result.data),
    targets: result.targets.map((t) => {
      const forecast = result.forecasts.get(t.targetId);
      return {
        targetId: t.targetId,
        clause: t.clause,
        name: t.name,
        nameEn: t.nameEn,
        metric: t.metric,
        unit: t.unit,
        aspiration: t.aspiration,
        deadlineYear: t.deadlineYear,
        target: quantityText(t.target),
        baseline: quantityText(t.baseline),
        current: t.current
          ? { year: t.current.year, month: t.current.month, value: quantityText(t.current.value) }
          : null,
        status: t.status,
        statusBasis: t.statusBasis,
        progress: progressRatio(t),
        forecast: forecast
          ? {
              estimate: quantityText(forecast.input.estimate),
              low: quantityText(forecast.input.low),
              high: quantityText(forecast.input.high),
            }
          : null,
      };
    }),
  });
}

export async function getBoardPublication(db: DbContext, districtId: string) {
  const district = await findDistrict(db, districtId);
  return { districtId, districtName: district?.name ?? districtId, ...(await boardPublication(db, districtId)) };
}

// ---- Drill-downs and exports, as answers computed where the dashboards' answers are ----

/** The records a drill-down asks for: a dashboard figure's or a target's. */
function recordsOf(result: TargetsResult, params: AnswerParams): RecordSet {
  const question = params.records;
  if (!question) throw badRequest("缺少明细查询条件");
  return question.source === "dashboard"
    ? dashboardRecords(result, question.query as RecordQuery)
    : targetRecords(result, question.targetId, question.year);
}

/** A drill-down's records (GET /api/dashboard/records, /api/targets/:id/records). */
export function recordsAnswer(result: TargetsResult, params: AnswerParams): unknown {
  return jsonSafe(recordsOf(result, params));
}

/** A drill-down's records as its spreadsheet's table, with the title. */
export function recordsTableAnswer(result: TargetsResult, params: AnswerParams): unknown {
  const records = recordsOf(result, params);
  return jsonSafe({ title: records.title, table: recordsTable(records) });
}

const CHART_TITLES: Record<DashboardChart, string> = {
  cards: "目标完成情况",
  revenueYears: "规上工业企业营业收入（年度）",
  revenueByMonth: "规上工业企业营业收入（分月，与上年对比）",
  byChain: "规上工业企业营业收入（分产业链）",
  byTown: "规上工业企业营业收入（分乡镇街道）",
  projectFunnel: "项目漏斗",
  reservePool: "规上企业后备库",
};

/** A dashboard chart's table for its spreadsheet, with its name and its title (the month the figures stand at). */
export function chartTableAnswer(result: TargetsResult, params: AnswerParams): unknown {
  const chart = params.chart as DashboardChart;
  const name = CHART_TITLES[chart];
  if (!name) throw badRequest(`没有图表 ${String(params.chart)}`);
  const { year, month } = result.data.asOf;
  return jsonSafe({
    name,
    title: `${name}（截至 ${year}年${month}月）`,
    table: chartTable(buildDashboard(result), chart),
  });
}

// ---- Spreadsheet export ----

export type ExportColumn = { header: string; kind: "text" | "yuan" | "count" | "share" | "percent" };

export interface ExportTable {
  sheet: string;
  columns: ExportColumn[];
  rows: (string | number | bigint | null)[][];
}

/** The table behind each dashboard chart, for the spreadsheet export. */
export function chartTable(payload: DashboardPayload, chart: string): ExportTable {
  switch (chart) {
    case "cards":
      return {
        sheet: "目标",
        columns: [
          { header: "目标", kind: "text" },
          { header: "条款", kind: "text" },
          { header: "单位", kind: "text" },
          { header: "目标值", kind: "text" },
          { header: "当前值", kind: "text" },
          { header: "状态", kind: "text" },
          { header: "预测", kind: "text" },
          { header: "预测区间下限", kind: "text" },
          { header: "预测区间上限", kind: "text" },
        ],
        rows: payload.cards.map((card) => [
          card.name,
          card.clause,
          card.unit === "yuan" ? "元" : card.unit === "share" ? "百万分之一" : "个",
          quantityExport(card.target),
          quantityExport(card.current?.value ?? null),
          card.status,
          quantityExport(card.forecast?.estimate ?? null),
          quantityExport(card.forecast?.low ?? null),
          quantityExport(card.forecast?.high ?? null),
        ]),
      };
    case "revenueYears":
      return {
        sheet: "规上营业收入",
        columns: [
          { header: "年份", kind: "count" },
          { header: "实际（元）", kind: "yuan" },
          { header: "路径（元）", kind: "yuan" },
        ],
        rows: payload.revenueYears.map((row) => [row.year, row.actual, row.path]),
      };
    case "revenueByMonth":
      return {
        sheet: "分月营业收入",
        columns: [
          { header: "月份", kind: "count" },
          { header: `${payload.revenueByMonth.year}年（元）`, kind: "yuan" },
          { header: `${payload.revenueByMonth.year - 1}年（元）`, kind: "yuan" },
        ],
        rows: payload.revenueByMonth.months.map((m) => [m.month, m.current, m.previous]),
      };
    case "byChain":
    case "byTown": {
      const rows = chart === "byChain" ? payload.byChain : payload.byTown;
      return {
        sheet: chart === "byChain" ? "分产业链" : "分乡镇街道",
        columns: [
          { header: chart === "byChain" ? "产业链" : "乡镇（街道）", kind: "text" },
          { header: "企业数", kind: "count" },
          { header: "本期（元）", kind: "yuan" },
          { header: "上年同期（元）", kind: "yuan" },
        ],
        rows: rows.map((row) => [row.name, row.enterprises, row.current, row.previous]),
      };
    }
    case "projectFunnel":
      return {
        sheet: "项目漏斗",
        columns: [
          { header: "阶段", kind: "text" },
          { header: "项目数", kind: "count" },
          { header: "计划总投资（元）", kind: "yuan" },
        ],
        rows: payload.projectFunnel.map((row) => [projectStageLabel(row.stage), row.count, row.plannedInvestment]),
      };
    case "reservePool":
      return {
        sheet: "后备库",
        columns: [
          { header: "企业", kind: "text" },
          { header: "上年营业收入（元）", kind: "yuan" },
          { header: "期末入规概率", kind: "percent" },
          { header: "可能入规年份", kind: "count" },
        ],
        rows: payload.reservePool.top.map((row) => [
          row.name,
          row.revenueLastYear,
          row.probabilityAtDeadline,
          row.likelyYear,
        ]),
      };
    default:
      throw badRequest(`无法导出的图表：${chart}`);
  }
}

function quantityExport(quantity: Quantity | null): string | null {
  if (!quantity) return null;
  if (quantity.unit === "yuan") return formatYuan(quantity.value);
  if (quantity.unit === "share") return `${(Number(quantity.value) / 10_000).toFixed(2)}%`;
  return quantity.value.toString();
}

/** The records of a drill-down as a table. */
export function recordsTable(records: RecordSet): ExportTable {
  if (records.kind === "projects") {
    return {
      sheet: "项目",
      columns: [
        { header: "项目编号", kind: "text" },
        { header: "项目名称", kind: "text" },
        { header: "产业链", kind: "text" },
        { header: "阶段", kind: "text" },
        { header: "计划总投资（元）", kind: "yuan" },
        { header: "引进年份", kind: "count" },
      ],
      rows: (records.projects ?? []).map((p) => [
        p.code,
        p.name,
        p.chainName,
        projectStageLabel(p.stage),
        p.plannedInvestment,
        p.introducedYear,
      ]),
    };
  }
  if (records.kind === "items") {
    return {
      sheet: "明细",
      columns: [
        { header: "项目", kind: "text" },
        { header: "值", kind: "text" },
      ],
      rows: (records.items ?? []).map((item) => [item.name, item.value]),
    };
  }
  const money = records.unit === "yuan";
  const revenue = (records.valueUnit ?? records.unit) === "yuan";
  return {
    sheet: "企业",
    columns: [
      { header: "统一社会信用代码", kind: "text" },
      { header: "企业名称", kind: "text" },
      { header: "产业链", kind: "text" },
      { header: "乡镇（街道）", kind: "text" },
      { header: "状态", kind: "text" },
      { header: money ? "本期（元）" : revenue ? "营业收入（元）" : "计入", kind: revenue ? "yuan" : "count" },
      { header: money ? "上年同期（元）" : "前一年营业收入（元）", kind: "yuan" },
    ],
    rows: (records.enterprises ?? []).map((e) => [
      e.creditCode,
      e.name,
      e.chainName,
      e.townName,
      e.status,
      e.value,
      e.previous,
    ]),
  };
}

/** Writes a table as a plain list under its title; money as numbers of yuan with two decimals, from exact fen. */
export function tableToXlsx(table: ExportTable, title: string): Promise<Buffer> {
  type Row = ExportTable["rows"][number];
  return buildXlsx<Row>({
    sheet: table.sheet,
    title,
    head: "list",
    columns: table.columns.map((column, index) => ({
      header: column.header,
      value: (row) => row[index],
      kind: column.kind === "share" ? "count" : column.kind,
      width: column.kind === "text" ? 28 : 18,
      numFmt: column.kind === "yuan" ? "#,##0.00" : column.kind === "percent" ? "0.0%" : null,
    })),
    rows: table.rows,
  });
}
