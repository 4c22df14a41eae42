/**
 * The one way the server reads a district's stored plan. The row's JSON is validated with the plan's
 * own schema and cross-checks, so a stored plan that has gone wrong fails here with a Chinese error
 * naming the district and version, not later inside a computation. The parsed plan is kept per
 * (district, plan id, version) with the digest of the text it came from. A read asks the database only
 * for the version's stamp (row and digest: several processes may share a database); the text is fetched
 * and parsed again only when the stamp differs from the kept one.
 */
import { type PlanIssue, PlanValidationError, validatePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { DbContext } from "../db/database";
import { AppError, notFound } from "../errors";
import {
  contentDigest,
  findActivePlanStamp,
  findDistrict,
  findPlanContent,
  findPlanStamp,
  findPlanStampInForce,
  type PlanStamp,
} from "./districts.repository";
import type { PlanRow } from "./plans.table";

export interface StoredPlan {
  /** Shared by every reader of the same stored text, hence frozen. */
  plan: PlanFile;
  planId: string;
  version: number;
}

type PlanRowContent = Pick<PlanRow, "district_id" | "plan_id" | "version" | "content">;

/** Parsed plans by district, plan id and version, each with the digest of the stored text it was parsed from. */
export class StoredPlanCache {
  private readonly entries = new Map<string, { digest: string; stored: StoredPlan }>();

  /** The kept plan of a stamp whose digest matches, if any. */
  keptFor(stamp: Pick<PlanStamp, "district_id" | "plan_id" | "version" | "content_sha256">): StoredPlan | undefined {
    const kept = this.entries.get(keyOf(stamp));
    return kept !== undefined && stamp.content_sha256 !== null && kept.digest === stamp.content_sha256
      ? kept.stored
      : undefined;
  }

  /** The row's plan, validated; throws PlanValidationError when the stored text is not a valid plan. */
  planOf(row: PlanRowContent): StoredPlan {
    const key = keyOf(row);
    const digest = contentDigest(row.content);
    const kept = this.entries.get(key);
    if (kept !== undefined && kept.digest === digest) return kept.stored;
    const stored: StoredPlan = {
      plan: deepFreeze(validateStoredContent(row)),
      planId: row.plan_id,
      version: row.version,
    };
    this.entries.set(key, { digest, stored });
    return stored;
  }
}

function keyOf(row: Pick<PlanRow, "district_id" | "plan_id" | "version">): string {
  return `${row.district_id}|${row.plan_id}|${row.version}`;
}

const storedPlans = new StoredPlanCache();

/** The district's active plan, validated; undefined when none is loaded. */
export async function readActivePlan(db: DbContext, districtId: string): Promise<StoredPlan | undefined> {
  const stamp = await findActivePlanStamp(db, districtId);
  return stamp === undefined ? undefined : planOfStamp(db, stamp);
}

/** The district's active plan, validated; 404 in Chinese when none is loaded. */
export async function requireActivePlan(db: DbContext, districtId: string): Promise<StoredPlan> {
  const stored = await readActivePlan(db, districtId);
  if (stored === undefined) throw notFound("本区尚未加载行动方案");
  return stored;
}

/**
 * The version of the district's plan in force in a year (the latest confirmed version taking effect in or
 * before it), validated: what computing that year's rewards or targets must use. 404 when none is loaded.
 */
export async function requirePlanInForce(db: DbContext, districtId: string, year: number): Promise<StoredPlan> {
  const stamp = await findPlanStampInForce(db, districtId, year);
  if (stamp === undefined) throw notFound("本区尚未加载行动方案");
  return planOfStamp(db, stamp);
}

/** One stored version of a district's plan (active or not), validated; undefined when there is none. */
export async function readPlanVersion(
  db: DbContext,
  districtId: string,
  planId: string,
  version: number,
): Promise<StoredPlan | undefined> {
  const stamp = await findPlanStamp(db, districtId, planId, version);
  return stamp === undefined ? undefined : planOfStamp(db, stamp);
}

async function planOfStamp(db: DbContext, stamp: PlanStamp): Promise<StoredPlan> {
  const kept = storedPlans.keptFor(stamp);
  if (kept !== undefined) return kept;
  const content = await findPlanContent(db, stamp.id);
  if (content === undefined) throw notFound("该版本的行动方案已不存在");
  try {
    return storedPlans.planOf({ ...stamp, content });
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    const district = await findDistrict(db, stamp.district_id);
    throw storedPlanInvalid(stamp, district?.name, error.issues);
  }
}

const ISSUES_IN_MESSAGE = 3;

/** The server error for a stored plan that does not validate: district, plan, version and the first problems. */
export function storedPlanInvalid(
  row: Pick<PlanRow, "district_id" | "plan_id" | "version">,
  districtName: string | undefined,
  issues: readonly PlanIssue[],
): AppError {
  const district = districtName ? `${districtName}（${row.district_id}）` : `区划 ${row.district_id} `;
  const listed = issues.slice(0, ISSUES_IN_MESSAGE).map(describeIssue).join("；");
  const more = issues.length > ISSUES_IN_MESSAGE ? `；另有 ${issues.length - ISSUES_IN_MESSAGE} 处` : "";
  return new AppError(
    500,
    "stored_plan_invalid",
    `${district}存储的行动方案“${row.plan_id}”第 ${row.version} 版未通过校验（${issues.length} 处错误），` +
      `请修正方案文件后重新加载：${listed}${more}`,
    issues.map((issue) => ({ path: issue.path, message: issue.message })),
  );
}

function describeIssue(issue: PlanIssue): string {
  const clause = issue.clause ? `（条款 ${issue.clause}）` : "";
  return issue.path ? `${issue.path}${clause}：${issue.message}` : issue.message;
}

function validateStoredContent(row: PlanRowContent): PlanFile {
  const source = `方案 ${row.plan_id} 第 ${row.version} 版`;
  let data: unknown;
  try {
    data = JSON.parse(row.content);
  } catch {
    throw new PlanValidationError([{ file: source, path: "", message: "存储的内容不是有效的 JSON" }]);
  }
  return validatePlan(data, source).plan;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
