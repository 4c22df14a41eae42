/** Tasks, their sharing units, progress reports, evidence files, notifications and the webhook setting. */
import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../db/database";
import type {
  NotificationRow,
  ReportAttachmentTable,
  TaskReportRow,
  TaskReportTable,
  TaskRow,
  TaskTable,
} from "../db/tables/tasks";

export interface TaskListRow extends TaskRow {
  owner_unit_name: string;
  owner_unit_name_en: string;
}

export async function findTasks(
  db: DbContext,
  filter: { districtId: string; unitId?: number; measureId?: string },
): Promise<TaskListRow[]> {
  let query = db.kysely
    .selectFrom("tasks as t")
    .innerJoin("units as u", "u.id", "t.owner_unit_id")
    .where("t.district_id", "=", filter.districtId);
  if (filter.unitId !== undefined) {
    const unitId = filter.unitId;
    query = query.where((eb) =>
      eb.or([
        eb("t.owner_unit_id", "=", unitId),
        eb.exists(
          eb
            .selectFrom("task_sharing_units as s")
            .select("s.task_id")
            .whereRef("s.task_id", "=", "t.id")
            .where("s.unit_id", "=", unitId),
        ),
      ]),
    );
  }
  if (filter.measureId) query = query.where("t.measure_id", "=", filter.measureId);
  return query
    .selectAll("t")
    .select(["u.name as owner_unit_name", "u.name_en as owner_unit_name_en"])
    .orderBy("t.measure_id")
    .orderBy("t.id")
    .execute();
}

export async function findTask(db: DbContext, id: number): Promise<TaskListRow | undefined> {
  return db.kysely
    .selectFrom("tasks as t")
    .innerJoin("units as u", "u.id", "t.owner_unit_id")
    .selectAll("t")
    .select(["u.name as owner_unit_name", "u.name_en as owner_unit_name_en"])
    .where("t.id", "=", id)
    .executeTakeFirst();
}

