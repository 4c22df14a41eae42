import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { currentUser } from "../../http/request-context";
import { getActivePlan } from "../../services/plan.service";

export async function planRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  app.get("/api/plan", { config: { permission: "plan.read" } }, async (request) =>
    getActivePlan(opts.db, currentUser(request).districtId),
  );
}
