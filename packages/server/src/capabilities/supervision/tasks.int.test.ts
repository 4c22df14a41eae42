import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { renderNotification } from "@beizeng/domain/notifications/messages";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, type Session, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { insertNotificationOnce } from "../notifications/index";
import { todayInChina } from "./tasks.service";
import { addDays } from "./tasks-schedule";

interface TaskItem {
  id: number;
  planTaskId: string;
  measureId: string;
  ownerUnit: { id: number; name: string };
  sharingUnits: { id: number; name: string }[];
  cycle: string;
  health: { color: string };
}

/** A loopback HTTP server standing in for the WeCom robot: it keeps every JSON body it receives. */
async function robotServer(): Promise<{ server: Server; url: string; received: unknown[] }> {
  const received: unknown[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push(JSON.parse(body));
      response.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/robot/send`, received };
}

describe.each(testDatabases())("tasks and progress reports on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let unit: Session;
  let inspector: Session;
  let robot: Awaited<ReturnType<typeof robotServer>>;
  let ownTask: TaskItem;
  let reportId: number;

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    office = await loginAs(app, "office-a");
    unit = await loginAs(app, "unit-a");
    inspector = await loginAs(app, "inspector-a");
    robot = await robotServer();
  });
  afterAll(async () => {
    robot?.server.close();
    await closeSuite(app, db);
  });

  /** The unit files a progress report on its own task. */
  const fileReport = (payload: Record<string, unknown>) =>
    app.inject({ method: "POST", url: `/api/tasks/${ownTask.id}/reports`, headers: unit.headers, payload });
  /** A change to task `id`, asked for by `session`. */
  const patchTask = (session: Session, id: number, payload: Record<string, unknown>) =>
    app.inject({ method: "PATCH", url: `/api/tasks/${id}`, headers: session.headers, payload });

  it("seeds tasks from the plan's measures once per lead unit, idempotently", async () => {
    const first = await app.inject({ method: "POST", url: "/api/tasks/seed", headers: office.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toBeGreaterThan(30);
    const again = (await app.inject({ method: "POST", url: "/api/tasks/seed", headers: office.headers })).json();
    expect(again).toEqual({ created: 0, skipped: first.json().created });

    const all = (await app.inject({ url: "/api/tasks", headers: office.headers })).json();
    const measures = new Set(all.items.map((t: TaskItem) => t.measureId));
    expect([...measures].sort()).toEqual([
      "M1",
      "M10",
      "M11",
      "M12",
      "M13",
      "M2",
      "M3",
      "M4",
      "M5",
      "M6",
      "M7",
      "M8",
      "M9",
    ]);
    // M6 has two lead units: each gets its own copy of every seed task.
    const m6 = all.items.filter((t: TaskItem) => t.measureId === "M6");
    expect(new Set(m6.map((t: TaskItem) => t.ownerUnit.name))).toEqual(new Set(["区工信局", "区科技局"]));
    const m2 = all.items.find((t: TaskItem) => t.measureId === "M2") as TaskItem;
    expect(m2.ownerUnit.name).toBe("区商务局");
    expect(m2.sharingUnits.map((u) => u.name)).toContain("区发改委");
    // Tasks of a plan from 2021–2023 with nothing reported are long overdue.
    expect(all.counts.red).toBe(all.items.length);
  });

  it("shows a unit's staff only the tasks their unit leads or shares", async () => {
    const mine = (await app.inject({ url: "/api/tasks", headers: unit.headers })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    for (const task of mine.items as TaskItem[]) {
      const involved = task.ownerUnit.id === world.unitA || task.sharingUnits.some((u) => u.id === world.unitA);
      expect(involved).toBe(true);
    }
    const all = (await app.inject({ url: "/api/tasks", headers: office.headers })).json();
    const foreign = (all.items as TaskItem[]).find(
      (t) => t.ownerUnit.id !== world.unitA && !t.sharingUnits.some((u) => u.id === world.unitA),
    ) as TaskItem;
    const refused = await app.inject({ url: `/api/tasks/${foreign.id}`, headers: unit.headers });
    expect(refused.statusCode).toBe(403);
    ownTask = (mine.items as TaskItem[]).find((t) => t.ownerUnit.id === world.unitA) as TaskItem;
  });

  it("exports the task list a caller sees, with the filters applied, to .xlsx", async () => {
    const response = await app.inject({ url: "/api/tasks/export?measure=M2", headers: unit.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent("任务督办.xlsx"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(2, 1).value)).toContain("所属举措：M2");
    expect(sheet.getRow(3).getCell(2).value).toBe("任务");
    const listed = (await app.inject({ url: "/api/tasks?measure=M2", headers: unit.headers })).json();
    const titles: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 3) titles.push(row.getCell(2).value);
    });
    expect(titles).toEqual((listed.items as { title: string }[]).map((task) => task.title));
    expect(titles.length).toBeGreaterThan(0);
  });

  it("lets the office edit a task: cycle, due date, quantity and sharing units, audited", async () => {
    const due = addDays(todayInChina(), 20);
    const bad = await patchTask(office, ownTask.id, { cycle: "once", dueDate: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("dueDate");
    const response = await patchTask(office, ownTask.id, {
      cycle: "once",
      dueDate: due,
      quantityUnit: "count",
      quantityTarget: "3",
      sharingUnitIds: [],
    });
    expect(response.statusCode).toBe(200);
    const detail = (await app.inject({ url: `/api/tasks/${ownTask.id}`, headers: unit.headers })).json();
    expect(detail.task.dueDate).toBe(due);
    expect(detail.task.sharingUnits).toEqual([]);
    expect(detail.task.clauseText).toContain("区商务局");
    expect(detail.periods).toHaveLength(1);
    expect(detail.mayReport).toBe(true);
    expect((await patchTask(unit, ownTask.id, { note: "x" })).statusCode).toBe(403);
  });

  it("takes a progress report with evidence, checks type, size and checksum", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% evidence of the signing ceremony\n%%EOF\n");
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const wrongType = await fileReport({
      period: "once",
      content: "已签约两个项目",
      quantity: "2",
      attachments: [{ fileName: "a.exe", dataBase64: "TVo=" }],
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain("附件 1（a.exe）");
    const disguised = await fileReport({
      period: "once",
      content: "已签约两个项目",
      attachments: [{ fileName: "合同.pdf", dataBase64: Buffer.from("not a pdf").toString("base64") }],
    });
    expect(disguised.json().error.message).toContain("不符");
    const badSum = await fileReport({
      period: "once",
      content: "已签约两个项目",
      attachments: [{ fileName: "合同.pdf", dataBase64: pdf.toString("base64"), sha256: "0".repeat(64) }],
    });
    expect(badSum.json().error.message).toContain("校验值不符");

    const created = await fileReport({
      period: "once",
      content: "已签约两个项目",
      quantity: "2",
      attachments: [{ fileName: "签约合同.pdf", dataBase64: pdf.toString("base64"), sha256 }],
    });
    expect(created.statusCode).toBe(201);
    reportId = created.json().id;
    const attachmentId = created.json().attachments[0].id;
    expect(created.json().attachments[0].sha256).toBe(sha256);

    const again = await fileReport({ period: "once", content: "重复报送" });
    expect(again.statusCode).toBe(409);

    const file = await app.inject({ url: `/api/task-attachments/${attachmentId}`, headers: inspector.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers["x-content-sha256"]).toBe(sha256);
    expect(String(file.headers["content-disposition"])).toContain(encodeURIComponent("签约合同.pdf"));

    const detail = (await app.inject({ url: `/api/tasks/${ownTask.id}`, headers: office.headers })).json();
    expect(detail.reports).toHaveLength(1);
    // Not yet due: a quantity below the plan only counts once the deadline has passed.
    expect(detail.task.health.color).toBe("green");
  });

  it("lets the office send a report back with a reason: the unit is told in the app and through the robot", async () => {
    const configured = await app.inject({
      method: "PUT",
      url: "/api/webhook-settings",
      headers: office.headers,
      payload: { url: robot.url, format: "markdown", enabled: true },
    });
    expect(configured.statusCode).toBe(200);
    const sendBack = (reason: string) =>
      app.inject({
        method: "POST",
        url: `/api/task-reports/${reportId}/return`,
        headers: office.headers,
        payload: { reason },
      });
    expect((await sendBack("")).statusCode).toBe(400);
    const returned = await sendBack("缺少签约合同盖章页");
    expect(returned.statusCode).toBe(200);
    // The robot is told by a background job, after the answer.
    await expect
      .poll(() => robot.received.at(-1))
      .toEqual({
        msgtype: "markdown",
        markdown: { content: expect.stringContaining("缺少签约合同盖章页") },
      });
    const notices = (await app.inject({ url: "/api/notifications", headers: unit.headers })).json();
    expect(notices.items[0]).toMatchObject({ kind: "returned", read: false });
    expect(notices.items[0].body).toContain("缺少签约合同盖章页");
    // The message it was written from, which the web app renders in the reader's language.
    expect(notices.items[0].message).toEqual({
      key: "report.returned",
      params: {
        task: expect.any(String),
        planTaskId: expect.any(String),
        period: "once",
        reason: "缺少签约合同盖章页",
      },
    });
    expect(renderNotification(notices.items[0].message, "zh-CN")).toEqual({
      title: notices.items[0].title,
      body: notices.items[0].body,
    });
    expect(renderNotification(notices.items[0].message, "en")?.body).toMatch(
      /^The leading group office sent back the progress report on .+ \(One-off\)\. Reason: 缺少签约合同盖章页\./,
    );
    const read = await app.inject({
      method: "POST",
      url: `/api/notifications/${notices.items[0].id}/read`,
      headers: unit.headers,
    });
    expect(read.statusCode).toBe(200);
    // The office's own notifications do not include the unit's.
    const officeNotices = (await app.inject({ url: "/api/notifications", headers: office.headers })).json();
    expect(officeNotices.items).toEqual([]);

    const resubmitted = await fileReport({ period: "once", content: "补充盖章页后重新报送", quantity: "3" });
    expect(resubmitted.statusCode).toBe(201);
    const detail = (await app.inject({ url: `/api/tasks/${ownTask.id}`, headers: unit.headers })).json();
    expect(detail.reports.map((r: { status: string }) => r.status)).toEqual(["returned", "submitted"]);
    expect(detail.task.health.color).toBe("green");

    const audit = (await app.inject({ url: "/api/audit?entityType=task_report", headers: office.headers })).json();
    const actions = (audit.items ?? audit).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["submit", "return"]));
  });

  it("keeps another district's office out of this district's tasks, reports and evidence", async () => {
    const officeB = await loginAs(app, "office-b");
    expect((await app.inject({ url: `/api/tasks/${ownTask.id}`, headers: officeB.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/tasks", headers: officeB.headers })).json().items).toEqual([]);
    const returned = await app.inject({
      method: "POST",
      url: `/api/task-reports/${reportId}/return`,
      headers: officeB.headers,
      payload: { reason: "跨区退回" },
    });
    expect(returned.statusCode).toBe(404);
    const detail = (await app.inject({ url: `/api/tasks/${ownTask.id}`, headers: office.headers })).json();
    const attachmentId = detail.reports[0].attachments[0].id;
    expect(
      (await app.inject({ url: `/api/task-attachments/${attachmentId}`, headers: officeB.headers })).statusCode,
    ).toBe(404);
    const patched = await patchTask(officeB, ownTask.id, { note: "x" });
    expect(patched.statusCode).toBe(404);
  });

  it("reminds before a deadline and warns after it, once each, in text format too", async () => {
    await app.inject({
      method: "PUT",
      url: "/api/webhook-settings",
      headers: office.headers,
      payload: { url: robot.url, format: "text", enabled: true },
    });
    const all = (await app.inject({ url: "/api/tasks", headers: office.headers })).json();
    const other = (all.items as TaskItem[]).find(
      (t) => t.ownerUnit.id === world.unitA && t.id !== ownTask.id,
    ) as TaskItem;
    await patchTask(office, other.id, { cycle: "once", dueDate: addDays(todayInChina(), 2) });
    const before = robot.received.length;
    const run = (await app.inject({ method: "POST", url: "/api/tasks/reminders/run", headers: office.headers })).json();
    expect(run.created).toBeGreaterThan(1);
    expect(run.webhook).toEqual({ sent: false, queued: true });
    await expect.poll(() => robot.received.length).toBe(before + 1);
    const message = robot.received.at(-1) as { msgtype: string; text: { content: string } };
    expect(message.msgtype).toBe("text");
    expect(message.text.content).toContain("报送提醒");
    const notices = (await app.inject({ url: "/api/notifications", headers: unit.headers })).json();
    expect(notices.items.some((n: { kind: string; body: string }) => n.kind === "reminder")).toBe(true);
    expect(notices.items.some((n: { kind: string }) => n.kind === "overdue-red")).toBe(true);
    const unitRow = await db.kysely
      .selectFrom("units")
      .select(["name", "name_en"])
      .where("id", "=", world.unitA)
      .executeTakeFirstOrThrow();
    const reminder = notices.items.find((n: { kind: string }) => n.kind === "reminder");
    expect(reminder.message).toMatchObject({
      key: "task.reminder",
      params: { unit: unitRow.name, unitEn: unitRow.name_en, period: "once", deadline: addDays(todayInChina(), 2) },
    });
    expect(renderNotification(reminder.message, "en")?.body).toBe(
      `${unitRow.name_en}: please report progress on ${reminder.message.params.task} (One-off) by ${addDays(todayInChina(), 2)}.`,
    );
    const warning = notices.items.find((n: { kind: string }) => n.kind === "overdue-red");
    expect(warning.message.key).toBe("task.overdue.red");
    expect(renderNotification(warning.message, "zh-CN")).toEqual({ title: warning.title, body: warning.body });
    const rerun = (
      await app.inject({ method: "POST", url: "/api/tasks/reminders/run", headers: office.headers })
    ).json();
    expect(rerun.created).toBe(0);
  });

  it("shows a notification stored as text alone (written before messages, or by a writer without one) as stored", async () => {
    const inserted = await insertNotificationOnce(db, {
      district_id: world.districtA,
      unit_id: world.unitA,
      kind: "legacy",
      title: "旧通知",
      body: "只有中文文字的通知",
      link: null,
      dedupe_key: "legacy|1",
      created_at: new Date().toISOString(),
    });
    expect(inserted).toBe(true);
    const notices = (await app.inject({ url: "/api/notifications", headers: unit.headers })).json();
    expect(notices.items.find((n: { kind: string }) => n.kind === "legacy")).toMatchObject({
      title: "旧通知",
      body: "只有中文文字的通知",
      message: null,
      read: false,
    });
  });
});
