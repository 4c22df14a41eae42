/**
 * The Fastify application: security hooks, the API routes and the built web front end.
 * `buildApp` does not migrate; its caller (startServer, tests) runs migrateToLatest first.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { ZodError } from "zod";
import { accountActivationRoutes, authRoutes, usersRoutes } from "./capabilities/accounts/index";
import { auditRoutes } from "./capabilities/audit/index";
import { calendarRoutes } from "./capabilities/calendar/index";
import { enterpriseSupportRoutes } from "./capabilities/enterprise-support/index";
import { eventsRoutes } from "./capabilities/events/index";
import { feesRoutes } from "./capabilities/fees/index";
import { declaredFactsRoutes, importsRoutes } from "./capabilities/figures/index";
import { landRoutes } from "./capabilities/land/index";
import { notificationsRoutes } from "./capabilities/notifications/index";
import { planDraftRoutes, planRoutes, systemRoutes } from "./capabilities/plan/index";
import { projectsRoutes } from "./capabilities/projects/index";
import { regionsRoutes } from "./capabilities/regions/index";
import { enterprisesRoutes } from "./capabilities/register/index";
import { enterpriseRequestsRoutes } from "./capabilities/requests/index";
import { rewardsRoutes, rulePagesRoutes } from "./capabilities/rewards/index";
import { assessmentRoutes, bulletinsRoutes, reportsRoutes, tasksRoutes } from "./capabilities/supervision/index";
import { talentRoutes } from "./capabilities/talent/index";
import { dashboardRoutes, targetsRoutes } from "./capabilities/targets/index";
import { todoRoutes } from "./capabilities/todo/index";
import { unitsRoutes } from "./capabilities/units/index";
import { normaliseOrigin, registerAuthHooks } from "./platform/auth/auth-hooks";
import { isPermission } from "./platform/auth/permissions";
import type { ApiRoute } from "./platform/auth/request-context";
import type { DbContext } from "./platform/db/database";
import { AppError, errorBody } from "./platform/errors";
import { openApiRoutes } from "./platform/http/openapi.routes";
import { registerRequestContractCheck } from "./platform/http/request-contract";
import { registerResponseContractCheck } from "./platform/http/response-contract";
import { registerSecurityHeaders } from "./platform/http/security-headers";

export interface BuildAppOptions {
  db: DbContext;
  /** The built web front end (packages/web/dist); served with a fallback to index.html. */
  webRoot?: string;
  logger?: FastifyServerOptions["logger"];
  /** Force the Secure flag on the session cookie (default: when the request came over https). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and https). */
  trustProxy?: boolean;
  /** Origins besides the app's own accepted on state-changing requests (e.g. the Vite dev server). */
  allowedOrigins?: string[];
  /**
   * The origin(s) the app is served from, e.g. https://beizeng.example.gov.cn (default: BEIZENG_PUBLIC_ORIGIN,
   * comma-separated). Without them the Host header names the app's own origin, unless a proxy is trusted:
   * then only these and allowedOrigins are accepted.
   */
  publicOrigins?: string[];
  /**
   * Parse every JSON answer with its route's declared schema and answer 500 on a mismatch (default:
   * BEIZENG_CHECK_RESPONSES=1). The test suites turn it on; production need not pay for it.
   */
  checkResponses?: boolean;
}

/** The body any route accepts unless it says otherwise: JSON forms are a few KB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Routes that take files (multipart forms; until the next release also the older bodies) and the bodies they accept. */
export const UPLOAD_BODY_LIMITS: Readonly<Record<string, number>> = {
  "POST /api/imports": 20 * 1024 * 1024,
  "POST /api/plan/drafts": 11 * 1024 * 1024,
  "POST /api/imports/declared-facts": 20 * 1024 * 1024,
  "POST /api/projects/import": 20 * 1024 * 1024,
  "POST /api/tasks/:id/reports": 20 * 1024 * 1024,
  "POST /api/enterprise-requests/:id/attachments": 20 * 1024 * 1024,
};

/** A comma-separated list of origins (an environment variable), each checked. */
export function parseOriginList(text: string | undefined, name: string): string[] {
  const origins = (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (normaliseOrigin(origin) === null) {
      throw new Error(`${name} 中的 "${origin}" 不是有效的来源，应形如 https://beizeng.example.gov.cn`);
    }
  }
  return origins;
}

