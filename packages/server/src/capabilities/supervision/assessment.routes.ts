import {
  AssessmentFinalizedSchema,
  AssessmentHistorySchema,
  AssessmentSchema,
  AssessmentYearParamsSchema,
} from "@beizeng/contract/supervision";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { parseInput } from "../../platform/http/validation";
import { assessmentHistory, assessmentReport, computeAssessment, finalizeAssessment } from "./assessment.service";

export async function assessmentRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/assessment/history",
    { config: { permission: "supervision.read", response: AssessmentHistorySchema } },
    async (request) => assessmentHistory(db, currentUser(request).districtId),
  );

  app.get(
    "/api/assessment/:year",
    {
      config: {
        request: { params: AssessmentYearParamsSchema },
        permission: "supervision.read",
        response: AssessmentSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(AssessmentYearParamsSchema, request.params, "考核年度");
      const { figures: _figures, ...assessment } = await computeAssessment(db, currentUser(request).districtId, year);
      return assessment;
    },
  );

  app.post(
    "/api/assessment/:year/finalize",
    {
      config: {
        request: { params: AssessmentYearParamsSchema },
        permission: "assessment.finalize",
        response: AssessmentFinalizedSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(AssessmentYearParamsSchema, request.params, "考核年度");
      return finalizeAssessment(db, currentUser(request), year, actorOf(request));
    },
  );

  app.get(
    "/api/assessment/:year/report.docx",
    { config: { request: { params: AssessmentYearParamsSchema }, permission: "supervision.read", response: "file" } },
    async (request, reply) => {
      const { year } = parseInput(AssessmentYearParamsSchema, request.params, "考核年度");
      const bytes = await assessmentReport(db, currentUser(request).districtId, year, "docx");
      const fileName = `${year}年度责任单位考核结果报告.docx`;
      return sendDownload(reply, { fileName, contentType: CONTENT_TYPES.docx, body: bytes });
    },
  );

  app.get(
    "/api/assessment/:year/report.pdf",
    { config: { request: { params: AssessmentYearParamsSchema }, permission: "supervision.read", response: "file" } },
    async (request, reply) => {
      const { year } = parseInput(AssessmentYearParamsSchema, request.params, "考核年度");
      const bytes = await assessmentReport(db, currentUser(request).districtId, year, "pdf");
      const fileName = `${year}年度责任单位考核结果报告.pdf`;
      return sendDownload(reply, { fileName, contentType: CONTENT_TYPES.pdf, body: bytes });
    },
  );
}
