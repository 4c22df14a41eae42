/**
 * The supervision figures of each responsible unit for a period, the per-indicator ranking with the
 * units listed for a summons talk (S16), and the year-end weighted score (weights from the plan file).
 */
import type { SummonsEntry, TargetLine, UnitFigures } from "@beizeng/contract/supervision";
import { formatForDisplay } from "@beizeng/domain/money";
import type { AssessmentIndicator, PlanFile } from "@beizeng/domain/plan/schema";
import { aggregateIndicatorValue } from "@beizeng/domain/ranking/aggregate-indicator";
import { type IndicatorRanking, rankUnits } from "@beizeng/domain/ranking/rank-units";
import { formatPercent, formatRatio, type Ratio, ratio, ratioFromDecimal } from "@beizeng/domain/ranking/ratio";
import { weightedScores } from "@beizeng/domain/ranking/weighted-score";
import type { Quantity } from "@beizeng/domain/targets/quantity";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { bodyParagraph, heading1, type OfficialDocument, tableBlock } from "../../platform/documents/official-document";
import { renderOfficialDocx } from "../../platform/documents/official-docx";
import { renderOfficialPdf } from "../../platform/documents/official-pdf";
import { badRequest } from "../../platform/errors";
import { getActivePlan } from "../plan/index";
import { findBlockers } from "../projects/index";
import { requestHandlingDays } from "../requests/index";
import { targetsResult } from "../targets/index";
import { listUnitRows } from "../units/index";
import { findAssessmentResults, replaceAssessmentYear } from "./assessment.repository";
import { listSummonsTalks } from "./bulletins.repository";
import { findTasks, reportsOfDistrict } from "./tasks.repository";
import { healthOf, todayInChina } from "./tasks.service";
import { addDays, daysBetween } from "./tasks-schedule";

/** Units that answer for tasks: departments, towns and streets (not the leading group, its office or the commission). */
const RESPONSIBLE_KINDS = new Set(["department", "town", "street"]);

export interface IndicatorResult {
  id: string;
  metric: string;
  name: string;
  nameEn: string | null;
  weight: string;
  direction: "higher" | "lower";
  /** Why the indicator could not be computed at all (its data is not available). */
  unavailable: string | null;
  ranking: IndicatorRanking<number>;
  /** Display value per unit id (e.g. "87.50%"). */
  display: Record<number, string>;
  /** An aggregate's enterprises without the figure, per unit id: its value covers the others only. */
  missing: Record<number, string[]>;
}

export interface SupervisionFigures {
  from: string;
  to: string;
  /** Exclusive: periods due before this day count, reports filed before it count. */
  asOf: string;
  /** The last day the figures cover (the day before asOf), for documents. */
  dataThrough: string;
  units: UnitFigures[];
  indicators: IndicatorResult[];
  targets: TargetLine[] | null;
  /** Why the targets section is missing, when it is. */
  targetsGap: string | null;
  summons: SummonsEntry[];
}

/** The default indicators when a plan file defines none (documented in docs/supervision.md). */
export const DEFAULT_INDICATORS: AssessmentIndicator[] = [
  { id: "task-completion", metric: "taskCompletionRate", name: "任务完成率", weight: "0.6", direction: "higher" },
  { id: "report-timeliness", metric: "reportTimeliness", name: "进度报送及时率", weight: "0.4", direction: "higher" },
];

/**
 * Days each unit took to answer the 直通车 problems assigned to it that were raised in [from, to]: from the day
 * raised to the day answered (or closed); a problem still unanswered at `asOf` counts the days so far.
 */
async function problemHandlingDays(
  db: DbContext,
  districtId: string,
  from: string,
  to: string,
  asOf: string,
): Promise<Map<number, number[]>> {
  const byUnit = new Map<number, number[]>();
  for (const problem of await findBlockers(db, { districtId })) {
    const raised = todayInChina(new Date(problem.created_at));
    if (raised < from || raised > to || raised >= asOf) continue;
    const answeredAt = problem.answered_at ? todayInChina(new Date(problem.answered_at)) : problem.closed_on;
    const end = answeredAt && answeredAt < asOf ? answeredAt : asOf;
    const list = byUnit.get(problem.unit_id) ?? [];
    list.push(Math.max(0, daysBetween(raised, end)));
    byUnit.set(problem.unit_id, list);
  }
  return byUnit;
}

