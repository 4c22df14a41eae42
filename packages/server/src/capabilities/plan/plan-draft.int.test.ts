/**
 * A plan drafted from its issued document through the API, on SQLite and PostgreSQL: the office uploads the text
 * (.txt, or a Word .docx) and gets the draft of its plan's next version, with the clauses, units, targets and money
 * sentences read from it; the draft is refused as a plan until its marked fields are filled; nothing is stored.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const documentText = readFileSync(new URL("../../../../../plans/changjiang-2021-2023/document.txt", import.meta.url));

async function multipart(name: string, bytes: Buffer): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  form.append("file", new Blob([bytes]), name);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "" };
}

/** A Word document whose body is these paragraphs, as Word writes one (runs split inside a paragraph). */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = paragraphs
    .map((text) => {
      const half = Math.floor(text.length / 2);
      return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text.slice(0, half))}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${escapeXml(text.slice(half))}</w:t></w:r></w:p>`;
    })
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe.each(testDatabases())("plan drafts on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    office = await loginAs(app, world.users.office.username);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const upload = async (session: Session, name: string, bytes: Buffer) => {
    const form = await multipart(name, bytes);
    return app.inject({
      method: "POST",
      url: "/api/plan/drafts",
      headers: { ...session.headers, "content-type": form.contentType },
      payload: form.payload,
    });
  };
  const versionCount = async () =>
    Number(
      (
        await db.kysely
          .selectFrom("plans")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("drafts the next version of the district's plan from its document, storing nothing", async () => {
    const before = await versionCount();
    const response = await upload(office, "昌办字〔2021〕7号.txt", documentText);
    expect(response.statusCode, response.body).toBe(200);
    const draft = response.json();
    expect(draft.title).toBe("昌江区工业倍增三年行动计划（2021－2023年）");
    expect(draft.base).toEqual({ planId: "changjiang-2021-2023", version: 1 });
    expect(draft.clauses).toHaveLength(20);
    expect(draft.units).toHaveLength(23);
    // Every unit the document names is one the district has already (matched by name or alias).
    expect(draft.units.every((unit: { known: boolean }) => unit.known)).toBe(true);
    expect(draft.money).toHaveLength(10);
    expect(draft.money[0]).toMatchObject({ clause: "M2", amounts: ["3000000", "1000000"], shape: "categories" });
    expect(draft.yaml).toContain("id: changjiang-2021-2023");
    expect(draft.marks.map((mark: { path: string }) => mark.path)).toContain("rewards[0].per");
    expect(await versionCount()).toBe(before);
  });

  it("refuses the draft as a plan until its marked fields are filled, naming them", async () => {
    const draft = (await upload(office, "原文.txt", documentText)).json();
    const preview = await app.inject({
      method: "POST",
      url: "/api/plan/versions/preview",
      headers: office.headers,
      payload: { content: draft.yaml, fileName: "草稿.yaml" },
    });
    expect(preview.statusCode).toBe(400);
    const details = preview.json().error.details as { path: string; message: string }[];
    expect(details.length).toBe(draft.marks.length);
    expect(details.find((issue) => issue.path === "rewards[0].per")?.message).toContain("尚未填写");
  });

  it("reads a Word document's paragraphs", async () => {
    const bytes = await docx([
      "云溪区促进制造业高质量发展若干奖励办法",
      "一、奖励标准",
      "（一）新纳统奖励。对首次纳入规模以上工业企业统计的企业，奖励 5万元。（责任单位：区经信局、北山镇）",
      "（二）技术改造。对设备投资 500万元以上的项目，按设备投资额的 2%给予补助，最高不超过 100万元。",
    ]);
    const response = await upload(office, "奖励办法.docx", bytes);
    expect(response.statusCode, response.body).toBe(200);
    const draft = response.json();
    expect(draft.title).toBe("云溪区促进制造业高质量发展若干奖励办法");
    expect(draft.clauses.map((clause: { text: string }) => clause.text.slice(0, 8))).toEqual([
      "（一）新纳统奖励",
      "（二）技术改造。",
    ]);
    expect(draft.units.map((unit: { name: string; kind: string }) => [unit.name, unit.kind])).toEqual([
      ["区经信局", "department"],
      ["北山镇", "town"],
    ]);
    expect(draft.money.map((money: { shape: string; cap: string | null }) => [money.shape, money.cap])).toEqual([
      ["amount", null],
      ["percent", "1000000"],
    ]);
  });

  it("refuses what it cannot read, in Chinese, naming the file", async () => {
    const pdf = await upload(office, "原文.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toContain("另存为 Word 文档（.docx）或复制为纯文本（.txt）");
    const fake = await upload(office, "原文.docx", Buffer.from("不是压缩文件"));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toContain("不是 Word 文档");
    const unit = await loginAs(app, world.users.unit.username);
    expect((await upload(unit, "原文.txt", documentText)).statusCode).toBe(403);
  });
});
