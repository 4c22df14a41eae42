/**
 * Reward rule pages: every rule of the plan as a page (its clause verbatim, what it pays in words written from its
 * structure, conditions, tiers, parameters with their readings, the facts it reads), worked examples from the
 * district's latest computed year — the enterprise paid the most, and the one that came nearest without it — and
 * the try-it calculator. The calculator runs the rewards engine on the plan version in force that year, over an
 * enterprise's register data exactly as a batch builds it (or over the figures entered), so its answer is the
 * batch's — but for a rule's yearly budget over all enterprises, which one enterprise cannot share: its award is
 * shown before the budget, with the year's ratio read from the year's batch. The office publishes the pages; published, they are read without login and name no enterprise.
 */
import type {
  PublicRuleAnswer,
  PublicRulesAnswer,
  PublicRuleTryAnswer,
  RulePage,
  RuleSummary,
  RulesIndex,
  RulesPublicationView,
  RuleTryResult,
  WorkedExample,
} from "@beizeng/contract/rule-pages";
import { documentOfClause } from "@beizeng/domain/plan/lookup";
import type { PlanFile, RewardRule } from "@beizeng/domain/plan/schema";
import { type CompiledRewardPlan, compiledRuleOnly, evaluateRewards } from "@beizeng/domain/rewards/engine";
import { explanationOf } from "@beizeng/domain/rewards/explanation";
import { parseRate } from "@beizeng/domain/rewards/format";
import { rewardRuleOf } from "@beizeng/domain/rewards/language/outline";
import {
  type CalculatorFigures,
  calculatorFigures,
  calculatorSubject,
} from "@beizeng/domain/rewards/language/rule-calculator";
import { type RulePageOutline, rulePageOutline } from "@beizeng/domain/rewards/language/rule-page";
import type { NonPayment, RewardInput } from "@beizeng/domain/rewards/types";
import { whyNotText } from "@beizeng/domain/rewards/why-not";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, forbidden, notFound } from "../../platform/errors";
import { declaredFactValuesOfDistrict } from "../figures/index";
import { type BudgetDescriptions, budgetNoteField, budgetNoteFor, storedBudgetShares } from "./budget-shares";
import { buildRewardInput } from "./engine-input";
import { citingDocument, compiledPlanVersion, renderStoredExplanation } from "./explanations";
import { findEnterpriseBrief, findLiveEntitlements, loadRewardRegister } from "./rewards.repository";
import { activePlan, planInForce } from "./shared";

// ---------------------------------------------------------------- publication

export async function rulesPublication(db: DbContext, districtId: string): Promise<RulesPublicationView> {
  const row = await db.kysely
    .selectFrom("rule_page_publications")
    .select(["published", "updated_at"])
    .where("district_id", "=", districtId)
    .executeTakeFirst();
  return { published: row?.published === 1, updatedAt: row?.updated_at ?? null };
}

/** The office publishes (or withdraws) the district's rule pages; audited. */
export async function publishRules(
  db: DbContext,
  districtId: string,
  published: boolean,
  actor: Actor,
): Promise<RulesPublicationView> {
  return inTransaction(db, async (tx) => {
    const before = await rulesPublication(tx, districtId);
    const now = new Date().toISOString();
    const values = { published: published ? 1 : 0, updated_at: now, updated_by: actor.userId };
    await tx.kysely
      .insertInto("rule_page_publications")
      .values({ district_id: districtId, ...values })
      .onConflict((oc) => oc.column("district_id").doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      districtId,
      actor,
      action: "update",
      entityType: "rule_pages",
      entityId: districtId,
      before: { published: before.published },
      after: { published },
    });
    return rulesPublication(tx, districtId);
  });
}

/** The district a public reader asks for (or the first publishing its rule pages), with its name. */
async function publishedDistrict(db: DbContext, districtId: string | null) {
  let query = db.kysely
    .selectFrom("rule_page_publications as p")
    .innerJoin("districts as d", "d.id", "p.district_id")
    .select(["p.district_id as id", "d.name"])
    .where("p.published", "=", 1);
  if (districtId !== null) query = query.where("p.district_id", "=", districtId);
  return query.orderBy("p.district_id").executeTakeFirst();
}

