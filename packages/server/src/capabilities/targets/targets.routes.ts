import {
  BoardPublicationSchema,
  BoardPublicationViewSchema,
  BoardPublishedSchema,
  InvestmentYearSchema,
  MonthCoverageSettingSchema,
  OnlineServicesSchema,
  RecordSetSchema,
  TargetInputsSchema,
  TargetListSchema,
  TargetRecordsParamsSchema,
  TargetRecordsQuerySchema,
  TargetsQuerySchema,
} from "@beizeng/contract/targets";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { sendJsonText } from "../../platform/http/json-text";
import { parseInput } from "../../platform/http/validation";
import { cachedAnswer, transientAnswer } from "./answers.service";
import { getBoardPublication, recordsAnswer, recordsTableAnswer, tableToXlsx } from "./dashboard.service";
import { parseAsOf, targetsAnswer } from "./targets.service";
import {
  getTargetInputs,
  publishBoard,
  setInvestmentYear,
  setMonthCoverage,
  setOnlineServices,
} from "./targets-inputs.service";

export async function targetsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/targets",
    { config: { request: { query: TargetsQuerySchema }, permission: "targets.read", response: TargetListSchema } },
    async (request, reply) => {
      const query = parseInput(TargetsQuerySchema, request.query, "查询目标");
      const answer = await cachedAnswer(
        db,
        currentUser(request).districtId,
        parseAsOf(query.asOf),
        "targets",
        targetsAnswer,
      );
      return sendJsonText(reply, answer);
    },
  );

  // The records behind a target's actual in a year: the enterprises summed, the projects counted, …
  app.get(
    "/api/targets/:id/records",
    // JSON, or with format=xlsx the same records as a spreadsheet (only JSON answers are checked).
    {
      config: {
        request: { params: TargetRecordsParamsSchema, query: TargetRecordsQuerySchema },
        permission: "targets.read",
        response: RecordSetSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(TargetRecordsParamsSchema, request.params);
      const query = parseInput(TargetRecordsQuerySchema, request.query, "查询目标明细");
      const districtId = currentUser(request).districtId;
      const params = { records: { source: "target" as const, targetId: id, year: query.year } };
      if (query.format === "xlsx") {
        const { title, table } = JSON.parse(
          await transientAnswer(db, districtId, parseAsOf(query.asOf), "records-table", params, recordsTableAnswer),
        );
        const buffer = await tableToXlsx(table, title);
        return sendDownload(reply, { fileName: `${title}.xlsx`, contentType: CONTENT_TYPES.xlsx, body: buffer });
      }
      const answer = await transientAnswer(
        db,
        districtId,
        parseAsOf(query.asOf),
        "target-records",
        params,
        recordsAnswer,
      );
      return sendJsonText(reply, answer);
    },
  );

  app.get(
    "/api/targets/inputs",
    { config: { permission: "targets.read", response: TargetInputsSchema } },
    async (request) => getTargetInputs(db, currentUser(request).districtId),
  );

  app.put(
    "/api/targets/inputs/investment",
    { config: { request: { body: InvestmentYearSchema }, permission: "targets.manage", response: TargetInputsSchema } },
    async (request) => {
      const body = parseInput(InvestmentYearSchema, request.body, "固定资产投资");
      return setInvestmentYear(db, currentUser(request).districtId, body, actorOf(request));
    },
  );

  app.put(
    "/api/targets/inputs/online-services",
    { config: { request: { body: OnlineServicesSchema }, permission: "targets.manage", response: TargetInputsSchema } },
    async (request) => {
      const body = parseInput(OnlineServicesSchema, request.body, "涉企服务事项");
      return setOnlineServices(db, currentUser(request).districtId, body.items, actorOf(request));
    },
  );

  app.get(
    "/api/board/publication",
    { config: { permission: "targets.read", response: BoardPublicationViewSchema } },
    async (request) => getBoardPublication(db, currentUser(request).districtId),
  );

  app.put(
    "/api/board/publication",
    {
      config: {
        request: { body: BoardPublicationSchema },
        permission: "targets.manage",
        response: BoardPublishedSchema,
      },
    },
    async (request) => {
      const body = parseInput(BoardPublicationSchema, request.body, "公开看板");
      return publishBoard(db, currentUser(request).districtId, body.published, actorOf(request));
    },
  );

  // The share of the directory that must have reported a month before the dashboards read up to it.
  app.put(
    "/api/dashboard/settings",
    {
      config: {
        request: { body: MonthCoverageSettingSchema },
        permission: "targets.manage",
        response: MonthCoverageSettingSchema,
      },
    },
    async (request) => {
      const body = parseInput(MonthCoverageSettingSchema, request.body, "看板设置");
      return setMonthCoverage(db, currentUser(request).districtId, body.monthCoveragePermille, actorOf(request));
    },
  );
}