/** The targets computed at the end of a period, with the district's data cut there. */
type TargetsAtEnd = Awaited<ReturnType<typeof targetsResult>>;

function formatQuantity(quantity: Quantity | null): string | null {
  if (!quantity) return null;
  if (quantity.unit === "yuan") return formatForDisplay(quantity.value);
  if (quantity.unit === "share") return `${formatRatio(ratio(quantity.value, 10_000n), 2)}%`;
  return String(quantity.value);
}

function targetProgress(result: TargetsAtEnd, plan: PlanFile, unitIdsByCode: Map<string, number>) {
  const perUnit = new Map<number, Ratio[]>();
  const lines: TargetLine[] = [];
  for (const target of result.targets) {
    const measure = plan.measures.find((m) => m.clause === target.clause);
    const leads = measure?.lead ?? [];
    lines.push({
      targetId: target.targetId,
      name: target.name,
      clause: target.clause,
      aspiration: target.aspiration,
      target: formatQuantity(target.target) ?? "—",
      current: formatQuantity(target.current?.value ?? null),
      status: target.status,
      leadUnits: leads.map((code) => plan.units.find((u) => u.id === code)?.name ?? code),
    });
    if (!target.current || target.target.value <= 0n) continue;
    const reached = target.current.value.value <= 0n ? 0n : target.current.value.value;
    const progress = reached >= target.target.value ? ratio(1) : ratio(reached, target.target.value);
    for (const code of leads) {
      const unitId = unitIdsByCode.get(code);
      if (unitId === undefined) continue;
      perUnit.set(unitId, [...(perUnit.get(unitId) ?? []), progress]);
    }
  }
  return { perUnit, lines };
}

function average(values: Ratio[]): Ratio {
  let numerator = 0n;
  let denominator = 1n;
  for (const value of values) {
    numerator = numerator * value.denominator + value.numerator * denominator;
    denominator *= value.denominator;
  }
  return ratio(numerator, denominator * BigInt(values.length));
}

/**
 * Everything a bulletin or an assessment reads for [from, to]: per-unit task figures (periods due in
 * the window by `asOf`, reports counted as filed by then), each indicator's ranking and the summons list.
 */
