/**
 * A region's districts side by side: each district's own targets as its plan states them (districts' plans
 * differ), where each stands, the month its figures stand at and how complete that month is, and the sums of the
 * targets that are comparable across districts. Every figure is the targets capability's own computation of the
 * district, read through its index; nothing is recomputed here.
 */
import type { RegionDistrictOverview, RegionOverview, RegionSum, RegionTarget } from "@beizeng/contract/regions";
import { amountInUnit, divideToDecimalString } from "@beizeng/domain/money";
import type { Target } from "@beizeng/domain/plan/schema";
import type { DbContext } from "../../platform/db/database";
import { AppError, notFound } from "../../platform/errors";
import { buildXlsx } from "../../platform/exports/table-export";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { findRegion, regionDistricts } from "../../platform/plan/regions.repository";
import { districtSummary } from "../targets/index";

type Quantity = RegionTarget["target"];

/**
 * What makes two districts' targets one figure that adds up: the same metric with the same definition (its
 * aggregate and options), the same unit and the same deadline year, and a quantity that is a total — money or a
 * count — never a share, an average or a growth, which do not add across districts. Null when it does not add up.
 */
export function sumKeyOf(target: Target): string | null {
  if (target.unit === "share") return null;
  const op = target.aggregate?.op;
  if (op !== undefined && op !== "sum" && op !== "count") return null;
  return JSON.stringify({
    metric: target.metric,
    unit: target.unit,
    deadlineYear: Number(target.deadline.slice(0, 4)),
    aggregate: target.aggregate ?? null,
    options: Object.fromEntries(Object.entries(target.options).sort(([a], [b]) => a.localeCompare(b))),
  });
}

async function districtOverview(
  db: DbContext,
  district: { id: string; name: string },
): Promise<RegionDistrictOverview> {
  const stored = await readActivePlan(db, district.id);
  const nameEn = stored?.plan.district.nameEn ?? district.name;
  const empty = { id: district.id, name: district.name, nameEn, asOf: null, latest: null, coverage: null, targets: [] };
  if (!stored) return { ...empty, planTitle: null, problem: "no-plan" };
  let summary: Awaited<ReturnType<typeof districtSummary>>;
  try {
    // The district's kept answer: a large district is not computed again on the region's request.
    summary = await districtSummary(db, district.id);
  } catch (error) {
    // A district whose plan cannot be read yet shows as such beside the others instead of failing the page.
    if (error instanceof AppError && error.statusCode < 500) return { ...empty, planTitle: null, problem: "no-plan" };
    throw error;
  }
  const definitions = new Map(stored.plan.targets.map((target) => [target.id, target]));
  const targets = summary.targets.map(
    (target): RegionTarget => ({
      ...target,
      planUnit: target.planUnit as RegionTarget["planUnit"],
      sumKey: definitions.has(target.targetId) ? sumKeyOf(definitions.get(target.targetId) as Target) : null,
    }),
  );
  return {
    id: district.id,
    name: district.name,
    nameEn,
    planTitle: summary.planTitle,
    problem: null,
    asOf: summary.asOf,
    latest: summary.latest,
    coverage: summary.coverage,
    targets,
  };
}

/** The sums of the targets two or more districts share by their sum key; a district's own targets stay its own. */
export function regionSums(districts: readonly RegionDistrictOverview[]): RegionSum[] {
  const groups = new Map<string, { district: RegionDistrictOverview; target: RegionTarget }[]>();
  for (const district of districts) {
    for (const target of district.targets) {
      if (target.sumKey === null) continue;
      const group = groups.get(target.sumKey) ?? [];
      // A plan with two targets of one definition (rare) counts the first in the sum.
      if (!group.some((member) => member.district.id === district.id)) group.push({ district, target });
      groups.set(target.sumKey, group);
    }
  }
  const sums: RegionSum[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const first = group[0]!.target;
    const target = group.reduce((sum, member) => sum + BigInt(member.target.target.value), 0n);
    const currents = group.map((member) => member.target.current);
    const years = new Set(currents.map((current) => current?.year));
    let current: RegionSum["current"] = null;
    let currentGap: RegionSum["currentGap"] = null;
    if (currents.some((value) => value === null)) currentGap = "missing";
    else if (years.size > 1) currentGap = "years-differ";
    else {
      const value = currents.reduce((sum, member) => sum + BigInt(member!.value.value), 0n);
      current = { year: currents[0]!.year, value: { unit: first.target.unit, value: value.toString() } };
    }
    sums.push({
      key,
      name: first.name,
      nameEn: first.nameEn,
      metric: first.metric,
      planUnit: first.planUnit,
      deadlineYear: first.deadlineYear,
      districtIds: group.map((member) => member.district.id),
      target: { unit: first.target.unit, value: target.toString() },
      current,
      currentGap,
    });
  }
  return sums;
}

