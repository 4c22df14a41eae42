/**
 * Tasks of the plan's measures, per unit (S16 supervision): seeded from the plan file, edited by the
 * office, read by every staff role (a unit's staff: the tasks their unit leads or shares).
 */
import type { TaskPatch, TaskQuery, TaskView } from "@beizeng/contract/supervision";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { MEASUREMENT_UNIT_ZH, TASK_QUANTITY_SOURCES } from "@beizeng/domain/supervision/quantity-sources";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, forbidden, notFound } from "../../platform/errors";
import { getActivePlan } from "../plan/index";
import { listUnitRows } from "../units/index";
import { computedQuantities, quantitySourceOf } from "./task-quantity-sources";
import {
  attachmentsOfReports,
  findSeededTaskKeys,
  findTask,
  findTasks,
  insertTask,
  type ReportWithNames,
  replaceSharingUnits,
  reportsOfTasks,
  sharingUnitsOf,
  type TaskListRow,
  updateTaskRow,
} from "./tasks.repository";
import type { TaskRow } from "./tasks.table";
import { type PeriodReport, type TaskHealth, taskHealth } from "./tasks-schedule";

/** Today's date in China (UTC+8), YYYY-MM-DD: deadlines are days of the district's calendar. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function toPeriodReports(
  reports: { period: string; status: string; submitted_at: string; quantity: string | null }[],
): PeriodReport[] {
  return reports.map((report) => ({
    period: report.period,
    status: report.status === "returned" ? "returned" : "submitted",
    submittedOn: todayInChina(new Date(report.submitted_at)),
    quantity: report.quantity,
  }));
}

export function healthOf(
  task: TaskRow,
  reports: ReportWithNames[] | { period: string; status: string; submitted_at: string; quantity: string | null }[],
  today: string,
  computed: ReadonlyMap<string, string> | null = null,
): TaskHealth {
  return taskHealth(
    {
      cycle: task.cycle,
      startDate: task.start_date,
      endDate: task.end_date,
      dueDate: task.due_date,
      quantityTarget: task.quantity_target,
    },
    toPeriodReports(reports),
    today,
    computed,
  );
}

function toTaskView(
  plan: PlanFile | null,
  row: TaskListRow,
  sharing: { id: number; name: string }[],
  health: TaskHealth,
): TaskView {
  const clause = plan?.clauses.find((c) => c.id === row.clause_id);
  const { periods: _periods, ...summary } = health;
  return {
    id: row.id,
    planTaskId: row.plan_task_id,
    measureId: row.measure_id,
    clauseId: row.clause_id,
    clauseTitle: clause?.title ?? null,
    clauseText: clause?.text ?? null,
    title: row.title,
    ownerUnit: { id: row.owner_unit_id, name: row.owner_unit_name },
    sharingUnits: sharing,
    cycle: row.cycle,
    startDate: row.start_date,
    endDate: row.end_date,
    dueDate: row.due_date,
    quantityUnit: row.quantity_unit,
    quantityTarget: row.quantity_target,
    quantityFrom: quantitySourceOf(plan, row),
    note: row.note,
    health: summary,
  };
}

async function activePlanOrNull(db: DbContext, districtId: string): Promise<PlanFile | null> {
  try {
    return await getActivePlan(db, districtId);
  } catch {
    return null;
  }
}

/** Whether the user may see the task: staff of the district; a unit's staff only their own or shared tasks. */
export function mayReadTask(user: AuthUser, task: TaskRow, sharingUnitIds: number[]): boolean {
  if (task.district_id !== user.districtId) return false;
  if (user.role !== "unit") return user.role !== "enterprise";
  return user.unitId !== null && (task.owner_unit_id === user.unitId || sharingUnitIds.includes(user.unitId));
}

/**
 * Creates the tasks of the active plan's measures (kind "measure"): one task per seed task and lead
 * unit, the measure's responsible units sharing it. Idempotent: tasks already seeded are left as edited.
 */