// ---------------------------------------------------------------- pages

function summaryOf(outline: RulePageOutline): RuleSummary {
  // The line saying how the amount is found: the first after the subject and conditions.
  const pays = outline.description[outline.conditions.length > 0 ? 2 : 1] ?? outline.description[0]!;
  return {
    ruleId: outline.ruleId,
    clause: outline.clause,
    name: outline.name,
    nameEn: outline.nameEn,
    subject: outline.subject,
    outputRuleIds: outline.outputRuleIds,
    pays,
  };
}

export async function listRules(db: DbContext, districtId: string): Promise<RulesIndex> {
  const { plan } = await activePlan(db, districtId);
  return {
    plan: { title: plan.title, titleEn: plan.titleEn },
    rules: plan.rewards.map((rule) => summaryOf(rulePageOutline(plan, rule))),
    published: (await rulesPublication(db, districtId)).published,
  };
}

function ruleOf(plan: PlanFile, ruleId: string): RewardRule {
  const rule = rewardRuleOf(plan, ruleId);
  if (rule === undefined) throw notFound(`方案中没有奖励规则 ${ruleId}`);
  return rule;
}

/** Whether worked examples name their enterprises: not in public, nor to an enterprise reading another's. */
type Naming = { named: true } | { named: false; ownEnterpriseId: number | null };

export async function rulePage(db: DbContext, districtId: string, ruleId: string, naming: Naming): Promise<RulePage> {
  const { plan } = await activePlan(db, districtId);
  const rule = ruleOf(plan, ruleId);
  const outline = rulePageOutline(plan, rule);
  const document = documentOfClause(plan, rule.clause);
  const { calculable, ...page } = outline;
  return {
    ...page,
    pays: summaryOf(outline).pays,
    calculable,
    document:
      document === undefined || document.id === null
        ? null
        : { title: document.title, titleEn: document.titleEn ?? null, number: document.number ?? null },
    examples: await workedExamples(db, districtId, outline, naming),
    period: { startYear: plan.period.startYear, endYear: plan.period.endYear },
  };
}

// ---------------------------------------------------------------- worked examples

