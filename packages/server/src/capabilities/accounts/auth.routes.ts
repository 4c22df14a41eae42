import { ChangePasswordSchema, LoginSchema, SessionSchema, SessionStateSchema } from "@beizeng/contract/accounts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { changePassword, DEVICE_IDLE_MS, login, logout, SESSION_ABSOLUTE_MS } from "../../platform/auth/auth.service";
import { SESSION_COOKIE } from "../../platform/auth/auth-hooks";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { parseInput } from "../../platform/http/validation";
import { getUserView } from "./users.service";

/** The browser's device cookie: sent only to the login route, where it marks a browser the account knows. */
export const DEVICE_COOKIE = "bz_device";
const DEVICE_COOKIE_PATH = "/api/auth/login";
/** Login, logout and a password change carry a few short fields; anything bigger is refused unread. */
export const AUTH_BODY_LIMIT = 4096;

export async function authRoutes(app: FastifyInstance, opts: { db: DbContext; secureCookies?: boolean }) {
  const { db } = opts;
  const secure = (request: FastifyRequest) => opts.secureCookies ?? request.protocol === "https";

  app.post(
    "/api/auth/login",
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { request: { body: LoginSchema }, permission: "public", csrfExempt: true, response: SessionSchema },
    },
    async (request, reply) => {
      const body = parseInput(LoginSchema, request.body, "登录");
      const held = request.auth;
      const result = await login(db, {
        username: body.username,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        deviceToken: request.cookies[DEVICE_COOKIE] ?? null,
        heldSession: held ? { id: held.session.id, userId: held.user.id } : null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: secure(request),
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
        httpOnly: true,
        sameSite: "strict",
        path: DEVICE_COOKIE_PATH,
        secure: secure(request),
        maxAge: DEVICE_IDLE_MS / 1000,
      });
      return { user: await getUserView(db, result.userId), csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    { bodyLimit: AUTH_BODY_LIMIT, config: { permission: "session", response: "none" } },
    async (request, reply: FastifyReply) => {
      const auth = request.auth!;
      await logout(db, auth.user, auth.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: secure(request) });
      return reply.code(204).send();
    },
  );

  app.get("/api/auth/me", { config: { permission: "session", response: SessionSchema } }, async (request) => {
    const user = currentUser(request);
    return { user: await getUserView(db, user.id), csrfToken: request.auth!.session.csrfToken };
  });

  // The web's start-up question "who is signed in?": answers 200 either way, so that being signed
  // out is not an error the browser reports. /api/auth/me keeps its 401 for API clients.
  app.get("/api/auth/session", { config: { permission: "public", response: SessionStateSchema } }, async (request) => {
    const auth = request.auth;
    if (!auth) return { user: null };
    return { user: await getUserView(db, auth.user.id), csrfToken: auth.session.csrfToken };
  });

  app.post(
    "/api/auth/password",
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { request: { body: ChangePasswordSchema }, permission: "session", response: "none" },
    },
    async (request, reply) => {
      const body = parseInput(ChangePasswordSchema, request.body, "修改密码");
      await changePassword(db, currentUser(request), request.auth!.session.id, body);
      return reply.code(204).send();
    },
  );
}