export async function seedTasksFromPlan(db: DbContext, districtId: string, actor: Actor) {
  const plan = await getActivePlan(db, districtId);
  return inTransaction(db, async (tx) => {
    const units = new Map((await listUnitRows(tx, districtId)).map((unit) => [unit.code, unit.id]));
    const existing = await findSeededTaskKeys(tx, districtId);
    const now = new Date().toISOString();
    let created = 0;
    let skipped = 0;
    for (const measure of plan.measures.filter((m) => m.kind === "measure")) {
      const sharing = measure.responsible.map((code) => units.get(code)).filter((id): id is number => id !== undefined);
      for (const seed of measure.tasks) {
        for (const leadCode of measure.lead) {
          const ownerId = units.get(leadCode);
          if (ownerId === undefined) continue;
          if (existing.has(`${seed.id}|${ownerId}`)) {
            skipped++;
            continue;
          }
          // Tasks start when the document was issued, or with the plan period when its date is not known.
          const startDate = plan.document.issued ?? `${plan.period.startYear}-01-01`;
          const endDate = `${plan.period.endYear}-12-31`;
          const id = await insertTask(tx, {
            district_id: districtId,
            plan_task_id: seed.id,
            measure_id: measure.id,
            clause_id: measure.clause,
            title: seed.title,
            owner_unit_id: ownerId,
            cycle: seed.cycle,
            start_date: startDate,
            end_date: endDate,
            // A one-off task is due by the end of the plan's first year unless the office sets a date.
            due_date: seed.cycle === "once" ? `${plan.period.startYear}-12-31` : null,
            quantity_unit: seed.quantityUnit ?? null,
            quantity_target: seed.quantityTarget ?? null,
            note: "",
            created_at: now,
            updated_at: now,
          });
          await replaceSharingUnits(
            tx,
            id,
            sharing.filter((unitId) => unitId !== ownerId),
          );
          created++;
        }
      }
    }
    await recordAudit(tx, {
      districtId,
      actor,
      action: "seed",
      entityType: "tasks",
      entityId: plan.id,
      after: { planId: plan.id, planVersion: plan.version, created, skipped },
    });
    return { created, skipped };
  });
}

/** The tasks the user may see, each with its traffic light as of `asOf` (default today). */
export async function listTasks(db: DbContext, user: AuthUser, query: TaskQuery) {
  const today = query.asOf ?? todayInChina();
  const unitFilter = user.role === "unit" ? (user.unitId ?? -1) : query.unit;
  const rows = await findTasks(db, { districtId: user.districtId, unitId: unitFilter, measureId: query.measure });
  const ids = rows.map((row) => row.id);
  const [sharing, reports, plan] = await Promise.all([
    sharingUnitsOf(db, ids),
    reportsOfTasks(db, ids),
    activePlanOrNull(db, user.districtId),
  ]);
  const items: TaskView[] = [];
  for (const row of rows) {
    const computed = await computedQuantities(db, plan, row, today);
    items.push(
      toTaskView(
        plan,
        row,
        sharing.filter((s) => s.task_id === row.id).map((s) => ({ id: s.unit_id, name: s.name })),
        healthOf(
          row,
          reports.filter((r) => r.task_id === row.id),
          today,
          computed,
        ),
      ),
    );
  }
  // Measures in the plan's order: M2 before M10.
  const measureNumber = (id: string) => Number(/\d+/.exec(id)?.[0] ?? 0);
  items.sort((a, b) => measureNumber(a.measureId) - measureNumber(b.measureId) || a.id - b.id);
  const filtered = query.color ? items.filter((item) => item.health.color === query.color) : items;
  const counts = { green: 0, yellow: 0, red: 0 };
  for (const item of items) counts[item.health.color]++;
  return { items: filtered, total: filtered.length, counts, asOf: today };
}

