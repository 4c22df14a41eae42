/**
 * Versions of a district's plan: the first load creates the district and its units; a revision is
 * previewed first (its difference from the current version and the records it would leave without a
 * unit or chain), then confirmed with the year it takes effect and a reason. A stored version is never
 * rewritten: a changed plan is a new version. The units follow the current version, so the plan stays
 * the one source of truth for them.
 */
import { diffPlans, type PlanDiff } from "@beizeng/domain/plan/diff";
import { formatIssue, type PlanIssue, PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { stringify } from "yaml";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import {
  contentDigest,
  deactivatePlans,
  findActivePlan,
  findActivePlanStamp,
  findDistrict,
  findPlanStamp,
  insertDistrict,
  insertPlan,
  listPlanVersions,
  lockDistrict,
  updateDistrictName,
} from "../../platform/plan/districts.repository";
import { readActivePlan, readPlanVersion } from "../../platform/plan/plan-reader";
import { findUnitByCode, insertUnit, listUnitRows, updateUnitRow } from "../units/index";
import { findPlanOrphans, type PlanOrphan } from "./plan-orphans.repository";

export interface LoadPlanOptions {
  /** The first year the version governs; by default the plan's first year for a first load, else this year. */
  effectiveYear?: number;
  /** Why the version is loaded (修订原因). */
  reason?: string;
  /**
   * The version the caller previewed against ("planId@version", or null for a district without a plan):
   * when another version became current in between, the load is refused rather than silently applied.
   */
  expectedCurrent?: string | null;
}

export interface LoadPlanResult {
  districtId: string;
  planRowId: number;
  unitsCreated: number;
  unitsUpdated: number;
  unitsRetired: number;
  /** False when this exact version was already current with the same content. */
  changed: boolean;
}

/** What loading a plan would do, shown before it is confirmed. */
export interface PlanLoadPreview {
  plan: PlanFile;
  districtId: string;
  /** True when the district does not exist yet. */
  newDistrict: boolean;
  current: { planId: string; version: number; title: string } | null;
  /** "unchanged": this version is already current with this content. */
  status: "first" | "revision" | "unchanged";
  diff: PlanDiff;
  /** Records that would be left without their unit or chain: the load is refused while any remain. */
  orphans: PlanOrphan[];
  /** Why it cannot be loaded (version number, district), empty when it can. */
  problems: string[];
}

/** A plan text (YAML or JSON) parsed and validated; errors name the file, clause, field and line. */
export function parsePlanText(text: string, fileName: string): PlanFile {
  try {
    return parsePlan(text, fileName).plan;
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    throw planInvalid(error.issues, fileName);
  }
}

export function planInvalid(issues: readonly PlanIssue[], fileName: string): AppError {
  const listed = issues.slice(0, 5).map(formatIssue).join("；");
  const more = issues.length > 5 ? `；另有 ${issues.length - 5} 处` : "";
  return new AppError(
    400,
    "plan_invalid",
    `行动方案文件 ${fileName} 未通过校验（${issues.length} 处错误）：${listed}${more}`,
    issues.map((issue) => ({
      path: issue.path,
      message: issue.message,
      ...(issue.clause ? { clause: issue.clause } : {}),
      ...(issue.line ? { line: issue.line } : {}),
    })),
  );
}

/** What loading `plan` into its district would change, and what stands in its way. */
export async function previewPlanLoad(db: DbContext, plan: PlanFile): Promise<PlanLoadPreview> {
  const districtId = plan.district.code;
  const district = await findDistrict(db, districtId);
  const current = district ? await readCurrentForRevision(db, districtId) : undefined;
  const problems: string[] = [];
  let status: PlanLoadPreview["status"] = current ? "revision" : "first";
  if (current) {
    // The stored version's stamp tells its content apart without reading the text.
    const sameVersion = await findPlanStamp(db, districtId, plan.id, plan.version);
    if (sameVersion) {
      const same = sameVersion.content_sha256 === contentDigest(JSON.stringify(plan));
      const isCurrent = plan.id === current.planId && plan.version === current.version;
      if (same && isCurrent) status = "unchanged";
      else if (same) {
        problems.push(
          `方案“${plan.id}”第 ${plan.version} 版已载入过，但不是当前版本；如需恢复其内容，请把 version 改为新的版本号后载入`,
        );
      } else {
        problems.push(
          `方案“${plan.id}”第 ${plan.version} 版已载入且内容不同；修订后的方案须使用新的版本号（当前为第 ${current.version} 版）`,
        );
      }
    } else if (plan.id === current.planId && plan.version < current.version) {
      problems.push(`版本号 ${plan.version} 早于当前的第 ${current.version} 版；修订后的方案须使用更大的版本号`);
    }
  }
  const diff = current?.plan ? diffPlans(current.plan, plan) : { changes: [], summary: [] };
  const orphans = current?.plan ? await findPlanOrphans(db, districtId, current.plan, plan) : [];
  return {
    plan,
    districtId,
    newDistrict: district === undefined,
    current: current ? { planId: current.planId, version: current.version, title: current.title } : null,
    status,
    diff,
    orphans,
    problems,
  };
}

/**
 * The current version to compare a revision with. A stored current version that no longer validates can
 * only be replaced: it is named by its row, without its plan, so the revision loads without a difference.
 */
async function readCurrentForRevision(
  db: DbContext,
  districtId: string,
): Promise<{ planId: string; version: number; title: string; plan?: PlanFile } | undefined> {
  try {
    const stored = await readActivePlan(db, districtId);
    return stored && { planId: stored.planId, version: stored.version, title: stored.plan.title, plan: stored.plan };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "stored_plan_invalid")) throw error;
    const row = await findActivePlan(db, districtId);
    return row && { planId: row.plan_id, version: row.version, title: row.title };
  }
}

