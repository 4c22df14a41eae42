import {
  DashboardExportQuerySchema,
  DashboardQuerySchema,
  DashboardRecordsQuerySchema,
  DashboardSchema,
  PublicBoardAnswerSchema,
  PublicBoardQuerySchema,
  RecordSetSchema,
} from "@beizeng/contract/targets";
import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { sendJsonText } from "../../platform/http/json-text";
import { parseInput } from "../../platform/http/validation";
import { transientAnswer } from "./answers.service";
import {
  chartTableAnswer,
  getDashboard,
  getPublicBoard,
  recordsAnswer,
  recordsTableAnswer,
  tableToXlsx,
} from "./dashboard.service";
import { parseAsOf } from "./targets.service";

export async function dashboardRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/dashboard",
    { config: { request: { query: DashboardQuerySchema }, permission: "targets.read", response: DashboardSchema } },
    async (request, reply) => {
      const query = parseInput(DashboardQuerySchema, request.query, "查询看板");
      return sendJsonText(reply, await getDashboard(db, currentUser(request).districtId, parseAsOf(query.asOf)));
    },
  );

  // Drill-down: the records a dashboard figure adds up; their total equals the figure.
  app.get(
    "/api/dashboard/records",
    // JSON, or with format=xlsx the same records as a spreadsheet (only JSON answers are checked).
    {
      config: {
        request: { query: DashboardRecordsQuerySchema },
        permission: "targets.read",
        response: RecordSetSchema,
      },
    },
    async (request, reply) => {
      const query = parseInput(DashboardRecordsQuerySchema, request.query, "查询明细");
      const districtId = currentUser(request).districtId;
      const params = { records: { source: "dashboard" as const, query } };
      if (query.format === "xlsx") {
        const { title, table } = JSON.parse(
          await transientAnswer(db, districtId, parseAsOf(query.asOf), "records-table", params, recordsTableAnswer),
        );
        const body = await tableToXlsx(table, title);
        return sendDownload(reply, { fileName: `${title}.xlsx`, contentType: CONTENT_TYPES.xlsx, body });
      }
      const answer = await transientAnswer(
        db,
        districtId,
        parseAsOf(query.asOf),
        "dashboard-records",
        params,
        recordsAnswer,
      );
      return sendJsonText(reply, answer);
    },
  );

  app.get(
    "/api/dashboard/export",
    { config: { request: { query: DashboardExportQuerySchema }, permission: "targets.read", response: "file" } },
    async (request, reply) => {
      const query = parseInput(DashboardExportQuerySchema, request.query, "导出");
      const { name, title, table } = JSON.parse(
        await transientAnswer(
          db,
          currentUser(request).districtId,
          parseAsOf(query.asOf),
          "chart-table",
          { chart: query.chart },
          chartTableAnswer,
        ),
      );
      const buffer = await tableToXlsx(table, title);
      return sendDownload(reply, { fileName: `${name}.xlsx`, contentType: CONTENT_TYPES.xlsx, body: buffer });
    },
  );

  // The login-free board: aggregate target figures only, and only when the office publishes it.
  app.get(
    "/api/public/board",
    { config: { request: { query: PublicBoardQuerySchema }, permission: "public", response: PublicBoardAnswerSchema } },
    async (request, reply) => {
      const query = parseInput(PublicBoardQuerySchema, request.query, "公开看板");
      return sendJsonText(reply, await getPublicBoard(db, query.district ?? null));
    },
  );
}
