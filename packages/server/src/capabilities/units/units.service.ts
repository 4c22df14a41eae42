/** Units (departments, towns, streets). The plan fixes departments; the office edits towns and streets. */
import type { UnitView } from "@beizeng/contract/units";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, conflict, notFound } from "../../platform/errors";
import { findUnit, findUnitByCode, insertUnit, listUnitRows, updateUnitRow } from "./units.repository";
import type { UnitRow } from "./units.table";

export function toUnitView(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    // Written only from the plan's units and the office's towns and streets.
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
  input: { code: string; name: string; nameEn: string; kind: "town" | "street" },
  actor: Actor,
): Promise<UnitView> {
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

export async function updateUnit(
  db: DbContext,
  districtId: string,
  id: number,
  patch: { name?: string; nameEn?: string; active?: boolean },
  actor: Actor,
): Promise<UnitView> {
  return inTransaction(db, async (tx) => {
    const row = await findUnit(tx, id);
    if (!row || row.district_id !== districtId) throw notFound("单位不存在");
    if (row.editable !== 1) throw new AppError(403, "not_editable", `${row.name} 由行动方案确定，不能在此修改`);
    await updateUnitRow(tx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
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
