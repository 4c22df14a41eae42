/**
 * "Why not?" for one enterprise: runs every rule over its data as it stands and returns what it is
 * entitled to and, for each rule that pays nothing, the reason with the facts and parameters used. A rule's yearly
 * budget over all enterprises is not applied to the one enterprise: its award is shown before the budget, told so.
 */
import type { WhyNot } from "@beizeng/contract/rewards";
import { evaluateRewards } from "@beizeng/domain/rewards/engine";
import { explanationOf } from "@beizeng/domain/rewards/explanation";
import { whyNotText } from "@beizeng/domain/rewards/why-not";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { notFound } from "../../platform/errors";
import { declaredFactValuesOfDistrict } from "../figures/index";
import { type BudgetDescriptions, budgetNoteField, budgetNoteFor, storedBudgetShares } from "./budget-shares";
import { buildRewardInput } from "./engine-input";
import { citingDocument } from "./explanations";
import { findEnterpriseBrief, findLiveEntitlements, loadRewardRegister } from "./rewards.repository";
import { activePlan, ruleCatalog } from "./shared";

export async function whyNot(db: DbContext, user: AuthUser, enterpriseId: number, year?: number): Promise<WhyNot> {
  const enterprise = await findEnterpriseBrief(db, user.districtId, enterpriseId);
  if (!enterprise) throw notFound("未找到该企业");
  const { plan } = await activePlan(db, user.districtId);
  const catalog = ruleCatalog(plan);
  const register = await loadRewardRegister(db, user.districtId, enterpriseId);
  const built = buildRewardInput(register, {
    baselineYear: plan.period.baselineYear,
    startYear: plan.period.startYear,
  });
  await declaredFactValuesOfDistrict(
    db,
    user.districtId,
    plan.facts,
    built.input.enterprises,
    built.enterpriseIdByCode,
  );
  const live = await findLiveEntitlements(db, user.districtId);
  const alreadyGranted = live
    .filter((row) => row.credit_code === enterprise.credit_code && (row.status === "paid" || row.status === "approved"))
    .map((row) => row.one_time_key);
  // One enterprise cannot share a yearly budget over all enterprises: its awards are shown before the budgets, each
  // of a budgeted rule with a note reading the year's ratio from the year's batch.
  const result = evaluateRewards(plan, { ...built.input, alreadyGranted }, { explain: true, finalize: false });
  const shares = await storedBudgetShares(db, user.districtId);
  const described: BudgetDescriptions = new Map();
  const inYear = <T extends { year: number | null }>(item: T) =>
    year === undefined || item.year === null || item.year === year;
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, creditCode: enterprise.credit_code },
    year: year ?? null,
    entitlements: result.entitlements.filter(inYear).map((entitlement) => {
      const written = explanationOf(entitlement);
      const explanation = written === undefined ? undefined : citingDocument(plan, written);
      return {
        key: entitlement.key,
        creditCode: entitlement.creditCode,
        ruleId: entitlement.ruleId,
        clause: entitlement.clause,
        tier: entitlement.tier,
        year: entitlement.year,
        ...(entitlement.subjectId === undefined ? {} : { subjectId: entitlement.subjectId }),
        amountFen: entitlement.amount === null ? null : entitlement.amount.toString(),
        ruleName: catalog.get(entitlement.ruleId)?.name ?? entitlement.ruleId,
        ...(explanation === undefined ? {} : { explanation }),
        ...budgetNoteField(budgetNoteFor(plan, entitlement, shares, described)),
      };
    }),
    // The engine keeps why-nots as figures; the sentences are written here, for the entries shown.
    nonPayments: result.nonPayments.filter(inYear).map((item) => ({
      creditCode: item.creditCode,
      ruleId: item.ruleId,
      clause: item.clause,
      reason: item.reason,
      year: item.year,
      ...(item.subjectId === undefined ? {} : { subjectId: item.subjectId }),
      facts: item.facts,
      parameters: item.parameters,
      zh: whyNotText(item, "zh"),
      en: whyNotText(item, "en"),
      ruleName: catalog.get(item.ruleId)?.name ?? item.ruleId,
    })),
  };
}
