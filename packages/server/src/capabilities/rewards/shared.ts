/** What the rewards services share: the active plan, the rule catalogue, the finance unit and the views. */
import type {
  EntitlementAction,
  EntitlementDetail,
  EntitlementStatus,
  EntitlementView,
} from "@beizeng/contract/rewards";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { Explanation } from "@beizeng/domain/rewards/types";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { forbidden } from "../../platform/errors";
import { requireActivePlan } from "../../platform/plan/plan-reader";
import { type EntitlementListRow, findUnitIdByCode } from "./rewards.repository";
import type { RewardEntitlementEventRow } from "./rewards.table";

/** The plan's unit id of 区财政局, which approves and pays rewards (plans/<id>/plan.yaml, units). */
export const FINANCE_UNIT_CODE = "finance-bureau";

export interface ActivePlan {
  plan: PlanFile;
  version: number;
}

export async function activePlan(db: DbContext, districtId: string): Promise<ActivePlan> {
  const { plan, version } = await requireActivePlan(db, districtId);
  return { plan, version };
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
    if (rule.kind === "projectProduction")
      for (const category of rule.categories)
        catalog.set(category.ruleId, {
          ...info,
          name: `“${category.category}”项目投产奖励`,
          nameEn: `Reward for a "${category.category}" project going into production`,
        });
  }
  return catalog;
}

/** Whether the caller is staff of the district's finance bureau (区财政局). */
export async function isFinanceStaff(db: DbContext, user: AuthUser): Promise<boolean> {
  if (user.role !== "unit" || user.unitId === null) return false;
  const financeUnitId = await findUnitIdByCode(db, user.districtId, FINANCE_UNIT_CODE);
  return financeUnitId !== undefined && financeUnitId === user.unitId;
}

export async function requireFinanceStaff(db: DbContext, user: AuthUser): Promise<void> {
  if (!(await isFinanceStaff(db, user))) throw forbidden("只有区财政局可以审批和登记支付奖励");
}

export const STATUS_LABELS: Record<string, string> = {
  computed: "已测算",
  confirmed: "企业已确认",
  reviewed: "已审核",
  approved: "已审批",
  paid: "已支付",
  rejected: "已退回",
  superseded: "已被重算替代",
};

export function entitlementView(row: EntitlementListRow, catalog: Map<string, RuleInfo>): EntitlementView {
  const rule = catalog.get(row.rule_id);
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
  };
}

/** `explanation` is the row's explanation written out (explanations.ts `renderStoredExplanation`). */
export function detailView(
  row: EntitlementListRow,
  catalog: Map<string, RuleInfo>,
  events: RewardEntitlementEventRow[],
  explanation: Explanation | null,
): EntitlementDetail {
  return {
    ...entitlementView(row, catalog),
    explanation,
    quote: catalog.get(row.rule_id)?.quote ?? "",
    events: events.map((event) => ({
      // The events' text columns hold these vocabularies only (the routes' schemas check what is written).
      action: event.action as EntitlementAction,
      fromStatus: event.from_status as EntitlementStatus | null,
      toStatus: event.to_status as EntitlementStatus,
      actor: event.actor_label,
      reason: event.reason,
      at: event.at,
    })),
  };
}