export async function supervisionFigures(
  db: DbContext,
  districtId: string,
  from: string,
  to: string,
  today: string = todayInChina(),
): Promise<SupervisionFigures> {
  if (from > to) throw badRequest("字段 from：开始日期不能晚于结束日期");
  const plan = await getActivePlan(db, districtId);
  const dayAfter = addDays(to, 1);
  const asOf = dayAfter < today ? dayAfter : today;
  const unitRows = (await listUnitRows(db, districtId)).filter((u) => u.active === 1 && RESPONSIBLE_KINDS.has(u.kind));
  const tasks = await findTasks(db, { districtId });
  const reports = (await reportsOfDistrict(db, districtId)).filter(
    (r) => todayInChina(new Date(r.submitted_at)) < asOf,
  );

  const figures = new Map<number, UnitFigures>(
    unitRows.map((u) => [
      u.id,
      { unitId: u.id, unitName: u.name, kind: u.kind, tasks: 0, duePeriods: 0, onTime: 0, late: 0, overdue: 0 },
    ]),
  );
  for (const task of tasks) {
    const unit = figures.get(task.owner_unit_id);
    if (!unit) continue;
    unit.tasks++;
    const health = healthOf(
      task,
      reports.filter((r) => r.task_id === task.id),
      asOf,
    );
    for (const period of health.periods) {
      if (period.deadline < from || period.deadline > to || period.deadline >= asOf) continue;
      unit.duePeriods++;
      if (period.state === "reported") unit.onTime++;
      else if (period.state === "reportedLate") unit.late++;
      else unit.overdue++;
    }
  }
  const units = [...figures.values()];
  // 直通车 covers both the project problems and the enterprises' requests (docs/supervision.md).
  const handlingDays = await problemHandlingDays(db, districtId, from, to, asOf);
  for (const [unitId, days] of await requestHandlingDays(db, districtId, from, to, asOf)) {
    handlingDays.set(unitId, [...(handlingDays.get(unitId) ?? []), ...days]);
  }

  let targets: TargetLine[] | null = null;
  let targetsGap: string | null = null;
  let progressByUnit = new Map<number, Ratio[]>();
  let atEnd: TargetsAtEnd | null = null;
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  try {
    atEnd = await targetsResult(db, districtId, { year: toYear, month: toMonth });
    const progress = targetProgress(atEnd, plan, new Map(unitRows.map((u) => [u.code, u.id])));
    targets = progress.lines;
    progressByUnit = progress.perUnit;
  } catch (error) {
    targetsGap = `目标完成情况暂无法计算：${error instanceof Error ? error.message : String(error)}`;
  }
  const codes = new Map(unitRows.map((u) => [u.id, u.code]));

  const indicators: IndicatorResult[] = (plan.assessment?.indicators ?? DEFAULT_INDICATORS).map((indicator) => {
    const display: Record<number, string> = {};
    const missing: Record<number, string[]> = {};
    let unavailable: string | null = null;
    const values = units.map((unit) => {
      switch (indicator.metric) {
        case "taskCompletionRate": {
          if (unit.duePeriods === 0) return { unitId: unit.unitId, value: null, missingReason: "本期无到期任务" };
          const value = ratio(unit.onTime + unit.late, unit.duePeriods);
          display[unit.unitId] = `${formatPercent(value)}%`;
          return { unitId: unit.unitId, value };
        }
        case "reportTimeliness": {
          const filed = unit.onTime + unit.late;
          if (filed === 0) return { unitId: unit.unitId, value: null, missingReason: "本期无已报送的进度报告" };
          const value = ratio(unit.onTime, filed);
          display[unit.unitId] = `${formatPercent(value)}%`;
          return { unitId: unit.unitId, value };
        }
        case "targetProgress": {
          if (targetsGap) {
            unavailable = targetsGap;
            return { unitId: unit.unitId, value: null, missingReason: "目标数据暂不可用" };
          }
          const list = progressByUnit.get(unit.unitId);
          if (!list || list.length === 0)
            return { unitId: unit.unitId, value: null, missingReason: "牵头举措无量化目标" };
          const value = average(list);
          display[unit.unitId] = `${formatPercent(value)}%`;
          return { unitId: unit.unitId, value };
        }
        case "requestHandlingTime": {
          const days = handlingDays.get(unit.unitId);
          if (!days || days.length === 0) return { unitId: unit.unitId, value: null, missingReason: "本期无交办问题" };
          const value = ratio(
            days.reduce((sum, d) => sum + d, 0),
            days.length,
          );
          display[unit.unitId] = `${formatRatio(value, 1)} 天`;
          return { unitId: unit.unitId, value };
        }
        case "aggregate": {
          // The year of the period's end, from the enterprises' figures through that month.
          if (!atEnd || !indicator.aggregate) {
            unavailable = targetsGap ?? "考核指标未写明 aggregate";
            return { unitId: unit.unitId, value: null, missingReason: "企业数据暂不可用" };
          }
          const found = aggregateIndicatorValue(
            plan,
            atEnd.data.index,
            indicator.aggregate,
            { code: codes.get(unit.unitId) ?? "", kind: unit.kind },
            toYear,
          );
          if (found.value === null) return { unitId: unit.unitId, value: null, missingReason: found.reason };
          const shown = formatQuantity(found.quantity) ?? "";
          display[unit.unitId] = found.countsEnterprises ? `${shown} 户` : shown;
          if (found.missing.length > 0) missing[unit.unitId] = found.missing;
          return { unitId: unit.unitId, value: found.value };
        }
        default:
          unavailable = `未知的考核指标：${indicator.metric}`;
          return { unitId: unit.unitId, value: null, missingReason: "未知指标" };
      }
    });
    return {
      id: indicator.id,
      metric: indicator.metric,
      name: indicator.name,
      nameEn: indicator.nameEn ?? null,
      weight: indicator.weight,
      direction: indicator.direction,
      unavailable,
      ranking: rankUnits(values, indicator.direction),
      display,
      missing,
    };
  });

  const names = new Map(units.map((u) => [u.unitId, u.unitName]));
  const summons = indicators.flatMap((indicator) =>
    indicator.ranking.last.map((unitId) => ({
      unitId,
      unitName: names.get(unitId) ?? String(unitId),
      indicatorId: indicator.id,
      indicatorName: indicator.name,
      reason: `${indicator.name}${indicator.display[unitId] ? `（${indicator.display[unitId]}）` : ""}：${indicator.ranking.explanation}`,
    })),
  );
  const dataThrough = addDays(asOf, -1);
  return { from, to, asOf, dataThrough, units, indicators, targets, targetsGap, summons };
}

