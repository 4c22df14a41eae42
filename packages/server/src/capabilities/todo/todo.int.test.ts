/**
 * The to-do list on the demo district, on SQLite and PostgreSQL: each role's lines say what the other pages list as
 * waiting for it (the same counts and amounts), in the order the work is done, and follow the work as it is done.
 */
import type { TodoItem, TodoList } from "@beizeng/contract/todo";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, jsonReader, loginAsDemo, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface RequestJson {
  id: number;
  status: string;
  rating: string | null;
  unit: { id: number } | null;
}

describe.each(testDatabases())("to-do list on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    for (const username of ["demo-office", "demo-unit", "demo-finance", "demo-enterprise", "demo-leader"])
      sessions[username] = await loginAsDemo(app, username);
  }, 240_000);
  afterAll(async () => closeSuite(app, db));

  const read = (username: string) => jsonReader(app, sessions[username] ?? null);
  const todo = async (username: string): Promise<TodoList> => read(username)("/api/todo");
  const countOf = (list: TodoList, kind: TodoItem["kind"]) => list.items.find((item) => item.kind === kind)?.count ?? 0;
  const requests = async (username: string): Promise<RequestJson[]> =>
    (await read(username)("/api/enterprise-requests?pageSize=200")).items;

  it("gives the office the requests to assign and the award steps it acts at, each as the pages count them", async () => {
    const list = await todo("demo-office");
    const all = await requests("demo-office");
    expect(countOf(list, "requests.assign")).toBe(all.filter((item) => item.status === "submitted").length);
    expect(countOf(list, "requests.assign")).toBeGreaterThan(0);
    expect(countOf(list, "requests.unsatisfied")).toBe(
      all.filter((item) => item.status === "answered" && item.rating === "unsatisfied").length,
    );
    const steps = list.items.filter((item) => item.kind === "rewards.step");
    expect(steps.length).toBeGreaterThan(0);
    for (const item of steps) {
      const page = await read("demo-office")(`/api/rewards/entitlements?step=${item.step?.id}&pageSize=500`);
      const waiting = (page.items as { status: string; amountFen: string | null }[]).filter(
        (entitlement) => !["paid", "rejected", "superseded"].includes(entitlement.status),
      );
      expect(item.count).toBe(waiting.length);
      expect(item.amountFen).toBe(waiting.reduce((sum, entry) => sum + BigInt(entry.amountFen ?? "0"), 0n).toString());
    }
    // Requests come before the award steps, the tasks last.
    const kinds = list.items.map((item) => item.kind);
    expect(kinds.indexOf("requests.assign")).toBeLessThan(kinds.indexOf("rewards.step"));
  });

  it("gives the finance bureau the approvals and payments, and nothing of the requests of others", async () => {
    const list = await todo("demo-finance");
    const steps = list.items.filter((item) => item.kind === "rewards.step").map((item) => item.step?.id);
    expect(steps.length).toBeGreaterThan(0);
    const workflow = await read("demo-finance")("/api/rewards/workflow");
    const mine = (workflow.steps as { id: string; mine: boolean }[]).filter((step) => step.mine).map((step) => step.id);
    for (const step of steps) expect(mine).toContain(step);
    expect(countOf(list, "requests.assign")).toBe(0);
  });

  it("follows a request from the office's assigning to the unit's accepting and answering", async () => {
    const post = (username: string, url: string) =>
      app.inject({ method: "POST", url, headers: (sessions[username] as Session).headers, payload: {} });
    const me = await read("demo-unit")("/api/auth/me");
    const unitId = me.user.unit.id as number;
    const mine = (await requests("demo-unit")).filter((item) => item.unit?.id === unitId);
    const before = await todo("demo-unit");
    expect(countOf(before, "requests.accept")).toBe(mine.filter((item) => item.status === "assigned").length);
    expect(countOf(before, "requests.answer")).toBe(mine.filter((item) => item.status === "accepted").length);
    const officeBefore = await todo("demo-office");
    const submitted = (await requests("demo-office")).find((item) => item.status === "submitted");
    expect(submitted, "the demo has a request waiting to be assigned").toBeDefined();
    const assigned = await app.inject({
      method: "POST",
      url: `/api/enterprise-requests/${submitted?.id}/assign`,
      headers: (sessions["demo-office"] as Session).headers,
      payload: { unitId },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(countOf(await todo("demo-office"), "requests.assign")).toBe(countOf(officeBefore, "requests.assign") - 1);
    const toAccept = await todo("demo-unit");
    expect(countOf(toAccept, "requests.accept")).toBe(countOf(before, "requests.accept") + 1);
    const accepted = await post("demo-unit", `/api/enterprise-requests/${submitted?.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const toAnswer = await todo("demo-unit");
    expect(countOf(toAnswer, "requests.accept")).toBe(countOf(before, "requests.accept"));
    expect(countOf(toAnswer, "requests.answer")).toBe(countOf(before, "requests.answer") + 1);
    // Accepting comes before answering.
    const kinds = toAnswer.items.map((item) => item.kind);
    if (kinds.includes("requests.accept"))
      expect(kinds.indexOf("requests.accept")).toBeLessThan(kinds.indexOf("requests.answer"));
  });

  it("gives an enterprise its rewards to confirm and the answers to rate, with its notifications unread", async () => {
    const list = await todo("demo-enterprise");
    const own = await requests("demo-enterprise");
    expect(countOf(list, "requests.rate")).toBe(
      own.filter((item) => item.status === "answered" && item.rating === null).length,
    );
    const workflow = await read("demo-enterprise")("/api/rewards/workflow");
    const confirm = (workflow.steps as { id: string; kind: string }[]).find((step) => step.kind === "confirm");
    const entitlements = (await read("demo-enterprise")(`/api/rewards/entitlements?step=${confirm?.id}&pageSize=500`))
      .items as { status: string }[];
    expect(countOf(list, "rewards.confirm")).toBe(
      entitlements.filter((item) => !["paid", "rejected", "superseded"].includes(item.status)).length,
    );
    const notifications = (await read("demo-enterprise")("/api/notifications")).items as { read: boolean }[];
    expect(list.unreadNotifications).toBe(notifications.filter((item) => !item.read).length);
    // Its own invitations to answer and events to rate, and nothing of the staff's work.
    const ownKinds = ["rewards.confirm", "requests.rate", "events.answer", "events.feedback"];
    expect(list.items.filter((item) => !ownKinds.includes(item.kind))).toEqual([]);
    expect(countOf(list, "events.answer")).toBeGreaterThan(0);
  });

  it("gives a leader the late requests of its enterprises and the tasks in red, nothing to approve", async () => {
    const list = await todo("demo-leader");
    expect(list.items.some((item) => item.kind === "rewards.step")).toBe(false);
    const tasks = await read("demo-leader")("/api/tasks");
    expect(countOf(list, "tasks.red")).toBe(tasks.counts.red);
  });
});
