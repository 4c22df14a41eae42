import {
  ParcelInputSchema,
  ParcelListSchema,
  ParcelQuerySchema,
  ParcelSchema,
  ParcelStepSchema,
  ParcelUpdateSchema,
  ZombieCaseInputSchema,
  ZombieCaseSchema,
  ZombieCriteriaInputSchema,
  ZombieCriteriaSchema,
  ZombieDisposalInputSchema,
  ZombieListSchema,
} from "@beizeng/contract/land";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import {
  createParcel,
  listParcels,
  listZombies,
  recordZombieCase,
  recordZombieDisposal,
  setZombieCriteria,
  stepParcel,
  updateParcel,
} from "./land.service";
import { exportParcels, exportZombies } from "./land-export";

export async function landRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/land/parcels",
    { config: { request: { query: ParcelQuerySchema }, permission: "land.read", response: ParcelListSchema } },
    async (request) => listParcels(db, currentUser(request), parseInput(ParcelQuerySchema, request.query, "地块台账")),
  );
  app.get(
    "/api/land/parcels/export",
    { config: { request: { query: ParcelQuerySchema }, permission: "land.read", response: "file" } },
    async (request, reply) =>
      exportParcels(db, currentUser(request), parseInput(ParcelQuerySchema, request.query, "导出地块台账"), reply),
  );
  app.post(
    "/api/land/parcels",
    { config: { request: { body: ParcelInputSchema }, permission: "land.manage", response: ParcelSchema } },
    async (request, reply) => {
      const input = parseInput(ParcelInputSchema, request.body, "新增地块");
      return reply.code(201).send(await createParcel(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/land/parcels/:id",
    {
      config: {
        request: { params: idParamSchema, body: ParcelUpdateSchema },
        permission: "land.manage",
        response: ParcelSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ParcelUpdateSchema, request.body, "修改地块");
      return updateParcel(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.post(
    "/api/land/parcels/:id/step",
    {
      config: {
        request: { params: idParamSchema, body: ParcelStepSchema },
        permission: "land.manage",
        response: ParcelSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const step = parseInput(ParcelStepSchema, request.body, "变更地块状态");
      return stepParcel(db, currentUser(request), id, step, actorOf(request));
    },
  );

  app.get("/api/zombies", { config: { permission: "zombies.read", response: ZombieListSchema } }, async (request) =>
    listZombies(db, currentUser(request)),
  );
  app.get("/api/zombies/export", { config: { permission: "zombies.read", response: "file" } }, async (request, reply) =>
    exportZombies(db, currentUser(request), reply),
  );
  app.post(
    "/api/zombies",
    { config: { request: { body: ZombieCaseInputSchema }, permission: "zombies.handle", response: ZombieCaseSchema } },
    async (request, reply) => {
      const input = parseInput(ZombieCaseInputSchema, request.body, "僵尸企业认定");
      return reply.code(201).send(await recordZombieCase(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.post(
    "/api/zombies/:id/disposal",
    {
      config: {
        request: { params: idParamSchema, body: ZombieDisposalInputSchema },
        permission: "zombies.handle",
        response: ZombieCaseSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(ZombieDisposalInputSchema, request.body, "僵尸企业处置");
      return recordZombieDisposal(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.put(
    "/api/zombies/criteria",
    {
      config: {
        request: { body: ZombieCriteriaInputSchema },
        permission: "zombies.criteria",
        response: ZombieCriteriaSchema,
      },
    },
    async (request) => {
      const input = parseInput(ZombieCriteriaInputSchema, request.body, "僵尸企业认定标准");
      return setZombieCriteria(db, currentUser(request), input, actorOf(request));
    },
  );
}
