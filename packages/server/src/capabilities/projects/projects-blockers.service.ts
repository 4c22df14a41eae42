/**
 * Problems holding a project up (项目直通车): raised by the pipeline units, assigned to a unit
 * with a due date, answered and closed by that unit. An open problem past its due date is overdue.
 */
import type { BlockerCategory, BlockerList, BlockerQueryReq, BlockerView } from "@beizeng/contract/projects";
import { isIsoDate } from "@beizeng/domain/projects/lifecycle";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { getActivePlan } from "../plan/index";
import {
  findBlocker,
  findBlockers,
  findDistrictUnits,
  findProject,
  insertBlocker,
  updateBlockerRow,
} from "./projects.repository";
import { blockerView, todayInDistrict } from "./projects.service";
import { projectAccess, requireWrite } from "./projects-access";

export async function listBlockers(db: DbContext, user: AuthUser, query: BlockerQueryReq): Promise<BlockerList> {
  const today = todayInDistrict();
  const unitId = query.mine && user.unitId !== null ? user.unitId : query.unit;
  const rows = await findBlockers(db, { districtId: user.districtId, unitId, status: query.status });
  const items = rows.map((row) => blockerView(row, today)).filter((item) => (query.overdue ? item.overdue : true));
  return { items, total: items.length };
}

export async function raiseBlocker(
  db: DbContext,
  user: AuthUser,
  projectId: number,
  input: { category: BlockerCategory; description: string; unitId: number; dueOn: string },
  actor: Actor,
): Promise<BlockerView> {
  const plan = await getActivePlan(db, user.districtId);
  requireWrite(await projectAccess(db, user, plan));
  if (!(await findProject(db, user.districtId, projectId))) throw notFound(`项目 ${projectId} 不存在`);
  const units = await findDistrictUnits(db, user.districtId);
  if (!units.some((unit) => unit.id === input.unitId)) {
    throw badRequest(`责任单位 ${input.unitId} 不存在`, [{ path: "unitId", message: "责任单位不存在" }]);
  }
  if (!isIsoDate(input.dueOn)) throw badRequest(`办理时限应为 YYYY-MM-DD 格式：${input.dueOn}`);
  return inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const id = await insertBlocker(tx, {
      district_id: user.districtId,
      project_id: projectId,
      category: input.category,
      description: input.description.trim(),
      unit_id: input.unitId,
      due_on: input.dueOn,
      answer: null,
      answered_at: null,
      answered_by: null,
      closed_on: null,
      closed_by: null,
      created_at: now,
      created_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "project_blocker",
      entityId: id,
      after: { projectId, ...input },
    });
    const row = await findBlocker(tx, user.districtId, id);
    return blockerView(row as NonNullable<typeof row>, todayInDistrict());
  });
}

/** The assigned unit (or the office) answers a problem, or closes it. */
export async function handleBlocker(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { action: "answer"; answer: string } | { action: "close"; answer?: string },
  actor: Actor,
): Promise<BlockerView> {
  return inTransaction(db, async (tx) => {
    const blocker = await findBlocker(tx, user.districtId, id);
    if (!blocker) throw notFound(`问题 ${id} 不存在`);
    const ownUnit = user.role === "unit" && user.unitId === blocker.unit_id;
    if (user.role !== "office" && !ownUnit) throw forbidden(`只有责任单位（${blocker.unit_name}）可以答复和办结此问题`);
    if (blocker.status === "closed") throw conflict("此问题已办结");
    const now = new Date().toISOString();
    const answer = input.answer?.trim() || blocker.answer;
    if (input.action === "answer") {
      if (!answer) throw badRequest("请填写答复内容", [{ path: "answer", message: "请填写答复内容" }]);
      await updateBlockerRow(tx, id, { status: "answered", answer, answered_at: now, answered_by: user.id });
    } else {
      await updateBlockerRow(tx, id, {
        status: "closed",
        answer,
        closed_on: todayInDistrict(),
        closed_by: user.id,
        ...(blocker.answered_at ? {} : { answered_at: answer ? now : null, answered_by: answer ? user.id : null }),
      });
    }
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: input.action,
      entityType: "project_blocker",
      entityId: id,
      before: { status: blocker.status, answer: blocker.answer },
      after: { status: input.action === "answer" ? "answered" : "closed", answer },
    });
    const row = await findBlocker(tx, user.districtId, id);
    return blockerView(row as NonNullable<typeof row>, todayInDistrict());
  });
}