/**
 * Loads a validated plan into its district (`plan.district.code`) as the current version: creates the
 * district when new, refuses a version number already used with other content, a version older than the
 * current one, and a revision that would orphan records; upserts the plan's units and retires the units it
 * no longer has. All in one transaction, audited.
 */
export async function loadPlanIntoDistrict(
  db: DbContext,
  plan: PlanFile,
  actor: Actor,
  options: LoadPlanOptions = {},
): Promise<LoadPlanResult> {
  const districtId = plan.district.code;
  const content = JSON.stringify(plan);
  return inTransaction(db, async (tx) => {
    // A units edit and a plan upload at the same moment: the second waits and then sees the first's version.
    await lockDistrict(tx, districtId);
    const preview = await previewPlanLoad(tx, plan);
    if (options.expectedCurrent !== undefined) {
      const current = preview.current ? `${preview.current.planId}@${preview.current.version}` : null;
      if (current !== options.expectedCurrent) {
        throw conflict(
          `预览之后当前方案已变为${preview.current ? `“${preview.current.planId}”第 ${preview.current.version} 版` : "无"}，请重新预览后再确认`,
        );
      }
    }
    if (preview.problems.length > 0) throw conflict(preview.problems.join("；"));
    if (preview.orphans.length > 0) throw orphansRefused(preview.orphans);

    const now = new Date().toISOString();
    const district = await findDistrict(tx, districtId);
    if (!district) {
      await insertDistrict(tx, { id: districtId, name: plan.district.name, created_at: now });
      await recordAudit(tx, {
        districtId,
        actor,
        action: "create",
        entityType: "district",
        entityId: districtId,
        after: { name: plan.district.name },
      });
    } else if (district.name !== plan.district.name) {
      await updateDistrictName(tx, districtId, plan.district.name);
    }

    if (preview.status === "unchanged") {
      const active = await findActivePlanStamp(tx, districtId);
      if (!active) throw notFound("本区尚未加载行动方案");
      const units = await syncUnits(tx, districtId, plan, actor);
      return { districtId, planRowId: active.id, ...units, changed: false };
    }

    const effectiveYear = checkedEffectiveYear(plan, options.effectiveYear, preview.status === "first");
    await deactivatePlans(tx, districtId);
    const planRowId = await insertPlan(tx, {
      district_id: districtId,
      plan_id: plan.id,
      version: plan.version,
      title: plan.title,
      content,
      loaded_at: now,
      effective_year: effectiveYear,
      reason: options.reason?.trim() || null,
      loaded_by: actor.label,
    });
    await recordAudit(tx, {
      districtId,
      actor,
      action: "load",
      entityType: "plan",
      entityId: planRowId,
      before: preview.current ? { planId: preview.current.planId, version: preview.current.version } : undefined,
      after: {
        planId: plan.id,
        version: plan.version,
        title: plan.title,
        effectiveYear,
        reason: options.reason?.trim() || null,
        changes: preview.diff.summary,
      },
    });
    const units = await syncUnits(tx, districtId, plan, actor);
    return { districtId, planRowId, ...units, changed: true };
  });
}

function checkedEffectiveYear(plan: PlanFile, wanted: number | undefined, first: boolean): number {
  const { startYear, endYear } = plan.period;
  const year = wanted ?? (first ? startYear : Math.min(Math.max(new Date().getFullYear(), startYear), endYear));
  if (!Number.isInteger(year) || year < startYear || year > endYear) {
    throw badRequest(`生效年度 ${year} 必须在方案期 ${startYear}–${endYear} 年之内`, [
      { path: "effectiveYear", message: `必须在 ${startYear}–${endYear} 之间` },
    ]);
  }
  return year;
}

