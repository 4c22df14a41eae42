/**
 * The category of an investment project ("50", "20", "≥2000万", other), derived from its planned
 * (contracted) total investment with the thresholds the plan's targets and reward rules use. The
 * thresholds are read through the targets module, so that a project is counted by the targets
 * exactly as it is labelled here.
 */
import type { Fen } from "../money";
import type { PlanFile } from "../plan/schema";
import { buildContext } from "../targets/compute";
import { investmentRange, planCategoryThresholds } from "../targets/metrics";

/** "50" and "20" are the province's "5020" projects; "industrial" is the ≥2000万 project of T-M2b. */
export const PROJECT_CATEGORIES = ["50", "20", "industrial", "other"] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** The minimum planned investment (fen, inclusive) of each counted category; null when the plan has none. */
export interface ProjectCategoryThresholds {
  fifty: Fen | null;
  twenty: Fen | null;
  industrial: Fen | null;
}

const EMPTY_SNAPSHOT = {
  asOf: { year: 2000, month: 12 },
  enterprises: [],
  figures: [],
  projects: [],
  listings: [],
  investment: [],
  onlineServices: [],
};

/**
 * Reads the category thresholds of a plan: "50" and "20" from its projectProduction reward rule
 * (with their parameters), the industrial threshold from its project-count target without a
 * category (T-M2b's "2000万元以上"). `parameters` overrides plan parameter values.
 */
export function projectCategoryThresholds(
  plan: PlanFile,
  parameters: Record<string, string | number | boolean> = {},
): ProjectCategoryThresholds {
  const context = buildContext(plan, EMPTY_SNAPSHOT, { parameters });
  const byCategory = planCategoryThresholds(context);
  let industrial: Fen | null = null;
  for (const target of plan.targets) {
    if (target.metric !== "introducedProjects" || target.options.category !== undefined) continue;
    const { min } = investmentRange(context, target);
    if (industrial === null || min < industrial) industrial = min;
  }
  return { fifty: byCategory.get("50") ?? null, twenty: byCategory.get("20") ?? null, industrial };
}

/** The category a planned investment falls in: the largest whose minimum it reaches (minimums inclusive). */
export function projectCategory(plannedInvestment: Fen, thresholds: ProjectCategoryThresholds): ProjectCategory {
  if (thresholds.fifty !== null && plannedInvestment >= thresholds.fifty) return "50";
  if (thresholds.twenty !== null && plannedInvestment >= thresholds.twenty) return "20";
  if (thresholds.industrial !== null && plannedInvestment >= thresholds.industrial) return "industrial";
  return "other";
}

/** Chinese labels of the categories, as the plan writes them. */
export const PROJECT_CATEGORY_LABELS: Readonly<Record<ProjectCategory, string>> = {
  "50": "“50”项目",
  "20": "“20”项目",
  industrial: "2000万元以上项目",
  other: "其他",
};

/**
 * The plan units that run the project pipeline: the lead units of the measures whose clause carries
 * a project target (introduced projects, manufacturing investment share) — in the Changjiang plan
 * M2's 区商务局 and M5's 区发改委.
 */
export function projectPipelineUnitIds(plan: PlanFile): string[] {
  const clauses = new Set(
    plan.targets
      .filter((target) => target.metric === "introducedProjects" || target.metric === "manufacturingInvestmentShare")
      .map((target) => target.clause),
  );
  const units = new Set<string>();
  for (const measure of plan.measures) {
    if (clauses.has(measure.clause)) for (const unit of measure.lead) units.add(unit);
  }
  return [...units];
}
