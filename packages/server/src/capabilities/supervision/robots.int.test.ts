import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type Session, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { useRobotPausesForTests } from "./robots.service";

type Platform = "wecom" | "dingtalk" | "feishu";

interface Received {
  platform: Platform;
  body: Record<string, unknown>;
}

/**
 * A loopback robot of each platform, checking what the real one checks: the body's shape (DingTalk's markdown has
 * a title) and, where a secret is set, the signature and its time. It can be told to be busy for a few requests.
 */
async function loopbackRobots(secrets: Partial<Record<Platform, string>>) {
  const received: Received[] = [];
  const refused: string[] = [];
  let busyFor = 0;
  const answer = (platform: Platform, ok: boolean, reason = "") =>
    platform === "feishu"
      ? JSON.stringify(ok ? { code: 0, msg: "success" } : { code: 19021, msg: reason })
      : JSON.stringify(ok ? { errcode: 0, errmsg: "ok" } : { errcode: 310000, errmsg: reason });
  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://robot");
      const platform = url.pathname.slice(1) as Platform;
      if (busyFor > 0) {
        busyFor -= 1;
        response.writeHead(502).end("busy");
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      const secret = secrets[platform];
      const reply = (ok: boolean, reason = "") => {
        if (ok) received.push({ platform, body });
        else refused.push(`${platform}: ${reason}`);
        response.writeHead(200, { "content-type": "application/json" }).end(answer(platform, ok, reason));
      };
      if (platform === "dingtalk") {
        if (body.msgtype === "markdown" && !(body.markdown as { title?: string }).title)
          return reply(false, "no title");
        if (secret) {
          const timestamp = url.searchParams.get("timestamp") ?? "";
          const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
          if (url.searchParams.get("sign") !== expected) return reply(false, "sign not match");
          if (Math.abs(Date.now() - Number(timestamp)) > 3_600_000) return reply(false, "timestamp expired");
        }
      }
      if (platform === "feishu") {
        if (typeof body.msg_type !== "string") return reply(false, "no msg_type");
        if (secret) {
          const timestamp = String(body.timestamp ?? "");
          const expected = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
          if (body.sign !== expected) return reply(false, "sign match fail");
        }
      }
      if (platform === "wecom" && typeof body.msgtype !== "string") return reply(false, "no msgtype");
      reply(true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    received,
    refused,
    urlOf: (platform: Platform) => `http://127.0.0.1:${port}/${platform}`,
    beBusy: (requests: number) => {
      busyFor = requests;
    },
  };
}

describe.each(testDatabases())("group robots on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;
  let unit: Session;
  let robots: Awaited<ReturnType<typeof loopbackRobots>>;

  beforeAll(async () => {
    ({ db, app } = await seededApp(database));
    office = await loginAs(app, "office-a");
    unit = await loginAs(app, "unit-a");
    robots = await loopbackRobots({ dingtalk: "SECdingtalk-test", feishu: "feishu-test-secret" });
    useRobotPausesForTests([0, 20, 20, 20]);
    // The plan's tasks, so that reminders and reports have something to be about.
    expect((await app.inject({ method: "POST", url: "/api/tasks/seed", headers: office.headers })).statusCode).toBe(
      200,
    );
  });
  afterAll(async () => {
    useRobotPausesForTests([0, 2_000, 10_000, 30_000]);
    robots?.server.close();
    await closeSuite(app, db);
  });

  const configure = (payload: Record<string, unknown>) =>
    app.inject({ method: "PUT", url: "/api/webhook-settings", headers: office.headers, payload });
  const testMessage = () => app.inject({ method: "POST", url: "/api/webhook-settings/test", headers: office.headers });
  /** Hand-run reminders: their robot message goes out as a background job. */
  const runReminders = () =>
    app.inject({ method: "POST", url: "/api/tasks/reminders/run", headers: office.headers }).then((r) => r.json());

  it("keeps the secret to itself: saved, never shown, kept when left out, removed when emptied", async () => {
    const saved = await configure({
      platform: "dingtalk",
      url: robots.urlOf("dingtalk"),
      format: "markdown",
      secret: "SECdingtalk-test",
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().settings).toMatchObject({ platform: "dingtalk", hasSecret: true, enabled: true });
    expect(JSON.stringify(saved.json())).not.toContain("SECdingtalk-test");
    const kept = await configure({ platform: "dingtalk", url: robots.urlOf("dingtalk"), format: "markdown" });
    expect(kept.json().settings.hasSecret).toBe(true);
    const emptied = await configure({
      platform: "dingtalk",
      url: robots.urlOf("dingtalk"),
      format: "text",
      secret: "",
    });
    expect(emptied.json().settings.hasSecret).toBe(false);
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select(["after_json"])
      .where("entity_type", "=", "webhook_settings")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    for (const row of audit) expect(String(row.after_json)).not.toContain("SECdingtalk-test");
    // WeCom's robot takes no secret: saying one is a mistake, named in Chinese.
    const wecomWithSecret = await configure({
      platform: "wecom",
      url: robots.urlOf("wecom"),
      format: "text",
      secret: "x",
    });
    expect(wecomWithSecret.statusCode).toBe(400);
    expect(wecomWithSecret.json().error.message).toContain("企业微信群机器人不使用签名密钥");
    const unknown = await configure({ platform: "slack", url: robots.urlOf("wecom"), format: "text" });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain("机器人平台须为企业微信、钉钉或飞书");
    // A unit may not see or change the robot.
    expect((await app.inject({ url: "/api/webhook-settings", headers: unit.headers })).statusCode).toBe(403);
  });

  it("sends DingTalk a signed markdown message with a title, by hand and from the reminders", async () => {
    await configure({
      platform: "dingtalk",
      url: robots.urlOf("dingtalk"),
      format: "markdown",
      secret: "SECdingtalk-test",
    });
    const test = await testMessage();
    expect(test.json()).toEqual({ sent: true, tries: 1, status: 200 });
    expect(robots.received.at(-1)).toMatchObject({
      platform: "dingtalk",
      body: { msgtype: "markdown", markdown: { title: "测试消息" } },
    });
    const before = robots.received.length;
    const run = await runReminders();
    expect(run.created).toBeGreaterThan(0);
    expect(run.webhook).toEqual({ sent: false, queued: true });
    await expect.poll(() => robots.received.length).toBe(before + 1);
    const message = robots.received.at(-1)?.body as { markdown: { title: string; text: string } };
    expect(message.markdown.title).toMatch(/提醒|预警/);
    expect(robots.refused).toEqual([]);
  });

  it("tells the office plainly when the robot refuses the signature", async () => {
    await configure({ platform: "dingtalk", url: robots.urlOf("dingtalk"), format: "text", secret: "a-wrong-secret" });
    const test = await testMessage();
    expect(test.json()).toMatchObject({ sent: false, tries: 1, error: "机器人返回错误 310000：sign not match" });
    // An address nothing answers at: said in words, not as the network library's English.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port: closedPort } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await configure({ platform: "wecom", url: `http://127.0.0.1:${closedPort}/robot`, format: "text", secret: "" });
    expect((await testMessage()).json()).toMatchObject({ sent: false, error: expect.stringContaining("对方拒绝连接") });
  });

  it("signs Feishu's rich text in its body", async () => {
    await configure({
      platform: "feishu",
      url: robots.urlOf("feishu"),
      format: "markdown",
      secret: "feishu-test-secret",
    });
    const test = await testMessage();
    expect(test.json()).toMatchObject({ sent: true });
    const body = robots.received.at(-1)?.body as { msg_type: string; timestamp: string; sign: string };
    expect(body.msg_type).toBe("post");
    expect(body.timestamp).toMatch(/^\d{10}$/);
  });

  it("tries again while the robot is busy, and the message arrives once", async () => {
    await configure({ platform: "wecom", url: robots.urlOf("wecom"), format: "text", secret: "" });
    robots.beBusy(2);
    const before = robots.received.length;
    // A report sent back: the robot message follows in the background.
    const tasks = (await app.inject({ url: "/api/tasks", headers: unit.headers })).json().items as { id: number }[];
    let filed: { taskId: number; reportId: number } | null = null;
    for (const task of tasks) {
      const detail = (await app.inject({ url: `/api/tasks/${task.id}`, headers: unit.headers })).json();
      const period = (detail.periods as { key: string; state: string }[]).find((p) =>
        ["open", "overdue", "returned"].includes(p.state),
      );
      if (!detail.mayReport || !period) continue;
      const answer = await app.inject({
        method: "POST",
        url: `/api/tasks/${task.id}/reports`,
        headers: unit.headers,
        payload: { period: period.key, content: "已完成本期工作", attachments: [] },
      });
      expect(answer.statusCode).toBe(201);
      filed = { taskId: task.id, reportId: answer.json().id };
      break;
    }
    if (!filed) throw new Error("the seeded unit has no task to report on");
    const returned = await app.inject({
      method: "POST",
      url: `/api/task-reports/${filed.reportId}/return`,
      headers: office.headers,
      payload: { reason: "请补充佐证材料" },
    });
    expect(returned.statusCode).toBe(200);
    await expect.poll(() => robots.received.length).toBe(before + 1);
    const delivery = () =>
      db.kysely
        .selectFrom("background_jobs")
        .select(["status", "result_json"])
        .where("kind", "=", "robots.deliver")
        .orderBy("created_at", "desc")
        .executeTakeFirstOrThrow();
    await expect.poll(async () => (await delivery()).status).toBe("done");
    expect(JSON.parse(String((await delivery()).result_json))).toMatchObject({ sent: true, tries: 3 });
    const last = robots.received.at(-1)?.body as { text?: { content: string } } | undefined;
    expect(last?.text?.content).toContain("请补充佐证材料");
  });
});
