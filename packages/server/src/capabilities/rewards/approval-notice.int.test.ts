/**
 * The approval notice of an enterprise's approved rewards, on the demo district, as Word and as PDF: one content
 * printed twice. The PDF is a real document (its header, A4 pages, the embedded Chinese font) whose text reads back:
 * the issuer, the number it took, the title, each reward as the plan names it with its amount, the total. Each
 * issue takes the next number and is audited; who may not issue it is refused.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { groupedYuan } from "@beizeng/domain/money";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, jsonReader, loginAsDemo, type Session } from "../../testing/fixtures";
import { readPdf } from "../../testing/pdf-text";
import { testDatabases } from "../../testing/test-databases";

interface EntitlementItem {
  id: number;
  enterpriseId: number | null;
  enterpriseName: string;
  year: number;
  status: string;
  ruleName?: string;
  amountFen: string | null;
}

/** The words of a .docx's body, its XML tags dropped (unzipped with the system's unzip). */
function docxText(buffer: Buffer): string {
  const directory = mkdtempSync(path.join(tmpdir(), "beizeng-notice-"));
  try {
    const file = path.join(directory, "notice.docx");
    writeFileSync(file, buffer);
    return execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" }).replace(/<[^>]+>/g, "");
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.each(testDatabases())("the approval notice as Word and PDF on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;
  let approved: EntitlementItem[];

  const issue = (path: string, session: Session, body: object) =>
    app.inject({ method: "POST", url: path, headers: session.headers, payload: body });

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
    const read = jsonReader(app, office);
    const items: EntitlementItem[] = [];
    for (const status of ["approved", "paid"]) {
      items.push(
        ...((await read(`/api/rewards/entitlements?pageSize=500&status=${status}`)) as { items: EntitlementItem[] })
          .items,
      );
    }
    const first = items.find((item) => item.enterpriseId !== null);
    if (!first) throw new Error("the demo has no approved reward");
    approved = items.filter((item) => item.enterpriseId === first.enterpriseId && item.year === first.year);
  }, 300_000);
  afterAll(() => closeSuite(app, db));

  it("prints the same notice as PDF: issuer, number, title, each reward and the total, readable", async () => {
    const [first] = approved;
    if (!first) throw new Error("no approved reward");
    const body = { enterpriseId: first.enterpriseId, year: first.year };
    const word = await issue("/api/rewards/notices", office, body);
    expect(word.statusCode, word.body).toBe(200);
    expect(word.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const pdf = await issue("/api/rewards/notices.pdf", office, body);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(decodeURIComponent(String(pdf.headers["content-disposition"]))).toContain(
      `审批通知-${first.enterpriseName}-${first.year}.pdf`,
    );

    const wordNumber = decodeURIComponent(String(word.headers["x-document-number"]));
    const pdfNumber = decodeURIComponent(String(pdf.headers["x-document-number"]));
    const serial = (number: string) => Number(/〔\d{4}〕(\d+)号$/.exec(number)?.[1]);
    expect(serial(pdfNumber)).toBe(serial(wordNumber) + 1);

    const reading = readPdf(pdf.rawPayload);
    expect(reading.pageCount).toBeGreaterThanOrEqual(1);
    expect(reading.embeddedFonts.some((font) => /Noto/i.test(font))).toBe(true);
    const text = reading.text.replace(/\s+/g, "");
    const wordText = docxText(word.rawPayload).replace(/\s+/g, "");
    for (const expected of [
      "审批通知",
      `关于兑现${first.enterpriseName}${first.year}年度工业倍增奖励的审批通知`,
      "一、奖励明细",
      "二、资金拨付",
      "单位：元",
      "特此通知。",
    ]) {
      expect(text, expected).toContain(expected.replace(/\s+/g, ""));
      expect(wordText, expected).toContain(expected.replace(/\s+/g, ""));
    }
    expect(text).toContain(pdfNumber);
    expect(wordText).toContain(wordNumber);
    let total = 0n;
    for (const item of approved) {
      if (item.amountFen === null) continue;
      total += BigInt(item.amountFen);
      expect(text).toContain(groupedYuan(BigInt(item.amountFen)));
      if (item.ruleName) expect(text).toContain(item.ruleName.replace(/\s+/g, ""));
    }
    expect(text).toContain(`合计${groupedYuan(total)}元`);
    expect(text).toContain(`共${approved.length}项`);
    // The arithmetic in 万元 with separators, as the reward's page writes it: no amount of seven bare digits.
    expect(reading.text).toContain("万元");
    // (A bank account number of 16 to 19 digits and the credit code are no amounts.)
    const bareDigits = [...reading.text.matchAll(/(?<![\d,.\w])\d{7,}(?![\d,\w])/g)].map((match) => match[0]);
    expect(bareDigits.filter((digits) => digits.length < 16 || digits.length > 19)).toEqual([]);
    // No internal key of a rule or a status on paper.
    expect(reading.text).not.toMatch(/\b[A-Z]+-[A-Z]+\b|\b[a-z]+_[a-z_]+\b/);
  });

  it("audits each issue and refuses an enterprise", async () => {
    const [first] = approved;
    if (!first) throw new Error("no approved reward");
    const read = jsonReader(app, office);
    const before = (await read("/api/audit?entityType=reward_notice&action=issue&pageSize=1")) as { total: number };
    const pdf = await issue("/api/rewards/notices.pdf", office, { enterpriseId: first.enterpriseId, year: first.year });
    expect(pdf.statusCode).toBe(200);
    const after = (await read("/api/audit?entityType=reward_notice&action=issue&pageSize=1")) as { total: number };
    expect(after.total).toBe(before.total + 1);

    const enterprise = await loginAsDemo(app, "demo-enterprise");
    const refused = await issue("/api/rewards/notices.pdf", enterprise, {
      enterpriseId: first.enterpriseId,
      year: first.year,
    });
    expect(refused.statusCode).toBe(403);
    const none = await issue("/api/rewards/notices.pdf", office, { enterpriseId: first.enterpriseId, year: 1995 });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain("尚无已审批的奖励");
  });
});
