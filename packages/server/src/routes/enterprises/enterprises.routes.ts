import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { currentUser } from "../../http/request-context";
import { idParamSchema, parseInput } from "../../http/validation";
import { getEnterprise, listEnterprises } from "../../services/enterprises.service";
import { EnterpriseQuerySchema } from "./schema";

export async function enterprisesRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/enterprises", { config: { permission: "enterprises.read" } }, async (request) =>
    listEnterprises(db, currentUser(request), parseInput(EnterpriseQuerySchema, request.query, "查询企业")),
  );

  app.get("/api/enterprises/:id", { config: { permission: "enterprises.read" } }, async (request) => {
    const { id } = parseInput(idParamSchema, request.params);
    return getEnterprise(db, currentUser(request), id);
  });
}
