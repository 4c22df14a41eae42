/**
 * The OpenAPI 3.1 document of the API, generated from what each route declares: its permission, what it reads
 * (`config.request`) and what it answers (`config.response`), all zod schemas of the shared contract. zod's own
 * converter writes the JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1); this module only places each
 * schema where OpenAPI wants it. Served at GET /api/openapi.json (decision 008).
 */
import { type ZodType, z } from "zod";
import type { ApiRoute } from "../auth/request-context";
import { type BinaryBody, isBinaryBody, isMultipartBody, type MultipartBody } from "./request-contract";
import type { ResponseContract } from "./response-contract";

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, JsonSchema>;
  };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  "x-permission": string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

/** The error body every refusal carries (platform/errors.ts). */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe("稳定的错误代码，如 validation、forbidden、payload_too_large"),
    message: z.string().describe("中文说明"),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
  }),
});

const conversions = { input: new WeakMap<ZodType, JsonSchema>(), output: new WeakMap<ZodType, JsonSchema>() };

/**
 * A zod schema as JSON Schema 2020-12: what a caller sends (`input`: before defaults and coercion) or what it
 * receives (`output`). What JSON Schema cannot say (a transform's result, a bigint) is left open rather than
 * refused; the contract's money travels as decimal text, so nothing a caller reads is lost.
 */
export function jsonSchemaOf(schema: ZodType, io: "input" | "output"): JsonSchema {
  const known = conversions[io].get(schema);
  if (known) return known;
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
  }) as JsonSchema;
  const hoisted = hoistDefinitions(converted);
  conversions[io].set(schema, hoisted);
  return hoisted;
}

/**
 * The named parts of the converted schemas (a recursive schema's own definition), moved into the document's
 * components: a schema inside an operation cannot point at `#/$defs/…` of itself, the document's root has none.
 */
const hoistedDefinitions = new Map<string, JsonSchema>();

function hoistDefinitions(converted: JsonSchema): JsonSchema {
  const { $defs: definitions, ...rest } = converted as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if (!definitions) return converted;
  const renamed = new Map<string, string>();
  for (const name of Object.keys(definitions))
    renamed.set(name, `Definition${hoistedDefinitions.size + renamed.size + 1}`);
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value).map(([key, inner]) => {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")) {
        const target = renamed.get(inner.slice("#/$defs/".length));
        return [key, target ? `#/components/schemas/${target}` : inner];
      }
      return [key, rewrite(inner)];
    });
    return Object.fromEntries(entries);
  };
  for (const [name, definition] of Object.entries(definitions))
    hoistedDefinitions.set(renamed.get(name) as string, rewrite(definition) as JsonSchema);
  return rewrite(rest) as JsonSchema;
}

/** "/api/tasks/:id/reports" → "/api/tasks/{id}/reports". */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function pathParameterNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? "");
}

/** The properties of an object schema as OpenAPI parameters (query or path). */
function parametersOf(schema: ZodType | undefined, where: "path" | "query", url: string): OpenApiParameter[] {
  const json = schema ? jsonSchemaOf(schema, "input") : { properties: {}, required: [] };
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  const names = where === "path" ? pathParameterNames(url) : Object.keys(properties);
  return names.map((name) => {
    const property = properties[name] ?? { type: "string" };
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      schema: rest,
      ...(typeof description === "string" ? { description } : {}),
    };
  });
}

function bodyContent(body: ZodType | MultipartBody | BinaryBody): Record<string, { schema: JsonSchema }> {
  if (isMultipartBody(body)) return { "multipart/form-data": { schema: jsonSchemaOf(body.multipart, "input") } };
  if (isBinaryBody(body)) {
    return Object.fromEntries(body.binary.map((type) => [type, { schema: { type: "string", format: "binary" } }]));
  }
  return { "application/json": { schema: jsonSchemaOf(body, "input") } };
}

function responsesOf(response: ResponseContract | undefined): OpenApiOperation["responses"] {
  const refusal = { description: "拒绝：错误代码与中文说明", content: errorContent() };
  if (response === "none") return { "204": { description: "无内容" }, default: refusal };
  if (response === "file") {
    return {
      "200": {
        description: "文件下载（Content-Disposition 给出文件名）",
        content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      },
      default: refusal,
    };
  }
  return {
    "2XX": {
      description: "成功",
      ...(response ? { content: { "application/json": { schema: jsonSchemaOf(response, "output") } } } : {}),
    },
    default: refusal,
  };
}

function errorContent() {
  return { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } };
}

/** "GET /api/tasks/:id/reports" → "getTasksIdReports": stable, unique per method and path. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1));
  return method.toLowerCase() + words.join("");
}

/** The first path segment after /api names the group a route is listed under ("public/…" by its second). */
function tagOf(url: string): string {
  const [first, second] = url.replace(/^\/api\//, "").split("/");
  return first === "public" && second ? `public/${second}` : (first ?? "api");
}

export interface OpenApiInfo {
  version: string;
  /** A permission and the roles it grants, in words: each operation's description. */
  describePermission: (permission: string) => string;
}

/** One operation of the document, as generated from its route's declarations. */
export function operationOf(route: ApiRoute, info: OpenApiInfo): OpenApiOperation {
  const declared = route.request ?? {};
  const parameters = [
    ...parametersOf(declared.params, "path", route.url),
    ...parametersOf(declared.query, "query", route.url),
  ];
  const bodies = [declared.body, ...(declared.alsoAccepts ?? [])].filter((body) => body !== undefined);
  const content = Object.assign({}, ...bodies.map(bodyContent)) as Record<string, { schema: JsonSchema }>;
  return {
    operationId: operationIdOf(route.method, route.url),
    // Shown beside the path: who may call it.
    summary: info.describePermission(route.permission),
    tags: [tagOf(route.url)],
    security: route.permission === "public" ? [] : [{ session: [] }],
    "x-permission": route.permission,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(bodies.length > 0 ? { requestBody: { required: true, content } } : {}),
    responses: responsesOf(route.response),
  };
}

/** The whole document for the routes an app registered. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], info: OpenApiInfo): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const operation = operationOf(route, info);
    const path = openApiPath(route.url);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  const tags = [...new Set(routes.map((route) => tagOf(route.url)))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "倍增 Beizeng API",
      version: info.version,
      description:
        "倍增平台的 HTTP 接口。登录（POST /api/auth/login）后以 Cookie bz_session 调用；POST、PUT、PATCH、DELETE 还须带 x-csrf-token 请求头（登录或 GET /api/auth/me 的 csrfToken）。金额为以分计的十进制文本。文件以 multipart/form-data 上传。",
    },
    servers: [{ url: "/" }],
    tags,
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "bz_session", description: "登录后得到的会话 Cookie" },
        csrf: { type: "apiKey", in: "header", name: "x-csrf-token", description: "会话的 CSRF 令牌" },
      },
      schemas: { ErrorBody: jsonSchemaOf(ErrorBodySchema, "output"), ...Object.fromEntries(hoistedDefinitions) },
    },
  };
}
