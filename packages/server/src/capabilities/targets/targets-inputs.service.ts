/**
 * What the office keeps for the targets the enterprise register cannot answer: the district's
 * fixed-asset investment per year (T-M5), the list of enterprise-related service items (T-M9) and
 * the public board switch. (Listing steps, T-M7, are kept in the enterprise register.) Every change
 * is audited in its own transaction.
 */
import { parseYuan } from "@beizeng/domain/money";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest } from "../../platform/errors";
import {
  boardPublication,
  deleteInvestmentYear,
  investmentYears,
  monthCoverageSetting,
  onlineServiceItems,
  replaceOnlineServiceItems,
  setBoardPublication,
  setMonthCoverageSetting,
  unitIdsIn,
  upsertInvestmentYear,
} from "./targets.repository";

export async function getTargetInputs(db: DbContext, districtId: string) {
  const [investment, services] = await Promise.all([
    investmentYears(db, districtId),
    onlineServiceItems(db, districtId),
  ]);
  return {
    investment: investment.map((row) => ({
      year: row.year,
      totalFen: String(row.total_fen),
      manufacturingFen: String(row.manufacturing_fen),
    })),
    onlineServices: services.map((row) => ({
      code: row.code,
      name: row.name,
      unitId: row.unit_id,
      online: row.online === 1,
    })),
  };
}

/** Sets (or, with null amounts, removes) the district's fixed-asset investment of a year; amounts in yuan. */
export async function setInvestmentYear(
  db: DbContext,
  districtId: string,
  input: { year: number; totalYuan: string | null; manufacturingYuan: string | null },
  actor: Actor,
) {
  const remove = input.totalYuan === null && input.manufacturingYuan === null;
  let total = 0n;
  let manufacturing = 0n;
  if (!remove) {
    if (input.totalYuan === null || input.manufacturingYuan === null) {
      throw badRequest("全社会固定资产投资与制造业投资须同时填写");
    }
    try {
      total = parseYuan(input.totalYuan);
      manufacturing = parseYuan(input.manufacturingYuan);
    } catch {
      throw badRequest("金额格式有误：请填写以元为单位的数字，最多两位小数");
    }
    if (total < 0n || manufacturing < 0n) throw badRequest("金额不能为负");
    if (manufacturing > total) throw badRequest("制造业投资不能大于全社会固定资产投资");
  }
  return inTransaction(db, async (tx) => {
    const before = (await investmentYears(tx, districtId)).find((row) => row.year === input.year) ?? null;
    if (remove) await deleteInvestmentYear(tx, districtId, input.year);
    else {
      await upsertInvestmentYear(tx, {
        district_id: districtId,
        year: input.year,
        total_fen: total,
        manufacturing_fen: manufacturing,
        updated_by: actor.userId,
      });
    }
    await recordAudit(tx, {
      districtId,
      actor,
      action: remove ? "delete" : before ? "update" : "create",
      entityType: "district_investment_year",
      entityId: input.year,
      before,
      after: remove ? null : { year: input.year, total_fen: String(total), manufacturing_fen: String(manufacturing) },
    });
    return getTargetInputs(tx, districtId);
  });
}

export async function setOnlineServices(
  db: DbContext,
  districtId: string,
  items: { code: string; name: string; unitId: number | null; online: boolean }[],
  actor: Actor,
) {
  const codes = new Set<string>();
  items.forEach((item, i) => {
    if (codes.has(item.code)) throw badRequest(`第 ${i + 1} 项：事项编码 ${item.code} 重复`);
    codes.add(item.code);
  });
  const unitIds = [...new Set(items.flatMap((item) => (item.unitId === null ? [] : [item.unitId])))];
  return inTransaction(db, async (tx) => {
    const known = new Set(await unitIdsIn(tx, districtId, unitIds));
    items.forEach((item, i) => {
      if (item.unitId !== null && !known.has(item.unitId)) throw badRequest(`第 ${i + 1} 项：办理单位不存在`);
    });
    const before = await onlineServiceItems(tx, districtId);
    await replaceOnlineServiceItems(
      tx,
      districtId,
      items.map((item) => ({ code: item.code, name: item.name, unit_id: item.unitId, online: item.online })),
    );
    await recordAudit(tx, {
      districtId,
      actor,
      action: "update",
      entityType: "online_service_items",
      entityId: districtId,
      before: before.map((row) => ({ code: row.code, name: row.name, unit_id: row.unit_id, online: row.online })),
      after: items,
    });
    return getTargetInputs(tx, districtId);
  });
}

export async function publishBoard(db: DbContext, districtId: string, published: boolean, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const before = await boardPublication(tx, districtId);
    await setBoardPublication(tx, districtId, published, actor.userId);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "update",
      entityType: "public_board",
      entityId: districtId,
      before: { published: before.published },
      after: { published },
    });
    return { published };
  });
}

/** Sets the share of the directory (thousandths) that must have reported a month before the dashboards read it. */
export async function setMonthCoverage(db: DbContext, districtId: string, permille: number, actor: Actor) {
  if (!Number.isInteger(permille) || permille < 1 || permille > 1000)
    throw badRequest("已报企业比例门槛应在 0.1% 到 100% 之间");
  return inTransaction(db, async (tx) => {
    const before = await monthCoverageSetting(tx, districtId);
    await setMonthCoverageSetting(tx, districtId, permille, actor.userId);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "update",
      entityType: "dashboard_settings",
      entityId: districtId,
      before: { monthCoveragePermille: before },
      after: { monthCoveragePermille: permille },
    });
    return { monthCoveragePermille: permille };
  });
}
