import { describe, expect, it } from "vitest";
import { chineseDate } from "../../platform/documents/official-document";
import { checkUploadedFile as checkEvidence } from "../../platform/files/stored-files";
import { bulletinNumber, periodLabel } from "./bulletins.service";

describe("bulletin wording", () => {
  it("names quarters, months, years and free ranges the way documents do", () => {
    expect(periodLabel("2023-04-01", "2023-06-30")).toBe("2023年第二季度");
    expect(periodLabel("2023-01-01", "2023-12-31")).toBe("2023年度");
    expect(periodLabel("2023-05-01", "2023-05-31")).toBe("2023年5月");
    expect(periodLabel("2023-01-01", "2023-06-30")).toBe("2023年1—6月");
    expect(periodLabel("2023-03-15", "2023-04-10")).toBe("2023年3月15日至2023年4月10日");
  });

  it("writes the number with hexagonal brackets and no leading zeros, the date in Arabic numerals", () => {
    expect(bulletinNumber("昌江区", 2023, 7)).toBe("昌纪督〔2023〕7号");
    expect(chineseDate("2021-07-07")).toBe("2021年7月7日");
  });
});

describe("evidence", () => {
  it("accepts a PDF by extension and content, and names the file when refusing", () => {
    const ok = checkEvidence(
      { fileName: "证明.PDF", dataBase64: Buffer.from("%PDF-1.7\n%%EOF\n").toString("base64") },
      0,
    );
    expect(ok.contentType).toBe("application/pdf");
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => checkEvidence({ fileName: "x.png", dataBase64: Buffer.from("GIF89a").toString("base64") }, 1)).toThrow(
      "附件 2（x.png）：文件内容与扩展名 .png 不符",
    );
    expect(() => checkEvidence({ fileName: "noext", dataBase64: "AA==" }, 0)).toThrow("不支持的文件类型");
  });
});
