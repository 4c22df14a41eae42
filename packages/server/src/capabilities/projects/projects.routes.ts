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
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
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

export async function projectsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  const read = (response: ResponseContract) => ({ config: { permission: "projects.read" as const, response } });
  const write = (response: ResponseContract) => ({ config: { permission: "projects.write" as const, response } });

  app.get("/api/projects", read(ProjectListSchema), async (request) =>
    listProjects(db, currentUser(request), parseInput(ProjectQuerySchema, request.query, "查询项目")),
  );
  app.get("/api/projects/options", read(ProjectOptionsSchema), async (request) =>
    projectOptions(db, currentUser(request)),
  );
  app.get("/api/projects/stats", read(ProjectStatsSchema), async (request) => {
    const query = parseInput(StatsQuerySchema, request.query, "项目统计");
    return projectStats(db, currentUser(request), query.year);
  });
  app.get("/api/projects/export", read("file"), async (request, reply) => {
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
  app.post("/api/projects/import", write(ProjectImportResultSchema), async (request, reply) => {
    const body = parseInput(ImportSchema, request.body, "导入项目");
    const result = await importProjects(
      db,
      currentUser(request),
      decodeUpload(body.contentBase64),
      { dryRun: body.dryRun },
      actorOf(request),
    );
    // 200 either way: the answer says whether the file was applied, and lists every bad row.
    return reply.send(result);
  });
  app.post("/api/projects", write(ProjectViewSchema), async (request, reply) => {
    const input = parseInput(CreateProjectSchema, request.body, "新建项目");
    return reply.code(201).send(await createProject(db, currentUser(request), input, actorOf(request)));
  });
  app.get("/api/projects/:id", read(ProjectDetailSchema), async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return getProject(db, currentUser(request), id);
  });
  app.patch("/api/projects/:id", write(ProjectViewSchema), async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    const patch = parseInput(UpdateProjectSchema, request.body, "修改项目");
    return updateProject(db, currentUser(request), id, patch, actorOf(request));
  });
  app.post("/api/projects/:id/stage", write(ProjectViewSchema), async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    const input = parseInput(MoveProjectSchema, request.body, "调整项目阶段");
    return moveProject(db, currentUser(request), id, input, actorOf(request));
  });
  app.post(
    "/api/projects/:id/decisions",
    { config: { permission: "projects.decide", response: DecisionViewSchema } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(DecisionSchema, request.body, "记录决策");
      return reply.code(201).send(await addDecision(db, currentUser(request), id, input, actorOf(request)));
    },
  );
  app.post("/api/projects/:id/blockers", write(BlockerViewSchema), async (request, reply) => {
    const { id } = parseInput(idParamSchema, request.params);
    const input = parseInput(BlockerSchema, request.body, "提交项目问题");
    return reply.code(201).send(await raiseBlocker(db, currentUser(request), id, input, actorOf(request)));
  });
  app.get("/api/project-blockers", read(BlockerListSchema), async (request) =>
    listBlockers(db, currentUser(request), parseInput(BlockerQuerySchema, request.query, "查询项目问题")),
  );
  app.get("/api/project-blockers/export", read("file"), async (request, reply) =>
    exportBlockers(db, currentUser(request), parseInput(BlockerQuerySchema, request.query, "导出项目问题"), reply),
  );
  app.post(
    "/api/project-blockers/:id",
    { config: { permission: "projects.blockers", response: BlockerViewSchema } },
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
    { config: { permission: "projects.investment", response: InvestmentYearSavedSchema } },
    async (request) => {
      const { year } = parseInput(YearParamSchema, request.params);
      const input = parseInput(InvestmentYearSchema, request.body, "固定资产投资");
      return saveInvestment(db, currentUser(request), { year, ...input }, actorOf(request));
    },
  );
}
