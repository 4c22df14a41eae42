import { UnitAnswerSchema, UnitCreateSchema, UnitListSchema, UnitUpdateSchema } from "@beizeng/contract/units";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { createUnit, listUnits, updateUnit } from "./units.service";
import { unitsXlsx } from "./units-export";

export async function unitsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/units", { config: { permission: "units.read", response: UnitListSchema } }, async (request) =>
    listUnits(db, currentUser(request).districtId),
  );

  app.get("/api/units/export", { config: { permission: "units.manage", response: "file" } }, async (request, reply) =>
    sendDownload(reply, {
      fileName: "单位列表.xlsx",
      contentType: CONTENT_TYPES.xlsx,
      body: await unitsXlsx(db, currentUser(request).districtId),
    }),
  );

  /** A new place, saved as the plan's next version. */
  app.post(
    "/api/units",
    { config: { request: { body: UnitCreateSchema }, permission: "units.manage", response: UnitAnswerSchema } },
    async (request, reply) => {
      const body = parseInput(UnitCreateSchema, request.body, "新增单位");
      return reply.code(201).send(await createUnit(db, currentUser(request).districtId, body, actorOf(request)));
    },
  );

  /** A place renamed, given another kind, taken out of the plan or put back: the plan's next version. */
  app.patch(
    "/api/units/:id",
    {
      config: {
        request: { params: idParamSchema, body: UnitUpdateSchema },
        permission: "units.manage",
        response: UnitAnswerSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const body = parseInput(UnitUpdateSchema, request.body, "修改单位");
      return updateUnit(db, currentUser(request).districtId, id, body, actorOf(request));
    },
  );
}