function sizeInChinese(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Route modules, each `(app, { db, secureCookies }) => Promise<void>`. Add a new resource here. */
const ROUTE_MODULES = [
  systemRoutes,
  authRoutes,
  planRoutes,
  planDraftRoutes,
  unitsRoutes,
  usersRoutes,
  accountActivationRoutes,
  auditRoutes,
  enterprisesRoutes,
  enterpriseSupportRoutes,
  projectsRoutes,
  importsRoutes,
  declaredFactsRoutes,
  targetsRoutes,
  dashboardRoutes,
  rewardsRoutes,
  rulePagesRoutes,
  talentRoutes,
  tasksRoutes,
  reportsRoutes,
  notificationsRoutes,
  todoRoutes,
  bulletinsRoutes,
  assessmentRoutes,
  enterpriseRequestsRoutes,
  feesRoutes,
  landRoutes,
  calendarRoutes,
  eventsRoutes,
  regionsRoutes,
];

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
  });

  // Every /api route must name its permission; a route without one is a programming error.
  const apiRoutes: ApiRoute[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const permission = route.config?.permission;
    if (!isPermission(permission)) {
      throw new Error(`Route ${methods.join(",")} ${route.url} declares no permission (config.permission)`);
    }
    for (const method of methods) {
      if (method !== "HEAD") {
        apiRoutes.push({
          method,
          url: route.url,
          permission,
          response: route.config?.response,
          request: route.config?.request,
        });
      }
    }
    const uploadLimit = methods.length === 1 ? UPLOAD_BODY_LIMITS[`${methods[0]} ${route.url}`] : undefined;
    if (uploadLimit !== undefined) route.bodyLimit ??= uploadLimit;
  });

  if (options.checkResponses ?? process.env.BEIZENG_CHECK_RESPONSES === "1") {
    registerResponseContractCheck(app);
    registerRequestContractCheck(app);
  }
  await app.register(fastifyCookie);
  // Files arrive as multipart/form-data, read part by part under each route's limits (platform/files/multipart-upload.ts).
  await app.register(fastifyMultipart);
  registerSecurityHeaders(app, { hsts: options.secureCookies === true });
  registerAuthHooks(app, options.db, {
    allowedOrigins:
      options.allowedOrigins ?? parseOriginList(process.env.BEIZENG_ALLOWED_ORIGINS, "BEIZENG_ALLOWED_ORIGINS"),
    publicOrigins: options.publicOrigins ?? parseOriginList(process.env.BEIZENG_PUBLIC_ORIGIN, "BEIZENG_PUBLIC_ORIGIN"),
    trustProxy: options.trustProxy ?? false,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = error.extra?.retryAfterSeconds;
      if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
      return reply.code(error.statusCode).send(errorBody(error));
    }
    if (error instanceof ZodError) {
      const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return reply.code(400).send(errorBody(new AppError(400, "validation", "请求参数有误", details)));
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      const code = (error as { code?: string }).code;
      if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
        const limit = request.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT;
        const message = `请求内容过大：此接口最多接受 ${sizeInChinese(limit)}`;
        return reply.code(413).send(errorBody(new AppError(413, "payload_too_large", message)));
      }
      const message =
        code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError
          ? "请求内容不是有效的 JSON"
          : code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
            ? "不支持的请求内容类型"
            : "请求有误";
      return reply.code(status).send(errorBody(new AppError(status, "bad_request", message)));
    }
    request.log.error(error);
    return reply.code(500).send(errorBody(new AppError(500, "internal", "服务器内部错误，请稍后重试")));
  });

  for (const routes of ROUTE_MODULES) {
    await app.register(routes, { db: options.db, secureCookies: options.secureCookies });
  }
  await app.register(openApiRoutes);

  const webRoot = options.webRoot ? path.resolve(options.webRoot) : undefined;
  const indexFile = webRoot ? path.join(webRoot, "index.html") : undefined;
  const hasWeb = indexFile !== undefined && existsSync(indexFile);
  if (hasWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: ["index.html"],
      setHeaders: (res, filePath) => {
        // Vite's hashed assets never change; everything else is revalidated.
        res.header(
          "cache-control",
          filePath.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === "/api" || request.url.startsWith("/api/");
    if (!isApi && hasWeb && (request.method === "GET" || request.method === "HEAD")) {
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html");
    }
    const message = isApi ? `接口不存在：${request.method} ${request.url.split("?")[0]}` : "页面不存在（前端尚未构建）";
    return reply.code(404).send(errorBody(new AppError(404, "not_found", message)));
  });

  return app;
}
