/**
 * Who may change what in the project pipeline, beyond the role checks of the permissions table:
 * the office, and the staff of the plan's pipeline units (the lead units of the measures carrying
 * the project targets: 区商务局 and 区发改委 in the Changjiang plan, found by unit code in the plan);
 * the yearly fixed-asset investment the office and the units the plan gives the duty enterInvestment.
 */

import { unitHasDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { projectPipelineUnitIds } from "@beizeng/domain/projects/category";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersText } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { forbidden } from "../../platform/errors";
import { findDistrictUnits } from "./projects.repository";

export interface ProjectAccess {
  /** May create and edit projects, move them, raise problems, import. */
  canWrite: boolean;
  /** May enter the yearly fixed-asset investment totals. */
  canEnterInvestment: boolean;
  /** Who may enter them, in words for a refusal (the office and the units holding enterInvestment). */
  investmentHolders: string;
  /** The unit codes that may write projects (besides the office). */
  pipelineUnitCodes: string[];
}

export async function projectAccess(db: DbContext, user: AuthUser, plan: PlanFile): Promise<ProjectAccess> {
  const pipelineUnitCodes = projectPipelineUnitIds(plan);
  let unitCode: string | null = null;
  if (user.role === "unit" && user.unitId !== null) {
    const units = await findDistrictUnits(db, user.districtId);
    unitCode = units.find((unit) => unit.id === user.unitId)?.code ?? null;
  }
  return {
    canWrite: user.role === "office" || (unitCode !== null && pipelineUnitCodes.includes(unitCode)),
    canEnterInvestment: user.role === "office" || unitHasDuty(plan, unitCode, "enterInvestment"),
    investmentHolders: dutyHoldersText(plan, "enterInvestment"),
    pipelineUnitCodes,
  };
}

export function requireWrite(access: ProjectAccess): void {
  if (!access.canWrite) {
    throw forbidden("只有领导小组办公室和项目牵头单位（招大引强、产业项目建设的牵头单位）可以修改项目");
  }
}
