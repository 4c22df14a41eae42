/**
 * A plan drafted from the text of its issued document (docs/plan-drafting.md). The drafter is the domain's
 * (pure); this reads the uploaded file's text and, when the district has a plan in force, drafts the next version
 * of it (its id, district, units by name, settings kept). Nothing is stored: the office completes the draft and
 * loads it through the plan's versions, previewed and confirmed as any plan file.
 */
import type { PlanDraft } from "@beizeng/contract/plan-draft";
import { draftPlan } from "@beizeng/domain/plan/draft/draft-plan";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { documentText } from "./document-text";

/** Drafts a plan from a document's bytes (.txt or .docx), as the next version of `base` when there is one. */
export async function draftFromDocument(
  bytes: Buffer,
  fileName: string,
  base: PlanFile | undefined,
): Promise<PlanDraft> {
  const text = await documentText(bytes, fileName);
  const draft = draftPlan(text, base ? { base } : {});
  return {
    fileName,
    title: draft.header.title ?? null,
    base: base ? { planId: base.id, version: base.version } : null,
    yaml: draft.yaml,
    plan: draft.plan,
    clauses: draft.clauses,
    units: draft.units,
    collectives: draft.collectives,
    targets: draft.targets.map((target) => ({
      id: target.id,
      clause: target.clause,
      quote: target.quote,
      value: target.value,
      unit: target.unit,
      comparison: target.comparison,
      year: target.year ?? null,
      aspiration: target.aspiration,
      metric: target.metric ?? null,
    })),
    money: draft.money.map((sentence) => ({
      ruleId: sentence.ruleId,
      clause: sentence.clause,
      quote: sentence.quote,
      amounts: sentence.amounts,
      rates: sentence.rates,
      shape: sentence.shape.kind,
      cap: sentence.cap ?? null,
    })),
    marks: draft.marks.map((mark) => ({ path: pathText(mark.path), hint: mark.hint })),
    dropped: draft.dropped.length,
  };
}

function pathText(path: readonly (string | number)[]): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text ? `.${part}` : part;
  return text;
}
