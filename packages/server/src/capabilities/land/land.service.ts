/**
 * The platform's land (M1 腾笼换鸟): parcels kept by the office and the units the plan gives keepLandParcels, their
 * status taken one step at a time; zombie enterprises suggested from the monthly figures by the office's criteria
 * (defaults: the plan's parameters), confirmed or dismissed and disposed of by the office and the units the plan
 * gives handleZombieEnterprises. Every change is audited; every refusal names its field.
 */
import type {
  Parcel,
  ParcelInput,
  ParcelList,
  ParcelQuery,
  ParcelStep,
  ParcelUpdate,
  ZombieCase,
  ZombieCaseInput,
  ZombieCriteria,
  ZombieCriteriaInput,
  ZombieDisposalInput,
  ZombieList,
  ZombieSuggestion,
} from "@beizeng/contract/land";
import {
  FIGURE_ZOMBIE_CRITERIA,
  mayStep,
  muText,
  PARCEL_STATUS_DATE,
  PARCEL_STATUSES,
  PARCEL_STEPS,
  type ParcelStatus,
  type ParcelUse,
  parseMu,
  statusesThrough,
  ZOMBIE_PARAMETERS,
  type ZombieCaseStatus,
  type ZombieCriterion,
  type ZombieDisposal,
} from "@beizeng/domain/land/vocabulary";
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, type UnitDuty, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersText, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { listUnitRows } from "../units/index";
import {
  findEnterpriseOfDistrict,
  findParcel,
  findParcelByCode,
  findParcels,
  findProjectOfDistrict,
  findZombieCase,
  findZombieCases,
  findZombieCriteriaSettings,
  insertParcel,
  insertZombieCase,
  latestMonthlyFigureYear,
  monthlyRevenueAndTax,
  type ParcelListRow,
  saveZombieCriteriaSettings,
  updateParcelRow,
  updateZombieCaseRow,
  type ZombieCaseListRow,
} from "./land.repository";

export const PARCEL_STATUS_LABELS: Record<ParcelStatus, string> = {
  idle: "闲置",
  recovering: "收回中",
  recovered: "已收回",
  relet: "已再出让",
  built: "已建设",
};
export const PARCEL_USE_LABELS: Record<ParcelUse, string> = {
  industrial: "工业",
  warehousing: "仓储物流",
  commercial: "商业服务",
  infrastructure: "基础设施",
  other: "其他",
};
export const ZOMBIE_CRITERION_LABELS: Record<ZombieCriterion, string> = {
  noRevenue: "连续无营业收入",
  noTax: "连续无入库税收",
  productionStopped: "停产",
  taxArrears: "欠缴税款",
};
export const ZOMBIE_DISPOSAL_LABELS: Record<ZombieDisposal, string> = {
  merger: "兼并重组",
  transfer: "转让",
  exit: "退出",
  revival: "盘活",
};
export const ZOMBIE_CASE_STATUS_LABELS: Record<ZombieCaseStatus, string> = {
  confirmed: "已认定",
  disposing: "处置中",
  disposed: "处置完成",
  dismissed: "已排除",
};
const DATE_LABELS: Record<ParcelStatus, string> = {
  idle: "闲置日期",
  recovering: "开始收回日期",
  recovered: "收回日期",
  relet: "再出让日期",
  built: "建设日期",
};

type Dates = Record<"idleSince" | "recoveryStartedOn" | "recoveredOn" | "reletOn" | "builtOn", string | null>;

async function activePlan(db: DbContext, districtId: string): Promise<PlanFile | undefined> {
  return (await readActivePlan(db, districtId))?.plan;
}

async function holdsDuty(db: DbContext, user: AuthUser, duty: UnitDuty): Promise<boolean> {
  if (user.role === "office") return true;
  return (await unitWithDuty(db, user, duty)) !== null;
}

async function requireDuty(db: DbContext, user: AuthUser, duty: UnitDuty, what: string): Promise<void> {
  if (await holdsDuty(db, user, duty)) return;
  throw forbidden(`只有${dutyHoldersText(await activePlan(db, user.districtId), duty)}可以${what}`);
}

// ---------------------------------------------------------------- parcels

function datesOf(row: ParcelListRow): Dates {
  return {
    idleSince: row.idle_since,
    recoveryStartedOn: row.recovery_started_on,
    recoveredOn: row.recovered_on,
    reletOn: row.relet_on,
    builtOn: row.built_on,
  };
}

