/**
 * What the pipeline counts toward the plan's targets: projects introduced per year and category
 * (T-M2a, T-M2b, G2), the manufacturing share of fixed-asset investment (T-M5), and the funnel of
 * counts and planned investment per stage. The counting is the targets module's own metric, so the
 * targets dashboard and this page always agree.
 */
import type { InvestmentYearSaved, InvestmentYears, ProjectStats } from "@beizeng/contract/projects";
import { divideToDecimalString, sumFen } from "@beizeng/domain/money";
import { PROJECT_CATEGORIES, type ProjectCategory } from "@beizeng/domain/projects/category";
import { PROJECT_STAGES, type ProjectStage } from "@beizeng/domain/projects/lifecycle";
import { buildContext } from "@beizeng/domain/targets/compute";
import { METRICS } from "@beizeng/domain/targets/metrics";
import type { TargetSnapshot } from "@beizeng/domain/targets/snapshot";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, forbidden } from "../../platform/errors";
import { getActivePlan } from "../plan/index";
import { findInvestmentYears, saveInvestmentYear } from "./projects.repository";
import { projectViews, todayInDistrict } from "./projects.service";
import { projectAccess } from "./projects-access";

const INTRODUCED: readonly ProjectStage[] = ["signed", "construction", "production"];

export async function projectStats(db: DbContext, user: AuthUser, requestedYear?: number): Promise<ProjectStats> {
  const plan = await getActivePlan(db, user.districtId);
  const today = todayInDistrict();
  const year = requestedYear ?? Number(today.slice(0, 4));
  const views = await projectViews(db, user, {});
  const investmentRows = await findInvestmentYears(db, user.districtId);
  const snapshot: TargetSnapshot = {
    asOf: { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) },
    enterprises: [],
    figures: [],
    projects: views.map((view) => ({
      id: view.id,
      name: view.name,
      chainId: view.chainId,
      plannedInvestment: BigInt(view.plannedInvestmentFen),
      manufacturing: view.manufacturing,
      stage: view.stage,
      introducedYear: view.introducedYear,
      isKey: false,
      hasLeader: view.leader !== null,
    })),
    listings: [],
    investment: investmentRows.map((row) => ({
      year: row.year,
      total: BigInt(row.total_fen),
      manufacturing: BigInt(row.manufacturing_fen),
    })),
    onlineServices: [],
  };
  const context = buildContext(plan, snapshot);

  const targets = plan.targets
    .filter((target) => target.metric === "introducedProjects" || target.metric === "manufacturingInvestmentShare")
    .map((target) => {
      const metric = METRICS.get(target.metric);
      const value = metric?.valueIn(context, target, year) ?? null;
      const yearly = target.yearly.find((entry) => entry.year === year)?.value ?? null;
      const detail = value?.detail;
      return {
        id: target.id,
        clause: target.clause,
        name: target.name,
        nameEn: target.nameEn,
        metric: target.metric,
        unit: target.unit,
        target: target.value,
        deadline: target.deadline,
        /** Cumulative from the plan's start to `year` for counts; the year's own share for T-M5. */
        actual:
          value === null
            ? null
            : value.quantity.unit === "share" && value.quantity.ratio
              ? divideToDecimalString(value.quantity.ratio.numerator, value.quantity.ratio.denominator, 4)
              : String(value.quantity.value),
        yearlyTarget: yearly,
        thisYear: detail?.kind === "projects" ? (detail.byYear.find((entry) => entry.year === year)?.count ?? 0) : null,
        projectIds: detail?.kind === "projects" ? detail.projectIds : [],
      };
    });

  const introducedByYear: { year: number; counts: Record<ProjectCategory, number> }[] = [];
  for (let y = plan.period.startYear; y <= Math.max(year, plan.period.startYear); y++) {
    const counts = Object.fromEntries(PROJECT_CATEGORIES.map((category) => [category, 0])) as Record<
      ProjectCategory,
      number
    >;
    for (const view of views) {
      if (view.introducedYear === y && INTRODUCED.includes(view.stage)) counts[view.category]++;
    }
    introducedByYear.push({ year: y, counts });
  }

  const funnel = PROJECT_STAGES.map((stage) => {
    const inStage = views.filter((view) => view.stage === stage);
    return {
      stage,
      count: inStage.length,
      plannedInvestmentFen: String(sumFen(inStage.map((view) => BigInt(view.plannedInvestmentFen)))),
    };
  });

  const investmentRow = investmentRows.find((row) => row.year === year);
  const manufacturingProjects = views.filter((view) => view.manufacturing);
  return {
    year,
    introducedByYear,
    targets,
    funnel,
    manufacturing: {
      year,
      totalFen: investmentRow ? String(investmentRow.total_fen) : null,
      manufacturingFen: investmentRow ? String(investmentRow.manufacturing_fen) : null,
      share:
        investmentRow && BigInt(investmentRow.total_fen) > 0n
          ? divideToDecimalString(BigInt(investmentRow.manufacturing_fen), BigInt(investmentRow.total_fen), 4)
          : null,
      /** Completed investment of the pipeline's manufacturing projects to date, for comparison. */
      pipelineCompletedFen: String(sumFen(manufacturingProjects.map((view) => BigInt(view.completedInvestmentFen)))),
    },
  };
}

export async function listInvestmentYears(db: DbContext, user: AuthUser): Promise<InvestmentYears> {
  const plan = await getActivePlan(db, user.districtId);
  const access = await projectAccess(db, user, plan);
  const rows = await findInvestmentYears(db, user.districtId);
  return {
    canEdit: access.canEnterInvestment,
    items: rows.map((row) => ({
      year: row.year,
      totalFen: String(row.total_fen),
      manufacturingFen: String(row.manufacturing_fen),
      share:
        BigInt(row.total_fen) > 0n
          ? divideToDecimalString(BigInt(row.manufacturing_fen), BigInt(row.total_fen), 4)
          : null,
      updatedAt: row.updated_at,
    })),
  };
}

/** A unit the plan gives enterInvestment (区统计局), or the office, enters a year's fixed-asset investment total and its manufacturing part. */
export async function saveInvestment(
  db: DbContext,
  user: AuthUser,
  input: { year: number; totalFen: bigint; manufacturingFen: bigint },
  actor: Actor,
): Promise<InvestmentYearSaved> {
  const plan = await getActivePlan(db, user.districtId);
  const access = await projectAccess(db, user, plan);
  if (!access.canEnterInvestment) throw forbidden(`固定资产投资由${access.investmentHolders}填报`);
  if (input.manufacturingFen > input.totalFen) {
    throw badRequest("制造业投资不能大于全社会固定资产投资", [
      { path: "manufacturingFen", message: "制造业投资不能大于全社会固定资产投资" },
    ]);
  }
  return inTransaction(db, async (tx) => {
    const before = (await findInvestmentYears(tx, user.districtId)).find((row) => row.year === input.year);
    await saveInvestmentYear(tx, {
      district_id: user.districtId,
      year: input.year,
      total_fen: input.totalFen,
      manufacturing_fen: input.manufacturingFen,
      updated_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: before ? "update" : "create",
      entityType: "district_investment_year",
      entityId: input.year,
      before: before
        ? { totalFen: String(before.total_fen), manufacturingFen: String(before.manufacturing_fen) }
        : undefined,
      after: { totalFen: input.totalFen.toString(), manufacturingFen: input.manufacturingFen.toString() },
    });
    return {
      year: input.year,
      totalFen: input.totalFen.toString(),
      manufacturingFen: input.manufacturingFen.toString(),
    };
  });
}
