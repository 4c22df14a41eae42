/**
 * Entitlement explanations are stored as records (the engine's `ExplanationRecord` in the
 * versioned form of @beizeng/domain/rewards/stored-explanation) and written out when read, by the
 * plan version that computed them, into the shape the API has always returned (`Explanation`).
 * Rows stored before records (already written out, no version) are returned as stored.
 */
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
import { findPlanVersion } from "../../platform/plan/districts.repository";

export interface CompiledPlanVersion {
  plan: PlanFile;
  compiled: CompiledRewardPlan;
}

/**
 * Compiled plans by district, plan id and version: a stored version never changes, and compiling
 * one for every explanation read would cost more than writing the explanation.
 */
const compiledPlans = new Map<string, Promise<CompiledPlanVersion | undefined>>();

/** The district's plan of that id and version, compiled once per process; undefined when there is none. */
export function compiledPlanVersion(
  db: DbContext,
  districtId: string,
  ref: StoredPlanRef,
): Promise<CompiledPlanVersion | undefined> {
  const key = `${districtId}|${ref.id}|${ref.version}`;
  let cached = compiledPlans.get(key);
  if (cached === undefined) {
    cached = findPlanVersion(db, districtId, ref.id, ref.version).then((row) => {
      if (row === undefined) return undefined;
      const plan = JSON.parse(row.content) as PlanFile;
      return { plan, compiled: compileRewardPlan(plan) };
    });
    // A failed read is not kept: the next reader tries again.
    cached.then(
      (found) => {
        if (found === undefined) compiledPlans.delete(key);
      },
      () => compiledPlans.delete(key),
    );
    compiledPlans.set(key, cached);
  }
  return cached;
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
export async function renderStoredExplanation(
  db: DbContext,
  districtId: string,
  json: string | null,
): Promise<Explanation | null> {
  if (json === null) return null;
  const parsed = JSON.parse(json) as unknown;
  if (!isStoredRecord(parsed)) return parsed as Explanation | null;
  const version = await compiledPlanVersion(db, districtId, storedRecordPlan(parsed));
  if (version === undefined) return null;
  try {
    return renderExplanation(deserializeExplanation(parsed, version.compiled));
  } catch {
    return null;
  }
}

/** Several explanation columns, in order (see `renderStoredExplanation`). */
export function renderStoredExplanations(
  db: DbContext,
  districtId: string,
  columns: readonly (string | null)[],
): Promise<(Explanation | null)[]> {
  return Promise.all(columns.map((json) => renderStoredExplanation(db, districtId, json)));
}
