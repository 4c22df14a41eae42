/**
 * Each route declares what it reads (`config.request`: the zod schemas of its path parameters, query and body, from
 * @beizeng/contract or platform/http/validation), beside the answer it declares (`config.response`). The OpenAPI
 * document is generated from both. When the app is built with `checkResponses` (the test suites, the end-to-end
 * server), every request a route answers with success is parsed with what the route declares: input the route
 * accepted but its declaration refuses, or path parameters or a JSON body it took without declaring them, becomes a
 * 500 naming the route, so the declarations — and the published document — stay those the handlers really validate with.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodType } from "zod";

/** A body sent as multipart/form-data: its fields (files as `z.file()`), described for the document. */
export interface MultipartBody {
  multipart: ZodType;
}

/** A body the route reads as raw bytes of the given content types (e.g. a workbook). */
export interface BinaryBody {
  binary: readonly string[];
}

export interface RequestContract {
  params?: ZodType;
  query?: ZodType;
  body?: ZodType | MultipartBody | BinaryBody;
  /** Other ways the same body may still arrive (kept for one release), described in the document too. */
  alsoAccepts?: readonly (ZodType | MultipartBody | BinaryBody)[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route reads (see platform/http/request-contract.ts). */
    request?: RequestContract;
  }
}

export function isMultipartBody(body: RequestContract["body"]): body is MultipartBody {
  return typeof body === "object" && body !== null && "multipart" in body;
}

export function isBinaryBody(body: RequestContract["body"]): body is BinaryBody {
  return typeof body === "object" && body !== null && "binary" in body;
}

function hasKeys(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}

function isJsonRequest(request: FastifyRequest): boolean {
  const type = request.headers["content-type"];
  return typeof type === "string" && type.startsWith("application/json");
}

/** What is wrong with a successfully answered request against the route's declaration; empty when nothing is. */
export function requestContractProblems(request: FastifyRequest): string[] {
  const declared = request.routeOptions.config.request ?? {};
  const problems: string[] = [];
  const slots: [name: "params" | "query", value: unknown, schema: ZodType | undefined][] = [
    ["params", request.params, declared.params],
    ["query", request.query, declared.query],
  ];
  for (const [name, value, schema] of slots) {
    if (!schema) {
      // Path parameters are always read; a query the route does not declare is ignored, so only noted when it has a
      // schema (clients may add a parameter of their own, such as a cache buster).
      if (name === "params" && hasKeys(value)) problems.push("读取了未声明的路径参数");
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${name} 不符合所声明的模式：${result.error.issues[0]?.message}`);
  }
  // Only a JSON body can be compared with a schema; files arrive as multipart or raw bytes.
  if (isJsonRequest(request) && request.body !== undefined && request.body !== null) {
    const jsonSchemas = [declared.body, ...(declared.alsoAccepts ?? [])].filter(
      (body): body is ZodType => body !== undefined && !isMultipartBody(body) && !isBinaryBody(body),
    );
    if (jsonSchemas.length === 0) {
      if (hasKeys(request.body)) problems.push("读取了未声明的请求体");
    } else if (!jsonSchemas.some((schema) => schema.safeParse(request.body).success)) {
      problems.push("请求体不符合所声明的模式");
    }
  }
  return problems;
}

export function registerRequestContractCheck(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode >= 300 || !request.routeOptions.url?.startsWith("/api/")) return payload;
    const problems = requestContractProblems(request);
    if (problems.length === 0) return payload;
    const message = `${request.method} ${request.routeOptions.url} 的请求不符合其契约（request contract）：${problems.join("；")}`;
    request.log.error(message);
    reply.code(500).header("content-type", "application/json; charset=utf-8");
    return JSON.stringify({ error: { code: "request_contract", message } });
  });
}
