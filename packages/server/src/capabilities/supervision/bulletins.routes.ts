import {
  BulletinIssuedSchema,
  BulletinListSchema,
  BulletinPreviewSchema,
  PeriodSchema,
  RankingSchema,
  SummonsRecordedSchema,
  SummonsSchema,
  SummonsTalkListSchema,
  YearQuerySchema,
} from "@beizeng/contract/supervision";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { rankingView, summonsTalksOf, supervisionFigures } from "./assessment.service";
import {
  draftBulletin,
  getBulletin,
  issueBulletin,
  issuedBulletinPdf,
  listBulletins,
  previewBulletin,
  recordSummonsTalk,
  refuseBulletinChange,
} from "./bulletins.service";

const DOCX = CONTENT_TYPES.docx;
const PDF = CONTENT_TYPES.pdf;

export async function bulletinsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/bulletins",
    { config: { permission: "supervision.read", response: BulletinListSchema } },
    async (request) => listBulletins(db, currentUser(request).districtId),
  );

  app.get(
    "/api/bulletins/preview",
    { config: { request: { query: PeriodSchema }, permission: "supervision.read", response: BulletinPreviewSchema } },
    async (request) => {
      const { from, to } = parseInput(PeriodSchema, request.query, "通报期间");
      return previewBulletin(db, currentUser(request), from, to);
    },
  );

  app.get(
    "/api/bulletins/draft.docx",
    { config: { request: { query: PeriodSchema }, permission: "supervision.read", response: "file" } },
    async (request, reply) => {
      const { from, to } = parseInput(PeriodSchema, request.query, "通报期间");
      const bytes = await draftBulletin(db, currentUser(request), from, to, "docx");
      return sendDownload(reply, { fileName: `督查通报草稿（${from}至${to}）.docx`, contentType: DOCX, body: bytes });
    },
  );

  app.get(
    "/api/bulletins/draft.pdf",
    { config: { request: { query: PeriodSchema }, permission: "supervision.read", response: "file" } },
    async (request, reply) => {
      const { from, to } = parseInput(PeriodSchema, request.query, "通报期间");
      const bytes = await draftBulletin(db, currentUser(request), from, to, "pdf");
      return sendDownload(reply, { fileName: `督查通报草稿（${from}至${to}）.pdf`, contentType: PDF, body: bytes });
    },
  );

  app.post(
    "/api/bulletins",
    { config: { request: { body: PeriodSchema }, permission: "supervision.issue", response: BulletinIssuedSchema } },
    async (request, reply) => {
      const period = parseInput(PeriodSchema, request.body, "印发通报");
      return reply.code(201).send(await issueBulletin(db, currentUser(request), period, actorOf(request)));
    },
  );

  app.get(
    "/api/bulletins/:id/docx",
    { config: { request: { params: idParamSchema }, permission: "supervision.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const row = await getBulletin(db, currentUser(request).districtId, id);
      return sendDownload(reply, {
        fileName: `${row.number_text} ${row.title}.docx`,
        contentType: DOCX,
        body: row.docx,
        headers: { "x-content-sha256": row.sha256 },
      });
    },
  );

  app.get(
    "/api/bulletins/:id/pdf",
    { config: { request: { params: idParamSchema }, permission: "supervision.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { row, pdf } = await issuedBulletinPdf(db, currentUser(request).districtId, id);
      return sendDownload(reply, { fileName: `${row.number_text} ${row.title}.pdf`, contentType: PDF, body: pdf });
    },
  );

  // An issued bulletin is a record: every change is refused (the database refuses it too).
  for (const method of ["PUT", "PATCH", "DELETE"] as const) {
    app.route({
      method,
      url: "/api/bulletins/:id",
      // Never answers but with an error (409 for a bulletin of the district, 404 otherwise).
      config: { permission: "supervision.issue", response: "none", request: { params: idParamSchema } },
      handler: async (request) => {
        const { id } = parseInput(idParamSchema, request.params);
        return refuseBulletinChange(db, currentUser(request).districtId, id);
      },
    });
  }

  app.get(
    "/api/supervision/ranking",
    { config: { request: { query: PeriodSchema }, permission: "supervision.read", response: RankingSchema } },
    async (request) => {
      const { from, to } = parseInput(PeriodSchema, request.query, "排名期间");
      return rankingView(await supervisionFigures(db, currentUser(request).districtId, from, to));
    },
  );

  app.get(
    "/api/summons-talks",
    {
      config: { request: { query: YearQuerySchema }, permission: "supervision.read", response: SummonsTalkListSchema },
    },
    async (request) => {
      const { year } = parseInput(YearQuerySchema, request.query, "查询约谈");
      return summonsTalksOf(db, currentUser(request).districtId, year);
    },
  );

  app.post(
    "/api/summons-talks",
    {
      config: { request: { body: SummonsSchema }, permission: "supervision.summons", response: SummonsRecordedSchema },
    },
    async (request, reply) => {
      const input = parseInput(SummonsSchema, request.body, "记录约谈");
      return reply.code(201).send(await recordSummonsTalk(db, currentUser(request), input, actorOf(request)));
    },
  );
}