export async function regionOverview(db: DbContext, regionId: string): Promise<RegionOverview> {
  const region = await findRegion(db, regionId);
  if (!region) throw notFound(`区域 ${regionId} 不存在`);
  const districts: RegionDistrictOverview[] = [];
  // One district after another: each is the targets capability's cached computation of that district.
  for (const district of await regionDistricts(db, regionId)) districts.push(await districtOverview(db, district));
  // Only the targets a sum row counts keep their key, so the page can say which of a district's targets are summed.
  const sums = regionSums(districts);
  const summed = new Set(sums.map((sum) => sum.key));
  for (const district of districts) {
    for (const target of district.targets)
      if (target.sumKey !== null && !summed.has(target.sumKey)) target.sumKey = null;
  }
  return { region: { id: region.id, name: region.name, nameEn: region.name_en }, districts, sums };
}

// ---- Spreadsheet export ----

// The words of the district's own dashboard.
const STATUS_ZH: Record<RegionTarget["status"], string> = {
  green: "达标",
  yellow: "有风险",
  red: "落后",
  "aspiration-behind": "力争 · 尚未达到",
  "no-data": "暂无数据",
};

const UNIT_ZH: Record<RegionTarget["planUnit"], string> = {
  count: "个/家",
  mu: "亩",
  person: "人",
  event: "次",
  yuan: "万元",
  share: "%",
};

/** A quantity as a spreadsheet cell in its unit's words: 万元 for money (exact), a percentage, or the count. */
function quantityCell(quantity: Quantity | null): string | number | null {
  if (!quantity) return null;
  const value = BigInt(quantity.value);
  if (quantity.unit === "yuan") return amountInUnit(value, "万元");
  if (quantity.unit === "share") return `${divideToDecimalString(value, 10_000n, 2)}%`;
  return Number(value);
}

function monthText(month: { year: number; month: number } | null): string {
  return month ? `${month.year}年${month.month}月` : "";
}

interface ExportRow {
  district: string;
  month: string;
  coverage: string;
  target: string;
  unit: string;
  deadline: number | null;
  goal: string | number | null;
  current: string | number | null;
  currentAt: string;
  status: string;
  summed: string;
}

/** The overview as .xlsx: one line per district and target, then one per sum. */
export async function regionOverviewXlsx(overview: RegionOverview): Promise<Buffer> {
  const rows: ExportRow[] = [];
  for (const district of overview.districts) {
    const coverage = district.coverage
      ? `截至${district.coverage.year}年${district.coverage.month}月：${district.coverage.reported}/${district.coverage.total} 家规上企业已报`
      : "";
    if (district.targets.length === 0) {
      rows.push({
        district: district.name,
        month: monthText(district.latest),
        coverage: district.problem === "no-plan" ? "尚未载入行动方案" : coverage,
        target: "",
        unit: "",
        deadline: null,
        goal: null,
        current: null,
        currentAt: "",
        status: "",
        summed: "",
      });
    }
    for (const target of district.targets) {
      rows.push({
        district: district.name,
        month: monthText(district.latest),
        coverage,
        target: target.name,
        unit: UNIT_ZH[target.planUnit],
        deadline: target.deadlineYear,
        goal: quantityCell(target.target),
        current: quantityCell(target.current?.value ?? null),
        currentAt: target.current ? monthText(target.current) : "",
        status: STATUS_ZH[target.status],
        summed: target.sumKey ? "是" : "否",
      });
    }
  }
  const names = new Map(overview.districts.map((district) => [district.id, district.name]));
  for (const sum of overview.sums) {
    rows.push({
      district: `合计（${sum.districtIds.map((id) => names.get(id) ?? id).join("、")}）`,
      month: "",
      coverage: "",
      target: sum.name,
      unit: UNIT_ZH[sum.planUnit],
      deadline: sum.deadlineYear,
      goal: quantityCell(sum.target),
      current: quantityCell(sum.current?.value ?? null),
      currentAt: sum.current
        ? `${sum.current.year}年`
        : sum.currentGap === "years-differ"
          ? "各区县年份不同，不合计"
          : "有区县暂无数据，不合计",
      status: "",
      summed: "",
    });
  }
  return buildXlsx<ExportRow>({
    sheet: "区县对比",
    title: `${overview.region.name}：各区县目标与数据完整度`,
    subtitle: "金额单位：万元；合计只含口径相同（同一指标、定义、单位和目标年份）且可相加的目标",
    columns: [
      { header: "区县", value: (row) => row.district, width: 24 },
      { header: "最新数据月份", value: (row) => row.month, width: 14 },
      { header: "数据完整度", value: (row) => row.coverage, width: 36 },
      { header: "目标", value: (row) => row.target, width: 32 },
      { header: "单位", value: (row) => row.unit, width: 8 },
      { header: "目标年份", value: (row) => row.deadline, kind: "count", width: 10 },
      { header: "目标值", value: (row) => row.goal, width: 16 },
      { header: "当前值", value: (row) => row.current, width: 16 },
      { header: "当前值所属", value: (row) => row.currentAt, width: 22 },
      { header: "状态", value: (row) => row.status, width: 12 },
      { header: "计入合计", value: (row) => row.summed, width: 10 },
    ],
    rows,
  });
}
