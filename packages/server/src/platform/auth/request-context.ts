/** What the HTTP layer adds to Fastify's types: the caller on each request, and each route's permission. */
import type { FastifyRequest } from "fastify";
import type { Actor } from "../audit/audit.service";
import { unauthorized } from "../errors";
import type { RequestContract } from "../http/request-contract";
import type { ResponseContract } from "../http/response-contract";
import type { AuthUser, SessionInfo } from "./auth.service";
import type { Permission } from "./permissions";

export interface ApiRoute {
  method: string;
  url: string;
  permission: Permission;
  /** What it answers (a schema of the contract, "file" or "none"); undefined where not yet declared. */
  response: ResponseContract | undefined;
  /** What it reads: its parameters', query's and body's schemas (platform/http/request-contract.ts). */
  request: RequestContract | undefined;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Required on every /api route: who may call it (see policies/permissions.ts). */
    permission?: Permission;
    /** Exempt from the CSRF header (login only: there is no session yet). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    auth: { user: AuthUser; session: SessionInfo } | null;
  }
  interface FastifyInstance {
    /** Every /api route with its permission, in registration order (the route × role test walks it). */
    apiRoutes: ApiRoute[];
  }
}

/** The logged-in caller; the permission preHandler has already refused anonymous callers on such routes. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw unauthorized();
  return request.auth.user;
}

export function actorOf(request: FastifyRequest): Actor {
  const user = currentUser(request);
  return { userId: user.id, label: user.username };
}