/** One task with its periods, reports and evidence files. */
export async function getTaskDetail(db: DbContext, user: AuthUser, id: number, asOf?: string) {
  const today = asOf ?? todayInChina();
  const row = await findTask(db, id);
  if (!row || row.district_id !== user.districtId) throw notFound("任务不存在");
  const sharing = (await sharingUnitsOf(db, [id])).map((s) => ({ id: s.unit_id, name: s.name }));
  if (
    !mayReadTask(
      user,
      row,
      sharing.map((s) => s.id),
    )
  )
    throw forbidden("本单位不承担此任务，无权查看");
  const reports = await reportsOfTasks(db, [id]);
  const attachments = await attachmentsOfReports(
    db,
    reports.map((r) => r.id),
  );
  const plan = await activePlanOrNull(db, user.districtId);
  const computed = await computedQuantities(db, plan, row, today);
  const health = healthOf(row, reports, today, computed);
  return {
    task: toTaskView(plan, row, sharing, health),
    periods: health.periods,
    reports: reports.map((report) => ({
      id: report.id,
      period: report.period,
      unit: { id: report.unit_id, name: report.unit_name },
      content: report.content,
      quantity: report.quantity,
      computedQuantity: computed?.get(report.period) ?? null,
      status: report.status,
      submittedAt: report.submitted_at,
      submittedBy: report.submitted_by_name,
      returnedReason: report.returned_reason,
      returnedAt: report.returned_at,
      attachments: attachments
        .filter((a) => a.report_id === report.id)
        .map((a) => ({
          id: a.id,
          fileName: a.file_name,
          contentType: a.content_type,
          sizeBytes: a.size_bytes,
          sha256: a.sha256,
        })),
    })),
    mayReport:
      user.role === "unit" &&
      user.unitId !== null &&
      (row.owner_unit_id === user.unitId || sharing.some((s) => s.id === user.unitId)),
    mayReturn: user.role === "office",
  };
}

/** The office edits a task: owner, sharing units, cycle or due date, quantity and its unit. */
export async function updateTask(db: DbContext, user: AuthUser, id: number, patch: TaskPatch, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const row = await findTask(tx, id);
    if (!row || row.district_id !== user.districtId) throw notFound("任务不存在");
    const units = new Map((await listUnitRows(tx, user.districtId)).map((unit) => [unit.id, unit]));
    const checkUnit = (unitId: number, field: string) => {
      if (!units.has(unitId)) throw badRequest(`字段 ${field}：单位 ${unitId} 不属于本区`);
    };
    if (patch.ownerUnitId !== undefined) checkUnit(patch.ownerUnitId, "ownerUnitId");
    for (const [index, unitId] of (patch.sharingUnitIds ?? []).entries()) checkUnit(unitId, `sharingUnitIds.${index}`);
    const cycle = patch.cycle ?? row.cycle;
    const dueDate = patch.dueDate !== undefined ? patch.dueDate : row.due_date;
    if (cycle === "once" && !dueDate) throw badRequest("字段 dueDate：一次性任务必须有完成期限");
    const startDate = patch.startDate ?? row.start_date;
    const endDate = patch.endDate ?? row.end_date;
    if (startDate > endDate) throw badRequest("字段 endDate：结束日期不能早于开始日期");
    const quantityUnit = patch.quantityUnit !== undefined ? patch.quantityUnit : row.quantity_unit;
    const source = quantitySourceOf(await activePlanOrNull(tx, user.districtId), row);
    if (source && quantityUnit !== TASK_QUANTITY_SOURCES[source].unit)
      throw badRequest(
        `字段 quantityUnit：此任务的数量由台账自动计算（${TASK_QUANTITY_SOURCES[source].zh}），计量单位须保持为“${MEASUREMENT_UNIT_ZH[TASK_QUANTITY_SOURCES[source].unit]}”`,
      );
    const quantityTarget = patch.quantityTarget !== undefined ? patch.quantityTarget : row.quantity_target;
    if (quantityTarget !== null && quantityUnit === null)
      throw badRequest("字段 quantityUnit：设置计划数量时必须同时设置计量单位");
    const before = await sharingUnitsOf(tx, [id]);
    const ownerId = patch.ownerUnitId ?? row.owner_unit_id;
    await updateTaskRow(tx, id, {
      title: patch.title ?? row.title,
      owner_unit_id: ownerId,
      cycle,
      due_date: cycle === "once" ? dueDate : null,
      start_date: startDate,
      end_date: endDate,
      quantity_unit: quantityUnit,
      quantity_target: quantityTarget,
      note: patch.note ?? row.note,
      updated_at: new Date().toISOString(),
    });
    if (patch.sharingUnitIds !== undefined) {
      await replaceSharingUnits(
        tx,
        id,
        [...new Set(patch.sharingUnitIds)].filter((unitId) => unitId !== ownerId),
      );
    }
    const after = await findTask(tx, id);
    const afterSharing = await sharingUnitsOf(tx, [id]);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "task",
      entityId: id,
      before: { ...row, sharingUnitIds: before.map((s) => s.unit_id) },
      after: { ...after, sharingUnitIds: afterSharing.map((s) => s.unit_id) },
    });
    return { id };
  });
}
