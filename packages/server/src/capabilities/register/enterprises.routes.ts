import { FigureBodySchema, FigureConfirmedSchema, FigureEnteredSchema } from "@beizeng/contract/figures";
import {
  ChainLeadersQuerySchema,
  ChainLeadersSchema,
  ChainRoleBodySchema,
  ChainRoleParamsSchema,
  CreatedSchema,
  DesignationBodySchema,
  DesignationParamsSchema,
  EnterpriseCreateSchema,
  EnterpriseDetailSchema,
  EnterpriseFilterSchema,
  EnterpriseHistorySchema,
  EnterprisePageSchema,
  EnterpriseQuerySchema,
  EnterpriseUpdatedSchema,
  EnterpriseUpdateSchema,
  ListingEventAddedSchema,
  ListingEventBodySchema,
  ProfileBodySchema,
  ProfileUpdatedSchema,
  ScaleYearBodySchema,
  ScaleYearParamsSchema,
  ScaleYearSetSchema,
  ServiceNoteBodySchema,
} from "@beizeng/contract/register";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { confirmFigure, enterFigure } from "../figures/index";
import { addChainRole, chainLeaders, removeChainRole } from "./chain-roles.service";
import { getEnterprise, listEnterprises } from "./enterprises.service";
import { exportChainRoles, exportEnterpriseFigures, exportEnterpriseList } from "./enterprises-export";
import {
  addDesignation,
  addListingEvent,
  addServiceNote,
  createEnterprise,
  enterpriseHistory,
  removeDesignation,
  setScaleYear,
  updateEnterprise,
  updateProfile,
} from "./enterprises-register.service";
import { monitoringRoutes } from "./monitoring.routes";

