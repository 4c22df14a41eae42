/**
 * The records behind targets and dashboard figures on the demo district, on SQLite and PostgreSQL: the title, each
 * note, each entry/exit/listing status and each share item come with their message, which renders to the same
 * Chinese text and to English (enterprise, project, service and town names as they are).
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
interface RecordsJson {
  title: string;
  titleMessage: MessageJson;
  notes: string[];
  noteMessages: MessageJson[];
  enterprises?: { status: string | null; statusMessage?: MessageJson }[];
  items?: { name: string; value: string; nameMessage?: MessageJson; valueMessage?: MessageJson }[];
}

const HAN = /[\u4e00-\u9fff]/;

/** The message renders to the Chinese text, and to English with no Chinese but the names it was given. */
function expectMessage(message: MessageJson | undefined, chinese: string, keys: Set<string>): void {
  expect(message, chinese).toBeDefined();
  const known = message as MessageJson;
  expect(renderNote(known, "zh-CN")).toBe(chinese);
  const english = renderNote(known, "en") as string;
  const names = Object.values(known.params).flatMap((value) =>
    Array.isArray(value) ? value : typeof value === "string" ? [value] : [],
  );
  const stripped = names.reduce((text: string, name) => (name ? text.replaceAll(name, "") : text), english);
  expect(stripped, english).not.toMatch(HAN);
  keys.add(known.key);
}

function expectRecordMessages(records: RecordsJson, keys: Set<string>): void {
  expectMessage(records.titleMessage, records.title, keys);
  expect(records.noteMessages).toHaveLength(records.notes.length);
  records.notes.forEach((note, i) => {
    expectMessage(records.noteMessages[i], note, keys);
  });
  for (const enterprise of records.enterprises ?? []) {
    if (enterprise.statusMessage) expectMessage(enterprise.statusMessage, enterprise.status as string, keys);
    // A status without a message is a scale status code, which the page names itself.
    else if (enterprise.status !== null) expect(enterprise.status).not.toMatch(HAN);
  }
  for (const item of records.items ?? []) {
    if (item.nameMessage) expectMessage(item.nameMessage, item.name, keys);
    if (item.valueMessage) expectMessage(item.valueMessage, item.value, keys);
  }
}

describe.each(testDatabases())("records in two languages on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
  });
  afterAll(() => closeSuite(app, db));

  const records = async (url: string): Promise<RecordsJson> => {
    const response = await app.inject({ method: "GET", url, headers: { cookie: office.cookie } });
    expect(response.statusCode, url).toBe(200);
    return response.json() as RecordsJson;
  };

  it("gives every target's records of every year with messages", async () => {
    const response = await app.inject({ method: "GET", url: "/api/targets", headers: { cookie: office.cookie } });
    const targets = (response.json() as { targets: { targetId: string; baselineYear: number; deadlineYear: number }[] })
      .targets;
    expect(targets.length).toBeGreaterThan(5);
    const keys = new Set<string>();
    for (const target of targets) {
      for (let year = target.baselineYear; year <= target.deadlineYear; year++) {
        expectRecordMessages(await records(`/api/targets/${target.targetId}/records?year=${year}`), keys);
      }
    }
    for (const key of [
      "records.target",
      "records.netIncrease",
      "records.status.entered",
      "records.ratio",
      "records.item.manufacturingInvestment",
      "records.item.keyEnterprise",
    ]) {
      expect(keys).toContain(key);
    }
    const g1 = await records("/api/targets/G1/records?year=2022");
    expect(renderNote(g1.titleMessage, "en")).toMatch(/: 2022$/);
  });

  it("gives every dashboard figure's records with messages, filtered by chain and town", async () => {
    const dashboard = await app.inject({ method: "GET", url: "/api/dashboard", headers: { cookie: office.cookie } });
    const body = dashboard.json() as { byChain: { key: string }[]; byTown: { key: string }[] };
    const chain = body.byChain[0]?.key as string;
    const town = body.byTown[0]?.key as string;
    const keys = new Set<string>();
    const urls = [
      "/api/dashboard/records?figure=aboveScaleRevenue&year=2022",
      `/api/dashboard/records?figure=aboveScaleCount&year=2022&chain=${chain}&town=${encodeURIComponent(town)}`,
      "/api/dashboard/records?asOf=2023-09&figure=monthRevenue&month=3",
      `/api/dashboard/records?asOf=2023-09&figure=periodRevenue&chain=${chain}`,
      "/api/dashboard/records?figure=projects",
      "/api/dashboard/records?figure=projects&stage=signed",
      "/api/dashboard/records?figure=reserve",
      "/api/dashboard/records?asOf=2023-06&figure=reserve",
    ];
    for (const url of urls) expectRecordMessages(await records(url), keys);
    expect(keys).toContain("records.directoryScope");

    const march = await records("/api/dashboard/records?asOf=2023-09&figure=monthRevenue&month=3");
    expect(march.title).toBe("2023年3月规上工业企业营业收入");
    expect(renderNote(march.titleMessage, "en")).toBe("Revenue of above-scale industrial enterprises, March 2023");
    expect(renderNote(march.noteMessages[0] as MessageJson, "en")).toMatch(/^Enterprises: the \d{4} directory/);
    const signed = await records("/api/dashboard/records?figure=projects&stage=signed");
    expect(signed.title).toBe("项目（签约落地）");
    expect(renderNote(signed.titleMessage, "en")).toBe("Projects (signed)");
  });

  it("keeps the .xlsx export of the records in Chinese", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/api/targets/G3-NET/records?year=2022&format=xlsx",
      headers: { cookie: office.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers["content-disposition"]))).toContain("：2022年.xlsx");
  });
});
