import { HealthSchema, MetaSchema } from "@beizeng/contract/plan";
import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../platform/db/database";
import { getMeta } from "./plan.service";

export async function systemRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  app.get("/api/health", { config: { permission: "public", response: HealthSchema } }, async () => ({ status: "ok" }));

  app.get("/api/meta", { config: { permission: "public", response: MetaSchema } }, async (request) =>
    getMeta(opts.db, request.auth?.user.districtId ?? null),
  );
}
