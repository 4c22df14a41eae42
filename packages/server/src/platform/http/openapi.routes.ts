/**
 * GET /api/openapi.json: the API's OpenAPI 3.1 document, generated once from the routes the app registered
 * (platform/http/openapi.ts). Any logged-in account may read it; the web's reference page renders it.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { isPermission, PERMISSIONS } from "../auth/permissions";
import { buildOpenApiDocument, type OpenApiDocument } from "./openapi";

/** The document's outline, as its answer's contract (the schemas inside are JSON Schema, not ours to restate). */
const OpenApiDocumentSchema = z.object({
  openapi: z.literal("3.1.0"),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.object({ operationId: z.string() }))),
});

const SERVER_VERSION = (
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** "tasks.report" → "权限 tasks.report：unit"; public and session in words. */
export function describePermission(permission: string): string {
  if (permission === "public") return "公开：无需登录";
  if (permission === "session") return "任何已登录账号";
  const roles = isPermission(permission) ? PERMISSIONS[permission] : [];
  return `权限 ${permission}，角色：${Array.isArray(roles) ? roles.join("、") : roles}`;
}

/** The document for an app whose routes are all registered. */
export function openApiDocumentOf(app: FastifyInstance): OpenApiDocument {
  return buildOpenApiDocument(app.apiRoutes, { version: SERVER_VERSION, describePermission });
}

export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  let document: string | undefined;
  app.get(
    "/api/openapi.json",
    { config: { permission: "session", response: OpenApiDocumentSchema } },
    async (_request, reply) => {
      // Routes are fixed once the app is ready: the document is made at the first request and kept.
      document ??= JSON.stringify(openApiDocumentOf(app));
      return reply.type("application/json; charset=utf-8").send(document);
    },
  );
}
