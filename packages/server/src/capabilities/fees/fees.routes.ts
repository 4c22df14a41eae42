import {
  FeeComplaintInputSchema,
  FeeComplaintListSchema,
  FeeComplaintSchema,
  FeeInspectionInputSchema,
  FeeInspectionListSchema,
  FeeInspectionSchema,
  FeeItemInputSchema,
  FeeItemListSchema,
  FeeItemSchema,
  FeeListVersionListSchema,
  FeeListVersionSummarySchema,
  FeeReportSchema,
  PublicFeeListSchema,
  PublicFeeQuerySchema,
  PublishFeeListSchema,
} from "@beizeng/contract/fees";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import {
  createFeeItem,
  feeReport,
  fileFeeComplaint,
  listFeeComplaints,
  listFeeInspections,
  listFeeItems,
  listFeeListVersions,
  publicFeeList,
  publishFeeList,
  recordFeeInspection,
  updateFeeInspectionById,
  updateFeeItemById,
} from "./fees.service";
import { exportFeeComplaints, exportFeeInspections, exportFeeItems, exportPublicFeeList } from "./fees-export";

export async function feesRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  // The published list: anyone, without login, as the page and as JSON.
  app.get(
    "/api/public/fees",
    { config: { request: { query: PublicFeeQuerySchema }, permission: "public", response: PublicFeeListSchema } },
    async (request) => publicFeeList(db, parseInput(PublicFeeQuerySchema, request.query, "涉企收费清单")),
  );
  app.get(
    "/api/public/fees/export",
    { config: { request: { query: PublicFeeQuerySchema }, permission: "public", response: "file" } },
    async (request, reply) =>
      exportPublicFeeList(db, parseInput(PublicFeeQuerySchema, request.query, "导出涉企收费清单"), reply),
  );

  app.get("/api/fees/items", { config: { permission: "fees.read", response: FeeItemListSchema } }, async (request) =>
    listFeeItems(db, currentUser(request)),
  );
  app.get("/api/fees/items/export", { config: { permission: "fees.read", response: "file" } }, async (request, reply) =>
    exportFeeItems(db, currentUser(request), reply),
  );
  app.post(
    "/api/fees/items",
    { config: { request: { body: FeeItemInputSchema }, permission: "fees.manage", response: FeeItemSchema } },
    async (request, reply) => {
      const input = parseInput(FeeItemInputSchema, request.body, "新增收费项目");
      return reply.code(201).send(await createFeeItem(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/fees/items/:id",
    {
      config: {
        request: { params: idParamSchema, body: FeeItemInputSchema },
        permission: "fees.manage",
        response: FeeItemSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(FeeItemInputSchema, request.body, "修改收费项目");
      return updateFeeItemById(db, currentUser(request), id, input, actorOf(request));
    },
  );

  app.get(
    "/api/fees/versions",
    { config: { permission: "fees.read", response: FeeListVersionListSchema } },
    async (request) => listFeeListVersions(db, currentUser(request)),
  );
  app.post(
    "/api/fees/versions",
    {
      config: {
        request: { body: PublishFeeListSchema },
        permission: "fees.manage",
        response: FeeListVersionSummarySchema,
      },
    },
    async (request, reply) => {
      const { note } = parseInput(PublishFeeListSchema, request.body, "发布涉企收费清单");
      return reply.code(201).send(await publishFeeList(db, currentUser(request), note, actorOf(request)));
    },
  );

  app.get(
    "/api/fees/complaints",
    { config: { permission: "fees.complaints", response: FeeComplaintListSchema } },
    async (request) => listFeeComplaints(db, currentUser(request)),
  );
  app.get(
    "/api/fees/complaints/export",
    { config: { permission: "fees.complaints", response: "file" } },
    async (request, reply) => exportFeeComplaints(db, currentUser(request), reply),
  );
  app.post(
    "/api/fees/complaints",
    {
      config: { request: { body: FeeComplaintInputSchema }, permission: "fees.complain", response: FeeComplaintSchema },
    },
    async (request, reply) => {
      const input = parseInput(FeeComplaintInputSchema, request.body, "投诉收费");
      return reply.code(201).send(await fileFeeComplaint(db, currentUser(request), input, actorOf(request)));
    },
  );

  app.get(
    "/api/fees/inspections",
    { config: { permission: "fees.read", response: FeeInspectionListSchema } },
    async (request) => listFeeInspections(db, currentUser(request)),
  );
  app.get(
    "/api/fees/inspections/export",
    { config: { permission: "fees.read", response: "file" } },
    async (request, reply) => exportFeeInspections(db, currentUser(request), reply),
  );
  app.post(
    "/api/fees/inspections",
    {
      config: {
        request: { body: FeeInspectionInputSchema },
        permission: "fees.inspect",
        response: FeeInspectionSchema,
      },
    },
    async (request, reply) => {
      const input = parseInput(FeeInspectionInputSchema, request.body, "记录监督检查");
      return reply.code(201).send(await recordFeeInspection(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/fees/inspections/:id",
    {
      config: {
        request: { params: idParamSchema, body: FeeInspectionInputSchema },
        permission: "fees.inspect",
        response: FeeInspectionSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(FeeInspectionInputSchema, request.body, "修改监督检查");
      return updateFeeInspectionById(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.get("/api/fees/report", { config: { permission: "fees.read", response: FeeReportSchema } }, async (request) =>
    feeReport(db, currentUser(request)),
  );
}
