import { describe, expect, it } from "vitest";
import { dateRangeLabel } from "./date-range-label";

describe("dateRangeLabel", () => {
  it("names quarters, years, months, runs of months and free ranges in Chinese as documents do", () => {
    expect(dateRangeLabel("2023-07-01", "2023-09-30", "zh-CN")).toBe("2023年第三季度");
    expect(dateRangeLabel("2023-01-01", "2023-12-31", "zh-CN")).toBe("2023年度");
    expect(dateRangeLabel("2024-02-01", "2024-02-29", "zh-CN")).toBe("2024年2月");
    expect(dateRangeLabel("2023-01-01", "2023-06-30", "zh-CN")).toBe("2023年1—6月");
    expect(dateRangeLabel("2023-03-15", "2023-04-10", "zh-CN")).toBe("2023年3月15日至2023年4月10日");
  });

  it("names the same periods in English", () => {
    expect(dateRangeLabel("2023-07-01", "2023-09-30", "en")).toBe("Q3 2023");
    expect(dateRangeLabel("2023-01-01", "2023-12-31", "en")).toBe("2023");
    expect(dateRangeLabel("2024-02-01", "2024-02-29", "en")).toBe("Feb 2024");
    expect(dateRangeLabel("2023-01-01", "2023-06-30", "en")).toBe("Jan–Jun 2023");
    expect(dateRangeLabel("2023-03-15", "2023-04-10", "en")).toBe("15 Mar 2023 – 10 Apr 2023");
  });

  it("does not take a month's end that is not one for a whole month, nor a range across years", () => {
    expect(dateRangeLabel("2023-02-01", "2023-02-28", "en")).toBe("Feb 2023");
    expect(dateRangeLabel("2024-02-01", "2024-02-28", "en")).toBe("1 Feb 2024 – 28 Feb 2024");
    expect(dateRangeLabel("2023-10-01", "2024-03-31", "zh-CN")).toBe("2023年10月1日至2024年3月31日");
  });
});
