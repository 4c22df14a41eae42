/**
 * Entrepreneurs' trainings and salons (M12): the events, invitations, registrations, attendance, feedback and the
 * yearly counts. Who holds events is the plan's (holdEntrepreneurEvents); the services narrow the roles further.
 */
import {
  AttendanceSchema,
  CancelEventSchema,
  DeclineSchema,
  EventDetailSchema,
  EventInputSchema,
  EventListSchema,
  EventQuerySchema,
  EventReportSchema,
  EventSummarySchema,
  FeedbackSchema,
  InvitedSchema,
  InviteSchema,
  RegisteredSchema,
  RegisterSchema,
  RegistrationParamsSchema,
} from "@beizeng/contract/events";
import { CreatedSchema } from "@beizeng/contract/register";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import {
  cancelEvent,
  createEvent,
  declineInvitation,
  eventReport,
  getEvent,
  giveFeedback,
  inviteEnterprises,
  listEvents,
  markAttendance,
  registerPersons,
  updateEventById,
  withdrawPerson,
} from "./events.service";
import { exportEventReport, exportEventRoster, exportEvents } from "./events-export";

const ChangedSchema = z.strictObject({ changed: z.number().int() });

export async function eventsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/events",
    { config: { request: { query: EventQuerySchema }, permission: "events.read", response: EventListSchema } },
    async (request) => {
      const { year } = parseInput(EventQuerySchema, request.query, "查询活动");
      return listEvents(db, currentUser(request), year);
    },
  );
  app.get(
    "/api/events/export",
    { config: { request: { query: EventQuerySchema }, permission: "events.report", response: "file" } },
    async (request, reply) => {
      const { year } = parseInput(EventQuerySchema, request.query, "导出活动");
      return exportEvents(db, currentUser(request), year, reply);
    },
  );
  app.get(
    "/api/events/report",
    { config: { permission: "events.report", response: EventReportSchema } },
    async (request) => eventReport(db, currentUser(request).districtId),
  );
  app.get(
    "/api/events/report/export",
    { config: { permission: "events.report", response: "file" } },
    async (request, reply) => exportEventReport(db, currentUser(request), reply),
  );
  app.post(
    "/api/events",
    { config: { request: { body: EventInputSchema }, permission: "events.manage", response: EventSummarySchema } },
    async (request, reply) => {
      const input = parseInput(EventInputSchema, request.body, "新增活动");
      return reply.code(201).send(await createEvent(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.get(
    "/api/events/:id",
    { config: { request: { params: idParamSchema }, permission: "events.read", response: EventDetailSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return getEvent(db, currentUser(request), id);
    },
  );
  app.get(
    "/api/events/:id/registrations/export",
    { config: { request: { params: idParamSchema }, permission: "events.read", response: "file" } },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      return exportEventRoster(db, currentUser(request), id, reply);
    },
  );
  app.put(
    "/api/events/:id",
    {
      config: {
        request: { params: idParamSchema, body: EventInputSchema },
        permission: "events.manage",
        response: EventSummarySchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(EventInputSchema, request.body, "修改活动");
      return updateEventById(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post(
    "/api/events/:id/cancel",
    {
      config: {
        request: { params: idParamSchema, body: CancelEventSchema },
        permission: "events.manage",
        response: EventSummarySchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(CancelEventSchema, request.body, "取消活动");
      return cancelEvent(db, currentUser(request), id, reason, actorOf(request));
    },
  );
  app.post(
    "/api/events/:id/invitations",
    {
      config: {
        request: { params: idParamSchema, body: InviteSchema },
        permission: "events.manage",
        response: InvitedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { enterpriseIds } = parseInput(InviteSchema, request.body, "邀请企业");
      return inviteEnterprises(db, currentUser(request), id, enterpriseIds, actorOf(request));
    },
  );
  app.post(
    "/api/events/:id/decline",
    {
      config: {
        request: { params: idParamSchema, body: DeclineSchema },
        permission: "events.register",
        response: "none",
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { reason } = parseInput(DeclineSchema, request.body, "答复邀请");
      await declineInvitation(db, currentUser(request), id, reason ?? "", actorOf(request));
      return reply.code(204).send();
    },
  );
  app.post(
    "/api/events/:id/registrations",
    {
      config: {
        request: { params: idParamSchema, body: RegisterSchema },
        permission: "events.register",
        response: RegisteredSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { persons } = parseInput(RegisterSchema, request.body, "报名");
      return reply.code(201).send(await registerPersons(db, currentUser(request), id, persons, actorOf(request)));
    },
  );
  app.delete(
    "/api/events/:id/registrations/:registrationId",
    { config: { request: { params: RegistrationParamsSchema }, permission: "events.register", response: "none" } },
    async (request, reply) => {
      const { id, registrationId } = parseInput(RegistrationParamsSchema, request.params);
      await withdrawPerson(db, currentUser(request), id, registrationId, actorOf(request));
      return reply.code(204).send();
    },
  );
  app.put(
    "/api/events/:id/attendance",
    {
      config: {
        request: { params: idParamSchema, body: AttendanceSchema },
        permission: "events.attendance",
        response: ChangedSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { marks } = parseInput(AttendanceSchema, request.body, "登记出席");
      return markAttendance(db, currentUser(request), id, marks, actorOf(request));
    },
  );
  app.post(
    "/api/events/:id/feedback",
    {
      config: {
        request: { params: idParamSchema, body: FeedbackSchema },
        permission: "events.feedback",
        response: CreatedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(FeedbackSchema, request.body, "活动评价");
      return reply.code(201).send(await giveFeedback(db, currentUser(request), id, input, actorOf(request)));
    },
  );
}