export async function enterprisesRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/enterprises",
    {
      config: {
        request: { query: EnterpriseQuerySchema },
        permission: "enterprises.read",
        response: EnterprisePageSchema,
      },
    },
    async (request) =>
      listEnterprises(db, currentUser(request), parseInput(EnterpriseQuerySchema, request.query, "查询企业")),
  );

  app.get(
    "/api/enterprises/export",
    { config: { request: { query: EnterpriseFilterSchema }, permission: "enterprises.read", response: "file" } },
    async (request, reply) =>
      exportEnterpriseList(
        db,
        currentUser(request),
        parseInput(EnterpriseFilterSchema, request.query, "导出企业"),
        reply,
      ),
  );

  app.get(
    "/api/enterprises/:id",
    {
      config: { request: { params: idParamSchema }, permission: "enterprises.read", response: EnterpriseDetailSchema },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return getEnterprise(db, currentUser(request), id);
    },
  );

  app.get(
    "/api/enterprises/:id/figures/export",
    { config: { request: { params: idParamSchema }, permission: "enterprises.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      return exportEnterpriseFigures(db, currentUser(request), id, reply);
    },
  );

  app.get(
    "/api/enterprises/:id/history",
    {
      config: {
        request: { params: idParamSchema },
        permission: "enterprises.history",
        response: EnterpriseHistorySchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return enterpriseHistory(db, currentUser(request), id);
    },
  );

  app.post(
    "/api/enterprises",
    { config: { request: { body: EnterpriseCreateSchema }, permission: "enterprises.edit", response: CreatedSchema } },
    async (request, reply) => {
      const input = parseInput(EnterpriseCreateSchema, request.body, "新建企业");
      const created = await createEnterprise(db, currentUser(request), input, actorOf(request));
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/api/enterprises/:id",
    {
      config: {
        request: { params: idParamSchema, body: EnterpriseUpdateSchema },
        permission: "enterprises.edit",
        response: EnterpriseUpdatedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(EnterpriseUpdateSchema, request.body, "修改企业");
      return updateEnterprise(db, currentUser(request), id, input, actorOf(request));
    },
  );

  app.put(
    "/api/enterprises/:id/scale-years/:year",
    {
      config: {
        request: { params: ScaleYearParamsSchema, body: ScaleYearBodySchema },
        permission: "enterprises.edit",
        response: ScaleYearSetSchema,
      },
    },
    async (request) => {
      const { id, year } = parseInput(ScaleYearParamsSchema, request.params);
      const { status } = parseInput(ScaleYearBodySchema, request.body, "规上状态");
      return setScaleYear(db, currentUser(request), id, year, status, actorOf(request));
    },
  );

  app.delete(
    "/api/enterprises/:id/scale-years/:year",
    {
      config: {
        request: { params: ScaleYearParamsSchema },
        permission: "enterprises.edit",
        response: ScaleYearSetSchema,
      },
    },
    async (request) => {
      const { id, year } = parseInput(ScaleYearParamsSchema, request.params);
      return setScaleYear(db, currentUser(request), id, year, null, actorOf(request));
    },
  );

  app.post(
    "/api/enterprises/:id/designations",
    {
      config: {
        request: { params: idParamSchema, body: DesignationBodySchema },
        permission: "enterprises.edit",
        response: CreatedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(DesignationBodySchema, request.body, "认定");
      return reply.code(201).send(await addDesignation(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.delete(
    "/api/enterprises/:id/designations/:designationId",
    { config: { request: { params: DesignationParamsSchema }, permission: "enterprises.edit", response: "none" } },
    async (request, reply) => {
      const { id, designationId } = parseInput(DesignationParamsSchema, request.params);
      await removeDesignation(db, currentUser(request), id, designationId, actorOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/enterprises/:id/chain-roles",
    {
      config: {
        request: { params: idParamSchema, body: ChainRoleBodySchema },
        permission: "enterprises.chainRoles",
        response: CreatedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ChainRoleBodySchema, request.body, "链主型、骨干型企业认定");
      return reply.code(201).send(await addChainRole(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.delete(
    "/api/enterprises/:id/chain-roles/:chainRoleId",
    { config: { request: { params: ChainRoleParamsSchema }, permission: "enterprises.chainRoles", response: "none" } },
    async (request, reply) => {
      const { id, chainRoleId } = parseInput(ChainRoleParamsSchema, request.params);
      await removeChainRole(db, currentUser(request), id, chainRoleId, actorOf(request));
      return reply.code(204).send();
    },
  );

  // Each chain's leader and backbone enterprises of a year: the dashboards' card and its export.
  app.get(
    "/api/chain-leaders",
    {
      config: {
        request: { query: ChainLeadersQuerySchema },
        permission: "chainRoles.read",
        response: ChainLeadersSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(ChainLeadersQuerySchema, request.query, "产业链链主企业");
      return chainLeaders(db, currentUser(request), year);
    },
  );

  app.get(
    "/api/chain-leaders/export",
    { config: { request: { query: ChainLeadersQuerySchema }, permission: "chainRoles.read", response: "file" } },
    async (request, reply) => {
      const { year } = parseInput(ChainLeadersQuerySchema, request.query, "导出产业链链主企业");
      return exportChainRoles(db, currentUser(request), year, reply);
    },
  );

  app.post(
    "/api/enterprises/:id/listing-events",
    {
      config: {
        request: { params: idParamSchema, body: ListingEventBodySchema },
        permission: "enterprises.listing",
        response: ListingEventAddedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ListingEventBodySchema, request.body, "上市进程");
      return reply.code(201).send(await addListingEvent(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.post(
    "/api/enterprises/:id/service-notes",
    {
      config: {
        request: { params: idParamSchema, body: ServiceNoteBodySchema },
        permission: "enterprises.serviceNotes",
        response: CreatedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ServiceNoteBodySchema, request.body, "走访记录");
      return reply.code(201).send(await addServiceNote(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.patch(
    "/api/enterprises/:id/profile",
    {
      config: {
        request: { params: idParamSchema, body: ProfileBodySchema },
        permission: "enterprises.profile",
        response: ProfileUpdatedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ProfileBodySchema, request.body, "企业信息");
      return updateProfile(db, currentUser(request), id, input, actorOf(request));
    },
  );

  app.post(
    "/api/enterprises/:id/figures",
    {
      config: {
        request: { params: idParamSchema, body: FigureBodySchema },
        permission: "figures.enter",
        response: FigureEnteredSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(FigureBodySchema, request.body, "经营数据");
      return reply.code(201).send(await enterFigure(db, currentUser(request), id, input, actorOf(request)));
    },
  );

  app.post(
    "/api/figures/:id/confirm",
    { config: { request: { params: idParamSchema }, permission: "figures.confirm", response: FigureConfirmedSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return confirmFigure(db, currentUser(request), id, actorOf(request));
    },
  );

  await monitoringRoutes(app, opts);
}
