/**
 * Units (departments and the places: towns, streets, development zones). The plan is their one source of truth:
 * the plan fixes departments, and what the office adds or changes of a place is written into a copy of the current
 * plan and stored as its next version (with the office's reason), which then brings the units table into line.
 * So a later plan load starts from the office's changes instead of silently undoing them.
 */
import type { UnitsPlan, UnitView } from "@beizeng/contract/units";
import { PlanValidationError, validatePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { UnitKind } from "@beizeng/domain/plan/vocabulary";
import type { Actor } from "../../platform/audit/audit.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { findActivePlan, findActivePlanStamp, lockDistrict } from "../../platform/plan/districts.repository";
import { requireActivePlan, type StoredPlan } from "../../platform/plan/plan-reader";
import { loadPlanIntoDistrict, type PlanLoadPreview, previewPlanLoad } from "../plan/index";
import {
  isPlaceKind,
  nextPlaceCode,
  type PlacePatch,
  unitNamed,
  withoutPlace,
  withPlace,
  withPlaceChanged,
} from "./place-edits";
import { findUnit, findUnitByCode, listUnitRows } from "./units.repository";
import type { UnitRow } from "./units.table";

export function toUnitView(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    // Written only from the plan's units.
    kind: row.kind as UnitView["kind"],
    editable: row.editable === 1,
    active: row.active === 1,
  };
}

function planRef(planId: string, version: number): NonNullable<UnitsPlan> {
  return { planId, version, expectedCurrent: `${planId}@${version}` };
}

/** The district's units and the plan version they follow. */
export async function listUnits(db: DbContext, districtId: string): Promise<{ items: UnitView[]; plan: UnitsPlan }> {
  const [rows, stamp] = await Promise.all([listUnitRows(db, districtId), findActivePlanStamp(db, districtId)]);
  return { items: rows.map(toUnitView), plan: stamp ? planRef(stamp.plan_id, stamp.version) : null };
}

/** What every change of a place carries: the reason of the version it becomes, and the version it was made on. */
export interface PlaceChangeContext {
  reason: string;
  /** "planId@version" of the page the office edited on; left out, the current version. */
  expectedCurrent?: string | undefined;
}

export interface UnitChangeResult {
  unit: UnitView;
  plan: UnitsPlan;
}

export async function createUnit(
  db: DbContext,
  districtId: string,
  input: { code?: string | undefined; name: string; nameEn: string; kind: UnitKind } & PlaceChangeContext,
  actor: Actor,
): Promise<UnitChangeResult> {
  requirePlaceKind(input.kind);
  return inTransaction(db, async (tx) => {
    const current = await currentPlanFor(tx, districtId, input.expectedCurrent);
    const rows = await listUnitRows(tx, districtId);
    const code =
      input.code ??
      nextPlaceCode(
        current.plan,
        rows.map((row) => row.code),
      );
    const holder =
      current.plan.units.find((unit) => unit.id === code) ?? rows.find((row) => row.code === code) ?? undefined;
    if (holder) {
      const retired = !current.plan.units.some((unit) => unit.id === code);
      throw new AppError(
        409,
        "conflict",
        retired
          ? `单位代码 ${code} 已由已停用的“${holder.name}”使用：如需恢复该单位，请编辑它并启用`
          : `单位代码 ${code} 已由“${holder.name}”使用`,
        [{ path: "code", message: "代码已被使用" }],
      );
    }
    requireNameFree(current.plan, input.name);
    const revised = withPlace(current.plan, code, { name: input.name, nameEn: input.nameEn, kind: input.kind });
    const plan = await saveRevision(tx, districtId, current, revised, actor, input.reason);
    return { unit: toUnitView(await requireUnitByCode(tx, districtId, code)), plan };
  });
}

/** The office keeps places only; the other kinds of unit are the plan's. */
function requirePlaceKind(kind: UnitKind): void {
  if (!isPlaceKind(kind)) {
    const message = "单位类别只能是乡镇（town）、街道（street）或开发区/园区（zone）";
    throw badRequest(message, [{ path: "kind", message }]);
  }
}

export async function updateUnit(
  db: DbContext,
  districtId: string,
  id: number,
  patch: {
    name?: string | undefined;
    nameEn?: string | undefined;
    kind?: UnitKind | undefined;
    active?: boolean | undefined;
  } & PlaceChangeContext,
  actor: Actor,
): Promise<UnitChangeResult> {
  if (patch.kind !== undefined) requirePlaceKind(patch.kind);
  return inTransaction(db, async (tx) => {
    const row = await findUnit(tx, id);
    if (!row || row.district_id !== districtId) throw notFound("单位不存在");
    const current = await currentPlanFor(tx, districtId, patch.expectedCurrent);
    const planned = current.plan.units.find((unit) => unit.id === row.code);
    const editable = planned ? planned.editable : row.editable === 1;
    if (!editable) throw new AppError(403, "not_editable", `${row.name} 由行动方案确定，不能在此修改`);
    const kind = planned?.kind ?? row.kind;
    if (patch.kind !== undefined && patch.kind !== kind && !isPlaceKind(kind)) {
      const message = `${row.name} 不是乡镇、街道或园区，类别由行动方案确定`;
      throw badRequest(message, [{ path: "kind", message }]);
    }
    const fields: PlacePatch = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.nameEn !== undefined ? { nameEn: patch.nameEn } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    };

    let revised: PlanFile | undefined;
    if (!planned) {
      // Retired: no longer in the plan. It comes back only by being put back into the plan.
      if (patch.active !== true) {
        throw conflict(`${row.name} 已停用（不在现行方案中）：请先启用，再修改其名称或类别`);
      }
      if (!isPlaceKind(kind)) throw new AppError(403, "not_editable", `${row.name} 由行动方案确定，不能在此启用`);
      const restored = { name: row.name, nameEn: row.name_en, kind, ...fields };
      requireNameFree(current.plan, restored.name);
      revised = withPlace(current.plan, row.code, restored);
    } else if (patch.active === false) {
      revised = withoutPlace(current.plan, row.code);
    } else {
      if (fields.name !== undefined) requireNameFree(current.plan, fields.name, row.code);
      revised = withPlaceChanged(current.plan, row.code, fields);
    }
    // Nothing to change: no new version.
    if (!revised) return { unit: toUnitView(row), plan: planRef(current.planId, current.version) };
    const plan = await saveRevision(tx, districtId, current, revised, actor, patch.reason, {
      removing: patch.active === false ? { code: row.code, name: row.name } : undefined,
    });
    return { unit: toUnitView(await requireUnitByCode(tx, districtId, row.code)), plan };
  });
}

