/**
 * Progress reports on tasks, their evidence files, notifications (in-app and the district's group robot,
 * `robots.service.ts`), and the reminders before a deadline and warnings after it.
 */
import type { NotificationMessage } from "@beizeng/domain/notifications/messages";
import { TASK_QUANTITY_SOURCES } from "@beizeng/domain/supervision/quantity-sources";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { checkUploadedFile, type UploadedFileInput } from "../../platform/files/stored-files";
import { notify } from "../notifications/index";
import { getActivePlan } from "../plan/index";
import { sendWebhook } from "./robots.service";
import { quantitySourceOf } from "./task-quantity-sources";
import {
  districtsWithTasks,
  findAttachment,
  findReport,
  findTask,
  findTasks,
  insertAttachment,
  insertReport,
  reportsOfTasks,
  sharingUnitsOf,
  updateReportRow,
} from "./tasks.repository";
import { healthOf, mayReadTask, todayInChina } from "./tasks.service";
import { daysBetween, RED_AFTER_DAYS, REMINDER_DAYS_BEFORE } from "./tasks-schedule";

/** At most this many evidence files per report (each file within the shared limits, `stored-files.ts`). */
export const MAX_ATTACHMENTS = 5;

export interface ReportInput {
  period: string;
  content: string;
  quantity?: string | null;
  attachments: UploadedFileInput[];
}

/** A unit's staff file a progress report for one period of a task their unit leads or shares. */
export async function submitReport(db: DbContext, user: AuthUser, taskId: number, input: ReportInput, actor: Actor) {
  if (input.attachments.length > MAX_ATTACHMENTS) throw badRequest(`每份报告最多 ${MAX_ATTACHMENTS} 个附件`);
  const evidence = input.attachments.map(checkUploadedFile);
  return inTransaction(db, async (tx) => {
    const task = await findTask(tx, taskId);
    if (!task || task.district_id !== user.districtId) throw notFound("任务不存在");
    const sharing = (await sharingUnitsOf(tx, [taskId])).map((s) => s.unit_id);
    if (user.role !== "unit" || user.unitId === null || !mayReadTask(user, task, sharing)) {
      throw forbidden("只有牵头或配合此任务的单位可以报送进度");
    }
    const reports = await reportsOfTasks(tx, [taskId]);
    const today = todayInChina();
    const health = healthOf(task, reports, today);
    const period = health.periods.find((p) => p.key === input.period);
    if (!period) throw badRequest(`字段 period：“${input.period}”不是此任务的报送期`);
    if (period.start > today) throw badRequest(`字段 period：${period.label}尚未开始，不能提前报送`);
    if (reports.some((r) => r.period === input.period && r.status === "submitted")) {
      throw conflict(`${period.label}已报送；如需更正，请先由领导小组办公室退回`);
    }
    if (input.quantity != null && task.quantity_unit === null)
      throw badRequest("字段 quantity：此任务不计量，不应填写数量");
    const source = quantitySourceOf(await getActivePlan(tx, user.districtId), task);
    if (input.quantity != null && source)
      throw badRequest(
        `字段 quantity：此任务的完成数量由台账自动计算（${TASK_QUANTITY_SOURCES[source].zh}），不需填写`,
      );
    const now = new Date().toISOString();
    const reportId = await insertReport(tx, {
      district_id: user.districtId,
      task_id: taskId,
      unit_id: user.unitId,
      period: input.period,
      content: input.content,
      quantity: input.quantity ?? null,
      status: "submitted",
      submitted_by: user.id,
      submitted_at: now,
      returned_reason: null,
      returned_by: null,
      returned_at: null,
    });
    const files = [];
    for (const file of evidence) {
      const id = await insertAttachment(tx, {
        district_id: user.districtId,
        report_id: reportId,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.bytes.length,
        sha256: file.sha256,
        content: file.bytes,
        created_at: now,
      });
      files.push({ id, fileName: file.fileName, sizeBytes: file.bytes.length, sha256: file.sha256 });
    }
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "submit",
      entityType: "task_report",
      entityId: reportId,
      after: { taskId, period: input.period, content: input.content, quantity: input.quantity ?? null, files },
    });
    return { id: reportId, attachments: files, late: period.deadline < today };
  });
}

/** The office sends a report back with a reason; the unit is notified and files again. */
export async function returnReport(db: DbContext, user: AuthUser, reportId: number, reason: string, actor: Actor) {
  const result = await inTransaction(db, async (tx) => {
    const report = await findReport(tx, reportId);
    if (!report || report.district_id !== user.districtId) throw notFound("报告不存在");
    if (report.status !== "submitted") throw conflict("此报告已被退回");
    const task = await findTask(tx, report.task_id);
    const now = new Date().toISOString();
    await updateReportRow(tx, reportId, {
      status: "returned",
      returned_reason: reason,
      returned_by: user.id,
      returned_at: now,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "return",
      entityType: "task_report",
      entityId: reportId,
      before: { status: report.status },
      after: { status: "returned", reason },
    });
    const { title, body } = await notify(tx, {
      districtId: user.districtId,
      unitId: report.unit_id,
      kind: "returned",
      message: {
        key: "report.returned",
        params: { task: task?.title ?? "任务", ...planTaskOf(task), period: report.period, reason },
      },
      link: `/tasks/${report.task_id}`,
      dedupeKey: `returned|${reportId}`,
      createdAt: now,
    });
    return { title, body };
  });
  await sendWebhook(db, user.districtId, [result]);
  return { id: reportId, status: "returned" };
}

