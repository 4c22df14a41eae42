/**
 * The facts a plan declares beyond the register's own (electricity use, land area, a recognition's level):
 * an enterprise's values with their periods and sources (/api/enterprises/:id/declared-facts), entered and
 * confirmed one by one or imported from the plan's template (/api/imports/declared-facts, all or nothing).
 */
import { FACT_MEASURES, FACT_PERIODS } from "@beizeng/domain/plan/vocabulary";
import { z } from "zod";
import { FilePart, Timestamp } from "./common";

export { FACT_MEASURES, FACT_PERIODS, type FactMeasure, type FactPeriod } from "@beizeng/domain/plan/vocabulary";

/** A fact as the plan declares it, in both languages, for forms and tables. */
export const DeclaredFactSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  measure: z.enum(FACT_MEASURES),
  /** A quantity's unit in words (千瓦时), or null. */
  unitName: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  period: z.enum(FACT_PERIODS),
  /** The unit that supplies the values, in both languages; null: the office. */
  suppliedBy: z.object({ name: z.string(), nameEn: z.string() }).nullable(),
  categories: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
});
export type DeclaredFact = z.infer<typeof DeclaredFactSchema>;

/** One value of an enterprise: the fact, the year and its period (0: the year), the value written and shown. */
export const DeclaredFactValueSchema = z.object({
  fact: z.string(),
  year: z.number().int(),
  period: z.number().int(),
  /** The value as a person writes it in the fact's unit ("12000000.5", "provincial"). */
  text: z.string(),
  /** The value as shown, in each language ("12,000,000.50 千瓦时", "省级"). */
  shown: z.string(),
  shownEn: z.string(),
  /** The period in words ("2024年", "2024年第2季度"). */
  periodLabel: z.string(),
  periodLabelEn: z.string(),
  sourceKind: z.enum(["entry", "import", "self_report"]),
  /** The file an imported value came from. */
  sourceRef: z.string().nullable(),
  confirmed: z.boolean(),
  recordedAt: Timestamp,
});
export type DeclaredFactValue = z.infer<typeof DeclaredFactValueSchema>;

export const EnterpriseDeclaredFactsSchema = z.object({
  facts: z.array(DeclaredFactSchema),
  values: z.array(DeclaredFactValueSchema),
  /** Whether the caller may enter values, and confirm them. */
  canEnter: z.boolean(),
  canConfirm: z.boolean(),
});
export type EnterpriseDeclaredFacts = z.infer<typeof EnterpriseDeclaredFactsSchema>;

/** Entering one value: the fact, the year and period, the value in the fact's unit. */
export const DeclaredFactBodySchema = z.strictObject({
  fact: z.string().min(1, "请选择数据项"),
  year: z.number({ error: "请填写年度" }).int("年度应为整数").min(1949, "年度不合理").max(2200, "年度不合理"),
  period: z.number().int().min(0).max(12).default(0),
  value: z.string({ error: "请填写数值" }).trim().min(1, "请填写数值"),
});
export type DeclaredFactBody = z.input<typeof DeclaredFactBodySchema>;

/** Confirming one value. */
export const DeclaredFactConfirmSchema = DeclaredFactBodySchema.omit({ value: true });
export type DeclaredFactConfirm = z.input<typeof DeclaredFactConfirmSchema>;

/** The import of the plan's template, as a multipart form. */
export const DeclaredFactsImportFormSchema = z.strictObject({
  file: FilePart.describe("计划数据项导入模板（.xlsx），至多 20 MB"),
});
export type DeclaredFactsImportForm = z.input<typeof DeclaredFactsImportFormSchema>;

/** What an import wrote: values per fact, the enterprises and rows read. */
export const DeclaredFactsImportedSchema = z.object({
  rows: z.number().int(),
  values: z.number().int(),
  enterprises: z.number().int(),
});
export type DeclaredFactsImported = z.infer<typeof DeclaredFactsImportedSchema>;
