/**
 * A plan drafted from its issued document (docs/plan-drafting.md): the office uploads the text (.txt or .docx)
 * and gets the draft plan file back, with what was read from the document — clauses, units, targets and the
 * sentences that promise money — and the fields a person must fill (〔待核定〕). Nothing is stored.
 */
import { MEASUREMENT_UNITS, UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import { z } from "zod";
import { FilePart } from "./common";

/** The upload: the document in `file`. */
export const PlanDraftFormSchema = z.object({
  file: FilePart.describe("发文原文：纯文本（.txt）或 Word 文档（.docx），至多 10 MB"),
});
export type PlanDraftForm = z.input<typeof PlanDraftFormSchema>;

const MONEY_SHAPES = ["amount", "tiers", "growth", "categories", "percent", "caseByCase"] as const;
export type MoneyShapeKind = (typeof MONEY_SHAPES)[number];

export const PlanDraftSchema = z.object({
  fileName: z.string(),
  /** The document's title as it names itself, when found. */
  title: z.string().nullable(),
  /** The plan in force the draft is the next version of (its id and version), or null for a district's first plan. */
  base: z.object({ planId: z.string(), version: z.number().int() }).nullable(),
  /** The draft plan file, YAML, and the same as data (〔待核定〕 where a person must decide). */
  yaml: z.string(),
  plan: z.record(z.string(), z.unknown()),
  clauses: z.array(z.object({ id: z.string(), section: z.string(), title: z.string(), text: z.string() })),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      kind: z.enum(UNIT_KINDS),
      clauses: z.array(z.string()),
      /** Already one of the district's units (matched by name). */
      known: z.boolean(),
    }),
  ),
  /** Collective names the notes use (各乡镇（街道）), written out as every place of the district. */
  collectives: z.array(z.string()),
  targets: z.array(
    z.object({
      id: z.string(),
      clause: z.string(),
      quote: z.string(),
      value: z.string(),
      unit: z.enum(MEASUREMENT_UNITS),
      comparison: z.enum(["gt", "gte"]),
      year: z.number().int().nullable(),
      aspiration: z.boolean(),
      /** The metric the words suggest, or null when a person must choose it. */
      metric: z.string().nullable(),
    }),
  ),
  money: z.array(
    z.object({
      ruleId: z.string(),
      clause: z.string(),
      quote: z.string(),
      /** Every amount the sentence writes, decimal strings of yuan. */
      amounts: z.array(z.string()),
      /** Every percentage it writes, as decimal rates ("0.05"). */
      rates: z.array(z.string()),
      shape: z.enum(MONEY_SHAPES),
      cap: z.string().nullable(),
    }),
  ),
  /** The fields a person must fill, by path (`rewards[3].per`), with what to write there. */
  marks: z.array(z.object({ path: z.string(), hint: z.string() })),
  /** Lines left out as page numbers, running headers or notes about the copy. */
  dropped: z.number().int(),
});
export type PlanDraft = z.infer<typeof PlanDraftSchema>;
