/**
 * Import jobs behind the import page: upload → preview (a background check with progress) → apply
 * (a background all-or-nothing write with progress). The import and its file are kept in the database and each
 * step runs as a background job, so any app process can run, report and apply it; a district's imports run one at
 * a time, the others waiting in line with their place shown.
 */
import { randomUUID } from "node:crypto";
import type { ImportJob, ImportResult as ImportResultView } from "@beizeng/contract/figures";
import type { Actor } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersOfDistrict, officeName, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { defineJob } from "../../platform/jobs/job-definitions";
import { findLatestJob } from "../../platform/jobs/jobs.repository";
import { jobProgress, submitJob, waitForJob } from "../../platform/jobs/jobs.service";
import { readActivePlan } from "../../platform/plan/plan-reader";
import type { ImportJobRow } from "../register/index";
import { recomputeWarnings } from "../register/index";
import { claimImportJob, findImportJob, insertImportJob, updateImportJob } from "./enterprises-import-jobs.repository";
import { applyImport, type ImportResult, type ImportRunOptions, previewImport } from "./import/import-service";
import type { ImportKind, MoneyUnit } from "./import/types";

/** What a step's job carries: the import (its file is in the database) and who asked. */
interface ImportStepPayload {
  importId: string;
  districtId: string;
  actor: Actor;
  registerEnterprises?: boolean;
}

/** The steps of one import share a key: a second request for the running step joins it. */
function importJobKey(importId: string): string {
  return `import|${importId}`;
}

/** One district's imports run one at a time, first asked first. */
function importLineKey(districtId: string): string {
  return `imports|${districtId}`;
}

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

async function toView(db: DbContext, row: ImportJobRow): Promise<ImportJobView> {
  const job = await findLatestJob(db, importJobKey(row.id));
  const progress = job ? await jobProgress(db, job) : null;
  return {
    id: row.id,
    // Written only from the upload's checked kind and unit.
    kind: row.kind as ImportKind,
    unit: row.money_unit as MoneyUnit,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    rowsRead: progress?.status === "running" ? progress.done : row.rows_read,
    ahead: progress?.ahead ?? null,
    result: row.result_json ? (JSON.parse(row.result_json) as ImportResultView) : null,
    error: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Waits for the import's current step to finish, wherever it runs (a caller asking `wait`). */
export async function settledImportJob(db: DbContext, id: string): Promise<void> {
  const job = await findLatestJob(db, importJobKey(id));
  if (job) await waitForJob(db, job.id);
}

/**
 * Runs one step on the import's stored file when the import still waits for it (a job sent twice, or an import
 * gone, finds nothing to do), following its rows as the job's progress.
 */
async function runImportStep(
  db: DbContext,
  payload: ImportStepPayload,
  progress: (done: number) => Promise<void>,
  waitingStatus: "previewing" | "applying",
  step: typeof previewImport,
  options: Pick<ImportRunOptions, "registerUnknown" | "log">,
): Promise<{ row: ImportJobRow; result: ImportResult; rowsRead: number } | null> {
  const row = await findImportJob(db, payload.importId);
  if (row?.status !== waitingStatus || !row.file_base64) return null;
  let rowsRead = 0;
  const result = await step(db, payload.districtId, row.kind as ImportKind, Buffer.from(row.file_base64, "base64"), {
    unit: row.money_unit as MoneyUnit,
    fileName: row.file_name,
    actor: payload.actor,
    maxChanges: 500,
    ...options,
    onProgress: (rows) => {
      rowsRead = rows;
      void progress(rows).catch(() => undefined);
    },
  });
  return { row, result, rowsRead: rowsRead || result.summary.rows };
}

const previewStep = defineJob<ImportStepPayload>({
  kind: "imports.preview",
  run: async ({ db, payload, progress, log }) => {
    // Enterprises not in the register are listed, as applying with registerEnterprises would register them.
    const ran = await runImportStep(db, payload, progress, "previewing", previewImport, {
      registerUnknown: true,
      ...(log ? { log } : {}),
    });
    if (!ran) return;
    await updateImportJob(db, ran.row.id, {
      status: "previewed",
      rows_read: ran.rowsRead,
      result_json: JSON.stringify(ran.result),
      updated_at: new Date().toISOString(),
    });
  },
  failed: (db, payload, message) => failJob(db, payload.importId, message),
});

const applyStep = defineJob<ImportStepPayload>({
  kind: "imports.apply",
  run: async ({ db, payload, progress }) => {
    // All or nothing: a run cut short by a lost process wrote nothing, and runs again from the start.
    const ran = await runImportStep(db, payload, progress, "applying", applyImport, {
      registerUnknown: payload.registerEnterprises === true,
    });
    if (!ran) return;
    const { row, result } = ran;
    if (result.written && row.kind !== "register") await recomputeWarnings(db, payload.districtId);
    await updateImportJob(db, row.id, {
      status: result.written ? "applied" : "rejected",
      rows_read: ran.rowsRead,
      result_json: JSON.stringify(result),
      // The file is no longer needed once written.
      ...(result.written ? { file_base64: null } : {}),
      updated_at: new Date().toISOString(),
    });
  },
  failed: (db, payload, message) => failJob(db, payload.importId, message),
});

export async function startImportJob(
  db: DbContext,
  user: AuthUser,
  input: { kind: ImportKind; unit: MoneyUnit; fileName: string; bytes: Buffer },
  actor: Actor,
  /** Unused: the step is logged by the process that runs it (its job runner's log). */
  _log?: ImportRunOptions["log"],
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
  await submitJob(db, {
    definition: previewStep,
    districtId: user.districtId,
    createdBy: user.id,
    lineKey: importLineKey(user.districtId),
    dedupeKey: importJobKey(id),
    payload: { importId: id, districtId: user.districtId, actor },
  });
  const row = await findImportJob(db, id);
  if (!row) throw notFound("导入任务不存在");
  return toView(db, row);
}

async function failJob(db: DbContext, id: string, message: string) {
  await updateImportJob(db, id, {
    status: "failed",
    error_message: message.startsWith("导入失败") ? message : `导入失败：${message}`,
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
  return toView(db, await jobFor(db, user, id));
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
  // Asked again while it is being written (another tab, another process): follow the running step.
  if (row.status === "applying") return toView(db, row);
  const preview = row.result_json ? (JSON.parse(row.result_json) as ImportResult) : null;
  if (row.status !== "previewed" || !preview || !row.file_base64) {
    throw conflict(row.status === "applied" ? "该文件已导入" : "请等待预览完成后再导入");
  }
  if (preview.summary.errors > 0) throw conflict("文件有错误，未导入任何数据：请修正后重新上传");
  if (!(await claimImportJob(db, id, "previewed", "applying"))) {
    const now = await findImportJob(db, id);
    if (now?.status === "applying") return toView(db, now);
    throw conflict("该文件已导入");
  }
  await submitJob(db, {
    definition: applyStep,
    districtId: user.districtId,
    createdBy: user.id,
    lineKey: importLineKey(user.districtId),
    dedupeKey: importJobKey(id),
    payload: {
      importId: id,
      districtId: user.districtId,
      actor,
      registerEnterprises: choices.registerEnterprises === true,
    },
  });
  return toView(db, { ...row, status: "applying" });
}
