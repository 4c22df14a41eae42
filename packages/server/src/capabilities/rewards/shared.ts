/**
 * What the rewards services share: the active plan with its award workflow, the rule catalogue, who acts at a
 * step (from the plan's units and duties, never a unit's id in code), the district's day, and the views.
 */
import type {
  EntitlementAction,
  EntitlementDetail,
  EntitlementStatus,
  EntitlementView,
} from "@beizeng/contract/rewards";
import { unitHasDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { rewardOutputs } from "@beizeng/domain/rewards/language/outline";
import type { Explanation } from "@beizeng/domain/rewards/types";
import {
  type AwardWorkflow,
  awaitedStep,
  awardWorkflowOf,
  officeUnit,
  type ResolvedAwardStep,
  stepActorText,
} from "@beizeng/domain/rewards/workflow";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { requireActivePlan, requirePlanInForce } from "../../platform/plan/plan-reader";
import { type EntitlementListRow, findUnitCode } from "./rewards.repository";
import type { RewardEntitlementEventRow } from "./rewards.table";

export interface ActivePlan {
  plan: PlanFile;
  version: number;
}

export async function activePlan(db: DbContext, districtId: string): Promise<ActivePlan> {
  const { plan, version } = await requireActivePlan(db, districtId);
  return { plan, version };
}

/** The version of the district's plan in force in `year`: what computing that year's rewards must use. */
export async function planInForce(db: DbContext, districtId: string, year: number): Promise<ActivePlan> {
  const { plan, version } = await requirePlanInForce(db, districtId, year);
  return { plan, version };
}

/** The active plan with its award workflow and the words for each step's actor. */
export interface WorkflowPlan extends ActivePlan {
  workflow: AwardWorkflow;
  catalog: Map<string, RuleInfo>;
}

export async function workflowPlan(db: DbContext, districtId: string): Promise<WorkflowPlan> {
  const active = await activePlan(db, districtId);
  return { ...active, workflow: awardWorkflowOf(active.plan), catalog: ruleCatalog(active.plan) };
}

/** The caller with the plan's id of its unit (a unit account), which the plan's steps and duties name. */
export interface Caller {
  user: AuthUser;
  unitCode: string | null;
}

export async function callerOf(db: DbContext, user: AuthUser): Promise<Caller> {
  if (user.role !== "unit" || user.unitId === null) return { user, unitCode: null };
  return { user, unitCode: (await findUnitCode(db, user.districtId, user.unitId)) ?? null };
}

/** Whether the caller acts at a step: the enterprise (its own reward, checked apart), the office, or a unit the step's duty or list gives it. */
export function actsAt(plan: PlanFile, caller: Caller, step: ResolvedAwardStep): boolean {
  const { role } = caller.user;
  switch (step.by) {
    case "enterprise":
      return role === "enterprise";
    case "office":
      return role === "office";
    case "duty":
      return role === "unit" && step.duty !== undefined && unitHasDuty(plan, caller.unitCode, step.duty);
    case "units":
      return role === "unit" && caller.unitCode !== null && (step.units ?? []).includes(caller.unitCode);
  }
}

/**
 * Who may send an entitlement back while it waits for a step: the step's actor; the office while it waits for
 * the enterprise's confirmation or for its publicity (the office runs it).
 */
export function rejectsAt(plan: PlanFile, caller: Caller, step: ResolvedAwardStep): boolean {
  if (step.kind === "confirm" || step.kind === "publicity") return caller.user.role === "office";
  return actsAt(plan, caller, step);
}

/** Who acts at a step, in both languages. */
export function actorWords(plan: PlanFile, step: ResolvedAwardStep): { actor: string; actorEn: string } {
  return { actor: stepActorText(plan, step, "zh"), actorEn: stepActorText(plan, step, "en") };
}

/** The plan's office (the leading group's office, as the plan names it), in both languages. */
export function officeWords(plan: PlanFile): { actor: string; actorEn: string } {
  const office = officeUnit(plan);
  return { actor: office?.name ?? "办公室", actorEn: office?.nameEn ?? "the office" };
}

/** Today in the district (China Standard Time), YYYY-MM-DD: publicities open and close by it. */
export function districtToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

export interface RuleInfo {
  /** The plan rule (R-PROJ for R-PROJ-50 / R-PROJ-20). */
  familyId: string;
  name: string;
  nameEn: string;
  clause: string;
  quote: string;
}

/** Every rule id an entitlement can carry, with the plan rule's name, clause and quote. */
export function ruleCatalog(plan: PlanFile): Map<string, RuleInfo> {
  const catalog = new Map<string, RuleInfo>();
  for (const rule of plan.rewards) {
    const info: RuleInfo = {
      familyId: rule.id,
      name: rule.name,
      nameEn: rule.nameEn,
      clause: rule.clause,
      quote: rule.quote,
    };
    catalog.set(rule.id, info);
    // A tier with its own rule id is named by the rule and the tier's category.
    for (const output of rewardOutputs(rule))
      if (output.ruleId !== rule.id)
        catalog.set(output.ruleId, {
          ...info,
          name: output.category === null ? rule.name : `${rule.name}（“${output.category}”）`,
          nameEn: output.category === null ? rule.nameEn : `${rule.nameEn} ("${output.category}")`,
        });
  }
  return catalog;
}

export const STATUS_LABELS: Record<string, string> = {
  computed: "已测算",
  confirmed: "企业已确认",
  reviewed: "已审核",
  publicized: "已公示",
  approved: "已审批",
  paid: "已支付",
  rejected: "已退回",
  superseded: "已被重算替代",
};

/** The step an entitlement row waits for in this plan's workflow. */
export function stepOfRow(
  workflow: AwardWorkflow,
  row: { status: EntitlementStatus; workflow_step: string | null },
): ResolvedAwardStep | null {
  return awaitedStep(workflow, row.status, row.workflow_step);
}

export function entitlementView(row: EntitlementListRow, context: WorkflowPlan): EntitlementView {
  const { catalog, plan } = context;
  const rule = catalog.get(row.rule_id);
  const step = stepOfRow(context.workflow, row);
  return {
    id: row.id,
    batchId: row.batch_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    creditCode: row.credit_code,
    projectId: row.project_id,
    projectName: row.project_name,
    ruleId: row.rule_id,
    ruleName: rule?.name ?? row.rule_id,
    ruleNameEn: rule?.nameEn ?? row.rule_id,
    clause: row.clause,
    tier: row.tier,
    subjectId: row.subject_id,
    year: row.year,
    amountFen: row.amount_fen === null ? null : String(row.amount_fen),
    status: row.status,
    oneTimeKey: row.one_time_key,
    changeFlag: row.change_flag,
    previousAmountFen: row.previous_amount_fen === null ? null : String(row.previous_amount_fen),
    bankAccount:
      row.bank_account_no === null
        ? null
        : {
            accountName: row.bank_account_name ?? "",
            bankName: row.bank_name ?? "",
            accountNo: row.bank_account_no,
          },
    voucherNo: row.voucher_no,
    paidOn: row.paid_on,
    reason: row.reason,
    updatedAt: row.updated_at,
    awaitingStep: step
      ? { id: step.id, kind: step.kind, name: step.name, nameEn: step.nameEn, ...actorWords(plan, step) }
      : null,
    recoveredFen: String(row.recovered_fen ?? "0"),
  };
}

/** `explanation` is the row's explanation written out (explanations.ts `renderStoredExplanation`). */
export function detailView(
  row: EntitlementListRow,
  context: WorkflowPlan,
  events: RewardEntitlementEventRow[],
  explanation: Explanation | null,
  rest: Pick<EntitlementDetail, "actions" | "publicity" | "objections" | "recoveries" | "computedUnder">,
): EntitlementDetail {
  return {
    ...entitlementView(row, context),
    explanation,
    quote: context.catalog.get(row.rule_id)?.quote ?? "",
    events: events.map((event) => ({
      // The events' text columns hold these vocabularies only (the routes' schemas check what is written).
      action: event.action as EntitlementAction,
      fromStatus: event.from_status as EntitlementStatus | null,
      toStatus: event.to_status as EntitlementStatus,
      actor: event.actor_label,
      reason: event.reason,
      at: event.at,
    })),
    ...rest,
  };
}
