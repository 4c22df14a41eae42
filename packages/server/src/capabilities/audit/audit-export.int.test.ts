/**
 * The audit log's export on the demo district: the office takes the entries its list's filters keep as .xlsx, in
 * words (no code of an action or a record type), times in Beijing time, names beside accounts; the list and the file
 * agree; an enterprise, and the inspector who reads no log, are refused.
 */
import type { AuditPage } from "@beizeng/contract/audit";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { beijingDay } from "../../platform/exports/table-export";
import { closeSuite, demoApp, jsonReader, loginAsDemo, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { auditLogXlsx } from "./audit-export";

const HEADERS = [
  "序号",
  "时间（北京时间）",
  "操作人",
  "账号",
  "所属单位或企业",
  "操作",
  "对象类型",
  "对象编号",
  "摘要",
  "变更前（记录原文）",
  "变更后（记录原文）",
];
/** The columns written in words; the last two hold the recorded snapshots as they are. */
const WORDED_COLUMNS = 9;
const SNAKE_OR_SCREAMING = /\b[a-z]+_[a-z_]+\b|\b[A-Z]{2,}_[A-Z_]+\b/;

interface Sheet {
  subtitle: string;
  header: string[];
  rows: string[][];
}

async function readSheet(payload: Buffer): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the export has no worksheet");
  const text = (row: number) =>
    HEADERS.map((_, index) => {
      const value = sheet.getRow(row).getCell(index + 1).value;
      return value === null || value === undefined ? "" : String(value);
    });
  const rows: string[][] = [];
  for (let row = 4; row <= sheet.rowCount; row++) rows.push(text(row));
  return { subtitle: String(sheet.getCell(2, 1).value), header: text(3), rows };
}

