/**
 * Each JSON route declares the schema of its answer (`config.response`, from @beizeng/contract), a download
 * ("file") or an empty answer ("none"). When the app is built with `checkResponses` (the test suites do), every
 * successful JSON answer is parsed with its schema after serialisation — what the web really receives — and a
 * mismatch becomes a 500 naming the route and the path, so the integration tests prove the contract true.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodType } from "zod";

/** A route's answer: a zod schema of its JSON body, a file to download, or nothing (204, a redirect). */
export type ResponseContract = ZodType | "file" | "none";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route answers (see platform/http/response-contract.ts). */
    response?: ResponseContract;
  }
}

export class ResponseContractError extends Error {
  constructor(route: string, issues: string) {
    super(`${route} 的应答不符合其契约（response contract）：${issues}`);
    this.name = "ResponseContractError";
  }
}

function isJson(reply: FastifyReply): boolean {
  const type = reply.getHeader("content-type");
  return typeof type === "string" && type.startsWith("application/json");
}

/** The routes that declare no answer: the list a test holds empty. */
export function routesWithoutResponseContract(app: FastifyInstance): string[] {
  return app.apiRoutes.filter((route) => route.response === undefined).map((r) => `${r.method} ${r.url}`);
}

export function registerResponseContractCheck(app: FastifyInstance): void {
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const contract = request.routeOptions.config.response;
    if (contract === undefined || typeof contract === "string") return payload;
    if (reply.statusCode >= 300 || !isJson(reply) || typeof payload !== "string") return payload;
    const result = contract.safeParse(JSON.parse(payload));
    if (result.success) return payload;
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(根)"}：${issue.message}`)
      .join("；");
    const error = new ResponseContractError(`${request.method} ${request.routeOptions.url}`, issues);
    request.log.error(error);
    reply.code(500);
    return JSON.stringify({ error: { code: "response_contract", message: error.message } });
  });
}
