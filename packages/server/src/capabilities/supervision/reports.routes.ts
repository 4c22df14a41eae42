import {
  ReportFieldsSchema,
  ReportFormSchema,
  ReportReturnedSchema,
  ReportSchema,
  ReportSubmittedSchema,
  ReturnSchema,
  RobotDeliverySchema,
  WebhookSchema,
  WebhookSettingsViewSchema,
} from "@beizeng/contract/supervision";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { sendStoredFile } from "../../platform/files/downloads";
import { isJsonBody, readMultipartUpload } from "../../platform/files/multipart-upload";
import { MAX_FILE_BYTES } from "../../platform/files/stored-files";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { getAttachment, MAX_ATTACHMENTS, type ReportInput, returnReport, submitReport } from "./reports.service";
import { getWebhookSettings, sendTestMessage, setWebhookSettings } from "./robots.service";

/** A report sent as a multipart form: its text fields and up to MAX_ATTACHMENTS evidence files. */
async function reportFromForm(request: FastifyRequest): Promise<ReportInput> {
  const upload = await readMultipartUpload(
    request,
    { attachments: { label: "佐证材料", maxFiles: MAX_ATTACHMENTS, maxBytes: MAX_FILE_BYTES, required: false } },
    "报送进度",
  );
  const fields = parseInput(ReportFieldsSchema, upload.fields, "报送进度");
  const attachments = (upload.files.attachments ?? []).map(({ fileName, bytes }) => ({ fileName, bytes }));
  return { ...fields, attachments };
}

export async function reportsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.post(
    "/api/tasks/:id/reports",
    {
      config: {
        request: { params: idParamSchema, body: { multipart: ReportFormSchema }, alsoAccepts: [ReportSchema] },
        permission: "tasks.report",
        response: ReportSubmittedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      // The JSON body with the evidence in base64 is still taken for one release.
      const input = isJsonBody(request)
        ? parseInput(ReportSchema, request.body, "报送进度")
        : await reportFromForm(request);
      const result = await submitReport(db, currentUser(request), id, input, actorOf(request));
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/api/task-reports/:id/return",
    {
      config: {
        request: { params: idParamSchema, body: ReturnSchema },
        permission: "tasks.manage",
        response: ReportReturnedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(ReturnSchema, request.body, "退回报告");
      return returnReport(db, currentUser(request), id, reason, actorOf(request));
    },
  );

  app.get(
    "/api/task-attachments/:id",
    { config: { request: { params: idParamSchema }, permission: "tasks.read", response: "file" } },
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
    { config: { request: { body: WebhookSchema }, permission: "tasks.manage", response: WebhookSettingsViewSchema } },
    async (request) => {
      const input = parseInput(WebhookSchema, request.body, "通知机器人设置");
      return { settings: await setWebhookSettings(db, currentUser(request), input, actorOf(request)) };
    },
  );

  app.post(
    "/api/webhook-settings/test",
    { config: { permission: "tasks.manage", response: RobotDeliverySchema } },
    async (request) => sendTestMessage(db, currentUser(request)),
  );
}