function parcelView(row: ParcelListRow): Parcel {
  const status = row.status as ParcelStatus;
  return {
    id: row.id,
    code: row.code,
    location: row.location,
    town: row.town_unit_id === null ? null : { id: row.town_unit_id, name: row.town_name ?? "" },
    area: muText(BigInt(row.area_hundredths)),
    use: row.land_use as ParcelUse,
    owner: row.owner,
    status,
    ...datesOf(row),
    enterprise: row.enterprise_id === null ? null : { id: row.enterprise_id, name: row.enterprise_name ?? "" },
    project: row.project_id === null ? null : { id: row.project_id, name: row.project_name ?? "" },
    note: row.note,
    nextStatuses: [...PARCEL_STEPS[status]],
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

function areaTotals(rows: readonly ParcelListRow[]) {
  const byStatus = PARCEL_STATUSES.map((status) => {
    const of = rows.filter((row) => row.status === status);
    return { status, area: muText(sum(of)), count: of.length };
  });
  return { all: { area: muText(sum(rows)), count: rows.length }, byStatus };
}

function sum(rows: readonly ParcelListRow[]): bigint {
  return rows.reduce((total, row) => total + BigInt(row.area_hundredths), 0n);
}

async function placeUnits(db: DbContext, districtId: string) {
  return (await listUnitRows(db, districtId)).filter(
    (unit) => unit.active === 1 && PLACE_UNIT_KINDS.includes(unit.kind as UnitKind),
  );
}

export async function listParcels(db: DbContext, user: AuthUser, query: ParcelQuery): Promise<ParcelList> {
  const plan = await activePlan(db, user.districtId);
  const rows = await findParcels(db, user.districtId);
  const towns = await placeUnits(db, user.districtId);
  const townIds = [...new Set(rows.map((row) => row.town_unit_id))];
  const byTown = townIds
    .map((townId) => {
      const of = rows.filter((row) => row.town_unit_id === townId);
      const name = of[0]?.town_name ?? "";
      return { town: townId === null ? null : { id: townId, name }, ...areaTotals(of) };
    })
    .sort((a, b) => (a.town === null ? 1 : b.town === null ? -1 : a.town.name.localeCompare(b.town.name, "zh-CN")));
  const shown = rows.filter(
    (row) =>
      (query.status === undefined || row.status === query.status) &&
      (query.town === undefined || row.town_unit_id === query.town),
  );
  return {
    items: shown.map(parcelView),
    totals: { ...areaTotals(rows), byTown },
    towns: towns.map((unit) => ({ id: unit.id, name: unit.name })),
    canManage: await holdsDuty(db, user, "keepLandParcels"),
    keepers: plan ? unitsWithDuty(plan, "keepLandParcels").map((unit) => unit.name) : [],
  };
}

/** The dates a parcel in `status` must carry, in order, each not before the one before. */
function checkDates(status: ParcelStatus, dates: Dates): void {
  const through = statusesThrough(status);
  for (const reached of through) {
    if (reached === "idle") continue; // When it fell idle may not be known for an old parcel.
    if (!dates[PARCEL_STATUS_DATE[reached]])
      throw badRequest(
        `${DATE_LABELS[reached]}：状态为“${PARCEL_STATUS_LABELS[status]}”的地块须填写${DATE_LABELS[reached]}`,
      );
  }
  for (const later of PARCEL_STATUSES) {
    const date = dates[PARCEL_STATUS_DATE[later]];
    if (date && !through.includes(later))
      throw badRequest(
        `${DATE_LABELS[later]}：状态为“${PARCEL_STATUS_LABELS[status]}”的地块不应填写${DATE_LABELS[later]}`,
      );
  }
  let previous: { label: string; date: string } | null = null;
  for (const reached of through) {
    const date = dates[PARCEL_STATUS_DATE[reached]];
    if (!date) continue;
    if (previous && date < previous.date)
      throw badRequest(`${DATE_LABELS[reached]}：不能早于${previous.label}（${previous.date}）`);
    previous = { label: DATE_LABELS[reached], date };
  }
}

async function checkLinks(db: DbContext, districtId: string, input: ParcelUpdate) {
  if (input.townUnitId != null) {
    const towns = await placeUnits(db, districtId);
    if (!towns.some((unit) => unit.id === input.townUnitId)) throw badRequest("所在镇街：不是本区的镇、街道或园区");
  }
  if (input.enterpriseId != null && !(await findEnterpriseOfDistrict(db, districtId, input.enterpriseId)))
    throw badRequest("关联企业：本区没有这家企业");
  if (input.projectId != null && !(await findProjectOfDistrict(db, districtId, input.projectId)))
    throw badRequest("关联项目：本区没有这个项目");
}

function parcelColumns(input: ParcelUpdate) {
  const area = parseMu(input.area);
  if (area === null || area <= 0n) throw badRequest("面积：不是数字（以亩计，最多两位小数，例如 12.5）");
  return {
    code: input.code,
    location: input.location,
    town_unit_id: input.townUnitId ?? null,
    area_hundredths: area,
    land_use: input.use,
    owner: input.owner,
    idle_since: input.idleSince ?? null,
    recovery_started_on: input.recoveryStartedOn ?? null,
    recovered_on: input.recoveredOn ?? null,
    relet_on: input.reletOn ?? null,
    built_on: input.builtOn ?? null,
    enterprise_id: input.enterpriseId ?? null,
    project_id: input.projectId ?? null,
    note: input.note ?? "",
  };
}

function inputDates(input: ParcelUpdate): Dates {
  return {
    idleSince: input.idleSince ?? null,
    recoveryStartedOn: input.recoveryStartedOn ?? null,
    recoveredOn: input.recoveredOn ?? null,
    reletOn: input.reletOn ?? null,
    builtOn: input.builtOn ?? null,
  };
}

/** Adds parcels (one, or a file's rows) in one transaction: all or nothing. */
export async function createParcels(
  db: DbContext,
  user: AuthUser,
  inputs: readonly ParcelInput[],
  actor: Actor,
  where: (index: number) => string = () => "",
): Promise<number[]> {
  await requireDuty(db, user, "keepLandParcels", "维护平台地块台账");
  return inTransaction(db, async (tx) => {
    const ids: number[] = [];
    const now = new Date().toISOString();
    for (const [index, input] of inputs.entries()) {
      try {
        checkDates(input.status, inputDates(input));
        await checkLinks(tx, user.districtId, input);
        if (await findParcelByCode(tx, user.districtId, input.code))
          throw conflict(`地块编号：“${input.code}”已在台账中`);
        const columns = parcelColumns(input);
        const id = await insertParcel(tx, {
          ...columns,
          district_id: user.districtId,
          status: input.status,
          created_at: now,
          updated_at: now,
          updated_by: user.id,
        });
        await recordAudit(tx, {
          districtId: user.districtId,
          actor,
          action: "create",
          entityType: "land_parcel",
          entityId: id,
          after: { ...columns, area_hundredths: String(columns.area_hundredths), status: input.status },
        });
        ids.push(id);
      } catch (error) {
        const prefix = where(index);
        if (prefix && error instanceof Error) error.message = `${prefix}${error.message}`;
        throw error;
      }
    }
    return ids;
  });
}

export async function createParcel(db: DbContext, user: AuthUser, input: ParcelInput, actor: Actor): Promise<Parcel> {
  const [id] = await createParcels(db, user, [input], actor);
  return parcelOf(db, id ?? 0);
}

async function parcelOf(db: DbContext, id: number): Promise<Parcel> {
  const row = await findParcel(db, id);
  if (!row) throw notFound("地块不存在");
  return parcelView(row);
}

async function ownParcel(db: DbContext, user: AuthUser, id: number): Promise<ParcelListRow> {
  const row = await findParcel(db, id);
  if (!row || row.district_id !== user.districtId) throw notFound("地块不存在");
  return row;
}

/** Corrects a parcel's facts and dates; its status stays (it changes by a step). */
export async function updateParcel(db: DbContext, user: AuthUser, id: number, input: ParcelUpdate, actor: Actor) {
  await requireDuty(db, user, "keepLandParcels", "维护平台地块台账");
  await inTransaction(db, async (tx) => {
    const row = await ownParcel(tx, user, id);
    checkDates(row.status as ParcelStatus, inputDates(input));
    await checkLinks(tx, user.districtId, input);
    const other = await findParcelByCode(tx, user.districtId, input.code);
    if (other && other.id !== id) throw conflict(`地块编号：“${input.code}”已在台账中`);
    const columns = parcelColumns(input);
    await updateParcelRow(tx, id, { ...columns, updated_at: new Date().toISOString(), updated_by: user.id });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "land_parcel",
      entityId: id,
      before: row,
      after: { ...columns, area_hundredths: String(columns.area_hundredths) },
    });
  });
  return parcelOf(db, id);
}

