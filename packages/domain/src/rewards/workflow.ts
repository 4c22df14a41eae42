/**
 * The award workflow (奖励兑现流程): the statuses of an entitlement once computed, the kinds of step a plan's
 * workflow is made of, and which step an entitlement waits for. Zod-free: the server that moves an entitlement
 * and the web that shows it read the same words.
 *
 * A plan declares its steps (`awardWorkflow` in plans/<id>/plan.yaml, e.g. 企业确认 → 部门审核 → 公示 7 天 → 审批 →
 * 拨付); without one, the product's own workflow applies: confirmed by the enterprise, reviewed by the office,
 * approved and paid by the units holding the payRewards duty. Each kind of step leaves the entitlement in one
 * status; rejected at any step; superseded when a recomputation replaced it before payment.
 */
import type { UnitDuty } from "../plan/vocabulary";

export const ENTITLEMENT_STATUSES = [
  "computed",
  "confirmed",
  "reviewed",
  "publicized",
  "approved",
  "paid",
  "rejected",
  "superseded",
] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];

/** The kinds of step the product knows: what each does is fixed here, their order and actors are the plan's. */
export const AWARD_STEP_KINDS = ["confirm", "review", "publicity", "approve", "pay"] as const;
export type AwardStepKind = (typeof AWARD_STEP_KINDS)[number];

/**
 * Who acts at a step: the enterprise itself (confirm), the leading group's office, the units the plan gives a
 * duty (`duty`), or the units the step names (`units`).
 */
export const AWARD_STEP_ACTORS = ["enterprise", "office", "duty", "units"] as const;
export type AwardStepActor = (typeof AWARD_STEP_ACTORS)[number];

/** The duty whose units pay rewards; the pay step is always theirs. */
export const PAYING_DUTY: UnitDuty = "payRewards";

/** One step as the plan declares it (plan/schema.ts `awardStepSchema`). */
export interface AwardStep {
  id: string;
  kind: AwardStepKind;
  name: string;
  nameEn: string;
  by?: AwardStepActor | undefined;
  duty?: UnitDuty | undefined;
  units?: readonly string[] | undefined;
  /** A publicity step's length in calendar days, its first day included. */
  days?: number | undefined;
}

/** A step with its actor spelt out (the defaults of confirm, publicity and pay filled in). */
export interface ResolvedAwardStep extends AwardStep {
  by: AwardStepActor;
}

export interface AwardWorkflow {
  steps: readonly ResolvedAwardStep[];
  /** False when the plan declares none and the product's default applies. */
  declared: boolean;
}

/** The status an entitlement is in once a step of this kind is done. */
export const STATUS_AFTER_STEP: Record<AwardStepKind, EntitlementStatus> = {
  confirm: "confirmed",
  review: "reviewed",
  publicity: "publicized",
  approve: "approved",
  pay: "paid",
};

/** Where a status stands in the product's order of kinds, for rows whose step cannot be read from the plan. */
const STATUS_RANK: Partial<Record<EntitlementStatus, number>> = {
  computed: 0,
  confirmed: 1,
  reviewed: 2,
  publicized: 3,
  approved: 4,
};
const KIND_RANK: Record<AwardStepKind, number> = { confirm: 1, review: 2, publicity: 3, approve: 4, pay: 5 };

/** Statuses from which no step is taken any more. */
export const FINAL_STATUSES: readonly EntitlementStatus[] = ["paid", "rejected", "superseded"];

/** The workflow of a plan that declares none: what the product did before plans declared it. */
export const DEFAULT_AWARD_STEPS: readonly AwardStep[] = [
  { id: "confirm", kind: "confirm", name: "企业确认", nameEn: "Confirmation by the enterprise", by: "enterprise" },
  { id: "review", kind: "review", name: "审核", nameEn: "Review", by: "office" },
  { id: "approve", kind: "approve", name: "审批", nameEn: "Approval", by: "duty", duty: PAYING_DUTY },
  { id: "pay", kind: "pay", name: "拨付", nameEn: "Payment", by: "duty", duty: PAYING_DUTY },
];

/** The actor of a step whose plan leaves it out: confirm is the enterprise's, publicity the office's, pay the paying units'. */
function resolveStep(step: AwardStep): ResolvedAwardStep {
  if (step.by !== undefined) return { ...step, by: step.by };
  if (step.kind === "confirm") return { ...step, by: "enterprise" };
  if (step.kind === "pay") return { ...step, by: "duty", duty: PAYING_DUTY };
  return { ...step, by: "office" };
}