/** An evidence file, for a user who may read its task. */
export async function getAttachment(db: DbContext, user: AuthUser, id: number) {
  const attachment = await findAttachment(db, id);
  if (!attachment || attachment.district_id !== user.districtId) throw notFound("附件不存在");
  const report = await findReport(db, attachment.report_id);
  const task = report ? await findTask(db, report.task_id) : undefined;
  if (!task) throw notFound("附件不存在");
  const sharing = (await sharingUnitsOf(db, [task.id])).map((s) => s.unit_id);
  if (!mayReadTask(user, task, sharing)) throw forbidden("无权查看此附件");
  return attachment;
}

/** The plan task a task was seeded from, for readers that show the plan's English title of an unedited task. */
function planTaskOf(task: { plan_task_id: string | null } | undefined): { planTaskId?: string } {
  return task?.plan_task_id ? { planTaskId: task.plan_task_id } : {};
}

/**
 * Reminders before deadlines and warnings after them, as of `today`: one in-app notification per task,
 * period and stage (reminder, yellow warning, red warning), addressed to the owner unit; the new ones
 * also go to the robot webhook in one message. Safe to run as often as wanted.
 */
export async function runTaskReminders(db: DbContext, districtId: string, today: string = todayInChina()) {
  const tasks = await findTasks(db, { districtId });
  const reports = await reportsOfTasks(
    db,
    tasks.map((t) => t.id),
  );
  const fresh: { kind: string; title: string; body: string }[] = [];
  const now = new Date().toISOString();
  for (const task of tasks) {
    const health = healthOf(
      task,
      reports.filter((r) => r.task_id === task.id),
      today,
    );
    const unit = { unit: task.owner_unit_name, unitEn: task.owner_unit_name_en, ...planTaskOf(task) };
    const notices: { kind: string; key: string; message: NotificationMessage }[] = [];
    const open = health.periods.find((p) => p.deadline === health.nextDeadline);
    if (open && daysBetween(today, open.deadline) <= REMINDER_DAYS_BEFORE) {
      notices.push({
        kind: "reminder",
        key: `reminder|${task.id}|${open.key}`,
        message: {
          key: "task.reminder",
          params: { task: task.title, ...unit, period: open.key, deadline: open.deadline },
        },
      });
    }
    // Only the latest overdue period is warned about: one yellow, then one red warning per period.
    const overdue = [...health.periods].reverse().find((p) => p.state === "overdue" || p.state === "returned");
    if (overdue && overdue.deadline < today) {
      const stage = overdue.overdueDays > RED_AFTER_DAYS ? "red" : "yellow";
      notices.push({
        kind: `overdue-${stage}`,
        key: `overdue|${task.id}|${overdue.key}|${stage}`,
        message: {
          key: `task.overdue.${stage}`,
          params: {
            task: task.title,
            ...unit,
            period: overdue.key,
            days: overdue.overdueDays,
            deadline: overdue.deadline,
          },
        },
      });
    }
    for (const notice of notices) {
      const { inserted, title, body } = await notify(db, {
        districtId,
        unitId: task.owner_unit_id,
        kind: notice.kind,
        message: notice.message,
        link: `/tasks/${task.id}`,
        dedupeKey: notice.key,
        createdAt: now,
      });
      if (inserted) fresh.push({ kind: notice.kind, title, body });
    }
  }
  // One robot message per run, listing at most 20 notices (robots cap the message length): reminders
  // first (something can still be done on time), then red and yellow warnings.
  const priority: Record<string, number> = { reminder: 0, "overdue-red": 1, "overdue-yellow": 2 };
  fresh.sort((a, b) => (priority[a.kind] ?? 3) - (priority[b.kind] ?? 3));
  const shown: { title: string; body: string }[] = fresh.slice(0, 20);
  if (fresh.length > shown.length)
    shown.push({ title: "其余提醒", body: `另有 ${fresh.length - shown.length} 条，请登录系统查看。` });
  const webhook = await sendWebhook(db, districtId, shown);
  return { created: fresh.length, webhook };
}

/** The periodic run: reminders and warnings of every district that has tasks (idempotent, any process may run it). */
export async function runRemindersForAllDistricts(db: DbContext, today: string = todayInChina()) {
  const results: { districtId: string; created: number }[] = [];
  for (const districtId of await districtsWithTasks(db)) {
    const result = await runTaskReminders(db, districtId, today);
    results.push({ districtId, created: result.created });
  }
  return results;
}
