/**
 * Spreadsheet import from the browser: POST the .xlsx bytes (application/octet-stream) with kind, unit
 * and fileName in the query → a job previews it in the background; GET the job to follow its progress
 * and read the preview; POST …/apply to write it (all or nothing). Templates download as .xlsx.
 */
import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { badRequest } from "../../errors";
import { actorOf, currentUser } from "../../http/request-context";
import { parseInput } from "../../http/validation";
import { buildImportTemplate, templateFileName } from "../../import/templates";
import {
  applyImportJob,
  getImportJob,
  settledImportJob,
  startImportJob,
} from "../../services/enterprises-import-jobs.service";
import { sendXlsx } from "../../services/table-export";
import { JobParamsSchema, JobQuerySchema, TemplateParamsSchema, UploadQuerySchema } from "./schema";

export async function importsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  // Scoped to this plugin: the upload body is the workbook itself.
  app.addContentTypeParser(
    ["application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    { parseAs: "buffer", bodyLimit: 20 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  async function waited(id: string, seconds: number | undefined) {
    if (seconds) await Promise.race([settledImportJob(id), new Promise((r) => setTimeout(r, seconds * 1000))]);
  }

  app.get("/api/imports/templates/:kind", { config: { permission: "imports.run" } }, async (request, reply) => {
    const { kind } = parseInput(TemplateParamsSchema, request.params);
    return sendXlsx(reply, templateFileName(kind), await buildImportTemplate(kind));
  });

  app.post("/api/imports", { config: { permission: "imports.run" } }, async (request, reply) => {
    const query = parseInput(UploadQuerySchema, request.query, "导入");
    if (!Buffer.isBuffer(request.body)) {
      throw badRequest("请以 application/octet-stream 上传 .xlsx 文件内容");
    }
    const job = await startImportJob(
      db,
      currentUser(request),
      { kind: query.kind, unit: query.unit, fileName: query.fileName, bytes: request.body },
      actorOf(request),
    );
    return reply.code(202).send(job);
  });

  app.get("/api/imports/:id", { config: { permission: "imports.run" } }, async (request) => {
    const { id } = parseInput(JobParamsSchema, request.params);
    const { wait } = parseInput(JobQuerySchema, request.query);
    const user = currentUser(request);
    await getImportJob(db, user, id);
    await waited(id, wait);
    return getImportJob(db, user, id);
  });

  app.post("/api/imports/:id/apply", { config: { permission: "imports.run" } }, async (request, reply) => {
    const { id } = parseInput(JobParamsSchema, request.params);
    return reply.code(202).send(await applyImportJob(db, currentUser(request), id, actorOf(request)));
  });
}
