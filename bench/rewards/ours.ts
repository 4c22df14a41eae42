/**
 * Our engine as the server's reward batch uses it (packages/server/src/services/rewards/compute.ts):
 * the plan compiled once, enterprises evaluated in batches of 200 with their investment projects
 * (CHUNK_SIZE there: the chunk evaluated between two progress updates), each batch's
 * entitlements kept in the common row form, every explanation record put in its stored form (JSON
 * text, stored-explanation.ts) and held until the batch is done, then let go — as the server
 * stores each one in its row and writes the text only when an explanation is read. Like the
 * server's batch, no why-nots are made: a why-not page evaluates its one enterprise again.
 * `whyNots` makes every why-not as well (a record of its reason and figures); `renderWhyNots` also
 * writes each in Chinese and English and holds the texts until the batch is done: the cost of
 * showing them all. `writeExplanations: false` keeps the explanation records without storing
 * them: what evaluating alone costs. `storeWritten` stores every explanation written out, as
 * JSON text. `compile` replaces the product's compiler (the benchmark's frozen copy of the kinds engine).
 */
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { type CompiledRewardPlan, compileRewardPlan, evaluateRewards } from "@beizeng/domain/rewards/engine";
import { explanationOf } from "@beizeng/domain/rewards/explanation";
import { serializeExplanation } from "@beizeng/domain/rewards/stored-explanation";
import type { InvestmentProject } from "@beizeng/domain/rewards/types";
import { whyNotText } from "@beizeng/domain/rewards/why-not";
import type { District } from "./generate";
import type { EntitlementRow } from "./rows";

export interface OursResult {
  rows: EntitlementRow[];
  explanations: number;
  nonPayments: number;
}

export function ourRewards(
  plan: PlanFile,
  district: District,
  explain: boolean,
  {
    whyNots = false,
    renderWhyNots = false,
    writeExplanations = true,
    storeWritten = false,
    batchSize = 200,
    compile = compileRewardPlan as (plan: PlanFile) => CompiledRewardPlan,
  } = {},
): OursResult {
  // Compiled once per batch, inside the timed run (the frozen kinds engine brings its own compiler).
  const compiled = compile(plan);
  const planRef = { id: plan.id, version: 1 };
  const projectsByCode = new Map<string, InvestmentProject[]>();
  for (const project of district.projects) {
    const list = projectsByCode.get(project.creditCode);
    if (list) list.push(project);
    else projectsByCode.set(project.creditCode, [project]);
  }
  const rows: EntitlementRow[] = [];
  let explanations = 0;
  let nonPayments = 0;
  const { enterprises } = district;
  for (let start = 0; start < enterprises.length; start += batchSize) {
    const batch = enterprises.slice(start, start + batchSize);
    const projects: InvestmentProject[] = [];
    for (const enterprise of batch) {
      const own = projectsByCode.get(enterprise.creditCode);
      if (own) for (const project of own) projects.push(project);
    }
    const result = evaluateRewards(
      compiled,
      { enterprises: batch, projects },
      { explain, whyNots: whyNots || renderWhyNots },
    );
    const written: string[] = [];
    for (const entitlement of result.entitlements) {
      if (entitlement.explanation !== undefined) {
        explanations++;
        if (writeExplanations)
          written.push(
            storeWritten
              ? JSON.stringify(explanationOf(entitlement))
              : serializeExplanation(entitlement.explanation, planRef),
          );
      }
      rows.push({
        creditCode: entitlement.creditCode,
        ruleId: entitlement.ruleId,
        tier: entitlement.tier,
        year: entitlement.year,
        amount: entitlement.amount,
        subjectId: entitlement.subjectId ?? null,
      });
    }
    if (written.length !== (explain && writeExplanations ? result.entitlements.length : 0))
      throw new Error("an explanation was not stored");
    nonPayments += result.nonPayments.length;
    if (renderWhyNots) {
      const texts: string[] = [];
      for (const entry of result.nonPayments) texts.push(whyNotText(entry, "zh"), whyNotText(entry, "en"));
      if (texts.length !== 2 * result.nonPayments.length) throw new Error("a why-not was not written");
    }
  }
  return { rows, explanations, nonPayments };
}
