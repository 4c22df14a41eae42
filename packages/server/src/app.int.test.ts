import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app";
import type { BeizengDb } from "./platform/db/database";
import { testDatabases } from "./testing/test-databases";

describe.each(testDatabases())("serving the web front end on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let webRoot: string;

  beforeAll(async () => {
    db = await database.createMigrated();
    webRoot = mkdtempSync(path.join(tmpdir(), "beizeng-web-"));
    mkdirSync(path.join(webRoot, "assets"));
    writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>倍增</title><div id=root></div>");
    writeFileSync(path.join(webRoot, "assets", "index-abc123.js"), "console.log(1)");
    app = await buildApp({ db, webRoot });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("serves files, falls back to index.html for client routes, and never for /api", async () => {
    const asset = await app.inject({ url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    const root = await app.inject({ url: "/" });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain("倍增");
    const deep = await app.inject({ url: "/enterprises/12?tab=figures" });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers["content-type"]).toContain("text/html");
    expect(deep.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(deep.headers["x-frame-options"]).toBe("DENY");
    const api = await app.inject({ url: "/api/unknown" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
  });

  it("reports an empty database in /api/meta", async () => {
    expect((await app.inject({ url: "/api/meta" })).json()).toEqual({ demo: false, district: null, plan: null });
  });
});