/** The latest year the district computed. */
async function latestComputedYear(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("reward_batches")
    .select(["id", "year", "plan_id", "plan_version", "finished_at"])
    .where("district_id", "=", districtId)
    .where("status", "=", "done")
    .orderBy("year", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** How far a why-not is from the reward, as an exact fraction (fen, or a growth rate's share); null when it is not a figure short of a tier. */
export function gapOf(entry: NonPayment): { numerator: bigint; denominator: bigint } | null {
  if (entry.reason !== "belowLowestBand" && entry.reason !== "belowNextTier") return null;
  if (entry.distance !== null) return { numerator: entry.distance, denominator: 1n };
  const { figure, previousFigure, nearestTier } = entry;
  if (figure === null || previousFigure === null || previousFigure <= 0n || nearestTier === null) return null;
  let band: { numerator: bigint; denominator: bigint };
  try {
    band = parseRate(nearestTier);
  } catch {
    return null;
  }
  return {
    numerator: band.numerator * previousFigure - (figure - previousFigure) * band.denominator,
    denominator: band.denominator * previousFigure,
  };
}

function smaller(a: { numerator: bigint; denominator: bigint }, b: { numerator: bigint; denominator: bigint }) {
  return a.numerator * b.denominator < b.numerator * a.denominator;
}

/** Why-nots that say nothing about this enterprise's figures: no event, a missing figure, outside the plan. */
const UNINFORMATIVE = new Set(["noEvent", "missingFigure", "previousRevenueMissing", "outsidePlanPeriod"]);

interface DistrictInput {
  key: string;
  input: Promise<{
    compiled: CompiledRewardPlan;
    input: RewardInput;
    names: Map<string, { id: number; name: string }>;
  } | null>;
  /** Each rule's why-nots of the year, evaluated when first asked for. */
  whyNots: Map<string, Promise<NonPayment[]>>;
}

/** The district's register as its latest computed year's batch reads it, kept while that batch is the latest (one district at a time). */
const inputByDistrict = new Map<string, DistrictInput>();

async function districtWhyNots(
  db: DbContext,
  districtId: string,
  batch: NonNullable<Awaited<ReturnType<typeof latestComputedYear>>>,
  ruleId: string,
) {
  const key = `${batch.id}|${batch.finished_at ?? ""}`;
  let kept = inputByDistrict.get(districtId);
  if (kept === undefined || kept.key !== key) {
    const input = (async () => {
      const version = await compiledPlanVersion(db, districtId, { id: batch.plan_id, version: batch.plan_version });
      if (version === undefined) return null;
      const register = await loadRewardRegister(db, districtId);
      const built = buildRewardInput(register, {
        baselineYear: version.plan.period.baselineYear,
        startYear: version.plan.period.startYear,
      });
      await declaredFactValuesOfDistrict(
        db,
        districtId,
        version.plan.facts,
        built.input.enterprises,
        built.enterpriseIdByCode,
      );
      const live = await findLiveEntitlements(db, districtId);
      const alreadyGranted = live
        .filter((row) => row.year !== batch.year && (row.status === "paid" || row.status === "approved"))
        .map((row) => row.one_time_key);
      const names = new Map<string, { id: number; name: string }>();
      for (const row of register.enterprises) names.set(row.credit_code, { id: row.id, name: row.name });
      return { compiled: version.compiled, input: { ...built.input, alreadyGranted }, names };
    })();
    kept = { key, input, whyNots: new Map() };
    inputByDistrict.set(districtId, kept);
    input.catch(() => inputByDistrict.delete(districtId));
  }
  const district = await kept.input;
  if (district === null) return { nonPayments: [], names: new Map<string, { id: number; name: string }>() };
  let whyNots = kept.whyNots.get(ruleId);
  if (whyNots === undefined) {
    // Only this rule runs: its why-nots do not depend on the others.
    const result = evaluateRewards(compiledRuleOnly(district.compiled, ruleId), district.input, { explain: true });
    whyNots = Promise.resolve(result.nonPayments.filter((entry) => entry.year === batch.year));
    kept.whyNots.set(ruleId, whyNots);
  }
  return { nonPayments: await whyNots, names: district.names };
}

/** The narrowest why-not of a rule: the smallest gap to a tier, else the first that failed on the enterprise's own figures. */
export function narrowestWhyNot(entries: readonly NonPayment[], ruleId: string): NonPayment | null {
  let best: NonPayment | null = null;
  let bestGap: { numerator: bigint; denominator: bigint } | null = null;
  let fallback: NonPayment | null = null;
  for (const entry of entries) {
    if (entry.ruleId !== ruleId) continue;
    const gap = gapOf(entry);
    if (gap !== null && gap.numerator > 0n) {
      if (bestGap === null || smaller(gap, bestGap)) {
        best = entry;
        bestGap = gap;
      }
    } else if (fallback === null && !UNINFORMATIVE.has(entry.reason)) fallback = entry;
  }
  return best ?? fallback;
}

function shownEnterprise(enterprise: { id: number; name: string } | null | undefined, naming: Naming) {
  if (enterprise == null) return null;
  if (naming.named || naming.ownEnterpriseId === enterprise.id) return enterprise;
  return null;
}

async function workedExamples(
  db: DbContext,
  districtId: string,
  outline: RulePageOutline,
  naming: Naming,
): Promise<RulePage["examples"]> {
  const batch = await latestComputedYear(db, districtId);
  if (batch === undefined) return { year: null, paid: null, notPaid: null };
  const year = batch.year;
  // The award paid the most that year (a decided case by case one last), then the earliest stored.
  const rows = await db.kysely
    .selectFrom("reward_entitlements as r")
    .leftJoin("enterprises as e", "e.id", "r.enterprise_id")
    .select(["r.id", "r.enterprise_id", "e.name", "r.amount_fen", "r.explanation_json"])
    .where("r.district_id", "=", districtId)
    .where("r.year", "=", year)
    .where("r.rule_id", "in", outline.outputRuleIds)
    .where("r.status", "not in", ["superseded", "rejected"])
    .orderBy("r.id")
    .execute();
  let top: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (top === undefined) top = row;
    else if (row.amount_fen !== null && (top.amount_fen === null || BigInt(row.amount_fen) > BigInt(top.amount_fen)))
      top = row;
  }
  let paid: WorkedExample | null = null;
  if (top !== undefined) {
    const explanation = await renderStoredExplanation(db, districtId, top.explanation_json);
    if (explanation !== null)
      paid = {
        year,
        enterprise: shownEnterprise(
          top.enterprise_id === null ? null : { id: top.enterprise_id, name: top.name ?? "" },
          naming,
        ),
        amountFen: top.amount_fen === null ? null : String(top.amount_fen),
        text: { zh: explanation.zh, en: explanation.en },
        arithmetic: explanation.arithmetic,
        facts: explanation.facts.map(({ label, labelEn, year: factYear, value }) => ({
          label,
          labelEn,
          year: factYear,
          value,
        })),
      };
  }
  const { nonPayments, names } = await districtWhyNots(db, districtId, batch, outline.ruleId);
  const near = narrowestWhyNot(nonPayments, outline.ruleId);
  const notPaid: WorkedExample | null =
    near === null
      ? null
      : {
          year,
          enterprise: shownEnterprise(names.get(near.creditCode), naming),
          amountFen: null,
          text: { zh: whyNotText(near, "zh"), en: whyNotText(near, "en") },
          arithmetic: null,
          facts: near.facts.map(({ label, labelEn, year: factYear, value }) => ({
            label,
            labelEn,
            year: factYear,
            value,
          })),
        };
  return { year, paid, notPaid };
}

// ---------------------------------------------------------------- the calculator

/** The made-up enterprise of a calculation on figures entered (its code appears in no text). */
const TRIED_ENTERPRISE = "TRIED";

export interface TryRequest {
  year: number;
  enterpriseId?: number | undefined;
  figures?: CalculatorFigures | undefined;
}

/**
 * Runs the rule as the batch does: the plan version in force in the year, compiled once; an enterprise's input
 * built from the register with its declared facts and the one-time rewards granted in other years; the engine's
 * entitlements of the year of this rule's ids, with their explanations, or its why-nots.
 */
export async function tryRule(
  db: DbContext,
  districtId: string,
  ruleId: string,
  request: TryRequest,
  caller: AuthUser | null,
): Promise<RuleTryResult> {
  const { year } = request;
  const inForce = await planInForce(db, districtId, year);
  const version = await compiledPlanVersion(db, districtId, { id: inForce.plan.id, version: inForce.version });
  if (version === undefined) throw notFound("本区尚未加载行动方案");
  const { plan, compiled } = version;
  const rule = ruleOf(plan, ruleId);
  const outline = rulePageOutline(plan, rule);
  if (!outline.calculable)
    throw badRequest(`奖励规则 ${rule.id} 以旧的简写方式写成，不能试算；请以规则语言重写后再试`, [
      { path: "ruleId", message: "该规则不能试算" },
    ]);

  let input: RewardInput;
  let enterprise: { id: number; name: string } | null = null;
  let figures: CalculatorFigures;
  if (request.enterpriseId !== undefined) {
    if (caller === null) throw forbidden("公开的试算只接受录入的数据");
    if (caller.role === "enterprise" && caller.enterpriseId !== request.enterpriseId)
      throw forbidden("企业账号只能以本企业的数据试算");
    const brief = await findEnterpriseBrief(db, districtId, request.enterpriseId);
    if (brief === undefined)
      throw badRequest("未找到该企业", [{ path: "enterpriseId", message: "字段 enterpriseId：本区没有这家企业" }]);
    enterprise = { id: brief.id, name: brief.name };
    const register = await loadRewardRegister(db, districtId, brief.id);
    const built = buildRewardInput(register, {
      baselineYear: plan.period.baselineYear,
      startYear: plan.period.startYear,
    });
    await declaredFactValuesOfDistrict(db, districtId, plan.facts, built.input.enterprises, built.enterpriseIdByCode);
    // The batch's one-time rewards granted before: paid or approved in another year.
    const alreadyGranted = (await findLiveEntitlements(db, districtId))
      .filter(
        (row) =>
          row.credit_code === brief.credit_code &&
          row.year !== year &&
          (row.status === "paid" || row.status === "approved"),
      )
      .map((row) => row.one_time_key);
    const history = built.input.enterprises.find((candidate) => candidate.creditCode === brief.credit_code) ?? {
      creditCode: brief.credit_code,
      years: [],
    };
    input = { enterprises: [history], projects: built.input.projects ?? [], alreadyGranted };
    figures = calculatorFigures(outline, history, built.input.projects ?? [], year);
  } else {
    figures = request.figures ?? {};
    const tried = calculatorSubject(outline, year, figures, TRIED_ENTERPRISE);
    if (tried.problems.length > 0)
      throw badRequest(
        `试算数据有误：${tried.problems.map((problem) => `${problem.path}：${problem.message}`).join("；")}`,
        tried.problems.map((problem) => ({ path: problem.path, message: `字段 ${problem.path}：${problem.message}` })),
      );
    input = { enterprises: [tried.enterprise], projects: tried.projects };
  }

  const outputs = new Set(outline.outputRuleIds);
  // Figures entered for an investment project are paid in its production year, whatever year was asked.
  const anyYear = request.enterpriseId === undefined && outline.subject === "project";
  // One enterprise cannot share a yearly budget over all enterprises: the awards are before the budgets, each of a
  // budgeted rule with a note reading the year's ratio from the year's batch.
  const result = evaluateRewards(compiled, input, { explain: true, finalize: false });
  const awards = result.entitlements.filter((award) => outputs.has(award.ruleId) && (anyYear || award.year === year));
  const whyNots = result.nonPayments.filter(
    (entry) => entry.ruleId === rule.id && (anyYear || entry.year === null || entry.year === year),
  );
  let total = 0n;
  let caseByCase = false;
  for (const award of awards) {
    if (award.amount === null) caseByCase = true;
    else total += award.amount;
  }
  const shares = await storedBudgetShares(db, districtId);
  const described: BudgetDescriptions = new Map();
  // An enterprise's figures are read from the subject the engine paid, when it paid one.
  const subjectOfFigures = awards.find((award) => award.subjectId !== undefined)?.subjectId;
  if (request.enterpriseId !== undefined && subjectOfFigures !== undefined)
    figures = calculatorFigures(outline, input.enterprises[0]!, input.projects ?? [], year, subjectOfFigures);
  return {
    ruleId: rule.id,
    year,
    enterprise,
    amountFen: total.toString(),
    caseByCase,
    awards: awards.map((award) => {
      const written = explanationOf(award);
      if (written === undefined) throw new Error(`entitlement ${award.key} has no explanation`);
      return {
        ruleId: award.ruleId,
        tier: award.tier,
        subjectId: award.subjectId ?? null,
        amountFen: award.amount === null ? null : award.amount.toString(),
        explanation: citingDocument(plan, written),
        ...budgetNoteField(budgetNoteFor(plan, award, shares, described)),
      };
    }),
    whyNots: whyNots.map((entry) => ({
      reason: entry.reason,
      subjectId: entry.subjectId ?? null,
      zh: whyNotText(entry, "zh"),
      en: whyNotText(entry, "en"),
    })),
    figures,
  };
}

// ---------------------------------------------------------------- public

export async function publicRules(db: DbContext, districtId: string | null): Promise<PublicRulesAnswer> {
  const district = await publishedDistrict(db, districtId);
  if (district === undefined) return { published: false };
  const index = await listRules(db, district.id);
  return { published: true, district, plan: index.plan, rules: index.rules };
}

export async function publicRule(db: DbContext, districtId: string | null, ruleId: string): Promise<PublicRuleAnswer> {
  const district = await publishedDistrict(db, districtId);
  if (district === undefined) return { published: false };
  return {
    published: true,
    district,
    rule: await rulePage(db, district.id, ruleId, { named: false, ownEnterpriseId: null }),
  };
}

export async function publicTry(
  db: DbContext,
  districtId: string | null,
  ruleId: string,
  request: Omit<TryRequest, "enterpriseId">,
): Promise<PublicRuleTryAnswer> {
  const district = await publishedDistrict(db, districtId);
  if (district === undefined) return { published: false };
  return { published: true, result: await tryRule(db, district.id, ruleId, request, null) };
}
