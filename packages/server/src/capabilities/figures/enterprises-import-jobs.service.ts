/**
 * Import jobs behind the import page: upload → preview (a background check with progress) → apply
 * (a background all-or-nothing write with progress). The job and its file are kept in the database,
 * so any app process can report and apply it; live row counts are kept in memory while it runs.
 */
import { randomUUID } from "node:crypto";
import type { ImportJob, ImportResult as ImportResultView } from "@beizeng/contract/figures";
import type { Actor } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersOfDistrict, officeName, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readActivePlan } from "../../platform/plan/plan-reader";
import type { ImportJobRow } from "../register/index";
import { recomputeWarnings } from "../register/index";
import { claimImportJob, findImportJob, insertImportJob, updateImportJob } from "./enterprises-import-jobs.repository";
import { applyImport, type ImportResult, type ImportRunOptions, previewImport } from "./import/import-service";
import type { ImportKind, MoneyUnit } from "./import/types";

/** Rows read so far by jobs running in this process. */
const liveRows = new Map<string, number>();
/** Running work, so tests and shutdown can wait for it. */
const running = new Map<string, Promise<void>>();

/**
 * Who may import what: the office everything; the units the active plan gives confirmFigures (区统计局、区税务局 …)
 * annual and monthly figures.
 */
async function mayImport(db: DbContext, user: AuthUser, kind: ImportKind): Promise<boolean> {
  if (user.role === "office") return true;
  if (kind === "register") return false;
  return (await unitWithDuty(db, user, "confirmFigures")) !== null;
}

/** A job as the import page follows it. */
export type ImportJobView = ImportJob;

function toView(row: ImportJobRow): ImportJobView {
  return {
    id: row.id,
    // Written only from the upload's checked kind and unit.
    kind: row.kind as ImportKind,
    unit: row.money_unit as MoneyUnit,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    rowsRead: liveRows.get(row.id) ?? row.rows_read,
    result: row.result_json ? (JSON.parse(row.result_json) as ImportResultView) : null,
    error: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function track(id: string, work: () => Promise<void>) {
  const promise = work().finally(() => {
    running.delete(id);
    liveRows.delete(id);
  });
  running.set(id, promise);
}

/** Waits for a job running in this process (tests; a caller asking `wait`). */
export async function settledImportJob(id: string): Promise<void> {
  await running.get(id);
}

export async function startImportJob(
  db: DbContext,
  user: AuthUser,
  input: { kind: ImportKind; unit: MoneyUnit; fileName: string; bytes: Buffer },
  actor: Actor,
  /** Where a file that cannot be read is logged with the library's own words. */
  log?: ImportRunOptions["log"],
): Promise<ImportJobView> {
  if (!(await mayImport(db, user, input.kind))) {
    throw forbidden(
      input.kind === "register"
        ? `企业名录由${officeName((await readActivePlan(db, user.districtId))?.plan)}导入`
        : `经营数据由${await dutyHoldersOfDistrict(db, user.districtId, "confirmFigures")}导入`,
    );
  }
  if (input.bytes.length === 0) throw badRequest("上传的文件是空的");
  const id = randomUUID();
  const now = new Date().toISOString();
  await insertImportJob(db, {
    id,
    district_id: user.districtId,
    user_id: user.id,
    kind: input.kind,
    money_unit: input.unit,
    file_name: input.fileName,
    file_size: input.bytes.length,
    file_base64: input.bytes.toString("base64"),
    status: "previewing",
    result_json: null,
    error_message: null,
    created_at: now,
    updated_at: now,
  });
  liveRows.set(id, 0);
  track(id, async () => {
    try {
      const result = await previewImport(db, user.districtId, input.kind, input.bytes, {
        unit: input.unit,
        fileName: input.fileName,
        actor,
        maxChanges: 500,
        // Enterprises not in the register are listed, as applying with registerEnterprises would register them.
        registerUnknown: true,
        onProgress: (rows) => liveRows.set(id, rows),
        ...(log ? { log } : {}),
      });
      await updateImportJob(db, id, {
        status: "previewed",
        rows_read: liveRows.get(id) ?? result.summary.rows,
        result_json: JSON.stringify(result),
        updated_at: new Date().toISOString(),
      });
    } catch (error) {
      await failJob(db, id, error);
    }
  });
  const row = await findImportJob(db, id);
  if (!row) throw notFound("导入任务不存在");
  return toView(row);
}

async function failJob(db: DbContext, id: string, error: unknown) {
  await updateImportJob(db, id, {
    status: "failed",
    error_message: `导入失败：${error instanceof Error ? error.message : String(error)}`,
    updated_at: new Date().toISOString(),
  }).catch(() => undefined);
}

async function jobFor(db: DbContext, user: AuthUser, id: string): Promise<ImportJobRow> {
  const row = await findImportJob(db, id);
  // Units see only their own uploads; the office sees every upload of its district.
  if (!row || row.district_id !== user.districtId || (user.role !== "office" && row.user_id !== user.id)) {
    throw notFound("导入任务不存在");
  }
  return row;
}

export async function getImportJob(db: DbContext, user: AuthUser, id: string): Promise<ImportJobView> {
  return toView(await jobFor(db, user, id));
}

/** Applies a previewed job without errors; runs in the background and reports like the preview. */
export async function applyImportJob(
  db: DbContext,
  user: AuthUser,
  id: string,
  actor: Actor,
  choices: { registerEnterprises?: boolean } = {},
): Promise<ImportJobView> {
  const row = await jobFor(db, user, id);
  const preview = row.result_json ? (JSON.parse(row.result_json) as ImportResult) : null;
  if (row.status !== "previewed" || !preview || !row.file_base64) {
    throw conflict(row.status === "applied" ? "该文件已导入" : "请等待预览完成后再导入");
  }
  if (preview.summary.errors > 0) throw conflict("文件有错误，未导入任何数据：请修正后重新上传");
  if (!(await claimImportJob(db, id, "previewed", "applying"))) throw conflict("该文件正在导入或已导入");
  const bytes = Buffer.from(row.file_base64, "base64");
  liveRows.set(id, 0);
  track(id, async () => {
    try {
      const result = await applyImport(db, user.districtId, row.kind as ImportKind, bytes, {
        unit: row.money_unit as MoneyUnit,
        fileName: row.file_name,
        actor,
        maxChanges: 500,
        registerUnknown: choices.registerEnterprises === true,
        onProgress: (rows) => liveRows.set(id, rows),
      });
      if (result.written && row.kind !== "register") await recomputeWarnings(db, user.districtId);
      await updateImportJob(db, id, {
        status: result.written ? "applied" : "rejected",
        rows_read: liveRows.get(id) ?? result.summary.rows,
        result_json: JSON.stringify(result),
        // The file is no longer needed once written.
        ...(result.written ? { file_base64: null } : {}),
        updated_at: new Date().toISOString(),
      });
    } catch (error) {
      await failJob(db, id, error);
    }
  });
  return toView({ ...row, status: "applying" });
}
