/**
 * Entitlement explanations are stored as records (the engine's `ExplanationRecord` in the
 * versioned form of @beizeng/domain/rewards/stored-explanation) and written out when read, by the
 * plan version that computed them, into the shape the API has always returned (`Explanation`).
 * Rows stored before records (already written out, no version) are returned as stored.
 */
import { clauseNumber, documentOfClause, findClause } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { type CompiledRewardPlan, compileRewardPlan } from "@beizeng/domain/rewards/engine";
import {
  deserializeExplanation,
  isStoredRecord,
  renderExplanation,
  type StoredPlanRef,
  serializeExplanation,
  storedRecordPlan,
} from "@beizeng/domain/rewards/stored-explanation";
import type { Entitlement, Explanation } from "@beizeng/domain/rewards/types";
import type { DbContext } from "../../platform/db/database";
import { readPlanVersion } from "../../platform/plan/plan-reader";

export interface CompiledPlanVersion {
  plan: PlanFile;
  compiled: CompiledRewardPlan;
}

/**
 * Compiled reward plans by the plan they were compiled from. The plan reader hands out one object
 * per stored text of a version, so a version loaded again with new content is compiled anew.
 */
const compiledPlans = new WeakMap<PlanFile, CompiledRewardPlan>();

/** The district's plan of that id and version, validated and compiled; undefined when there is none. */
export async function compiledPlanVersion(
  db: DbContext,
  districtId: string,
  ref: StoredPlanRef,
): Promise<CompiledPlanVersion | undefined> {
  const stored = await readPlanVersion(db, districtId, ref.id, ref.version);
  if (stored === undefined) return undefined;
  let compiled = compiledPlans.get(stored.plan);
  if (compiled === undefined) {
    compiled = compileRewardPlan(stored.plan);
    compiledPlans.set(stored.plan, compiled);
  }
  return { plan: stored.plan, compiled };
}

type VersionOf = (ref: StoredPlanRef) => Promise<CompiledPlanVersion | undefined>;

/**
 * The explanation with its sentences naming the document its clause is an article of, when that is not the plan
 * itself but a further document of the district (its reward measures): a clerk, an enterprise and a notice then
 * read which of the district's documents pays the reward. A clause of the plan's own reads as before.
 */
export function citingDocument(plan: PlanFile, explanation: Explanation): Explanation {
  const document = documentOfClause(plan, explanation.clause);
  const clause = findClause(plan, explanation.clause);
  if (document === undefined || document.id === null || clause === undefined) return explanation;
  const article = clauseNumber(clause);
  const number = document.number === undefined ? "" : `（${document.number}）`;
  const numberEn = document.number === undefined ? "" : ` (${document.number})`;
  return {
    ...explanation,
    zh: `依据《${document.title}》${number}${article.zh}：${explanation.zh}`,
    en: `Under ${article.en} of “${document.titleEn ?? document.title}”${numberEn}: ${explanation.en}`,
  };
}

/** The explanation column of an entitlement computed with the plan `ref`: its record, stored ("null" without one). */
export function storedExplanation(entitlement: Entitlement, ref: StoredPlanRef): string {
  return entitlement.explanation === undefined ? "null" : serializeExplanation(entitlement.explanation, ref);
}

/**
 * An explanation column as the API returns it: a record written out with the plan version that
 * computed it; an explanation stored written out as it is; null for none (or for a record whose
 * plan version is no longer there to write it).
 */
export function renderStoredExplanation(
  db: DbContext,
  districtId: string,
  json: string | null,
): Promise<Explanation | null> {
  return renderWith(json, (ref) => compiledPlanVersion(db, districtId, ref));
}

/** Several explanation columns, in order (see `renderStoredExplanation`); each plan version is read once. */
export function renderStoredExplanations(
  db: DbContext,
  districtId: string,
  columns: readonly (string | null)[],
): Promise<(Explanation | null)[]> {
  const versions = new Map<string, Promise<CompiledPlanVersion | undefined>>();
  const versionOf: VersionOf = (ref) => {
    const key = `${ref.id}|${ref.version}`;
    let version = versions.get(key);
    if (version === undefined) {
      version = compiledPlanVersion(db, districtId, ref);
      versions.set(key, version);
    }
    return version;
  };
  return Promise.all(columns.map((json) => renderWith(json, versionOf)));
}

async function renderWith(json: string | null, versionOf: VersionOf): Promise<Explanation | null> {
  if (json === null) return null;
  const parsed = JSON.parse(json) as unknown;
  if (!isStoredRecord(parsed)) return parsed as Explanation | null;
  const version = await versionOf(storedRecordPlan(parsed));
  if (version === undefined) return null;
  try {
    return citingDocument(version.plan, renderExplanation(deserializeExplanation(parsed, version.compiled)));
  } catch {
    return null;
  }
}
