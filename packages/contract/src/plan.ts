/**
 * The active plan (/api/plan) and what the front end reads before anyone signs in (/api/health, /api/meta).
 * The plan travels as the plan file itself, so its schema is the plan format's own (packages/domain).
 */
import { PLAN_DIFF_SECTIONS } from "@beizeng/domain/plan/diff";
import { type PlanFile, planFileSchema } from "@beizeng/domain/plan/schema";
import { z } from "zod";

/** The district's active plan, as loaded: the plan file with its clause texts. */
export const PlanSchema = planFileSchema;
export type Plan = PlanFile;

/**
 * The process's health for load balancers and operators: the database, the background job runner (the shared
 * PostgreSQL queue or this process's own) and the latest run of each hourly job. `degraded` answers 503.
 */
export const HealthSchema = z.strictObject({
  status: z.enum(["ok", "degraded"]),
  database: z.strictObject({
    ok: z.boolean(),
    dialect: z.enum(["sqlite", "postgres"]),
    latencyMs: z.number().int().min(0).nullable(),
  }),
  jobs: z.strictObject({
    runner: z.enum(["postgres-queue", "in-process"]),
    ok: z.boolean(),
    queued: z.number().int().min(0),
    running: z.number().int().min(0),
  }),
  scheduled: z.array(
    z.strictObject({
      name: z.string(),
      /** The hour the run belongs to, YYYY-MM-DDTHH (UTC). */
      slot: z.string(),
      status: z.enum(["running", "done", "failed"]),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
});
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

/** The stored versions of the district's plans, newest first. */
export const PlanVersionListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      planId: z.string(),
      version: z.number().int(),
      title: z.string(),
      /** The current version: the one the office last confirmed. */
      current: z.boolean(),
      /** The first year the version governs. */
      effectiveYear: z.number().int().nullable(),
      loadedAt: z.string(),
      loadedBy: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type PlanVersionList = z.infer<typeof PlanVersionListSchema>;

/** A plan file's text as uploaded (YAML or JSON), with the name it had. */
export const PlanTextSchema = z
  .object({
    content: z.string().min(1, "方案文件为空").max(2_000_000, "方案文件不能超过 2 MB"),
    fileName: z.string().max(200).optional(),
  })
  .strict();
export type PlanText = z.infer<typeof PlanTextSchema>;

/** Confirming a previewed plan: the year it takes effect, why, and the version the preview was made against. */
export const PlanActivateSchema = PlanTextSchema.extend({
  effectiveYear: z.number().int().min(1949).max(2200),
  reason: z.string().trim().min(1, "请填写修订原因").max(500, "修订原因不能超过 500 字"),
  /** "planId@version" of the current version when previewed, null when the district had none. */
  expectedCurrent: z.string().max(200).nullable(),
}).strict();
export type PlanActivate = z.infer<typeof PlanActivateSchema>;

const PlanDiffSchema = z.strictObject({
  changes: z.array(
    z.strictObject({
      section: z.enum(PLAN_DIFF_SECTIONS),
      id: z.string().optional(),
      name: z.string().optional(),
      change: z.enum(["added", "removed", "changed"]),
      fields: z.array(
        z.strictObject({
          path: z.string(),
          before: z.unknown(),
          after: z.unknown(),
          kind: z.enum(["yuan", "rate", "list", "text", "number", "boolean", "object", "absent"]),
        }),
      ),
    }),
  ),
  summary: z.array(
    z.strictObject({
      section: z.enum(PLAN_DIFF_SECTIONS),
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
    }),
  ),
});

/** What loading a plan would change, and what stands in its way, before the office confirms it. */
export const PlanPreviewSchema = z.strictObject({
  plan: z.strictObject({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
  }),
  status: z.enum(["first", "revision", "unchanged"]),
  current: z.strictObject({ planId: z.string(), version: z.number().int(), title: z.string() }).nullable(),
  /** "planId@version" of the current version, to send back when confirming. */
  expectedCurrent: z.string().nullable(),
  diff: PlanDiffSchema,
  orphans: z.array(
    z.strictObject({
      section: z.enum(["units", "chains"]),
      what: z.string(),
      id: z.string(),
      name: z.string(),
      records: z.array(
        z.strictObject({
          kind: z.enum([
            "accounts",
            "locatedEnterprises",
            "ledTasks",
            "ledProjects",
            "openRequests",
            "chainEnterprises",
          ]),
          /** The kind in Chinese, as the refusal's message names it. */
          label: z.string(),
          count: z.number().int(),
          examples: z.array(z.string()),
        }),
      ),
    }),
  ),
  problems: z.array(z.string()),
});
export type PlanPreview = z.infer<typeof PlanPreviewSchema>;

export const PlanActivatedSchema = z.strictObject({
  planId: z.string(),
  version: z.number().int(),
  effectiveYear: z.number().int(),
  unitsCreated: z.number().int(),
  unitsUpdated: z.number().int(),
  unitsRetired: z.number().int(),
});
export type PlanActivated = z.infer<typeof PlanActivatedSchema>;
