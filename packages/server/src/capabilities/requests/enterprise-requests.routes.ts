import { AttachmentFormSchema } from "@beizeng/contract/common";
import {
  AnswerSchema,
  AssignSchema,
  CloseSchema,
  DeletedSchema,
  NoteSchema,
  RateSchema,
  ReopenSchema,
  RequestDetailSchema,
  RequestEscalationRunSchema,
  RequestFileAttachedSchema,
  RequestListQuerySchema,
  RequestListSchema,
  RequestQuerySchema,
  RequestStatsSchema,
  ServiceDayDetailSchema,
  ServiceDayListSchema,
  ServiceDaySchema,
  SubmitRequestSchema,
} from "@beizeng/contract/requests";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { sendStoredFile, uploadedFileSchema } from "../../platform/files/downloads";
import { isJsonBody, readAttachmentForm } from "../../platform/files/multipart-upload";
import type { RequestContract } from "../../platform/http/request-contract";
import type { ResponseContract } from "../../platform/http/response-contract";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import {
  acceptRequest,
  addRequestNote,
  answerRequest,
  assignRequest,
  attachRequestFile,
  closeRequest,
  detachRequestFile,
  getRequest,
  getRequestFile,
  listRequests,
  rateRequest,
  reopenRequest,
  requestStats,
  runRequestEscalations,
  submitRequest,
} from "./enterprise-requests.service";
import { exportRequests } from "./requests-export";
import {
  createServiceDay,
  editServiceDay,
  getServiceDay,
  listServiceDays,
  removeServiceDay,
} from "./service-days.service";

export async function enterpriseRequestsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  const read = (response: ResponseContract, request?: RequestContract) => ({
    config: { permission: "requests.read" as const, response, request },
  });
  // Every step on a request answers the request as it now stands.
  const manage = (request: RequestContract) => ({
    config: { permission: "requests.manage" as const, response: RequestDetailSchema, request },
  });
  const handle = (request: RequestContract) => ({
    config: { permission: "requests.handle" as const, response: RequestDetailSchema, request },
  });

  app.get("/api/enterprise-requests", read(RequestListSchema, { query: RequestListQuerySchema }), async (request) =>
    listRequests(db, currentUser(request), parseInput(RequestListQuerySchema, request.query, "查询诉求")),
  );
  app.get("/api/enterprise-requests/export", read("file", { query: RequestQuerySchema }), async (request, reply) =>
    exportRequests(db, currentUser(request), parseInput(RequestQuerySchema, request.query, "导出诉求"), reply),
  );
  app.get(
    "/api/enterprise-requests/stats",
    { config: { request: { query: RequestQuerySchema }, permission: "requests.stats", response: RequestStatsSchema } },
    async (request) =>
      requestStats(db, currentUser(request), parseInput(RequestQuerySchema, request.query, "诉求统计")),
  );
  app.post(
    "/api/enterprise-requests",
    {
      config: { request: { body: SubmitRequestSchema }, permission: "requests.submit", response: RequestDetailSchema },
    },
    async (request, reply) => {
      const input = parseInput(SubmitRequestSchema, request.body, "提交诉求");
      return reply.code(201).send(await submitRequest(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.post(
    "/api/enterprise-requests/escalations/run",
    { config: { permission: "requests.manage", response: RequestEscalationRunSchema } },
    async (request) => runRequestEscalations(db, currentUser(request).districtId),
  );
  app.get("/api/enterprise-requests/:id", read(RequestDetailSchema, { params: idParamSchema }), async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return getRequest(db, currentUser(request), id);
  });
  app.post(
    "/api/enterprise-requests/:id/assign",
    manage({ params: idParamSchema, body: AssignSchema }),
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(AssignSchema, request.body, "交办诉求");
      return assignRequest(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post("/api/enterprise-requests/:id/accept", handle({ params: idParamSchema }), async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return acceptRequest(db, currentUser(request), id, actorOf(request));
  });
  app.post(
    "/api/enterprise-requests/:id/notes",
    {
      config: {
        request: { params: idParamSchema, body: NoteSchema },
        permission: "requests.note",
        response: RequestDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { note } = parseInput(NoteSchema, request.body, "办理进展");
      return addRequestNote(db, currentUser(request), id, note, actorOf(request));
    },
  );
  app.post(
    "/api/enterprise-requests/:id/answer",
    handle({ params: idParamSchema, body: AnswerSchema }),
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { answer } = parseInput(AnswerSchema, request.body, "答复诉求");
      return answerRequest(db, currentUser(request), id, answer, actorOf(request));
    },
  );
  app.post(
    "/api/enterprise-requests/:id/rate",
    {
      config: {
        request: { params: idParamSchema, body: RateSchema },
        permission: "requests.rate",
        response: RequestDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(RateSchema, request.body, "评价答复");
      return rateRequest(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post(
    "/api/enterprise-requests/:id/reopen",
    manage({ params: idParamSchema, body: ReopenSchema }),
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ReopenSchema, request.body, "重新交办");
      return reopenRequest(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post(
    "/api/enterprise-requests/:id/close",
    manage({ params: idParamSchema, body: CloseSchema }),
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const { note } = parseInput(CloseSchema, request.body, "办结诉求");
      return closeRequest(db, currentUser(request), id, note, actorOf(request));
    },
  );
  app.post(
    "/api/enterprise-requests/:id/attachments",
    {
      config: {
        request: {
          params: idParamSchema,
          body: { multipart: AttachmentFormSchema },
          alsoAccepts: [uploadedFileSchema],
        },
        permission: "requests.attach",
        response: RequestFileAttachedSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      // The JSON body with the file in base64 is still taken for one release.
      const input = isJsonBody(request)
        ? parseInput(uploadedFileSchema, request.body, "上传附件")
        : await readAttachmentForm(request, "上传附件");
      return reply.code(201).send(await attachRequestFile(db, currentUser(request), id, input, actorOf(request)));
    },
  );
  app.get(
    "/api/enterprise-request-attachments/:id",
    read("file", { params: idParamSchema }),
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      return sendStoredFile(reply, await getRequestFile(db, currentUser(request), id));
    },
  );
  app.delete(
    "/api/enterprise-request-attachments/:id",
    { config: { request: { params: idParamSchema }, permission: "requests.attach", response: DeletedSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return detachRequestFile(db, currentUser(request), id, actorOf(request));
    },
  );

  app.get(
    "/api/service-days",
    { config: { permission: "serviceDays.read", response: ServiceDayListSchema } },
    async (request) => listServiceDays(db, currentUser(request)),
  );
  app.post(
    "/api/service-days",
    {
      config: {
        request: { body: ServiceDaySchema },
        permission: "serviceDays.manage",
        response: ServiceDayDetailSchema,
      },
    },
    async (request, reply) => {
      const input = parseInput(ServiceDaySchema, request.body, "企业服务日");
      return reply.code(201).send(await createServiceDay(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.get(
    "/api/service-days/:id",
    {
      config: { request: { params: idParamSchema }, permission: "serviceDays.read", response: ServiceDayDetailSchema },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return getServiceDay(db, currentUser(request), id);
    },
  );
  app.put(
    "/api/service-days/:id",
    {
      config: {
        request: { params: idParamSchema, body: ServiceDaySchema },
        permission: "serviceDays.manage",
        response: ServiceDayDetailSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ServiceDaySchema, request.body, "修改企业服务日");
      return editServiceDay(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.delete(
    "/api/service-days/:id",
    { config: { request: { params: idParamSchema }, permission: "serviceDays.manage", response: DeletedSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return removeServiceDay(db, currentUser(request), id, actorOf(request));
    },
  );
}