/**
 * The district's current plan, after taking the district's lock so that the next version is built on it alone;
 * refused when it is no longer the version the office's page showed.
 */
async function currentPlanFor(tx: DbContext, districtId: string, expected: string | undefined): Promise<StoredPlan> {
  await lockDistrict(tx, districtId);
  const current = await requireActivePlan(tx, districtId);
  if (expected !== undefined && expected !== `${current.planId}@${current.version}`) {
    throw new AppError(
      409,
      "plan_changed",
      `方案已被他人修改（现为“${current.plan.title}”第 ${current.version} 版），未保存本次修改：请刷新后重试`,
    );
  }
  return current;
}

/** A name is the plan's key for a unit in files and messages: two units cannot share one (or an alias). */
function requireNameFree(plan: PlanFile, name: string, exceptCode?: string): void {
  const holder = unitNamed(plan, name, exceptCode);
  if (!holder) return;
  const message = `名称“${name}”已是“${holder.name}”（${holder.id}）的${holder.name === name ? "名称" : "别名"}`;
  throw new AppError(409, "conflict", message, [{ path: "name", message }]);
}

async function requireUnitByCode(tx: DbContext, districtId: string, code: string): Promise<UnitRow> {
  const row = await findUnitByCode(tx, districtId, code);
  if (!row) throw notFound(`单位 ${code} 不存在`);
  return row;
}

/**
 * Stores the revised plan as the next version: checked as any plan file is, taking effect this year (within the
 * plan's period, and not before the version it revises), with the office's reason. The loader brings the units
 * table into line and audits the load with its difference, in this transaction.
 */
async function saveRevision(
  tx: DbContext,
  districtId: string,
  current: StoredPlan,
  revised: PlanFile,
  actor: Actor,
  reason: string,
  options: { removing?: { code: string; name: string } | undefined } = {},
): Promise<NonNullable<UnitsPlan>> {
  const next = checkedRevision({ ...revised, version: current.version + 1 }, current, options.removing);
  if (options.removing) {
    const preview = await previewPlanLoad(tx, next);
    if (preview.orphans.length > 0) throw placeInUse(options.removing.name, preview.orphans);
  }
  await loadPlanIntoDistrict(tx, next, actor, {
    effectiveYear: await effectiveYearOf(tx, districtId, next),
    reason,
    expectedCurrent: `${current.planId}@${current.version}`,
  });
  return planRef(next.id, next.version);
}

/** The revision validated as a plan file; its problems named, and a removed place the plan still cites refused. */
function checkedRevision(plan: PlanFile, current: StoredPlan, removing: { code: string; name: string } | undefined) {
  try {
    return validatePlan(plan, `方案“${current.planId}”第 ${plan.version} 版`).plan;
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    const cited = removing
      ? error.issues.filter((issue) => issue.message.includes(`“${removing.code}”`)).map((issue) => issue.path)
      : [];
    if (removing && cited.length > 0) {
      throw new AppError(
        409,
        "plan_cites_unit",
        `${removing.name} 仍被行动方案引用（${cited.join("、")}），不能在此停用：请先在行动方案中修订这些条目`,
        cited.map((path) => ({ path, message: `引用了 ${removing.code}` })),
      );
    }
    const listed = error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path}：${issue.message}`)
      .join("；");
    throw badRequest(
      `修改后的行动方案未通过校验，未保存：${listed}`,
      error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    );
  }
}

/** This year, within the plan's period, and not before the current version takes effect (which would outrank it). */
async function effectiveYearOf(tx: DbContext, districtId: string, plan: PlanFile): Promise<number> {
  const { startYear, endYear } = plan.period;
  const thisYear = Math.min(Math.max(new Date().getFullYear(), startYear), endYear);
  const currentYear = (await findActivePlan(tx, districtId))?.effective_year ?? startYear;
  return Math.min(Math.max(thisYear, currentYear), endYear);
}

/** The records that still name a place the office would take out of the plan, as the plan loader lists them. */
function placeInUse(name: string, orphans: PlanLoadPreview["orphans"]): AppError {
  const lines = orphans.map((orphan) =>
    orphan.records
      .map(
        (record) =>
          `${record.label} ${record.count} 条${record.examples.length > 0 ? `（如 ${record.examples.join("、")}）` : ""}`,
      )
      .join("、"),
  );
  return new AppError(
    409,
    "plan_orphans",
    `${name} 仍有${lines.join("；")}，不能停用：请先把这些记录移交给其他单位`,
    orphans.map((orphan, index) => ({ path: `${orphan.section}.${orphan.id}`, message: lines[index] ?? "" })),
  );
}
