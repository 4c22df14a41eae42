import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { attachmentDisposition, CONTENT_TYPES, sendDownload, sendStoredFile } from "./downloads";

describe("downloads", () => {
  it("names a file for every client: filename* in UTF-8 as RFC 5987 asks, a plain filename beside it", () => {
    expect(attachmentDisposition("企业名录.xlsx")).toBe(
      `attachment; filename="____.xlsx"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95.xlsx`,
    );
    // encodeURIComponent leaves ' ( ) * bare; RFC 5987 does not allow them there.
    expect(attachmentDisposition("O'Neil (2022)*.docx", "notice.docx")).toBe(
      `attachment; filename="notice.docx"; filename*=UTF-8''O%27Neil%20%282022%29%2A.docx`,
    );
    expect(attachmentDisposition('a"b\\c.txt')).toBe(
      `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`,
    );
  });

  it("sends a file with its type, name, length, extra headers and no caching", async () => {
    const app = Fastify();
    app.get("/text", (_request, reply) =>
      sendDownload(reply, {
        fileName: "审计检查点.jsonl",
        contentType: CONTENT_TYPES.ndjson,
        body: "一行\n",
        headers: { "x-audit-key-id": "k1" },
      }),
    );
    app.get("/stored", (_request, reply) =>
      sendStoredFile(reply, {
        file_name: "证明.pdf",
        content_type: "application/pdf",
        sha256: "ab".repeat(32),
        content: Buffer.from("%PDF-1.4\n%%EOF"),
      }),
    );
    const text = await app.inject({ url: "/text" });
    expect(text.headers).toMatchObject({
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="_____.jsonl"; filename*=UTF-8''${encodeURIComponent("审计检查点.jsonl")}`,
      "cache-control": "no-store",
      "content-length": String(Buffer.byteLength("一行\n")),
      "x-audit-key-id": "k1",
    });
    expect(text.body).toBe("一行\n");
    const stored = await app.inject({ url: "/stored" });
    expect(stored.headers).toMatchObject({
      "content-type": "application/pdf",
      "cache-control": "no-store",
      "content-length": "14",
      "x-content-sha256": "ab".repeat(32),
    });
    expect(stored.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("证明.pdf")}`);
    await app.close();
  });
});
