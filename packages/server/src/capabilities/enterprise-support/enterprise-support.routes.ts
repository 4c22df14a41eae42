/**
 * Support grants (扶持资金), technical-transformation projects (技改项目) and reward events (奖励相关事项)
 * of one enterprise: list, add, correct (the old row stays, superseded), confirm self-reports, export.
 */
import {
  EnterpriseSupportSchema,
  EventAddedSchema,
  EventBodySchema,
  EventCorrectedSchema,
  EventCorrectionSchema,
  GrantBodySchema,
  SupportAddedSchema,
  SupportConfirmedSchema,
  SupportCorrectedSchema,
  TechProjectBodySchema,
} from "@beizeng/contract/enterprise-support";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AuthUser } from "../../platform/auth/auth.service";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { getEnterprise } from "../register/index";
import {
  addEvent,
  addGrant,
  addTechProject,
  confirmGrant,
  confirmTechProject,
  correctEvent,
  correctGrant,
  correctTechProject,
  enterpriseSupport,
} from "./enterprise-support.service";

/** Chinese labels for the exports. */
const SUPPORT_LABELS = {
  level: { national: "国家级", provincial: "省级", municipal: "市级" },
  purpose: { project: "项目扶持", tech: "技术改造" },
  sourceKind: { import: "导入", entry: "录入", self_report: "企业自报", demo: "演示" },
} as const;

function status(row: { official: boolean; supersededBy: number | null }): string {
  if (row.supersededBy !== null) return "已更正";
  return row.official ? "正式" : "企业自报，待确认";
}

async function exportSupport(db: DbContext, user: AuthUser, id: number, kind: "grants" | "tech", reply: FastifyReply) {
  const enterprise = await getEnterprise(db, user, id);
  const support = await enterpriseSupport(db, user, id);
  const filters = [{ label: "统一社会信用代码", value: enterprise.creditCode }];
  const provenance = <R extends (typeof support.grants)[number] | (typeof support.techProjects)[number]>() => [
    { header: "状态", value: (r: R) => status(r) },
    { header: "来源", value: (r: R) => SUPPORT_LABELS.sourceKind[r.sourceKind as "entry"] ?? r.sourceKind },
    { header: "录入单位或账号", value: (r: R) => r.source, width: 28 },
    { header: "记录时间", value: (r: R) => r.recordedAt, width: 24 },
  ];
  if (kind === "grants") {
    type Row = (typeof support.grants)[number];
    const buffer = await buildTableXlsx<Row>({
      title: `${enterprise.name} 扶持资金`,
      filters,
      columns: [
        { header: "编号（文号）", value: (r) => r.code, width: 24 },
        { header: "年度", value: (r) => r.year, kind: "count" },
        { header: "级别", value: (r) => SUPPORT_LABELS.level[r.level] },
        { header: "用途", value: (r) => SUPPORT_LABELS.purpose[r.purpose] },
        { header: "金额", value: (r) => r.amountFen, kind: "money" },
        { header: "说明", value: (r) => r.note, width: 30 },
        ...provenance<Row>(),
      ],
      rows: support.grants,
    });
    return sendDownload(reply, {
      fileName: `${enterprise.name}扶持资金.xlsx`,
      contentType: CONTENT_TYPES.xlsx,
      body: buffer,
    });
  }
  type Row = (typeof support.techProjects)[number];
  const buffer = await buildTableXlsx<Row>({
    title: `${enterprise.name} 技改项目`,
    filters,
    columns: [
      { header: "项目编号", value: (r) => r.code, width: 20 },
      { header: "项目名称", value: (r) => r.name, width: 32 },
      { header: "年度", value: (r) => r.year, kind: "count" },
      { header: "技改投资额", value: (r) => r.investmentFen, kind: "money" },
      { header: "设备购置发票", value: (r) => r.equipmentInvoicesFen, kind: "money" },
      { header: "获得技改扶持资金", value: (r) => r.techFundsReceived },
      ...provenance<Row>(),
    ],
    rows: support.techProjects,
  });
  return sendDownload(reply, {
    fileName: `${enterprise.name}技改项目.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: buffer,
  });
}

const recordParams = z.object({ id: z.coerce.number().int().positive() });

export async function enterpriseSupportRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/enterprises/:id/support",
    {
      config: { request: { params: idParamSchema }, permission: "enterprises.read", response: EnterpriseSupportSchema },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return enterpriseSupport(db, currentUser(request), id);
    },
  );

  app.get(
    "/api/enterprises/:id/grants/export",
    { config: { request: { params: idParamSchema }, permission: "enterprises.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      return exportSupport(db, currentUser(request), id, "grants", reply);
    },
  );

  app.get(
    "/api/enterprises/:id/tech-projects/export",
    { config: { request: { params: idParamSchema }, permission: "enterprises.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      return exportSupport(db, currentUser(request), id, "tech", reply);
    },
  );

  app.post(
    "/api/enterprises/:id/grants",
    {
      config: {
        request: { params: idParamSchema, body: GrantBodySchema },
        permission: "support.enter",
        response: SupportAddedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(GrantBodySchema, request.body, "扶持资金");
      return reply.code(201).send(await addGrant(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.post(
    "/api/enterprise-grants/:id/correct",
    {
      config: {
        request: { params: recordParams, body: GrantBodySchema },
        permission: "support.enter",
        response: SupportCorrectedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(recordParams, request.params);
      const input = parseInput(GrantBodySchema, request.body, "更正扶持资金");
      return correctGrant(db, currentUser(request), id, input, actorOf(request));
    },
  );

  app.post(
    "/api/enterprise-grants/:id/confirm",
    { config: { request: { params: recordParams }, permission: "support.confirm", response: SupportConfirmedSchema } },
    async (request) => {
      const { id } = parseInput(recordParams, request.params);
      return confirmGrant(db, currentUser(request), id, actorOf(request));
    },
  );

  app.post(
    "/api/enterprises/:id/tech-projects",
    {
      config: {
        request: { params: idParamSchema, body: TechProjectBodySchema },
        permission: "support.enter",
        response: SupportAddedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(TechProjectBodySchema, request.body, "技改项目");
      return reply.code(201).send(await addTechProject(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.post(
    "/api/tech-projects/:id/correct",
    {
      config: {
        request: { params: recordParams, body: TechProjectBodySchema },
        permission: "support.enter",
        response: SupportCorrectedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(recordParams, request.params);
      const input = parseInput(TechProjectBodySchema, request.body, "更正技改项目");
      return correctTechProject(db, currentUser(request), id, input, actorOf(request));
    },
  );

  app.post(
    "/api/tech-projects/:id/confirm",
    { config: { request: { params: recordParams }, permission: "support.confirm", response: SupportConfirmedSchema } },
    async (request) => {
      const { id } = parseInput(recordParams, request.params);
      return confirmTechProject(db, currentUser(request), id, actorOf(request));
    },
  );

  app.post(
    "/api/enterprises/:id/reward-events",
    {
      config: {
        request: { params: idParamSchema, body: EventBodySchema },
        permission: "support.events",
        response: EventAddedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(EventBodySchema, request.body, "奖励相关事项");
      return reply.code(201).send(await addEvent(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.post(
    "/api/enterprise-events/:id/correct",
    {
      config: {
        request: { params: recordParams, body: EventCorrectionSchema },
        permission: "support.events",
        response: EventCorrectedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(recordParams, request.params);
      const input = parseInput(EventCorrectionSchema, request.body, "更正奖励相关事项");
      return correctEvent(db, currentUser(request), id, input, actorOf(request));
    },
  );
}
