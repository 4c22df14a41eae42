import {
  BlockerActionSchema,
  BlockerListSchema,
  BlockerQuerySchema,
  BlockerSchema,
  BlockerViewSchema,
  CreateProjectSchema,
  DecisionSchema,
  DecisionViewSchema,
  ImportSchema,
  InvestmentYearSavedSchema,
  InvestmentYearSchema,
  InvestmentYearsSchema,
  MoveProjectSchema,
  ProjectDetailSchema,
  ProjectImportFieldsSchema,
  ProjectImportFormSchema,
  ProjectImportResultSchema,
  ProjectListSchema,
  ProjectOptionsSchema,
  ProjectQuerySchema,
  ProjectStatsSchema,
  ProjectViewSchema,
  StatsQuerySchema,
  UpdateProjectSchema,
  YearParamSchema,
} from "@beizeng/contract/projects";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { isJsonBody, MAX_WORKBOOK_BYTES, readMultipartUpload } from "../../platform/files/multipart-upload";
import type { RequestContract } from "../../platform/http/request-contract";
import type { ResponseContract } from "../../platform/http/response-contract";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { exportBlockers } from "./blockers-export";
import {
  addDecision,
  createProject,
  getProject,
  listProjects,
  moveProject,
  projectOptions,
  updateProject,
} from "./projects.service";
import { handleBlocker, listBlockers, raiseBlocker } from "./projects-blockers.service";
import { decodeUpload, exportProjects, importProjects } from "./projects-import.service";
import { listInvestmentYears, projectStats, saveInvestment } from "./projects-stats.service";

/** The project workbook as a multipart form (`file`, `dryRun`). */
async function workbookFromForm(request: FastifyRequest): Promise<{ bytes: Buffer; dryRun: boolean }> {
  const upload = await readMultipartUpload(
    request,
    { file: { label: "导入文件", maxFiles: 1, maxBytes: MAX_WORKBOOK_BYTES, required: true } },
    "导入项目",
  );
  const { dryRun } = parseInput(ProjectImportFieldsSchema, upload.fields, "导入项目");
  const [file] = upload.files.file ?? [];
  if (!file || file.bytes.length === 0) throw badRequest("导入项目：上传的文件为空");
  return { bytes: file.bytes, dryRun: dryRun === "true" };
}

/** The older JSON body with the workbook in base64, still taken for one release. */
function workbookFromJson(body: unknown): { bytes: Buffer; dryRun: boolean } {
  const input = parseInput(ImportSchema, body, "导入项目");
  return { bytes: decodeUpload(input.contentBase64), dryRun: input.dryRun };
}

export async function projectsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  const read = (response: ResponseContract, request?: RequestContract) => ({
    config: { permission: "projects.read" as const, response, request },
  });
  const write = (response: ResponseContract, request?: RequestContract) => ({
    config: { permission: "projects.write" as const, response, request },
  });

  app.get("/api/projects", read(ProjectListSchema, { query: ProjectQuerySchema }), async (request) =>
    listProjects(db, currentUser(request), parseInput(ProjectQuerySchema, request.query, "查询项目")),
  );
  app.get("/api/projects/options", read(ProjectOptionsSchema), async (request) =>
    projectOptions(db, currentUser(request)),
  );
  app.get("/api/projects/stats", read(ProjectStatsSchema, { query: StatsQuerySchema }), async (request) => {
    const query = parseInput(StatsQuerySchema, request.query, "项目统计");
    return projectStats(db, currentUser(request), query.year);
  });
  app.get("/api/projects/export", read("file", { query: ProjectQuerySchema }), async (request, reply) => {
    const {
      page: _page,
      pageSize: _size,
      template,
      ...query
    } = parseInput(ProjectQuerySchema, request.query, "导出项目");
    const buffer = await exportProjects(db, currentUser(request), query, { template: template !== undefined });
    return sendDownload(reply, {
      fileName: "项目库.xlsx",
      asciiName: "projects.xlsx",
      contentType: CONTENT_TYPES.xlsx,
      body: buffer,
    });
  });
  app.post(
    "/api/projects/import",
    write(ProjectImportResultSchema, { body: { multipart: ProjectImportFormSchema }, alsoAccepts: [ImportSchema] }),
    async (request, reply) => {
      const { bytes, dryRun } = isJsonBody(request) ? workbookFromJson(request.body) : await workbookFromForm(request);
      const result = await importProjects(db, currentUser(request), bytes, { dryRun }, actorOf(request));
      // 200 either way: the answer says whether the file was applied, and lists every bad row.
      return reply.send(result);
    },
  );
  app.post("/api/projects", write(ProjectViewSchema, { body: CreateProjectSchema }), async (request, reply) => {
    const input = parseInput(CreateProjectSchema, request.body, "新建项目");
    return reply.code(201).send(await createProject(db, currentUser(request), input, actorOf(request)));
  });
  app.get("/api/projects/:id", read(ProjectDetailSchema, { params: idParamSchema }), async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return getProject(db, currentUser(request), id);
  });
  app.patch(
    "/api/projects/:id",
    write(ProjectViewSchema, { params: idParamSchema, body: UpdateProjectSchema }),
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const patch = parseInput(UpdateProjectSchema, request.body, "修改项目");
      return updateProject(db, currentUser(request), id, patch, actorOf(request));
    },
  );
  app.post(
    "/api/projects/:id/stage",
    write(ProjectViewSchema, { params: idParamSchema, body: MoveProjectSchema }),
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(MoveProjectSchema, request.body, "调整项目阶段");
      return moveProject(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post(
    "/api/projects/:id/decisions",
    {
      config: {
        request: { params: idParamSchema, body: DecisionSchema },
        permission: "projects.decide",
        response: DecisionViewSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(DecisionSchema, request.body, "记录决策");
      return reply.code(201).send(await addDecision(db, currentUser(request), id, input, actorOf(request)));
    },
  );
  app.post(
    "/api/projects/:id/blockers",
    write(BlockerViewSchema, { params: idParamSchema, body: BlockerSchema }),
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(BlockerSchema, request.body, "提交项目问题");
      return reply.code(201).send(await raiseBlocker(db, currentUser(request), id, input, actorOf(request)));
    },
  );
  app.get("/api/project-blockers", read(BlockerListSchema, { query: BlockerQuerySchema }), async (request) =>
    listBlockers(db, currentUser(request), parseInput(BlockerQuerySchema, request.query, "查询项目问题")),
  );
  app.get("/api/project-blockers/export", read("file", { query: BlockerQuerySchema }), async (request, reply) =>
    exportBlockers(db, currentUser(request), parseInput(BlockerQuerySchema, request.query, "导出项目问题"), reply),
  );
  app.post(
    "/api/project-blockers/:id",
    {
      config: {
        request: { params: idParamSchema, body: BlockerActionSchema },
        permission: "projects.blockers",
        response: BlockerViewSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(BlockerActionSchema, request.body, "办理项目问题");
      return handleBlocker(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.get("/api/fixed-asset-investment", read(InvestmentYearsSchema), async (request) =>
    listInvestmentYears(db, currentUser(request)),
  );
  app.put(
    "/api/fixed-asset-investment/:year",
    {
      config: {
        request: { params: YearParamSchema, body: InvestmentYearSchema },
        permission: "projects.investment",
        response: InvestmentYearSavedSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(YearParamSchema, request.params);
      const input = parseInput(InvestmentYearSchema, request.body, "固定资产投资");
      return saveInvestment(db, currentUser(request), { year, ...input }, actorOf(request));
    },
  );
}