function orphansRefused(orphans: readonly PlanOrphan[]): AppError {
  const lines = orphans.map(
    (orphan) =>
      `${orphan.what}“${orphan.name}”（${orphan.id}）仍有${orphan.records
        .map(
          (record) =>
            `${record.label} ${record.count} 条${record.examples.length > 0 ? `（如 ${record.examples.join("、")}）` : ""}`,
        )
        .join("、")}`,
  );
  return new AppError(
    409,
    "plan_orphans",
    `修订后的方案删除了仍在使用的单位或产业链，未载入：${lines.join("；")}。请先把这些记录移交给其他单位或产业链，或在方案中保留它们`,
    orphans.map((orphan) => ({
      path: `${orphan.section}.${orphan.id}`,
      message: lines[orphans.indexOf(orphan)] ?? "",
    })),
  );
}

/**
 * Makes the district's units those of the plan: new ones created, names, kinds and editability following
 * the plan, units the plan no longer has retired (kept for the records that name them). Audited per unit.
 */
async function syncUnits(
  tx: DbContext,
  districtId: string,
  plan: PlanFile,
  actor: Actor,
): Promise<{ unitsCreated: number; unitsUpdated: number; unitsRetired: number }> {
  let unitsCreated = 0;
  let unitsUpdated = 0;
  let unitsRetired = 0;
  for (const unit of plan.units) {
    const row = await findUnitByCode(tx, districtId, unit.id);
    const wanted = { name: unit.name, name_en: unit.nameEn, kind: unit.kind, editable: unit.editable ? 1 : 0 };
    if (!row) {
      const id = await insertUnit(tx, { district_id: districtId, code: unit.id, ...wanted });
      await recordAudit(tx, {
        districtId,
        actor,
        action: "create",
        entityType: "unit",
        entityId: id,
        after: { code: unit.id, name: unit.name, nameEn: unit.nameEn, kind: unit.kind, editable: unit.editable },
      });
      unitsCreated += 1;
      continue;
    }
    const before = { name: row.name, name_en: row.name_en, kind: row.kind, editable: row.editable, active: row.active };
    const after = { ...wanted, active: 1 };
    if (Object.entries(after).some(([key, value]) => before[key as keyof typeof before] !== value)) {
      await updateUnitRow(tx, row.id, after);
      await recordAudit(tx, {
        districtId,
        actor,
        action: "update",
        entityType: "unit",
        entityId: row.id,
        before,
        after,
      });
      unitsUpdated += 1;
    }
  }
  const planned = new Set(plan.units.map((unit) => unit.id));
  for (const row of await listUnitRows(tx, districtId)) {
    if (planned.has(row.code) || row.active === 0) continue;
    await updateUnitRow(tx, row.id, { active: 0 });
    await recordAudit(tx, {
      districtId,
      actor,
      action: "retire",
      entityType: "unit",
      entityId: row.id,
      before: { code: row.code, name: row.name, active: 1 },
      after: { active: 0 },
    });
    unitsRetired += 1;
  }
  return { unitsCreated, unitsUpdated, unitsRetired };
}

/** The stored versions of the district's plans, newest first. */
export async function listVersions(db: DbContext, districtId: string) {
  const rows = await listPlanVersions(db, districtId);
  return {
    items: rows.map((row) => ({
      planId: row.plan_id,
      version: row.version,
      title: row.title,
      current: row.is_active === 1,
      effectiveYear: row.effective_year,
      loadedAt: row.loaded_at,
      loadedBy: row.loaded_by,
      reason: row.reason,
    })),
  };
}

/** One stored version as YAML: the text that, loaded back, gives the same plan. */
export async function versionYaml(
  db: DbContext,
  districtId: string,
  planId: string,
  version: number,
): Promise<{ fileName: string; text: string }> {
  const stored = await readPlanVersion(db, districtId, planId, version);
  if (!stored) throw notFound(`没有方案“${planId}”第 ${version} 版`);
  return { fileName: `${stored.plan.title}（第${version}版）.yaml`, text: planToYaml(stored.plan) };
}

/** A plan as YAML, with a heading comment; parsePlan of the text gives the same plan back. */
export function planToYaml(plan: PlanFile): string {
  const heading = `# ${plan.title}\n# 方案编号 ${plan.id}，第 ${plan.version} 版；金额为元（加引号的十进制字符串）\n`;
  return heading + stringify(plan, { lineWidth: 0 });
}
