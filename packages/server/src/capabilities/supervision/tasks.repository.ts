/** Tasks, their sharing units, progress reports, evidence files and the webhook setting. */
import type { RobotPlatform, WebhookFormat } from "@beizeng/contract/supervision";
import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { ReportAttachmentTable, TaskReportRow, TaskReportTable, TaskRow, TaskTable } from "./tasks.table";

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

export async function findWebhook(db: DbContext, districtId: string) {
  return db.kysely.selectFrom("webhook_settings").selectAll().where("district_id", "=", districtId).executeTakeFirst();
}

export async function upsertWebhook(
  db: DbContext,
  values: {
    district_id: string;
    platform: RobotPlatform;
    url: string;
    format: WebhookFormat;
    secret: string | null;
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
        platform: values.platform,
        url: values.url,
        format: values.format,
        secret: values.secret,
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
