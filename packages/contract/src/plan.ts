/**
 * The active plan (/api/plan) and what the front end reads before anyone signs in (/api/health, /api/meta).
 * The plan travels as the plan file itself, so its schema is the plan format's own (packages/domain).
 */
import { type PlanFile, planFileSchema } from "@beizeng/domain/plan/schema";
import { z } from "zod";

/** The district's active plan, as loaded: the plan file with its clause texts. */
export const PlanSchema = planFileSchema;
export type Plan = PlanFile;

export const HealthSchema = z.strictObject({ status: z.literal("ok") });
export type Health = z.infer<typeof HealthSchema>;

/**
 * The district (the caller's, else the configured one, else the first), its active plan and whether it holds
 * demonstration data. An empty database has neither district nor plan.
 */
export const MetaSchema = z.strictObject({
  demo: z.boolean(),
  district: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  plan: z.strictObject({ id: z.string(), title: z.string(), version: z.number().int() }).nullable(),
});
export type Meta = z.infer<typeof MetaSchema>;
