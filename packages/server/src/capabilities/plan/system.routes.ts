import { HealthSchema, MetaSchema } from "@beizeng/contract/plan";
import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../platform/db/database";
import { healthReport } from "../../platform/jobs/health";
import { getMeta } from "./plan.service";

export async function systemRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  app.get("/api/health", { config: { permission: "public", response: HealthSchema } }, async (_request, reply) => {
    const report = await healthReport(opts.db);
    return reply.code(report.status === "ok" ? 200 : 503).send(report);
  });

  app.get("/api/meta", { config: { permission: "public", response: MetaSchema } }, async (request) =>
    getMeta(opts.db, request.auth?.user.districtId ?? null),
  );
}
