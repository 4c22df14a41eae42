/**
 * Spreadsheet import from the browser: POST the .xlsx bytes (application/octet-stream) with kind, unit
 * and fileName in the query → a job previews it in the background; GET the job to follow its progress
 * and read the preview; POST …/apply to write it (all or nothing), registering the enterprises the file names that
 * are not in the register when asked to (`registerEnterprises`). Templates download as .xlsx, with the district's
 * chains and places.
 * An upload that is not a readable workbook (not a zip archive, damaged, not Excel's, or inflating
 * beyond the archive limits) is refused at once with 400, before any job is made.
 */

import {
  ApplyImportBodySchema,
  ImportJobSchema,
  ImportUploadFieldsSchema,
  ImportUploadFormSchema,
  JobParamsSchema,
  JobQuerySchema,
  TemplateParamsSchema,
  UploadQuerySchema,
} from "@beizeng/contract/figures";
import { townsAndStreets } from "@beizeng/domain/plan/lookup";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { allow } from "../../platform/auth/permissions";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest, conflict, forbidden } from "../../platform/errors";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { MAX_WORKBOOK_BYTES, readMultipartUpload } from "../../platform/files/multipart-upload";
import { parseInput } from "../../platform/http/validation";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { checkWorkbookArchive, WorkbookReadError } from "../../platform/spreadsheets/workbook-archive";
import { applyImportJob, getImportJob, settledImportJob, startImportJob } from "./enterprises-import-jobs.service";
import { buildImportTemplate, templateFileName } from "./import/templates";

const WORKBOOK_BODY_TYPES = ["application/octet-stream", CONTENT_TYPES.xlsx];

/** The upload as a multipart form: kind and unit as fields, the workbook in `file` (its name is the file's). */
async function workbookFromForm(request: FastifyRequest) {
  const upload = await readMultipartUpload(
    request,
    { file: { label: "导入文件", maxFiles: 1, maxBytes: MAX_WORKBOOK_BYTES, required: true } },
    "导入",
  );
  const fields = parseInput(ImportUploadFieldsSchema, upload.fields, "导入");
  const [file] = upload.files.file ?? [];
  if (!file) throw badRequest("导入：请选择要上传的导入文件");
  return { ...fields, fileName: file.fileName.slice(0, 200), bytes: file.bytes };
}

/** The older upload: the workbook's bytes as the body, what it holds in the query. */
function workbookFromBody(bytes: Buffer, query: unknown) {
  return { ...parseInput(UploadQuerySchema, query, "导入"), bytes };
}

export async function importsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  // Scoped to this plugin: the upload body is the workbook itself.
  app.addContentTypeParser(
    WORKBOOK_BODY_TYPES,
    { parseAs: "buffer", bodyLimit: 20 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  async function waited(id: string, seconds: number | undefined) {
    if (seconds) await Promise.race([settledImportJob(db, id), new Promise((r) => setTimeout(r, seconds * 1000))]);
  }

  app.get(
    "/api/imports/templates/:kind",
    { config: { request: { params: TemplateParamsSchema }, permission: "imports.run", response: "file" } },
    async (request, reply) => {
      const { kind } = parseInput(TemplateParamsSchema, request.params);
      const plan = (await readActivePlan(db, currentUser(request).districtId))?.plan;
      const body = await buildImportTemplate(kind, {
        ...(plan
          ? { chains: plan.chains.map((chain) => chain.name), towns: townsAndStreets(plan).map((u) => u.name) }
          : {}),
      });
      return sendDownload(reply, { fileName: templateFileName(kind), contentType: CONTENT_TYPES.xlsx, body });
    },
  );

  app.post(
    "/api/imports",
    {
      config: {
        permission: "imports.run",
        response: ImportJobSchema,
        request: {
          body: { multipart: ImportUploadFormSchema },
          // The workbook's bytes as the body, with kind, unit and fileName in the query: still taken for one release.
          alsoAccepts: [{ binary: WORKBOOK_BODY_TYPES }],
          query: UploadQuerySchema.partial(),
        },
      },
    },
    async (request, reply) => {
      const upload = Buffer.isBuffer(request.body)
        ? workbookFromBody(request.body, request.query)
        : await workbookFromForm(request);
      try {
        // Every part is inflated and counted (nothing kept): a zip bomb is refused here, quickly.
        // An empty upload is left to the job's own check, which says so.
        if (upload.bytes.length > 0) await checkWorkbookArchive(upload.bytes);
      } catch (error) {
        if (!(error instanceof WorkbookReadError)) throw error;
        // The user reads the Chinese message; the library's own words are for the log only.
        request.log.warn({ err: error.cause ?? error, fileName: upload.fileName }, "import upload refused");
        throw badRequest(`无法读取文件「${upload.fileName}」：${error.message}`);
      }
      const job = await startImportJob(
        db,
        currentUser(request),
        { kind: upload.kind, unit: upload.unit, fileName: upload.fileName, bytes: upload.bytes },
        actorOf(request),
        request.log,
      );
      return reply.code(202).send(job);
    },
  );

  app.get(
    "/api/imports/:id",
    {
      config: {
        request: { params: JobParamsSchema, query: JobQuerySchema },
        permission: "imports.run",
        response: ImportJobSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(JobParamsSchema, request.params);
      const { wait } = parseInput(JobQuerySchema, request.query);
      const user = currentUser(request);
      await getImportJob(db, user, id);
      await waited(id, wait);
      return getImportJob(db, user, id);
    },
  );

  app.post(
    "/api/imports/:id/apply",
    {
      config: {
        request: { params: JobParamsSchema, body: ApplyImportBodySchema },
        permission: "imports.run",
        response: ImportJobSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(JobParamsSchema, request.params);
      const { registerEnterprises } = parseInput(ApplyImportBodySchema, request.body ?? undefined, "导入");
      const user = currentUser(request);
      const unregistered = (await getImportJob(db, user, id)).result?.unregistered;
      if (unregistered && !registerEnterprises) {
        const named = unregistered.enterprises
          .slice(0, 5)
          .map((enterprise) => `第${enterprise.row}行 ${enterprise.creditCode}（${enterprise.name}）`)
          .join("、");
        throw conflict(
          `文件中有 ${unregistered.total} 家企业不在企业名录中：${named}${unregistered.total > 5 ? " 等" : ""}。请选择“从文件登记这些企业”后再导入，或先导入企业名录`,
        );
      }
      // Registering enterprises writes the register, which only those who keep it may do.
      if (unregistered && registerEnterprises && !allow(user, "enterprises.edit")) {
        const plan = (await readActivePlan(db, user.districtId))?.plan;
        const office = plan?.units.find((unit) => unit.kind === "office")?.name ?? "办公室";
        throw forbidden(`从文件登记企业须由${office}操作：请${office}先导入企业名录，或由其导入本文件`);
      }
      return reply.code(202).send(await applyImportJob(db, user, id, actorOf(request), { registerEnterprises }));
    },
  );
}
