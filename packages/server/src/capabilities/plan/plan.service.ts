/** Loading a plan file into a district, and reading the active plan back. */
import type { Meta } from "@beizeng/contract/plan";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import {
  activatePlan,
  deactivatePlans,
  districtHasDemoData,
  findActivePlan,
  findDistrict,
  findPlanVersion,
  firstDistrict,
  insertDistrict,
  insertPlan,
  updateDistrictName,
} from "../../platform/plan/districts.repository";
import { requireActivePlan } from "../../platform/plan/plan-reader";
import { findUnitByCode, insertUnit, updateUnitRow } from "../units/index";

export interface LoadPlanResult {
  districtId: string;
  planRowId: number;
  unitsCreated: number;
  unitsUpdated: number;
  /** False when this exact plan version was already active with the same content. */
  changed: boolean;
}

/**
 * Loads a validated plan file into its district (`plan.district.code`): creates the district when
 * new, stores the plan as the active version (replacing the content of the same version if it was
 * loaded before), and upserts the plan's units. Units the office may edit (towns, streets) keep
 * their edited names; fixed units follow the plan. All in one transaction, audited.
 */
export async function loadPlanIntoDistrict(db: DbContext, plan: PlanFile, actor: Actor): Promise<LoadPlanResult> {
  const districtId = plan.district.code;
  const content = JSON.stringify(plan);
  return inTransaction(db, async (tx) => {
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

    const existing = await findPlanVersion(tx, districtId, plan.id, plan.version);
    const active = await findActivePlan(tx, districtId);
    const unchanged = existing !== undefined && existing.content === content && active?.id === existing.id;
    let planRowId: number;
    if (unchanged) {
      planRowId = existing.id;
    } else {
      await deactivatePlans(tx, districtId);
      if (existing) {
        await activatePlan(tx, existing.id, content, plan.title, now);
        planRowId = existing.id;
      } else {
        planRowId = await insertPlan(tx, {
          district_id: districtId,
          plan_id: plan.id,
          version: plan.version,
          title: plan.title,
          content,
          loaded_at: now,
        });
      }
      await recordAudit(tx, {
        districtId,
        actor,
        action: "load",
        entityType: "plan",
        entityId: planRowId,
        before: active ? { planId: active.plan_id, version: active.version } : undefined,
        after: { planId: plan.id, version: plan.version, title: plan.title },
      });
    }

    let unitsCreated = 0;
    let unitsUpdated = 0;
    for (const unit of plan.units) {
      const row = await findUnitByCode(tx, districtId, unit.id);
      if (!row) {
        const id = await insertUnit(tx, {
          district_id: districtId,
          code: unit.id,
          name: unit.name,
          name_en: unit.nameEn,
          kind: unit.kind,
          editable: unit.editable ? 1 : 0,
        });
        await recordAudit(tx, {
          districtId,
          actor,
          action: "create",
          entityType: "unit",
          entityId: id,
          after: { code: unit.id, name: unit.name, nameEn: unit.nameEn, kind: unit.kind, editable: unit.editable },
        });
        unitsCreated += 1;
      } else if (
        row.editable === 0 &&
        (row.name !== unit.name || row.name_en !== unit.nameEn || row.kind !== unit.kind)
      ) {
        await updateUnitRow(tx, row.id, { name: unit.name, name_en: unit.nameEn, kind: unit.kind });
        await recordAudit(tx, {
          districtId,
          actor,
          action: "update",
          entityType: "unit",
          entityId: row.id,
          before: { name: row.name, nameEn: row.name_en, kind: row.kind },
          after: { name: unit.name, nameEn: unit.nameEn, kind: unit.kind },
        });
        unitsUpdated += 1;
      }
    }
    return { districtId, planRowId, unitsCreated, unitsUpdated, changed: !unchanged };
  });
}

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
