import {
  type DashboardChart,
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
import {
  buildDashboard,
  chartTable,
  dashboardRecords,
  getDashboard,
  getPublicBoard,
  recordsTable,
  tableToXlsx,
} from "./dashboard.service";
import { jsonSafe, parseAsOf, targetsResult } from "./targets.service";

const CHART_TITLES: Record<DashboardChart, string> = {
  cards: "目标完成情况",
  revenueYears: "规上工业企业营业收入（年度）",
  revenueByMonth: "规上工业企业营业收入（分月，与上年对比）",
  byChain: "规上工业企业营业收入（分产业链）",
  byTown: "规上工业企业营业收入（分乡镇街道）",
  projectFunnel: "项目漏斗",
  reservePool: "规上企业后备库",
};

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
      const result = await targetsResult(db, currentUser(request).districtId, parseAsOf(query.asOf));
      const records = dashboardRecords(result, query);
      if (query.format === "xlsx") {
        const body = await tableToXlsx(recordsTable(records), records.title);
        return sendDownload(reply, { fileName: `${records.title}.xlsx`, contentType: CONTENT_TYPES.xlsx, body });
      }
      return jsonSafe(records);
    },
  );

  app.get(
    "/api/dashboard/export",
    { config: { request: { query: DashboardExportQuerySchema }, permission: "targets.read", response: "file" } },
    async (request, reply) => {
      const query = parseInput(DashboardExportQuerySchema, request.query, "导出");
      const result = await targetsResult(db, currentUser(request).districtId, parseAsOf(query.asOf));
      const title = `${CHART_TITLES[query.chart]}（截至 ${result.data.asOf.year}年${result.data.asOf.month}月）`;
      const buffer = await tableToXlsx(chartTable(buildDashboard(result), query.chart), title);
      const fileName = `${CHART_TITLES[query.chart]}.xlsx`;
      return sendDownload(reply, { fileName, contentType: CONTENT_TYPES.xlsx, body: buffer });
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