/** Takes a parcel one step (idle → recovering → recovered → re-let or built; a recovery given up → idle). */
export async function stepParcel(db: DbContext, user: AuthUser, id: number, step: ParcelStep, actor: Actor) {
  await requireDuty(db, user, "keepLandParcels", "维护平台地块台账");
  await inTransaction(db, async (tx) => {
    const row = await ownParcel(tx, user, id);
    const from = row.status as ParcelStatus;
    if (!mayStep(from, step.status)) {
      const allowed = PARCEL_STEPS[from].map((status) => `“${PARCEL_STATUS_LABELS[status]}”`).join("或");
      throw badRequest(
        `状态：地块不能从“${PARCEL_STATUS_LABELS[from]}”变为“${PARCEL_STATUS_LABELS[step.status]}”${allowed ? `，只能变为${allowed}` : "，已是最后一步"}（闲置 → 收回中 → 已收回 → 已再出让或已建设）`,
      );
    }
    const dates = datesOf(row);
    const latest = Object.values(dates)
      .filter((date): date is string => date !== null)
      .sort()
      .at(-1);
    if (latest && step.on < latest) throw badRequest(`日期：不能早于地块上一步的日期（${latest}）`);
    const patch =
      step.status === "idle"
        ? { recovery_started_on: null, idle_since: row.idle_since ?? step.on }
        : { [columnOf(step.status)]: step.on };
    if (step.enterpriseId != null && !(await findEnterpriseOfDistrict(tx, user.districtId, step.enterpriseId)))
      throw badRequest("关联企业：本区没有这家企业");
    if (step.projectId != null && !(await findProjectOfDistrict(tx, user.districtId, step.projectId)))
      throw badRequest("关联项目：本区没有这个项目");
    await updateParcelRow(tx, id, {
      ...patch,
      status: step.status,
      ...(step.owner ? { owner: step.owner } : {}),
      ...(step.enterpriseId !== undefined ? { enterprise_id: step.enterpriseId } : {}),
      ...(step.projectId !== undefined ? { project_id: step.projectId } : {}),
      updated_at: new Date().toISOString(),
      updated_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "status_step",
      entityType: "land_parcel",
      entityId: id,
      before: { status: from, ...dates },
      after: {
        status: step.status,
        on: step.on,
        owner: step.owner,
        enterpriseId: step.enterpriseId,
        projectId: step.projectId,
      },
    });
  });
  return parcelOf(db, id);
}

