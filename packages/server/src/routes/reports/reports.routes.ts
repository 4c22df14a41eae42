import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { attachmentDisposition, sendStoredFile } from "../../http/files";
import { actorOf, currentUser } from "../../http/request-context";
import { idParamSchema, parseInput } from "../../http/validation";
import {
  getAttachment,
  getWebhookSettings,
  listNotifications,
  readNotification,
  returnReport,
  setWebhookSettings,
  submitReport,
} from "../../services/reports.service";
import { ReportSchema, ReturnSchema, WebhookSchema } from "./schema";

/** Kept here for the routes that import it from the reports; defined with the other file helpers. */
export { attachmentDisposition };

export async function reportsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.post("/api/tasks/:id/reports", { config: { permission: "tasks.report" } }, async (request, reply) => {
    const { id } = parseInput(idParamSchema, request.params);
    const input = parseInput(ReportSchema, request.body, "报送进度");
    const result = await submitReport(db, currentUser(request), id, input, actorOf(request));
    return reply.code(201).send(result);
  });

  app.post("/api/task-reports/:id/return", { config: { permission: "tasks.manage" } }, async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    const { reason } = parseInput(ReturnSchema, request.body, "退回报告");
    return returnReport(db, currentUser(request), id, reason, actorOf(request));
  });

  app.get("/api/task-attachments/:id", { config: { permission: "tasks.read" } }, async (request, reply) => {
    const { id } = parseInput(idParamSchema, request.params);
    const file = await getAttachment(db, currentUser(request), id);
    return sendStoredFile(reply, file);
  });

  app.get("/api/notifications", { config: { permission: "notifications.read" } }, async (request) =>
    listNotifications(db, currentUser(request)),
  );

  app.post("/api/notifications/:id/read", { config: { permission: "notifications.read" } }, async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return readNotification(db, currentUser(request), id);
  });

  app.get("/api/webhook-settings", { config: { permission: "tasks.manage" } }, async (request) => ({
    settings: await getWebhookSettings(db, currentUser(request).districtId),
  }));

  app.put("/api/webhook-settings", { config: { permission: "tasks.manage" } }, async (request) => {
    const input = parseInput(WebhookSchema, request.body, "通知机器人设置");
    return { settings: await setWebhookSettings(db, currentUser(request), input, actorOf(request)) };
  });
}