describe.each(testDatabases())("the audit log's export on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;

  const exportOf = async (query: string, session = office) => {
    const response = await app.inject({ url: `/api/audit/export${query}`, headers: session.headers });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return { response, sheet: await readSheet(response.rawPayload) };
  };

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
    // A unit's staff signs in too: the log names its unit beside the person.
    await loginAsDemo(app, "demo-unit");
  }, 300_000);
  afterAll(() => closeSuite(app, db));

  it("writes every entry of the log in words, newest first, as the list has them", async () => {
    const { response, sheet } = await exportOf("");
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const disposition = String(response.headers["content-disposition"]);
    const stamp = beijingDay(new Date()).replaceAll("-", "");
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? "")).toMatch(
      new RegExp(`^审计日志-${stamp}-\\d{4}\\.xlsx$`),
    );
    expect(sheet.header).toEqual(HEADERS);
    expect(sheet.subtitle).toContain("筛选条件：全部");
    expect(sheet.subtitle).toContain("（北京时间）");

    const list = (await jsonReader(app, office)("/api/audit?pageSize=5")) as AuditPage;
    expect(sheet.rows).toHaveLength(list.total);
    expect(Number(response.headers["x-export-rows"])).toBe(list.total);
    const seqs = sheet.rows.map((row) => Number(row[0]));
    expect(seqs[0]).toBe(list.items[0]?.seq);
    expect(seqs.every((seq, index) => index === 0 || seq === (seqs[index - 1] ?? 0) - 1)).toBe(true);

    const newest = list.items[0];
    const newestRow = sheet.rows[0] ?? [];
    expect(newestRow[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Beijing time is eight hours ahead of the UTC the log stores.
    const stored = new Date(newest?.at ?? "");
    expect(new Date(`${newestRow[1]?.replace(" ", "T")}+08:00`).getTime()).toBe(
      Math.floor(stored.getTime() / 1000) * 1000,
    );

    for (const row of sheet.rows) {
      for (const cell of row.slice(0, WORDED_COLUMNS)) expect(cell, row.join(" | ")).not.toMatch(SNAKE_OR_SCREAMING);
      expect(row[5], row.join(" | ")).not.toMatch(/[A-Za-z]/);
      expect(row[6], row.join(" | ")).not.toMatch(/[A-Za-z]/);
      expect(row[2], row.join(" | ")).not.toBe("");
    }
    const labels = new Set(sheet.rows.map((row) => row[5]));
    expect(labels).toContain("登录");
    expect(labels).toContain("新建");
    // An account's entry names the person, the account and its unit or enterprise.
    const login = sheet.rows.find((row) => row[3] === "demo-unit" && row[5] === "登录");
    expect(login?.[2]).toMatch(/\p{Script=Han}/u);
    expect(login?.[4]).toMatch(/\p{Script=Han}/u);
    expect(login?.[6]).toBe("登录会话");
  });

  it("reads a long log chunk by chunk, and says where it stops when the selection is over the limit", async () => {
    const list = (await jsonReader(app, office)("/api/audit?pageSize=1")) as AuditPage;
    const districtId = (await db.kysely.selectFrom("districts").select("id").executeTakeFirstOrThrow()).id;
    const capped = await auditLogXlsx(db, districtId, {}, { limit: 250, chunk: 40 });
    expect(capped).toMatchObject({ rows: 250, total: list.total });
    const sheet = await readSheet(capped.buffer);
    const seqs = sheet.rows.map((row) => Number(row[0]));
    expect(seqs).toEqual(Array.from({ length: 250 }, (_, index) => list.total - index));
    expect(sheet.subtitle).toContain(
      `说明：共 ${list.total} 条，本文件为最新的 250 条；请缩小日期范围分批导出其余记录`,
    );
    // A selection within the limit says nothing of one.
    const whole = await auditLogXlsx(db, districtId, {}, { limit: list.total, chunk: 40 });
    expect(whole.rows).toBe(list.total);
    expect((await readSheet(whole.buffer)).subtitle).not.toContain("说明");
  });

  it("keeps what the list's filters keep: an action, an actor, Beijing days with the last one included", async () => {
    const logins = (await jsonReader(app, office)("/api/audit?action=login&actor=demo-office")) as AuditPage;
    expect(logins.total).toBeGreaterThan(0);
    const { sheet } = await exportOf("?action=login&actor=demo-office");
    expect(sheet.rows).toHaveLength(logins.total);
    expect(new Set(sheet.rows.map((row) => `${row[5]} ${row[3]}`))).toEqual(new Set(["登录 demo-office"]));
    expect(sheet.subtitle).toContain("操作：登录");
    expect(sheet.subtitle).toContain("操作人：demo-office");

    const today = beijingDay(new Date());
    const { sheet: todays } = await exportOf(`?action=login&actor=demo-office&from=${today}&to=${today}`);
    expect(todays.rows.length).toBeGreaterThan(0);
    expect(todays.rows.every((row) => row[1]?.startsWith(today))).toBe(true);
    const listed = (await jsonReader(
      app,
      office,
    )(`/api/audit?action=login&actor=demo-office&from=${today}&to=${today}`)) as AuditPage;
    expect(listed.total).toBe(todays.rows.length);

    const { sheet: none } = await exportOf("?from=2000-01-01&to=2000-01-02");
    expect(none.rows).toEqual([]);
    expect(none.subtitle).toContain("日期（北京时间）：2000-01-01 至 2000-01-02");

    const { sheet: typed } = await exportOf("?entityType=enterprise_request");
    expect(typed.rows.length).toBeGreaterThan(0);
    expect(new Set(typed.rows.map((row) => row[6]))).toEqual(new Set(["企业诉求"]));
    expect(typed.subtitle).toContain("对象类型：企业诉求");
  });

  it("refuses an enterprise and the inspector, who do not read the log", async () => {
    for (const username of ["demo-enterprise", "demo-inspector"]) {
      const session = await loginAsDemo(app, username);
      const response = await app.inject({ url: "/api/audit/export", headers: session.headers });
      expect(response.statusCode, username).toBe(403);
      expect(response.headers["content-type"]).toContain("json");
    }
    const anonymous = await app.inject({ url: "/api/audit/export" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses a malformed filter in Chinese", async () => {
    const response = await app.inject({ url: `/api/audit/export?action=${"x".repeat(80)}`, headers: office.headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain("导出审计日志");
  });
});
