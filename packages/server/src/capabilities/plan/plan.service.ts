/** Reading a district's current plan back, and what the front end reads before login. */
import type { Meta } from "@beizeng/contract/plan";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { DbContext } from "../../platform/db/database";
import {
  districtHasDemoData,
  findActivePlan,
  findDistrict,
  firstDistrict,
} from "../../platform/plan/districts.repository";
import { requireActivePlan } from "../../platform/plan/plan-reader";

/** The active plan file of a district, as loaded (validated once per stored version; frozen, shared). */
export async function getActivePlan(db: DbContext, districtId: string): Promise<PlanFile> {
  return (await requireActivePlan(db, districtId)).plan;
}

/**
 * What the front end needs before login: the district (the caller's, else BEIZENG_DISTRICT, else
 * the first one), its active plan and whether it holds demonstration data.
 */
export async function getMeta(db: DbContext, districtId: string | null): Promise<Meta> {
  const wanted = districtId ?? process.env.BEIZENG_DISTRICT ?? null;
  const district = (wanted ? await findDistrict(db, wanted) : undefined) ?? (await firstDistrict(db));
  if (!district) return { demo: false, district: null, plan: null };
  const plan = await findActivePlan(db, district.id);
  return {
    demo: await districtHasDemoData(db, district.id),
    district: { id: district.id, name: district.name },
    plan: plan ? { id: plan.plan_id, title: plan.title, version: plan.version } : null,
  };
}