/** The JSON shape of a ranking for the API (ratios as display strings). */
export function rankingView(figures: SupervisionFigures) {
  const names = new Map(figures.units.map((u) => [u.unitId, u.unitName]));
  return {
    from: figures.from,
    to: figures.to,
    asOf: figures.asOf,
    dataThrough: figures.dataThrough,
    units: figures.units,
    targets: figures.targets,
    targetsGap: figures.targetsGap,
    summons: figures.summons,
    indicators: figures.indicators.map((indicator) => ({
      id: indicator.id,
      metric: indicator.metric,
      name: indicator.name,
      nameEn: indicator.nameEn,
      weight: indicator.weight,
      direction: indicator.direction,
      unavailable: indicator.unavailable,
      explanation: indicator.ranking.explanation,
      ranked: indicator.ranking.ranked.map((entry) => ({
        unitId: entry.unitId,
        unitName: names.get(entry.unitId) ?? "",
        rank: entry.rank,
        tied: entry.tied,
        value: indicator.display[entry.unitId] ?? formatRatio(entry.value, 2),
        missing: indicator.missing[entry.unitId] ?? [],
      })),
      excluded: indicator.ranking.excluded.map((entry) => ({
        unitId: entry.unitId,
        unitName: names.get(entry.unitId) ?? "",
        reason: entry.reason,
      })),
      last: indicator.ranking.last,
    })),
  };
}

/** The year-end assessment of a year: figures for the whole year and each unit's weighted score. */
export async function computeAssessment(db: DbContext, districtId: string, year: number, today = todayInChina()) {
  const figures = await supervisionFigures(db, districtId, `${year}-01-01`, `${year}-12-31`, today);
  const scores = weightedScores(
    figures.indicators.map((indicator) => ({
      id: indicator.id,
      weight: indicator.weight,
      direction: indicator.direction,
      values: figures.units.map((unit) => {
        const entry = indicator.ranking.ranked.find((r) => r.unitId === unit.unitId);
        return { unitId: unit.unitId, value: entry?.value ?? null };
      }),
    })),
  );
  const names = new Map(figures.units.map((u) => [u.unitId, u.unitName]));
  let rank = 0;
  let previous: string | null = null;
  const rows = scores.map((score, index) => {
    if (score.score !== null && score.score !== previous) rank = index + 1;
    previous = score.score;
    return {
      unitId: score.unitId,
      unitName: names.get(score.unitId) ?? "",
      score: score.score,
      rank: score.score === null ? null : rank,
      points: score.points,
      // Each indicator's value as shown, and the enterprises an aggregate's value lacks.
      values: Object.fromEntries(
        figures.indicators.map((indicator) => [indicator.id, indicator.display[score.unitId] ?? null]),
      ),
      missing: Object.fromEntries(
        figures.indicators.map((indicator) => [indicator.id, indicator.missing[score.unitId] ?? []]),
      ),
    };
  });
  return {
    year,
    asOf: figures.asOf,
    indicators: figures.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      nameEn: i.nameEn,
      weight: i.weight,
      direction: i.direction,
      unavailable: i.unavailable,
    })),
    rows,
    summons: figures.summons,
    figures,
  };
}

/** Stores the year's scores as the assessment of record (a later call replaces it, audited). */
export async function finalizeAssessment(db: DbContext, user: AuthUser, year: number, actor: Actor) {
  const assessment = await computeAssessment(db, user.districtId, year);
  const now = new Date().toISOString();
  await inTransaction(db, async (tx) => {
    const before = await findAssessmentResults(tx, user.districtId, year);
    await replaceAssessmentYear(
      tx,
      user.districtId,
      year,
      assessment.rows.map((row) => ({
        district_id: user.districtId,
        year,
        unit_id: row.unitId,
        score: row.score,
        rank: row.rank,
        detail_json: JSON.stringify({ points: row.points, values: row.values, indicators: assessment.indicators }),
        finalized_at: now,
        finalized_by: user.id,
      })),
    );
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: before.length > 0 ? "refinalize" : "finalize",
      entityType: "assessment",
      entityId: year,
      before: before.map((row) => ({ unitId: row.unit_id, score: row.score, rank: row.rank })),
      after: assessment.rows.map((row) => ({ unitId: row.unitId, score: row.score, rank: row.rank })),
    });
  });
  return { year, finalizedAt: now, units: assessment.rows.length };
}

