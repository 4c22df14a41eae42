/**
 * The plan's declared facts of an enterprise (read, enter, confirm) and the import of their template
 * (download, upload: all or nothing). Which facts there are is the active plan's `facts` section.
 */
import {
  DeclaredFactBodySchema,
  DeclaredFactConfirmSchema,
  DeclaredFactsImportedSchema,
  DeclaredFactsImportFormSchema,
  DeclaredFactValueSchema,
  EnterpriseDeclaredFactsSchema,
} from "@beizeng/contract/declared-facts";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { MAX_WORKBOOK_BYTES, readMultipartUpload } from "../../platform/files/multipart-upload";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { checkWorkbookArchive, WorkbookReadError } from "../../platform/spreadsheets/workbook-archive";
import {
  confirmDeclaredFact,
  declaredFactsTemplate,
  enterDeclaredFact,
  enterpriseDeclaredFacts,
  importDeclaredFacts,
} from "./declared-facts.service";

export async function declaredFactsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/enterprises/:id/declared-facts",
    {
      config: {
        request: { params: idParamSchema },
        permission: "enterprises.read",
        response: EnterpriseDeclaredFactsSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return enterpriseDeclaredFacts(db, currentUser(request), id);
    },
  );

  app.put(
    "/api/enterprises/:id/declared-facts",
    {
      config: {
        request: { params: idParamSchema, body: DeclaredFactBodySchema },
        permission: "figures.enter",
        response: DeclaredFactValueSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const body = parseInput(DeclaredFactBodySchema, request.body, "计划数据项");
      return enterDeclaredFact(db, currentUser(request), id, body, actorOf(request));
    },
  );

  app.post(
    "/api/enterprises/:id/declared-facts/confirm",
    {
      config: {
        request: { params: idParamSchema, body: DeclaredFactConfirmSchema },
        permission: "figures.confirm",
        response: DeclaredFactValueSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const body = parseInput(DeclaredFactConfirmSchema, request.body, "确认计划数据项");
      return confirmDeclaredFact(db, currentUser(request), id, body, actorOf(request));
    },
  );

  app.get(
    "/api/imports/declared-facts/template",
    { config: { permission: "imports.run", response: "file" } },
    async (request, reply) => {
      const body = await declaredFactsTemplate(db, currentUser(request));
      return sendDownload(reply, { fileName: "计划数据项导入模板.xlsx", contentType: CONTENT_TYPES.xlsx, body });
    },
  );

  app.post(
    "/api/imports/declared-facts",
    {
      config: {
        permission: "imports.run",
        request: { body: { multipart: DeclaredFactsImportFormSchema } },
        response: DeclaredFactsImportedSchema,
      },
    },
    async (request) => {
      const upload = await readMultipartUpload(
        request,
        { file: { label: "导入文件", maxFiles: 1, maxBytes: MAX_WORKBOOK_BYTES, required: true } },
        "导入计划数据项",
      );
      const [file] = upload.files.file ?? [];
      if (!file) throw badRequest("导入计划数据项：请选择要上传的文件");
      try {
        await checkWorkbookArchive(file.bytes);
      } catch (error) {
        if (!(error instanceof WorkbookReadError)) throw error;
        throw badRequest(`无法读取文件「${file.fileName}」：${error.message}`);
      }
      return importDeclaredFacts(
        db,
        currentUser(request),
        { fileName: file.fileName.slice(0, 200), bytes: file.bytes },
        actorOf(request),
      );
    },
  );
}