function columnOf(status: ParcelStatus) {
  const columns = {
    idle: "idle_since",
    recovering: "recovery_started_on",
    recovered: "recovered_on",
    relet: "relet_on",
    built: "built_on",
  } as const;
  return columns[status];
}

// ---------------------------------------------------------------- zombie enterprises

function planMonths(plan: PlanFile | undefined, id: string): number | null {
  const value = plan?.parameters.find((parameter) => parameter.id === id)?.value;
  const months = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(months) && months > 0 ? months : null;
}

export async function zombieCriteria(db: DbContext, districtId: string): Promise<ZombieCriteria> {
  const plan = await activePlan(db, districtId);
  const planNoRevenueMonths = planMonths(plan, ZOMBIE_PARAMETERS.noRevenueMonths);
  const planNoTaxMonths = planMonths(plan, ZOMBIE_PARAMETERS.noTaxMonths);
  const settings = await findZombieCriteriaSettings(db, districtId);
  if (settings)
    return {
      noRevenueMonths: settings.no_revenue_months,
      noTaxMonths: settings.no_tax_months,
      setBy: "office",
      planNoRevenueMonths,
      planNoTaxMonths,
    };
  return {
    noRevenueMonths: planNoRevenueMonths,
    noTaxMonths: planNoTaxMonths,
    setBy: planNoRevenueMonths === null && planNoTaxMonths === null ? "none" : "plan",
    planNoRevenueMonths,
    planNoTaxMonths,
  };
}

const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
const firstDayOf = (index: number) => `${monthText(index)}-01`;

/**
 * Enterprises whose monthly figures meet a figure criterion over the window ending at the last month the district's
 * figures reach: a value for every month of the window, each zero. Those with an open or completed case are left out,
 * and those dismissed since the window began.
 */
