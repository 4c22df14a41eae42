import {
  AuditExportQuerySchema,
  AuditLogVerificationSchema,
  AuditPageSchema,
  AuditQuerySchema,
} from "@beizeng/contract/audit";
import type { FastifyInstance } from "fastify";
import { listAuditEntries } from "../../platform/audit/audit.service";
import {
  checkpointJsonLine,
  exportAuditCheckpoints,
  verifyAuditLog,
} from "../../platform/audit/audit-checkpoints.service";
import { attachedAuditSigningKey, publicKeyPem, trustedFromSigningKey } from "../../platform/audit/audit-key";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { beijingDay } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { parseInput } from "../../platform/http/validation";
import { auditLogXlsx } from "./audit-export";

const NO_KEY = "服务器未加载审计签名密钥，无法校验检查点的签名";

export async function auditRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/audit",
    { config: { request: { query: AuditQuerySchema }, permission: "audit.read", response: AuditPageSchema } },
    async (request) => {
      const { page, pageSize, ...filter } = parseInput(AuditQuerySchema, request.query, "查询审计日志");
      return listAuditEntries(db, { ...filter, districtId: currentUser(request).districtId }, { page, pageSize });
    },
  );

  /** The entries the list's filters keep, as .xlsx: whoever may read the log may take it away. */
  app.get(
    "/api/audit/export",
    { config: { request: { query: AuditExportQuerySchema }, permission: "audit.read", response: "file" } },
    async (request, reply) => {
      const query = parseInput(AuditExportQuerySchema, request.query, "导出审计日志");
      const { fileName, buffer, rows, total } = await auditLogXlsx(db, currentUser(request).districtId, query);
      return sendDownload(reply, {
        fileName,
        asciiName: "audit-log.xlsx",
        contentType: CONTENT_TYPES.xlsx,
        body: buffer,
        headers: { "x-export-rows": String(rows), "x-export-total": String(total) },
      });
    },
  );

  /** The chain, and the district's checkpoints checked with the server's own key. */
  app.get(
    "/api/audit/verify",
    { config: { permission: "audit.read", response: AuditLogVerificationSchema } },
    async (request) => {
      const key = attachedAuditSigningKey(db);
      return verifyAuditLog(db, {
        districtId: currentUser(request).districtId,
        trustedKeys: key ? [trustedFromSigningKey(key)] : [],
        keyProblem: NO_KEY,
      });
    },
  );

  /** The district's signed checkpoints as JSON Lines, for the office or the inspector to keep off the server. */
  app.get(
    "/api/audit/checkpoints",
    { config: { permission: "audit.checkpoints", response: "file" } },
    async (request, reply) => {
      const districtId = currentUser(request).districtId;
      const lines = (await exportAuditCheckpoints(db, districtId)).map(checkpointJsonLine);
      const day = beijingDay(new Date());
      return sendDownload(reply, {
        fileName: `审计检查点-${districtId}-${day}.jsonl`,
        contentType: CONTENT_TYPES.ndjson,
        body: lines.map((line) => `${line}\n`).join(""),
      });
    },
  );

  /** The public half of the signing key (PEM): it verifies checkpoints and cannot sign them. */
  app.get(
    "/api/audit/public-key",
    { config: { permission: "audit.checkpoints", response: "file" } },
    async (_request, reply) => {
      const key = attachedAuditSigningKey(db);
      if (!key) throw new AppError(503, "audit_key_missing", NO_KEY);
      return sendDownload(reply, {
        fileName: `audit-public-key-${key.keyId}.pem`,
        contentType: CONTENT_TYPES.pem,
        body: publicKeyPem(key),
        headers: { "x-audit-key-id": key.keyId },
      });
    },
  );
}
