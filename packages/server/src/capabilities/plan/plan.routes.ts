import {
  PlanActivatedSchema,
  PlanActivateSchema,
  PlanPreviewSchema,
  PlanSchema,
  PlanTextSchema,
  PlanVersionListSchema,
} from "@beizeng/contract/plan";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { sendDownload } from "../../platform/files/downloads";
import { parseInput } from "../../platform/http/validation";
import { getActivePlan } from "./plan.service";
import {
  listVersions,
  loadPlanIntoDistrict,
  parsePlanText,
  previewPlanLoad,
  versionYaml,
} from "./plan-versions.service";

const VersionParams = z.object({
  planId: z.string().regex(/^[a-z0-9-]+$/),
  version: z.coerce.number().int().positive(),
});

export async function planRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/plan", { config: { permission: "plan.read", response: PlanSchema } }, async (request) =>
    getActivePlan(db, currentUser(request).districtId),
  );

  app.get(
    "/api/plan/versions",
    { config: { permission: "plan.versions", response: PlanVersionListSchema } },
    async (request) => listVersions(db, currentUser(request).districtId),
  );

  app.get(
    "/api/plan/versions/:planId/:version/yaml",
    { config: { request: { params: VersionParams }, permission: "plan.versions", response: "file" } },
    async (request, reply) => {
      const params = parseInput(VersionParams, request.params, "方案版本");
      const file = await versionYaml(db, currentUser(request).districtId, params.planId, params.version);
      return sendDownload(reply, {
        fileName: file.fileName,
        contentType: "application/yaml; charset=utf-8",
        body: file.text,
      });
    },
  );

  /** What loading an uploaded plan file would change; nothing is stored. */
  app.post(
    "/api/plan/versions/preview",
    { config: { request: { body: PlanTextSchema }, permission: "plan.manage", response: PlanPreviewSchema } },
    async (request) => {
      const body = parseInput(PlanTextSchema, request.body, "预览方案");
      const plan = ownDistrictPlan(body.content, body.fileName, currentUser(request).districtId);
      const preview = await previewPlanLoad(db, plan);
      return {
        plan: {
          id: plan.id,
          version: plan.version,
          title: plan.title,
          startYear: plan.period.startYear,
          endYear: plan.period.endYear,
        },
        status: preview.status,
        current: preview.current,
        expectedCurrent: preview.current ? `${preview.current.planId}@${preview.current.version}` : null,
        diff: preview.diff,
        orphans: preview.orphans,
        problems: preview.problems,
      };
    },
  );

  /** Confirms a previewed plan as the current version, taking effect in the given year. */
  app.post(
    "/api/plan/versions",
    { config: { request: { body: PlanActivateSchema }, permission: "plan.manage", response: PlanActivatedSchema } },
    async (request) => {
      const body = parseInput(PlanActivateSchema, request.body, "启用方案");
      const plan = ownDistrictPlan(body.content, body.fileName, currentUser(request).districtId);
      const result = await loadPlanIntoDistrict(db, plan, actorOf(request), {
        effectiveYear: body.effectiveYear,
        reason: body.reason,
        expectedCurrent: body.expectedCurrent,
      });
      return {
        planId: plan.id,
        version: plan.version,
        effectiveYear: body.effectiveYear,
        unitsCreated: result.unitsCreated,
        unitsUpdated: result.unitsUpdated,
        unitsRetired: result.unitsRetired,
      };
    },
  );
}

/** The uploaded text as a valid plan of the caller's own district. */
function ownDistrictPlan(content: string, fileName: string | undefined, districtId: string) {
  const plan = parsePlanText(content, fileName?.trim() || "上传的方案文件");
  if (plan.district.code !== districtId) {
    throw badRequest(`方案文件的区划代码 ${plan.district.code}（${plan.district.name}）与本区 ${districtId} 不符`, [
      { path: "district.code", message: `必须是 ${districtId}` },
    ]);
  }
  return plan;
}
