/**
 * GET /api/openapi.json: a valid OpenAPI 3.1 document that lists every route the app registers, each with the
 * request and answer schemas its route declares, converted afresh from the contract here.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ZodType, z } from "zod";
import { closeSuite, loginAs, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import type { ApiRoute } from "../auth/request-context";
import type { BeizengDb } from "../db/database";
import type { OpenApiDocument, OpenApiOperation } from "./openapi";
import { isBinaryBody, isMultipartBody } from "./request-contract";

/** The contract's schema as JSON Schema, converted here without the document's code. */
function fromContract(schema: ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
  }) as Record<string, unknown>;
  return withoutDefinitions(json);
}

/**
 * A schema with its named parts (a recursive schema's definition) set aside and every reference to one written
 * alike: the document keeps them among its components, a schema converted alone under its own `$defs`. That they
 * resolve is the validity test's.
 */
function withoutDefinitions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDefinitions);
  if (schema === null || typeof schema !== "object") return schema;
  const entries = Object.entries(schema)
    .filter(([key]) => key !== "$defs")
    .map(([key, value]) =>
      key === "$ref" && typeof value === "string" && /^#\/(\$defs|components\/schemas\/Definition)/.test(value)
        ? [key, "#/definition"]
        : [key, withoutDefinitions(value)],
    );
  return Object.fromEntries(entries);
}

function routeKey(route: Pick<ApiRoute, "method" | "url">): string {
  return `${route.method} ${route.url}`;
}

describe.each(testDatabases())("the OpenAPI document on $name", (database) => {
  let db: BeizengDb | undefined;
  let app: FastifyInstance | undefined;
  let document: OpenApiDocument;

  beforeAll(async () => {
    const suite = await seededApp(database);
    db = suite.db;
    app = suite.app;
    const session = await loginAs(app, "unit-a");
    const response = await app.inject({ url: "/api/openapi.json", headers: session.headers });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    document = response.json();
  });
  afterAll(() => closeSuite(app, db));

  it("is read by logged-in accounts only", async () => {
    const anonymous = await app?.inject({ url: "/api/openapi.json" });
    expect(anonymous?.statusCode).toBe(401);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.valid, JSON.stringify(result.errors ?? null).slice(0, 2000)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("lists every registered route, and no other", () => {
    const registered = (app?.apiRoutes ?? []).map(routeKey).sort();
    const listed = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
      )
      .sort();
    expect(registered.length).toBeGreaterThan(100);
    expect(listed).toEqual(registered);
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size, "operationId unique").toBe(ids.length);
  });

  it("gives every route the request and answer schemas its declaration names", () => {
    const problems: string[] = [];
    for (const route of app?.apiRoutes ?? []) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      const operation = document.paths[path]?.[route.method.toLowerCase()] as OpenApiOperation;
      const key = routeKey(route);
      expect(operation.security, key).toEqual(route.permission === "public" ? [] : [{ session: [] }]);
      expect(operation["x-permission"], key).toBe(route.permission);

      const response = route.response;
      if (response === "none") expect(Object.keys(operation.responses), key).toContain("204");
      else if (response === "file")
        expect(operation.responses["200"]?.content, key).toHaveProperty(["application/octet-stream"]);
      else if (response === undefined) problems.push(`${key}: no response declared`);
      else
        expect(withoutDefinitions(operation.responses["2XX"]?.content?.["application/json"]?.schema), key).toEqual(
          fromContract(response, "output"),
        );

      const declared = route.request ?? {};
      const parameters = operation.parameters ?? [];
      const pathNames = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
      expect(
        parameters.filter((p) => p.in === "path").map((p) => p.name),
        key,
      ).toEqual(pathNames);
      if (pathNames.length > 0 && !declared.params) problems.push(`${key}: path parameters without a schema`);
      if (declared.params) {
        const json = fromContract(declared.params, "input") as { properties: Record<string, { description?: string }> };
        for (const parameter of parameters.filter((p) => p.in === "path")) {
          const { description: _text, ...schema } = json.properties[parameter.name] ?? {};
          expect(parameter.schema, `${key} ${parameter.name}`).toEqual(schema);
        }
      }
      const queryNames = parameters.filter((p) => p.in === "query").map((p) => p.name);
      const declaredQuery = declared.query
        ? Object.keys((fromContract(declared.query, "input") as { properties?: object }).properties ?? {})
        : [];
      expect(queryNames, key).toEqual(declaredQuery);

      const content = operation.requestBody?.content ?? {};
      const body = declared.body;
      if (body === undefined) expect(operation.requestBody, key).toBeUndefined();
      else if (isMultipartBody(body))
        expect(content["multipart/form-data"]?.schema, key).toEqual(fromContract(body.multipart, "input"));
      else if (isBinaryBody(body)) for (const type of body.binary) expect(content, key).toHaveProperty([type]);
      else expect(withoutDefinitions(content["application/json"]?.schema), key).toEqual(fromContract(body, "input"));
    }
    expect(problems).toEqual([]);
  });
});
