import {
  ReportReturnedSchema,
  ReportSchema,
  ReportSubmittedSchema,
  ReturnSchema,
  WebhookSchema,
  WebhookSettingsViewSchema,
} from "@beizeng/contract/supervision";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { sendStoredFile } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { getAttachment, getWebhookSettings, returnReport, setWebhookSettings, submitReport } from "./reports.service";

export async function reportsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.post(
    "/api/tasks/:id/reports",
    { config: { permission: "tasks.report", response: ReportSubmittedSchema } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ReportSchema, request.body, "报送进度");
      const result = await submitReport(db, currentUser(request), id, input, actorOf(request));
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/api/task-reports/:id/return",
    { config: { permission: "tasks.manage", response: ReportReturnedSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(ReturnSchema, request.body, "退回报告");
      return returnReport(db, currentUser(request), id, reason, actorOf(request));
    },
  );

  app.get(
    "/api/task-attachments/:id",
    { config: { permission: "tasks.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const file = await getAttachment(db, currentUser(request), id);
      return sendStoredFile(reply, file);
    },
  );

  app.get(
    "/api/webhook-settings",
    { config: { permission: "tasks.manage", response: WebhookSettingsViewSchema } },
    async (request) => ({
      settings: await getWebhookSettings(db, currentUser(request).districtId),
    }),
  );

  app.put(
    "/api/webhook-settings",
    { config: { permission: "tasks.manage", response: WebhookSettingsViewSchema } },
    async (request) => {
      const input = parseInput(WebhookSchema, request.body, "通知机器人设置");
      return { settings: await setWebhookSettings(db, currentUser(request), input, actorOf(request)) };
    },
  );
}
