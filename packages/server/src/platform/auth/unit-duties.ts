/**
 * A unit account's powers beyond its own tasks (确认企业数据、录入项目投资、登记上市进程、监测重点企业 …) come
 * from the duties the district's active plan gives its unit, looked up by the unit's id in the plan. Moving a duty
 * to another unit in the plan moves the power; no unit's id is named in code.
 */
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { UnitDuty } from "@beizeng/domain/plan/vocabulary";
import type { DbContext } from "../db/database";
import { readActivePlan } from "../plan/plan-reader";
import type { Principal } from "./permissions";
import { findUnitOfAccount } from "./users.repository";

/** The duties the plan gives the unit with this id in the plan; none without a plan or for a unit it does not name. */
export function dutiesOfUnit(plan: PlanFile | undefined, unitCode: string | null | undefined): UnitDuty[] {
  if (plan === undefined || unitCode == null) return [];
  return [...(plan.units.find((unit) => unit.id === unitCode)?.duties ?? [])];
}

/**
 * The caller's unit when the caller is a unit account of the district and the active plan gives its unit the duty;
 * null otherwise (another role, no unit, no plan, or a unit without the duty).
 */
export async function unitWithDuty(
  db: DbContext,
  user: Principal,
  duty: UnitDuty,
): Promise<{ code: string; name: string } | null> {
  if (user.role !== "unit" || user.unitId === null) return null;
  const unit = await findUnitOfAccount(db, user.unitId);
  if (unit === undefined || unit.district_id !== user.districtId) return null;
  const stored = await readActivePlan(db, user.districtId);
  return dutiesOfUnit(stored?.plan, unit.code).includes(duty) ? { code: unit.code, name: unit.name } : null;
}

/** The name of the plan's office (the leading group's office, 领导小组办公室 or as the plan calls it). */
export function officeName(plan: PlanFile | undefined): string {
  return plan?.units.find((unit) => unit.kind === "office")?.name ?? "办公室";
}

/** Names joined as a Chinese list ends: 甲、乙或丙. */
function eitherOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join("、")}或${names.at(-1)}`;
}

/**
 * Who acts under a duty, in words for a refusal: the plan's office and the units the plan gives the duty
 * (领导小组办公室、区统计局或区税务局), so that the message names the district's own units.
 */
export function dutyHoldersText(plan: PlanFile | undefined, duty: UnitDuty): string {
  const office = officeName(plan);
  const holders = plan ? unitsWithDuty(plan, duty).map((unit) => unit.name) : [];
  return eitherOf([office, ...holders.filter((name) => name !== office)]);
}

/** The same words, read from the district's active plan. */
export async function dutyHoldersOfDistrict(db: DbContext, districtId: string, duty: UnitDuty): Promise<string> {
  return dutyHoldersText((await readActivePlan(db, districtId))?.plan, duty);
}
