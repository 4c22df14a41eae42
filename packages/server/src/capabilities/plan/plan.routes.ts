import { PlanSchema } from "@beizeng/contract/plan";
import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { getActivePlan } from "./plan.service";

export async function planRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  app.get("/api/plan", { config: { permission: "plan.read", response: PlanSchema } }, async (request) =>
    getActivePlan(opts.db, currentUser(request).districtId),
  );
}