async function zombieSuggestions(
  db: DbContext,
  districtId: string,
  criteria: ZombieCriteria,
  cases: readonly ZombieCaseListRow[],
): Promise<{ suggestions: ZombieSuggestion[]; figuresThrough: string | null }> {
  const latestYear = await latestMonthlyFigureYear(db, districtId);
  if (latestYear === null) return { suggestions: [], figuresThrough: null };
  const longest = Math.max(criteria.noRevenueMonths ?? 0, criteria.noTaxMonths ?? 0, 1);
  const rows = await monthlyRevenueAndTax(db, districtId, latestYear - Math.ceil(longest / 12) - 1);
  const through = Math.max(...rows.map((row) => monthIndex(row.year, row.month)));
  const byEnterprise = new Map<number, { name: string; creditCode: string | null; values: Map<string, bigint> }>();
  for (const row of rows) {
    const entry = byEnterprise.get(row.enterprise_id) ?? {
      name: row.enterprise_name,
      creditCode: row.credit_code,
      values: new Map<string, bigint>(),
    };
    entry.values.set(`${row.metric}|${monthIndex(row.year, row.month)}`, BigInt(row.value));
    byEnterprise.set(row.enterprise_id, entry);
  }
  const zeroThrough = (values: Map<string, bigint>, metric: string, months: number | null) => {
    if (months === null) return false;
    for (let index = through - months + 1; index <= through; index++) {
      if (values.get(`${metric}|${index}`) !== 0n) return false;
    }
    return true;
  };
  const windowStart = firstDayOf(through - longest + 1);
  const suggestions: ZombieSuggestion[] = [];
  for (const [enterpriseId, entry] of byEnterprise) {
    const met = FIGURE_ZOMBIE_CRITERIA.filter((criterion) =>
      criterion === "noRevenue"
        ? zeroThrough(entry.values, "revenue", criteria.noRevenueMonths)
        : zeroThrough(entry.values, "tax", criteria.noTaxMonths),
    );
    if (met.length === 0) continue;
    const handled = cases.some(
      (found) =>
        found.enterprise_id === enterpriseId && (found.status !== "dismissed" || found.confirmed_on >= windowStart),
    );
    if (handled) continue;
    const revenueMonths = [...entry.values]
      .filter(([key, value]) => key.startsWith("revenue|") && value > 0n)
      .map(([key]) => Number(key.split("|")[1]));
    suggestions.push({
      enterprise: { id: enterpriseId, name: entry.name },
      creditCode: entry.creditCode,
      criteria: met,
      lastRevenueMonth: revenueMonths.length > 0 ? monthText(Math.max(...revenueMonths)) : null,
    });
  }
  suggestions.sort((a, b) => a.enterprise.name.localeCompare(b.enterprise.name, "zh-CN"));
  return { suggestions, figuresThrough: monthText(through) };
}