export async function countTasks(db: DbContext, districtId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("tasks")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("district_id", "=", districtId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findSeededTaskKeys(db: DbContext, districtId: string): Promise<Set<string>> {
  const rows = await db.kysely
    .selectFrom("tasks")
    .select(["plan_task_id", "owner_unit_id"])
    .where("district_id", "=", districtId)
    .where("plan_task_id", "is not", null)
    .execute();
  return new Set(rows.map((row) => `${row.plan_task_id}|${row.owner_unit_id}`));
}

export async function insertTask(db: DbContext, values: Insertable<TaskTable>): Promise<number> {
  const row = await db.kysely.insertInto("tasks").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTaskRow(db: DbContext, id: number, patch: Updateable<TaskTable>): Promise<void> {
  await db.kysely.updateTable("tasks").set(patch).where("id", "=", id).execute();
}

export async function sharingUnitsOf(
  db: DbContext,
  taskIds: number[],
): Promise<{ task_id: number; unit_id: number; name: string }[]> {
  if (taskIds.length === 0) return [];
  return db.kysely
    .selectFrom("task_sharing_units as s")
    .innerJoin("units as u", "u.id", "s.unit_id")
    .select(["s.task_id", "s.unit_id", "u.name"])
    .where("s.task_id", "in", taskIds)
    .orderBy("u.id")
    .execute();
}

export async function replaceSharingUnits(db: DbContext, taskId: number, unitIds: number[]): Promise<void> {
  await db.kysely.deleteFrom("task_sharing_units").where("task_id", "=", taskId).execute();
  if (unitIds.length === 0) return;
  await db.kysely
    .insertInto("task_sharing_units")
    .values(unitIds.map((unitId) => ({ task_id: taskId, unit_id: unitId })))
    .execute();
}

export interface ReportWithNames extends TaskReportRow {
  unit_name: string;
  submitted_by_name: string | null;
}

export async function reportsOfTasks(db: DbContext, taskIds: number[]): Promise<ReportWithNames[]> {
  if (taskIds.length === 0) return [];
  return db.kysely
    .selectFrom("task_reports as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .leftJoin("users as s", "s.id", "r.submitted_by")
    .selectAll("r")
    .select(["u.name as unit_name", "s.display_name as submitted_by_name"])
    .where("r.task_id", "in", taskIds)
    .orderBy("r.submitted_at")
    .orderBy("r.id")
    .execute();
}

export async function reportsOfDistrict(db: DbContext, districtId: string): Promise<TaskReportRow[]> {
  return db.kysely.selectFrom("task_reports").selectAll().where("district_id", "=", districtId).execute();
}

export async function findReport(db: DbContext, id: number): Promise<TaskReportRow | undefined> {
  return db.kysely.selectFrom("task_reports").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertReport(db: DbContext, values: Insertable<TaskReportTable>): Promise<number> {
  const row = await db.kysely.insertInto("task_reports").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReportRow(db: DbContext, id: number, patch: Updateable<TaskReportTable>): Promise<void> {
  await db.kysely.updateTable("task_reports").set(patch).where("id", "=", id).execute();
}

export async function insertAttachment(db: DbContext, values: Insertable<ReportAttachmentTable>): Promise<number> {
  const row = await db.kysely.insertInto("report_attachments").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function attachmentsOfReports(db: DbContext, reportIds: number[]) {
  if (reportIds.length === 0) return [];
  return db.kysely
    .selectFrom("report_attachments")
    .select(["id", "report_id", "file_name", "content_type", "size_bytes", "sha256", "created_at"])
    .where("report_id", "in", reportIds)
    .orderBy("id")
    .execute();
}

export async function findAttachment(db: DbContext, id: number) {
  return db.kysely.selectFrom("report_attachments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertNotificationOnce(
  db: DbContext,
  values: {
    district_id: string;
    unit_id: number | null;
    /** A notice to one user (a leader); unit_id is then null. */
    user_id?: number | null;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    dedupe_key: string | null;
    created_at: string;
    /** The message key and JSON parameters the title and body were written from (notifications.service). */
    message_key?: string | null;
    message_params?: string | null;
  },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto("notifications")
    .values({ message_key: null, message_params: null, user_id: null, ...values, read_at: null })
    .onConflict((oc) => oc.columns(["district_id", "dedupe_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Several notifications in one statement; a row whose dedupe key exists is skipped. Gives back how many were written. */
export async function insertNotificationsOnce(
  db: DbContext,
  rows: readonly Parameters<typeof insertNotificationOnce>[1][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.kysely
    .insertInto("notifications")
    .values(
      rows.map((values) => ({ message_key: null, message_params: null, user_id: null, ...values, read_at: null })),
    )
    .onConflict((oc) => oc.columns(["district_id", "dedupe_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export async function findNotifications(
  db: DbContext,
  filter: { districtId: string; unitId: number | null; officeOnly: boolean; userId?: number; limit: number },
): Promise<NotificationRow[]> {
  let query = db.kysely.selectFrom("notifications").selectAll().where("district_id", "=", filter.districtId);
  // The office's are those addressed to no unit and no single user (a leader's own are addressed to the user).
  if (filter.officeOnly) query = query.where("unit_id", "is", null).where("user_id", "is", null);
  else if (filter.unitId !== null) query = query.where("unit_id", "=", filter.unitId);
  else if (filter.userId !== undefined) query = query.where("user_id", "=", filter.userId);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(filter.limit).execute();
}

export async function markNotificationRead(db: DbContext, districtId: string, id: number, at: string): Promise<void> {
  await db.kysely
    .updateTable("notifications")
    .set({ read_at: at })
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .where("read_at", "is", null)
    .execute();
}

export async function findNotification(db: DbContext, id: number) {
  return db.kysely.selectFrom("notifications").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findWebhook(db: DbContext, districtId: string) {
  return db.kysely.selectFrom("webhook_settings").selectAll().where("district_id", "=", districtId).executeTakeFirst();
}

export async function upsertWebhook(
  db: DbContext,
  values: {
    district_id: string;
    url: string;
    format: string;
    enabled: number;
    updated_at: string;
    updated_by: number | null;
  },
): Promise<void> {
  await db.kysely
    .insertInto("webhook_settings")
    .values(values)
    .onConflict((oc) =>
      oc.column("district_id").doUpdateSet({
        url: values.url,
        format: values.format,
        enabled: values.enabled,
        updated_at: values.updated_at,
        updated_by: values.updated_by,
      }),
    )
    .execute();
}

/** The districts that have tasks (for the periodic reminder run). */
export async function districtsWithTasks(db: DbContext): Promise<string[]> {
  const rows = await db.kysely.selectFrom("tasks").select("district_id").distinct().execute();
  return rows.map((row) => row.district_id);
}
