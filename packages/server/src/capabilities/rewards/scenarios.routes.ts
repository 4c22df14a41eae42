/** Policy simulation (政策测算): scenarios of changes to the reward rules, their results, comparison and exports. */
import {
  ScenarioCompareQuerySchema,
  ScenarioComparisonSchema,
  ScenarioEditorSchema,
  ScenarioInputSchema,
  ScenarioListSchema,
  ScenarioResultSchema,
  ScenarioViewSchema,
} from "@beizeng/contract/reward-scenarios";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { scenarioBriefing, scenarioXlsx } from "./scenarios.exports";
import {
  compareRewardScenarios,
  createRewardScenario,
  deleteRewardScenario,
  getRewardScenario,
  listRewardScenarios,
  rewardScenarioResult,
  scenarioEditor,
  updateRewardScenario,
} from "./scenarios.service";

export async function scenarioRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  const permission = "rewards.scenarios";

  app.get("/api/rewards/scenarios", { config: { permission, response: ScenarioListSchema } }, async (request) => ({
    items: await listRewardScenarios(db, currentUser(request)),
  }));

  app.get(
    "/api/rewards/scenarios/editor",
    { config: { permission, response: ScenarioEditorSchema } },
    async (request) => scenarioEditor(db, currentUser(request)),
  );

  app.get(
    "/api/rewards/scenarios/compare",
    { config: { request: { query: ScenarioCompareQuerySchema }, permission, response: ScenarioComparisonSchema } },
    async (request) => {
      const { ids } = parseInput(ScenarioCompareQuerySchema, request.query, "比较测算方案");
      return compareRewardScenarios(db, currentUser(request), ids);
    },
  );

  app.post(
    "/api/rewards/scenarios",
    { config: { request: { body: ScenarioInputSchema }, permission, response: ScenarioViewSchema } },
    async (request) => {
      const input = parseInput(ScenarioInputSchema, request.body, "保存测算方案");
      return createRewardScenario(db, currentUser(request), actorOf(request), input);
    },
  );

  app.get(
    "/api/rewards/scenarios/:id",
    { config: { request: { params: idParamSchema }, permission, response: ScenarioViewSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return getRewardScenario(db, currentUser(request), id);
    },
  );

  app.put(
    "/api/rewards/scenarios/:id",
    {
      config: {
        request: { params: idParamSchema, body: ScenarioInputSchema },
        permission,
        response: ScenarioViewSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ScenarioInputSchema, request.body, "保存测算方案");
      return updateRewardScenario(db, currentUser(request), actorOf(request), id, input);
    },
  );

  app.delete(
    "/api/rewards/scenarios/:id",
    { config: { request: { params: idParamSchema }, permission, response: "none" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      await deleteRewardScenario(db, currentUser(request), actorOf(request), id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/rewards/scenarios/:id/result",
    { config: { request: { params: idParamSchema }, permission, response: ScenarioResultSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return rewardScenarioResult(db, currentUser(request), id);
    },
  );

  app.get(
    "/api/rewards/scenarios/:id/export.xlsx",
    { config: { request: { params: idParamSchema }, permission, response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { fileName, buffer } = await scenarioXlsx(db, currentUser(request), id);
      return sendDownload(reply, {
        fileName,
        asciiName: "scenario.xlsx",
        contentType: CONTENT_TYPES.xlsx,
        body: buffer,
      });
    },
  );

  app.get(
    "/api/rewards/scenarios/:id/briefing.docx",
    { config: { request: { params: idParamSchema }, permission, response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { fileName, buffer } = await scenarioBriefing(db, currentUser(request), id, "docx");
      return sendDownload(reply, {
        fileName,
        asciiName: "briefing.docx",
        contentType: CONTENT_TYPES.docx,
        body: buffer,
      });
    },
  );

  app.get(
    "/api/rewards/scenarios/:id/briefing.pdf",
    { config: { request: { params: idParamSchema }, permission, response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { fileName, buffer } = await scenarioBriefing(db, currentUser(request), id, "pdf");
      return sendDownload(reply, { fileName, asciiName: "briefing.pdf", contentType: CONTENT_TYPES.pdf, body: buffer });
    },
  );
}