function caseView(row: ZombieCaseListRow): ZombieCase {
  return {
    id: row.id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name },
    status: row.status as ZombieCaseStatus,
    criteria: JSON.parse(row.criteria) as ZombieCriterion[],
    finding: row.finding,
    unitName: row.unit_name,
    confirmedOn: row.confirmed_on,
    disposal: row.disposal as ZombieDisposal | null,
    disposalStartedOn: row.disposal_started_on,
    disposedOn: row.disposed_on,
    disposalNote: row.disposal_note,
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

export async function listZombies(db: DbContext, user: AuthUser): Promise<ZombieList> {
  const plan = await activePlan(db, user.districtId);
  const rows = await findZombieCases(db, user.districtId);
  const criteria = await zombieCriteria(db, user.districtId);
  const { suggestions, figuresThrough } = await zombieSuggestions(db, user.districtId, criteria, rows);
  return {
    cases: rows.map(caseView),
    suggestions,
    criteria,
    figuresThrough,
    canHandle: await holdsDuty(db, user, "handleZombieEnterprises"),
    canSetCriteria: user.role === "office",
    handlers: plan ? unitsWithDuty(plan, "handleZombieEnterprises").map((unit) => unit.name) : [],
  };
}

/** A unit's finding on an enterprise: confirmed a zombie with the criteria met, or dismissed. */
export async function recordZombieCase(db: DbContext, user: AuthUser, input: ZombieCaseInput, actor: Actor) {
  await requireDuty(db, user, "handleZombieEnterprises", "认定和处置僵尸企业");
  const id = await inTransaction(db, async (tx) => {
    const enterprise = await findEnterpriseOfDistrict(tx, user.districtId, input.enterpriseId);
    if (!enterprise) throw badRequest("企业：本区没有这家企业");
    const open = (await findZombieCases(tx, user.districtId)).find(
      (found) =>
        found.enterprise_id === input.enterpriseId && (found.status === "confirmed" || found.status === "disposing"),
    );
    if (open) throw conflict(`企业：${enterprise.name}已认定为僵尸企业（${open.confirmed_on}），尚未处置完成`);
    const criteria = input.decision === "confirm" ? [...new Set(input.criteria ?? [])] : [];
    const now = new Date().toISOString();
    const caseId = await insertZombieCase(tx, {
      district_id: user.districtId,
      enterprise_id: input.enterpriseId,
      status: input.decision === "confirm" ? "confirmed" : "dismissed",
      criteria: JSON.stringify(criteria),
      finding: input.finding,
      unit_id: user.role === "unit" ? user.unitId : null,
      confirmed_on: input.on,
      disposal: null,
      disposal_started_on: null,
      disposed_on: null,
      created_at: now,
      updated_at: now,
      updated_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: input.decision === "confirm" ? "confirm" : "rule_out",
      entityType: "zombie_case",
      entityId: caseId,
      after: {
        enterpriseId: input.enterpriseId,
        enterprise: enterprise.name,
        criteria,
        finding: input.finding,
        on: input.on,
      },
    });
    return caseId;
  });
  const row = await findZombieCase(db, id);
  if (!row) throw notFound("认定记录不存在");
  return caseView(row);
}

/** The disposal of a confirmed case: its way and start, and its completion when done. */
export async function recordZombieDisposal(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: ZombieDisposalInput,
  actor: Actor,
) {
  await requireDuty(db, user, "handleZombieEnterprises", "认定和处置僵尸企业");
  await inTransaction(db, async (tx) => {
    const row = await findZombieCase(tx, id);
    if (!row || row.district_id !== user.districtId) throw notFound("认定记录不存在");
    if (row.status === "dismissed") throw conflict("处置方式：已排除的企业不需处置");
    if (row.status === "disposed") throw conflict(`处置方式：${row.enterprise_name}已于 ${row.disposed_on} 处置完成`);
    if (input.startedOn < row.confirmed_on) throw badRequest(`开始处置日期：不能早于认定日期（${row.confirmed_on}）`);
    if (input.disposedOn && input.disposedOn < input.startedOn)
      throw badRequest(`处置完成日期：不能早于开始处置日期（${input.startedOn}）`);
    const patch = {
      status: input.disposedOn ? "disposed" : "disposing",
      disposal: input.disposal,
      disposal_started_on: input.startedOn,
      disposed_on: input.disposedOn ?? null,
      disposal_note: input.note ?? "",
      updated_at: new Date().toISOString(),
      updated_by: user.id,
    };
    await updateZombieCaseRow(tx, id, patch);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "dispose",
      entityType: "zombie_case",
      entityId: id,
      before: {
        status: row.status,
        disposal: row.disposal,
        disposalStartedOn: row.disposal_started_on,
        disposedOn: row.disposed_on,
      },
      after: patch,
    });
  });
  const row = await findZombieCase(db, id);
  if (!row) throw notFound("认定记录不存在");
  return caseView(row);
}

/** The office sets the months of the figure criteria (the plan's parameters are the defaults). */
export async function setZombieCriteria(db: DbContext, user: AuthUser, input: ZombieCriteriaInput, actor: Actor) {
  if (user.role !== "office") throw forbidden("只有办公室可以调整僵尸企业认定标准");
  await inTransaction(db, async (tx) => {
    const before = await zombieCriteria(tx, user.districtId);
    await saveZombieCriteriaSettings(tx, {
      district_id: user.districtId,
      no_revenue_months: input.noRevenueMonths,
      no_tax_months: input.noTaxMonths,
      updated_at: new Date().toISOString(),
      updated_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "zombie_criteria",
      entityId: user.districtId,
      before: { noRevenueMonths: before.noRevenueMonths, noTaxMonths: before.noTaxMonths, setBy: before.setBy },
      after: { noRevenueMonths: input.noRevenueMonths, noTaxMonths: input.noTaxMonths },
    });
  });
  return zombieCriteria(db, user.districtId);
}