/** The plan's award workflow, or the product's default when it declares none. */
export function awardWorkflowOf(plan: { awardWorkflow?: { steps: readonly AwardStep[] } | undefined }): AwardWorkflow {
  const declared = plan.awardWorkflow !== undefined;
  const steps = plan.awardWorkflow?.steps ?? DEFAULT_AWARD_STEPS;
  return { steps: steps.map(resolveStep), declared };
}

export function findStep(workflow: AwardWorkflow, id: string | null | undefined): ResolvedAwardStep | undefined {
  return id == null ? undefined : workflow.steps.find((step) => step.id === id);
}

/** The step after this one, or null after the last. */
export function stepAfter(workflow: AwardWorkflow, step: ResolvedAwardStep): ResolvedAwardStep | null {
  const index = workflow.steps.findIndex((candidate) => candidate.id === step.id);
  return index < 0 ? null : (workflow.steps[index + 1] ?? null);
}

/**
 * The step an entitlement waits for, from its status and the step stored with it. A row stored before its
 * district declared a workflow, or whose stored step the plan's current version no longer has, waits for the
 * step after the last one that leaves its status (a reviewed row waits for what follows the last review), or
 * else the first step of a kind that comes later in the product's order. Null once paid, rejected or superseded.
 */
export function awaitedStep(
  workflow: AwardWorkflow,
  status: EntitlementStatus,
  storedStepId: string | null | undefined,
): ResolvedAwardStep | null {
  if (FINAL_STATUSES.includes(status)) return null;
  const stored = findStep(workflow, storedStepId);
  if (stored) return stored;
  if (status === "computed") return workflow.steps[0] ?? null;
  let last = -1;
  workflow.steps.forEach((step, index) => {
    if (STATUS_AFTER_STEP[step.kind] === status) last = index;
  });
  if (last >= 0) return workflow.steps[last + 1] ?? null;
  const rank = STATUS_RANK[status] ?? 0;
  return workflow.steps.find((step) => KIND_RANK[step.kind] > rank) ?? null;
}

/**
 * The statuses whose rows wait for this step when no usable step is stored with them (awaitedStep's reading
 * of the status alone), so that a list can be filtered by step in one query.
 */
export function statusesAwaitingWithoutStoredStep(workflow: AwardWorkflow, stepId: string): EntitlementStatus[] {
  return ENTITLEMENT_STATUSES.filter((status) => awaitedStep(workflow, status, null)?.id === stepId);
}

/** The first step of a kind, if the workflow has one. */
export function stepOfKind(workflow: AwardWorkflow, kind: AwardStepKind): ResolvedAwardStep | undefined {
  return workflow.steps.find((step) => step.kind === kind);
}

interface PlanUnitLike {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  duties: readonly string[];
}

/** The units acting at a step: those given its duty, or those it names, in plan order; none for the office or an enterprise. */
export function stepUnits<Unit extends PlanUnitLike>(
  plan: { units: readonly Unit[] },
  step: ResolvedAwardStep,
): Unit[] {
  if (step.by === "duty")
    return plan.units.filter((unit) => step.duty !== undefined && unit.duties.includes(step.duty));
  if (step.by === "units") return plan.units.filter((unit) => step.units?.includes(unit.id));
  return [];
}

/** The plan's office (kind office), which acts for "office" steps. */
export function officeUnit<Unit extends PlanUnitLike>(plan: { units: readonly Unit[] }): Unit | undefined {
  return plan.units.find((unit) => unit.kind === "office");
}

/** Who acts at a step, in words: 领导小组办公室, 区财政局, 区经信局、区商务局, 企业. */
export function stepActorText(
  plan: { units: readonly PlanUnitLike[] },
  step: ResolvedAwardStep,
  language: "zh" | "en",
): string {
  if (step.by === "enterprise") return language === "zh" ? "企业" : "the enterprise";
  if (step.by === "office") {
    const office = officeUnit(plan);
    return language === "zh" ? (office?.name ?? "办公室") : (office?.nameEn ?? "the office");
  }
  const names = stepUnits(plan, step).map((unit) => (language === "zh" ? unit.name : unit.nameEn));
  return language === "zh" ? names.join("、") : names.join(", ");
}

/** The last day of a publicity of `days` days starting on `startsOn` (YYYY-MM-DD, both days included). */
export function publicityEndsOn(startsOn: string, days: number): string {
  const date = new Date(`${startsOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days - 1);
  return date.toISOString().slice(0, 10);
}

export type PublicityState = "upcoming" | "open" | "closed";

/** Whether a publicity has started, runs or is over on `today` (YYYY-MM-DD in the district's time). */
export function publicityState(startsOn: string, endsOn: string, today: string): PublicityState {
  if (today < startsOn) return "upcoming";
  return today > endsOn ? "closed" : "open";
}
