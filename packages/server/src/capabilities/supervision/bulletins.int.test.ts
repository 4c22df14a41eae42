import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, type Session, seededApp, unitIdOf } from "../../testing/fixtures";
import { readPdf } from "../../testing/pdf-text";
import { testDatabases } from "../../testing/test-databases";
import { todayInChina } from "./tasks.service";

/** The text of word/document.xml inside a .docx (unzipped with the system's unzip). */
function documentXml(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "beizeng-docx-"));
  try {
    const file = path.join(dir, "doc.docx");
    writeFileSync(file, bytes);
    return execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

describe.each(testDatabases())("bulletins, ranking and assessment on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let inspector: Session;
  let unit: Session;
  let industryBureau: number;

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    office = await loginAs(app, "office-a");
    inspector = await loginAs(app, "inspector-a");
    unit = await loginAs(app, "unit-a");
    await app.inject({ method: "POST", url: "/api/tasks/seed", headers: office.headers });
    industryBureau = await unitIdOf(db, world.districtA, "industry-it-bureau");
    // 区商务局 reported every period of 2022 on time (the reports are dated in 2022, as they were filed then).
    const tasks = (await app.inject({ url: "/api/tasks", headers: office.headers })).json().items as {
      id: number;
      ownerUnit: { id: number };
    }[];
    for (const task of tasks.filter((t) => t.ownerUnit.id === world.unitA)) {
      const detail = (await app.inject({ url: `/api/tasks/${task.id}`, headers: office.headers })).json();
      for (const period of detail.periods as { key: string; deadline: string }[]) {
        if (!period.deadline.startsWith("2022")) continue;
        await db.kysely
          .insertInto("task_reports")
          .values({
            district_id: world.districtA,
            task_id: task.id,
            unit_id: world.unitA,
            period: period.key,
            content: "按期推进",
            quantity: null,
            status: "submitted",
            submitted_by: world.users.unit.id,
            submitted_at: `${period.deadline}T01:00:00.000Z`,
            returned_reason: null,
            returned_by: null,
            returned_at: null,
          })
          .execute();
      }
    }
    const project = await db.kysely
      .insertInto("projects")
      .values({
        district_id: world.districtA,
        code: "P-RANK",
        name: "排名测试项目",
        investor: "测试投资方",
        chain_id: "other",
        planned_investment_fen: "0",
        completed_investment_fen: "0",
        manufacturing: 0,
        origin: "other",
        location: "鱼丽工业平台",
        is_demo: 0,
        stage: "construction",
        created_at: "2022-01-01T00:00:00.000Z",
        updated_at: "2022-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [unitId, answeredOn] of [
      [world.unitA, "2022-05-04"],
      [industryBureau, "2022-05-11"],
    ] as const) {
      await db.kysely
        .insertInto("project_blockers")
        .values({
          district_id: world.districtA,
          project_id: project.id,
          category: "land",
          description: "用地指标待落实",
          unit_id: unitId,
          due_on: "2022-05-31",
          status: "answered",
          answer: "已协调",
          answered_at: `${answeredOn}T02:00:00.000Z`,
          created_at: "2022-05-01T02:00:00.000Z",
        })
        .execute();
    }
  });
  afterAll(() => closeSuite(app, db));

  it("ranks units on every indicator, lists all tied-last units and explains exclusions", async () => {
    const response = await app.inject({
      url: "/api/supervision/ranking?from=2022-01-01&to=2022-12-31",
      headers: inspector.headers,
    });
    expect(response.statusCode).toBe(200);
    const ranking = response.json();
    const completion = ranking.indicators.find((i: { id: string }) => i.id === "task-completion");
    expect(completion.ranked[0]).toMatchObject({ unitId: world.unitA, rank: 1, value: "100.00%" });
    expect(completion.last).toContain(industryBureau);
    expect(completion.last).not.toContain(world.unitA);
    expect(completion.last.length).toBeGreaterThan(1);
    expect(completion.explanation).toContain("并列末位");
    // Units leading no task have nothing to rank.
    expect(completion.excluded.some((e: { reason: string }) => e.reason === "本期无到期任务")).toBe(true);
    // Only one unit filed reports: no last place on timeliness, and the others are excluded with the reason.
    const timeliness = ranking.indicators.find((i: { id: string }) => i.id === "report-timeliness");
    expect(timeliness.last).toEqual([]);
    expect(timeliness.explanation).toContain("不足 2 个");
    expect(timeliness.excluded[0].reason).toBe("本期无已报送的进度报告");
    // 直通车 problems: the unit that took 10 days ranks below the one that took 3; the rest had none assigned.
    const requests = ranking.indicators.find((i: { id: string }) => i.id === "request-handling");
    expect(requests.unavailable).toBeNull();
    expect(requests.ranked.map((r: { unitId: number; value: string }) => [r.unitId, r.value])).toEqual([
      [world.unitA, "3.0 天"],
      [industryBureau, "10.0 天"],
    ]);
    expect(requests.last).toEqual([industryBureau]);
    expect(requests.excluded.some((e: { reason: string }) => e.reason === "本期无交办问题")).toBe(true);
    const summonedUnits = new Set(ranking.summons.map((s: { unitId: number }) => s.unitId));
    expect(summonedUnits.has(industryBureau)).toBe(true);
    expect(summonedUnits.has(world.unitA)).toBe(false);
  });

  it("issues bulletins numbered in sequence per year as GB/T 9704 .docx files that cannot be changed", async () => {
    const year = todayInChina().slice(0, 4);
    const preview = (
      await app.inject({ url: "/api/bulletins/preview?from=2022-10-01&to=2022-12-31", headers: inspector.headers })
    ).json();
    expect(preview.title).toBe("关于2022年第四季度工业倍增行动计划目标任务落实情况的督查通报");
    expect(preview.nextNumber).toBe(`昌纪督〔${year}〕1号`);

    const issue = (session: Session, from: string, to: string) =>
      app.inject({ method: "POST", url: "/api/bulletins", headers: session.headers, payload: { from, to } });
    const office403 = await issue(office, "2022-10-01", "2022-12-31");
    expect(office403.statusCode).toBe(403);
    const first = await issue(inspector, "2022-10-01", "2022-12-31");
    expect(first.statusCode).toBe(201);
    expect(first.json().number).toBe(`昌纪督〔${year}〕1号`);
    const second = (await issue(inspector, "2022-01-01", "2022-12-31")).json();
    expect(second.number).toBe(`昌纪督〔${year}〕2号`);

    const list = (await app.inject({ url: "/api/bulletins", headers: unit.headers })).json();
    expect(list.items.map((b: { number: string }) => b.number)).toEqual([second.number, first.json().number]);

    const download = await app.inject({ url: `/api/bulletins/${first.json().id}/docx`, headers: unit.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toContain("wordprocessingml");
    const xml = documentXml(download.rawPayload);
    const text = textOf(xml);
    expect(text).toContain("区纪委监委 督查通报");
    expect(text).toContain(`昌纪督〔${year}〕1号`);
    expect(text).toContain("关于2022年第四季度工业倍增行动计划目标任务落实情况的督查通报");
    expect(text).toContain("一、目标完成情况");
    expect(text).toContain("四、约谈名单");
    expect(text).toContain("区商务局");
    expect(text).toContain("单位：项、期次");
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(xml).toContain("方正小标宋简体");
    expect(xml).toContain("仿宋_GB2312");
    expect(xml).toContain('w:color w:val="FF0000"');

    // The same bulletin as PDF: the text it was issued with, in an embedded Chinese font a reader can copy.
    expect(list.items.every((b: { hasPdf: boolean }) => b.hasPdf)).toBe(true);
    const pdfDownload = await app.inject({ url: `/api/bulletins/${first.json().id}/pdf`, headers: unit.headers });
    expect(pdfDownload.statusCode).toBe(200);
    expect(pdfDownload.headers["content-type"]).toBe("application/pdf");
    expect(pdfDownload.headers["content-disposition"]).toContain(encodeURIComponent(`昌纪督〔${year}〕1号`));
    const pdf = readPdf(pdfDownload.rawPayload);
    expect(pdf.embeddedFonts.some((name) => /^[A-Z]{6}\+NotoSerifSC-Regular$/.test(name))).toBe(true);
    const pdfText = pdf.text.replace(/\s+/g, "");
    for (const line of [
      "区纪委监委督查通报",
      `昌纪督〔${year}〕1号`,
      "关于2022年第四季度工业倍增行动计划目标任务落实情况的督查通报",
      "区直各有关单位，各乡镇（街道）：",
      "一、目标完成情况",
      "四、约谈名单",
      "区商务局",
      "单位：项、期次",
      "资料来源：倍增平台任务进度报送记录",
      "— 1 —".replace(/\s+/g, ""),
    ]) {
      expect(pdfText).toContain(line);
    }
    expect(pdfText).not.toContain("\uFFFD");
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(pdfText).toMatch(new RegExp(`\\d{4}年\\d{1,2}月\\d{1,2}日—${pdf.pageCount}—$`));
    // Both files say the same: every paragraph of the .docx is in the PDF (page numbers aside).
    const pdfBody = pdfText.replace(/—\d+—/g, "");
    const paragraphs = xml
      .split("</w:p>")
      .map((p) => textOf(p).replace(/\s+/g, ""))
      .filter((p) => p !== "");
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const paragraph of paragraphs) expect(pdfBody).toContain(paragraph);

    // A bulletin issued before its content was kept has its .docx only, and the PDF is refused saying so.
    const older = await db.kysely
      .insertInto("bulletins")
      .values({
        district_id: world.districtA,
        year: Number(year) - 5,
        serial: 1,
        number_text: `昌纪督〔${Number(year) - 5}〕1号`,
        title: "旧通报",
        period_label: "旧期间",
        period_start: "2018-01-01",
        period_end: "2018-12-31",
        summary_json: "{}",
        document_json: null,
        docx: download.rawPayload,
        sha256: "0",
        size_bytes: download.rawPayload.length,
        issued_at: "2019-01-05T01:30:00.000Z",
        issued_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const refusedPdf = await app.inject({ url: `/api/bulletins/${older.id}/pdf`, headers: unit.headers });
    expect(refusedPdf.statusCode).toBe(409);
    expect(refusedPdf.json().error.message).toBe(
      `通报 昌纪督〔${Number(year) - 5}〕1号 印发时未保存版式内容，只能下载 Word 文件（.docx）`,
    );
    const listed = (await app.inject({ url: "/api/bulletins", headers: unit.headers })).json();
    expect(listed.items.find((b: { id: number }) => b.id === older.id).hasPdf).toBe(false);

    // The draft prints as PDF too, unnumbered.
    const draft = await app.inject({
      url: "/api/bulletins/draft.pdf?from=2022-10-01&to=2022-12-31",
      headers: office.headers,
    });
    expect(draft.statusCode).toBe(200);
    expect(readPdf(draft.rawPayload).text.replace(/\s+/g, "")).toContain("（草稿，未编号）");

    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const refused = await app.inject({
        method,
        url: `/api/bulletins/${first.json().id}`,
        headers: inspector.headers,
        payload: { title: "改" },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain("已印发");
    }
    await expect(
      db.kysely.updateTable("bulletins").set({ title: "改" }).where("id", "=", first.json().id).execute(),
    ).rejects.toThrow();
    const audit = (await app.inject({ url: "/api/audit?entityType=bulletin", headers: office.headers })).json();
    expect((audit.items ?? audit).filter((e: { action: string }) => e.action === "issue")).toHaveLength(2);
  });

  it("records a summons talk", async () => {
    const talk = await app.inject({
      method: "POST",
      url: "/api/summons-talks",
      headers: inspector.headers,
      payload: {
        year: 2022,
        indicatorId: "task-completion",
        unitId: industryBureau,
        talkDate: "2023-01-10",
        heldBy: "区长",
        attendees: "区工信局局长",
        outcome: "已制定整改方案，限期一个月完成",
      },
    });
    expect(talk.statusCode).toBe(201);
    const list = (await app.inject({ url: "/api/summons-talks?year=2022", headers: office.headers })).json();
    expect(list.items[0]).toMatchObject({ unit: { id: industryBureau, name: "区工信局" }, heldBy: "区长" });
  });

  it("scores the year-end assessment with the plan's weights, keeps history and prints a report", async () => {
    const assessment = (await app.inject({ url: "/api/assessment/2022", headers: office.headers })).json();
    expect(assessment.indicators.map((i: { weight: string }) => i.weight)).toEqual(["0.4", "0.3", "0.2", "0.1"]);
    expect(assessment.rows[0]).toMatchObject({ unitId: world.unitA, rank: 1 });
    const finalize = await app.inject({
      method: "POST",
      url: "/api/assessment/2022/finalize",
      headers: office.headers,
    });
    expect(finalize.statusCode).toBe(200);
    const history = (await app.inject({ url: "/api/assessment/history", headers: inspector.headers })).json();
    expect(history.years[0].year).toBe(2022);
    expect(history.years[0].rows[0].unitId).toBe(world.unitA);
    const report = await app.inject({ url: "/api/assessment/2022/report.docx", headers: office.headers });
    expect(report.statusCode).toBe(200);
    expect(textOf(documentXml(report.rawPayload))).toContain("2022年度工业倍增行动计划责任单位考核结果报告");
    const reportPdf = await app.inject({ url: "/api/assessment/2022/report.pdf", headers: inspector.headers });
    expect(reportPdf.statusCode).toBe(200);
    expect(reportPdf.headers["content-type"]).toBe("application/pdf");
    const reportText = readPdf(reportPdf.rawPayload).text.replace(/\s+/g, "");
    expect(reportText).toContain("2022年度工业倍增行动计划责任单位考核结果报告");
    expect(reportText).toContain("表12022年度各责任单位考核得分");
    expect(reportText).toContain("区商务局");
  });
});
