/**
 * Units (departments and the places: towns, streets, development zones). The plan fixes departments; the office
 * adds and edits places.
 */
import type { UnitView } from "@beizeng/contract/units";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { findUnit, findUnitByCode, insertUnit, listUnitRows, updateUnitRow } from "./units.repository";
import type { UnitRow } from "./units.table";

export function toUnitView(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    // Written only from the plan's units and the office's places.
    kind: row.kind as UnitView["kind"],
    editable: row.editable === 1,
    active: row.active === 1,
  };
}

export async function listUnits(db: DbContext, districtId: string): Promise<UnitView[]> {
  return (await listUnitRows(db, districtId)).map(toUnitView);
}

export async function createUnit(
  db: DbContext,
  districtId: string,
  input: { code: string; name: string; nameEn: string; kind: UnitKind },
  actor: Actor,
): Promise<UnitView> {
  requirePlaceKind(input.kind);
  return inTransaction(db, async (tx) => {
    if (await findUnitByCode(tx, districtId, input.code)) throw conflict(`单位代码 ${input.code} 已存在`);
    const id = await insertUnit(tx, {
      district_id: districtId,
      code: input.code,
      name: input.name,
      name_en: input.nameEn,
      kind: input.kind,
      editable: 1,
    });
    const unit = toUnitView((await findUnit(tx, id))!);
    await recordAudit(tx, { districtId, actor, action: "create", entityType: "unit", entityId: id, after: unit });
    return unit;
  });
}

/** The office keeps places only; the other kinds of unit are the plan's. */
function requirePlaceKind(kind: UnitKind): void {
  if (!PLACE_UNIT_KINDS.includes(kind)) {
    const message = "单位类别只能是乡镇（town）、街道（street）或开发区/园区（zone）";
    throw badRequest(message, [{ path: "kind", message }]);
  }
}

export async function updateUnit(
  db: DbContext,
  districtId: string,
  id: number,
  patch: { name?: string; nameEn?: string; kind?: UnitKind; active?: boolean },
  actor: Actor,
): Promise<UnitView> {
  if (patch.kind !== undefined) requirePlaceKind(patch.kind);
  return inTransaction(db, async (tx) => {
    const row = await findUnit(tx, id);
    if (!row || row.district_id !== districtId) throw notFound("单位不存在");
    if (row.editable !== 1) throw new AppError(403, "not_editable", `${row.name} 由行动方案确定，不能在此修改`);
    if (patch.kind !== undefined && patch.kind !== row.kind && !PLACE_UNIT_KINDS.includes(row.kind as UnitKind)) {
      const message = `${row.name} 不是乡镇、街道或园区，类别由行动方案确定`;
      throw badRequest(message, [{ path: "kind", message }]);
    }
    await updateUnitRow(tx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    });
    const after = toUnitView((await findUnit(tx, id))!);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "update",
      entityType: "unit",
      entityId: id,
      before: toUnitView(row),
      after,
    });
    return after;
  });
}
