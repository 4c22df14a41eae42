import { describe, expect, it } from "vitest";
import { columnLetter, formatImportError } from "./types";

describe("error presentation", () => {
  it("names columns by letter the way office suites do", () => {
    expect([1, 4, 26, 27, 52, 53, 703].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AZ", "BA", "AAA"]);
  });

  it("prints an error with its row, column letter and header", () => {
    expect(
      formatImportError({
        row: 4,
        column: "营业收入（万元）",
        columnLetter: "D",
        field: "revenue",
        message: "不是数字：abc",
      }),
    ).toBe("第4行 D列「营业收入（万元）」：不是数字：abc");
    expect(formatImportError({ row: 7, field: "year", message: "缺少必填项：年份" })).toBe("第7行：缺少必填项：年份");
    expect(formatImportError({ row: 0, message: "未找到表头" })).toBe("未找到表头");
  });
});
