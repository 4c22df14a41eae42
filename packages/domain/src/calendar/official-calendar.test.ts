import { describe, expect, it } from "vitest";
import { requestDeadline } from "../requests/categories";
import {
  type OfficialDay,
  officialDayProblems,
  parseOfficialDayLines,
  SHIPPED_OFFICIAL_YEARS,
  weekdayOf,
  workingCalendarFrom,
} from "./official-calendar";

const shippedCalendar = workingCalendarFrom(SHIPPED_OFFICIAL_YEARS.flatMap((entry) => entry.days));

describe("the shipped State Council arrangements", () => {
  it("ship 2021 to 2026, every day valid, every make-up day on a weekend, no date twice", () => {
    expect(SHIPPED_OFFICIAL_YEARS.map((entry) => entry.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    const all = SHIPPED_OFFICIAL_YEARS.flatMap((entry) => entry.days);
    expect(all.flatMap(officialDayProblems)).toEqual([]);
    expect(new Set(all.map((day) => day.date)).size).toBe(all.length);
    for (const day of all.filter((each) => each.kind === "workday")) expect([0, 6]).toContain(weekdayOf(day.date));
  });

  it("hold each year's days off and make-up days as its notice counts them", () => {
    const counts = SHIPPED_OFFICIAL_YEARS.map((entry) => [
      entry.year,
      entry.days.filter((day) => day.kind === "holiday").length,
      entry.days.filter((day) => day.kind === "workday").length,
    ]);
    // 2025: 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆中秋 8; 2026: 3, 9, 3, 5, 3, 3, 7.
    expect(counts).toEqual([
      [2021, 31, 7],
      [2022, 31, 7],
      [2023, 27, 7],
      [2024, 28, 8],
      [2025, 28, 5],
      [2026, 33, 6],
    ]);
    expect(SHIPPED_OFFICIAL_YEARS[4]?.source).toBe(
      "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
    );
  });
});

describe("counting working days by the shipped calendar", () => {
  it("skips the 春节 holiday of 2026 and counts its make-up Saturday", () => {
    // Friday 13 February: Saturday 14th is worked, 15th–23rd are off, then Tuesday 24th and Wednesday 25th.
    expect(shippedCalendar.addWorkingDays("2026-02-13", 3)).toEqual({ date: "2026-02-25", yearsWithoutCalendar: [] });
    expect(requestDeadline("2026-02-13", { limitDays: 1, dayKind: "working" }, shippedCalendar)).toBe("2026-02-14");
    // Monday to Friday alone would have said Wednesday the 18th, in the middle of the holiday.
    expect(requestDeadline("2026-02-13", { limitDays: 3, dayKind: "working" })).toBe("2026-02-18");
  });

  it("counts a 调休 Saturday as a working day and the holiday's weekdays as none", () => {
    expect(shippedCalendar.isWorkingDay("2025-02-08")).toBe(true); // Saturday worked after 春节
    expect(shippedCalendar.isWorkingDay("2025-02-03")).toBe(false); // Monday of 春节
    // After Friday 24 January: Sunday 26th and Monday 27th worked, 28th–4th off, 5th–7th, Saturday 8th worked.
    expect(shippedCalendar.workingDaysBetween("2025-01-24", "2025-02-08")).toBe(6);
  });

  it("counts a year without its arrangement Monday to Friday, and says so", () => {
    expect(shippedCalendar.hasYear(2027)).toBe(false);
    expect(shippedCalendar.addWorkingDays("2026-12-31", 1)).toEqual({
      date: "2027-01-01",
      yearsWithoutCalendar: [2027],
    });
  });
});

describe("checking a day the office enters", () => {
  const day: OfficialDay = {
    year: 2027,
    date: "2027-01-01",
    kind: "holiday",
    name: "元旦",
    nameEn: "New Year's Day",
    source: "国务院办公厅关于2027年部分节假日安排的通知",
  };

  it("names the field of each problem in Chinese", () => {
    expect(officialDayProblems(day)).toEqual([]);
    expect(officialDayProblems({ ...day, date: "2027-02-30" })).toEqual([
      "日期：应为 YYYY-MM-DD 格式的真实日期，实为“2027-02-30”",
    ]);
    expect(officialDayProblems({ ...day, date: "2027-01-04", kind: "workday" })).toEqual([
      "类型：调休上班日应为周六或周日，2027-01-04 是工作日",
    ]);
    expect(officialDayProblems({ ...day, date: "2028-03-01" })).toEqual([
      "日期：2028-03-01 不在2027年的节假日安排之内",
    ]);
    expect(officialDayProblems({ ...day, date: "2026-12-31" })).toEqual([]);
    expect(officialDayProblems({ ...day, name: " ", source: "" })).toEqual([
      "名称：不能为空（例如 春节、国庆节）",
      "来源：不能为空（例如 国务院办公厅关于2025年部分节假日安排的通知）",
    ]);
  });

  it("reads a pasted year, naming the line of each problem", () => {
    const pasted =
      "2027-01-01\t放假\t元旦\tNew Year's Day\n\n2027-02-06 调休上班 春节\n2027-02-08, 上班, 春节\n2027-13-01 放假 春节\n2027-01-01 休 元旦";
    const { days, problems } = parseOfficialDayLines(pasted, 2027, "通知");
    expect(days.map((each) => [each.date, each.kind, each.name, each.nameEn])).toEqual([
      ["2027-01-01", "holiday", "元旦", "New Year's Day"],
      ["2027-02-06", "workday", "春节", null],
      ["2027-01-01", "holiday", "元旦", null],
    ]);
    expect(problems).toEqual([
      "第4行 类型：调休上班日应为周六或周日，2027-02-08 是工作日",
      "第5行 日期：应为 YYYY-MM-DD 格式的真实日期，实为“2027-13-01”",
      "日期：2027-01-01 重复",
    ]);
  });
});
