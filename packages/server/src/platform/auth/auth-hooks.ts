/**
 * Per-request security: loads the session from the cookie, enforces each route's declared
 * permission, the CSRF synchronizer token, the Origin check, and a pending password change —
 * all before the request's body is read.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { DbContext } from "../db/database";
import { AppError, forbidden, unauthorized } from "../errors";
import { authenticate } from "./auth.service";
import { isPermission, roleMay } from "./permissions";
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

/** "https://Example.org:443/" → "https://example.org"; null when it is not an http(s) origin. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

export interface OriginPolicy {
  /** Where the app is served from (BEIZENG_PUBLIC_ORIGIN): the origins a state-changing request may come from. */
  publicOrigins: string[];
  /** Other origins accepted besides (e.g. the Vite dev server). */
  allowedOrigins: string[];
  /**
   * Whether X-Forwarded-* headers are trusted. The Host header is then no evidence of where the app is served
   * from (a proxy forwards what it is sent), so without public origins no foreign Origin is accepted.
   */
  trustProxy: boolean;
}

/**
 * Whether a request's Origin header may change state: one of the configured origins. Only when none is
 * configured and no proxy is trusted, the Host header the browser sent names the app's own origin. Forwarded
 * host headers are never looked at.
 */
function originAllowed(request: FastifyRequest, policy: OriginPolicy, accepted: ReadonlySet<string>): boolean {
  const header = request.headers.origin;
  if (!header) return true;
  const origin = normaliseOrigin(header);
  if (origin === null) return false;
  if (accepted.has(origin)) return true;
  if (policy.publicOrigins.length > 0 || policy.trustProxy) return false;
  return new URL(origin).host === request.headers.host;
}

export function registerAuthHooks(app: FastifyInstance, db: DbContext, policy: OriginPolicy): void {
  const accepted = new Set(
    [...policy.publicOrigins, ...policy.allowedOrigins].flatMap((origin) => normaliseOrigin(origin) ?? []),
  );
  app.decorateRequest("auth", null);

  // Everything here runs before the body is read: a caller who may not use a route never gets to make the
  // server receive and parse a large body.
  app.addHook("onRequest", async (request: FastifyRequest, _reply: FastifyReply) => {
    request.auth = null;
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await authenticate(db, token);

    // Only API routes carry a permission; static files and unknown paths go to their own handlers.
    if (!request.routeOptions.url?.startsWith("/api/")) return;
    const permission = request.routeOptions.config.permission;
    if (!isPermission(permission)) throw forbidden("此接口未声明权限");
    const user = request.auth?.user ?? null;
    const unsafe = UNSAFE_METHODS.has(request.method);

    if (unsafe && !originAllowed(request, policy, accepted)) {
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