/** Finalised results of every year, newest first, for the history view. */
export async function assessmentHistory(db: DbContext, districtId: string) {
  const rows = await findAssessmentResults(db, districtId);
  const years = new Map<
    number,
    {
      year: number;
      finalizedAt: string;
      rows: { unitId: number; unitName: string; score: string | null; rank: number | null }[];
    }
  >();
  for (const row of rows) {
    const entry = years.get(row.year) ?? { year: row.year, finalizedAt: row.finalized_at, rows: [] };
    entry.rows.push({ unitId: row.unit_id, unitName: row.unit_name, score: row.score, rank: row.rank });
    years.set(row.year, entry);
  }
  for (const entry of years.values()) {
    entry.rows.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  }
  return { years: [...years.values()] };
}

export async function summonsTalksOf(db: DbContext, districtId: string, year?: number) {
  const rows = await listSummonsTalks(db, districtId, year);
  return {
    items: rows.map((row) => ({
      id: row.id,
      year: row.year,
      bulletinId: row.bulletin_id,
      indicatorId: row.indicator_id,
      unit: { id: row.unit_id, name: row.unit_name },
      talkDate: row.talk_date,
      heldBy: row.held_by,
      attendees: row.attendees,
      outcome: row.outcome,
      recordedAt: row.recorded_at,
    })),
  };
}

/** The printable year-end assessment report (.docx or PDF, GB/T 9704 layout), from the live computation. */
export async function assessmentReport(
  db: DbContext,
  districtId: string,
  year: number,
  format: "docx" | "pdf",
): Promise<Buffer> {
  const assessment = await computeAssessment(db, districtId, year);
  const weights = assessment.indicators
    .map((i) => `${i.name}（权重 ${formatPercent(ratioFromDecimal(i.weight), 0)}%）`)
    .join("、");
  const body = [
    bodyParagraph(
      `根据倍增计划“强化督查考核”的要求，现将${year}年度各责任单位工业倍增工作考核结果报告如下。考核指标为：${weights}。各单项指标以最优单位为基准计分：越高越好的指标按本单位数值与最优值之比折算为百分制，越低越好的指标按最优值与本单位数值之比折算；单位无可计量数据的指标不计入，其余指标权重按比例折算。`,
    ),
    heading1("一、考核得分"),
    tableBlock({
      caption: `表1 ${year}年度各责任单位考核得分`,
      unitLine: "单位：分",
      header: ["名次", "责任单位", ...assessment.indicators.map((i) => i.name), "综合得分"],
      widths: [2, 6, ...assessment.indicators.map(() => 3), 3],
      rows: assessment.rows.map((row) => [
        row.rank === null ? "—" : String(row.rank),
        row.unitName,
        ...assessment.indicators.map((i) => row.points[i.id] ?? "—"),
        row.score ?? "不参与",
      ]),
      source: "倍增平台任务进度报送记录及目标测算",
    }),
    heading1("二、单项指标末位单位"),
    ...(assessment.summons.length === 0
      ? [bodyParagraph("本年度各单项指标均无末位单位。")]
      : assessment.summons.map((entry, index) => bodyParagraph(`${index + 1}. ${entry.unitName}：${entry.reason}。`))),
  ];
  const document: OfficialDocument = {
    issuerMark: "倍增计划领导小组办公室",
    number: "",
    title: `${year}年度工业倍增行动计划责任单位考核结果报告`,
    addressees: "区工业倍增三年行动计划工作领导小组：",
    body,
    signature: "倍增计划领导小组办公室",
    date: todayInChina(),
  };
  return format === "pdf" ? renderOfficialPdf(document) : renderOfficialDocx(document);
}
