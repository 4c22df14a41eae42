/**
 * The notes beside targets and forecasts, and the reward budget forecast's method, through the API on the demo
 * district, on SQLite and PostgreSQL: each note comes with its message, which renders to the same Chinese text and
 * to English (enterprise names as they are).
 */
import { type NoteParams, renderNote } from "@beizeng/domain/notes/messages";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, loginAsDemo, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface MessageJson {
  key: string;
  params: NoteParams;
}
interface NotesJson {
  notes: string[];
  noteMessages: MessageJson[];
}
interface TargetJson extends NotesJson {
  targetId: string;
  forecast: { detail: NotesJson | null } | null;
}

const HAN = /[\u4e00-\u9fff]/;

/** Every note has its message, one for one; the message renders to the note, and to English. */
function expectMessages(source: NotesJson): string[] {
  expect(source.noteMessages).toHaveLength(source.notes.length);
  return source.noteMessages.map((message, i) => {
    expect(renderNote(message, "zh-CN")).toBe(source.notes[i]);
    const english = renderNote(message, "en") as string;
    const names = Object.values(message.params).flatMap((value) => (Array.isArray(value) ? value : []));
    expect(names.reduce((text: string, name) => text.replaceAll(name, ""), english)).not.toMatch(HAN);
    return message.key;
  });
}

describe.each(testDatabases())("notes in two languages on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
  });
  afterAll(() => closeSuite(app, db));

  const get = async (url: string) => app.inject({ method: "GET", url, headers: { cookie: office.cookie } });

  it("gives the targets' and forecasts' notes as messages, at the latest month and in a running year", async () => {
    const keys = new Set<string>();
    for (const url of ["/api/targets", "/api/targets?asOf=2023-06", "/api/targets?asOf=2021-03"]) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      const body = response.json() as NotesJson & { targets: TargetJson[] };
      for (const key of expectMessages(body)) keys.add(key);
      for (const target of body.targets) {
        for (const key of expectMessages(target)) keys.add(key);
        if (target.forecast?.detail) for (const key of expectMessages(target.forecast.detail)) keys.add(key);
      }
    }
    // G3's forecast always says what it leaves out.
    expect(keys).toContain("forecast.aboveScale.newEnterprisesExcluded");
  });

  it("gives the dashboard's notes on the data as messages", async () => {
    const response = await get("/api/dashboard");
    expect(response.statusCode).toBe(200);
    expectMessages(response.json() as NotesJson);
  });

  it("gives the reward budget forecast's method as a message with the plan's threshold", async () => {
    const response = await app.inject({ url: "/api/rewards/forecast", headers: office.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { method: string; methodMessage: MessageJson };
    expect(body.methodMessage.key).toBe("rewards.budgetMethod");
    expect(renderNote(body.methodMessage, "zh-CN")).toBe(body.method);
    expect(body.method).toMatch(/规模以上标准（[\d.]+ (万元|亿元)）/);
    expect(renderNote(body.methodMessage, "en")).toMatch(/threshold \([\d,.]+ yuan\)/);
  });
});
