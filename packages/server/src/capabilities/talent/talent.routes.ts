import {
  JobPostInputSchema,
  JobPostSchema,
  JobPostsSchema,
  PersonPostsSchema,
  PostCandidatesSchema,
  RecommendationInputSchema,
  RecommendationOutcomeInputSchema,
  RecommendationSchema,
  RecommendationsSchema,
  RevealedPersonSchema,
  TalentExportQuerySchema,
  TalentImportedSchema,
  TalentImportFormSchema,
  TalentPeopleSchema,
  TalentPersonInputSchema,
  TalentPersonSchema,
  TalentRemovalSchema,
  TalentSummarySchema,
} from "@beizeng/contract/talent";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { MAX_WORKBOOK_BYTES, readMultipartUpload } from "../../platform/files/multipart-upload";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { checkWorkbookArchive, WorkbookReadError } from "../../platform/spreadsheets/workbook-archive";
import {
  addTalentPerson,
  candidatesForPost,
  listJobPosts,
  listRecommendations,
  listTalentPeople,
  postJob,
  postsForPerson,
  recommendPerson,
  recordRecommendationOutcome,
  removeTalentPerson,
  revealTalentPerson,
  talentSummary,
  updateJob,
  updateTalentPerson,
} from "./talent.service";
import { exportJobPosts, exportRecommendations, exportTalentPeople } from "./talent-export";
import { importTalentPeople, talentTemplate } from "./talent-import";

export async function talentRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  // ---------------------------------------------------------------- people
  app.get("/api/talent/people", { config: { permission: "talent.read", response: TalentPeopleSchema } }, (request) =>
    listTalentPeople(db, currentUser(request)),
  );
  app.get(
    "/api/talent/people/export",
    { config: { request: { query: TalentExportQuerySchema }, permission: "talent.read", response: "file" } },
    async (request, reply) => {
      const { unmasked } = parseInput(TalentExportQuerySchema, request.query, "导出人才台账");
      return exportTalentPeople(db, currentUser(request), unmasked === "1", actorOf(request), reply);
    },
  );
  app.post(
    "/api/talent/people",
    {
      config: { request: { body: TalentPersonInputSchema }, permission: "talent.record", response: TalentPersonSchema },
    },
    async (request, reply) => {
      const input = parseInput(TalentPersonInputSchema, request.body, "登记返乡人才");
      return reply.code(201).send(await addTalentPerson(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/talent/people/:id",
    {
      config: {
        request: { params: idParamSchema, body: TalentPersonInputSchema },
        permission: "talent.keep",
        response: TalentPersonSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(TalentPersonInputSchema, request.body, "修改返乡人才");
      return updateTalentPerson(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post(
    "/api/talent/people/:id/removal",
    {
      config: {
        request: { params: idParamSchema, body: TalentRemovalSchema },
        permission: "talent.keep",
        response: "none",
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(TalentRemovalSchema, request.body, "删除台账人员");
      await removeTalentPerson(db, currentUser(request), id, reason, actorOf(request));
      return reply.code(204).send();
    },
  );
  app.post(
    "/api/talent/people/:id/reveal",
    {
      config: {
        request: { params: idParamSchema },
        permission: "talent.keep",
        response: RevealedPersonSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return revealTalentPerson(db, currentUser(request), id, actorOf(request));
    },
  );
  app.get(
    "/api/talent/people/:id/posts",
    { config: { request: { params: idParamSchema }, permission: "talent.read", response: PersonPostsSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return postsForPerson(db, currentUser(request), id);
    },
  );
  app.get(
    "/api/talent/people/template",
    { config: { permission: "talent.record", response: "file" } },
    async (_request, reply) =>
      sendDownload(reply, {
        fileName: "返乡人才台账导入模板.xlsx",
        contentType: CONTENT_TYPES.xlsx,
        body: await talentTemplate(),
      }),
  );
  app.post(
    "/api/talent/people/import",
    {
      config: {
        permission: "talent.record",
        request: { body: { multipart: TalentImportFormSchema } },
        response: TalentImportedSchema,
      },
    },
    async (request) => {
      const upload = await readMultipartUpload(
        request,
        { file: { label: "导入文件", maxFiles: 1, maxBytes: MAX_WORKBOOK_BYTES, required: true } },
        "导入返乡人才台账",
      );
      const [file] = upload.files.file ?? [];
      if (!file) throw badRequest("导入返乡人才台账：请选择要上传的文件");
      try {
        await checkWorkbookArchive(file.bytes);
      } catch (error) {
        if (!(error instanceof WorkbookReadError)) throw error;
        throw badRequest(`无法读取文件「${file.fileName}」：${error.message}`);
      }
      return importTalentPeople(
        db,
        currentUser(request),
        { fileName: file.fileName.slice(0, 200), bytes: file.bytes },
        actorOf(request),
      );
    },
  );

  // ---------------------------------------------------------------- posts
  app.get("/api/talent/posts", { config: { permission: "talent.posts", response: JobPostsSchema } }, (request) =>
    listJobPosts(db, currentUser(request)),
  );
  app.get(
    "/api/talent/posts/export",
    { config: { permission: "talent.posts", response: "file" } },
    async (request, reply) => exportJobPosts(db, currentUser(request), reply),
  );
  app.post(
    "/api/talent/posts",
    { config: { request: { body: JobPostInputSchema }, permission: "talent.post", response: JobPostSchema } },
    async (request, reply) => {
      const input = parseInput(JobPostInputSchema, request.body, "发布岗位");
      return reply.code(201).send(await postJob(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/talent/posts/:id",
    {
      config: {
        request: { params: idParamSchema, body: JobPostInputSchema },
        permission: "talent.post",
        response: JobPostSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(JobPostInputSchema, request.body, "修改岗位");
      return updateJob(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.get(
    "/api/talent/posts/:id/candidates",
    { config: { request: { params: idParamSchema }, permission: "talent.read", response: PostCandidatesSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return candidatesForPost(db, currentUser(request), id);
    },
  );

  // ---------------------------------------------------------------- recommendations
  app.get(
    "/api/talent/recommendations",
    { config: { permission: "talent.posts", response: RecommendationsSchema } },
    (request) => listRecommendations(db, currentUser(request), actorOf(request)),
  );
  app.get(
    "/api/talent/recommendations/export",
    { config: { permission: "talent.posts", response: "file" } },
    async (request, reply) => exportRecommendations(db, currentUser(request), actorOf(request), reply),
  );
  app.post(
    "/api/talent/recommendations",
    {
      config: {
        request: { body: RecommendationInputSchema },
        permission: "talent.keep",
        response: RecommendationSchema,
      },
    },
    async (request, reply) => {
      const input = parseInput(RecommendationInputSchema, request.body, "推荐人才");
      return reply.code(201).send(await recommendPerson(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/talent/recommendations/:id/outcome",
    {
      config: {
        request: { params: idParamSchema, body: RecommendationOutcomeInputSchema },
        permission: "talent.outcome",
        response: RecommendationSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(RecommendationOutcomeInputSchema, request.body, "记录推荐结果");
      return recordRecommendationOutcome(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.get("/api/talent/summary", { config: { permission: "talent.read", response: TalentSummarySchema } }, (request) =>
    talentSummary(db, currentUser(request)),
  );
}
