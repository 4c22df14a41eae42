/**
 * Per-request security: loads the session from the cookie, enforces each route's declared
 * permission, the CSRF synchronizer token, the Origin check, and a pending password change.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { DbContext } from "../db/database";
import { AppError, forbidden, unauthorized } from "../errors";
import { isPermission, roleMay } from "../policies/permissions";
import { authenticate } from "../services/auth.service";
import "@fastify/cookie";
import "./request-context";

export const SESSION_COOKIE = "bz_session";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function originAllowed(request: FastifyRequest, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export function registerAuthHooks(app: FastifyInstance, db: DbContext, options: { allowedOrigins: string[] }): void {
  app.decorateRequest("auth", null);

  app.addHook("onRequest", async (request) => {
    request.auth = null;
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await authenticate(db, token);
  });

  app.addHook("preHandler", async (request: FastifyRequest, _reply: FastifyReply) => {
    // Only API routes carry a permission; static files and unknown paths go to their own handlers.
    if (!request.routeOptions.url?.startsWith("/api/")) return;
    const permission = request.routeOptions.config.permission;
    if (!isPermission(permission)) throw forbidden("此接口未声明权限");
    const user = request.auth?.user ?? null;
    const unsafe = UNSAFE_METHODS.has(request.method);

    if (unsafe && !originAllowed(request, options.allowedOrigins)) {
      throw new AppError(403, "origin", "请求来源不被允许");
    }
    if (permission !== "public") {
      if (!user) throw unauthorized();
      if (!roleMay(user.role, permission)) throw forbidden();
    }
    if (unsafe && request.auth && !request.routeOptions.config.csrfExempt) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== "string" || !sameToken(header, request.auth.session.csrfToken)) {
        throw new AppError(403, "csrf", "缺少或无效的 CSRF 令牌，请刷新页面后重试");
      }
    }
    if (user?.mustChangePassword && permission !== "public" && permission !== "session") {
      throw new AppError(403, "password_change_required", "请先修改初始密码");
    }
  });
}
