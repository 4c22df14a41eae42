import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { currentUser } from "../../http/request-context";
import { parseInput } from "../../http/validation";
import { listAuditEntries, verifyAuditChain } from "../../services/audit.service";
import { AuditQuerySchema } from "./schema";

export async function auditRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/audit", { config: { permission: "audit.read" } }, async (request) => {
    const { page, pageSize, ...filter } = parseInput(AuditQuerySchema, request.query, "查询审计日志");
    return listAuditEntries(db, { ...filter, districtId: currentUser(request).districtId }, { page, pageSize });
  });

  app.get("/api/audit/verify", { config: { permission: "audit.read" } }, async (request) =>
    verifyAuditChain(db, currentUser(request).districtId),
  );
}
