import { describe, expect, it } from "vitest";
import { requestDeadline } from "../requests/categories";
import { type OfficialYear, WorkingCalendar } from "./working-days";

/** The State Council's calendar of 2024 (国办发明电〔2023〕7号), as the office would enter it. */
const YEAR_2024: OfficialYear = {
  year: 2024,
  holidays: [
    "2024-01-01",
    ...["10", "11", "12", "13", "14", "15", "16", "17"].map((d) => `2024-02-${d}`),
    "2024-04-04",
    "2024-04-05",
    "2024-04-06",
    ...["01", "02", "03", "04", "05"].map((d) => `2024-05-${d}`),
    "2024-06-10",
    "2024-09-15",
    "2024-09-16",
    "2024-09-17",
    ...["01", "02", "03", "04", "05", "06", "07"].map((d) => `2024-10-${d}`),
  ],
  makeupWorkdays: [
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
  ],
};

describe("working days by the official calendar", () => {
  const calendar = new WorkingCalendar([YEAR_2024]);

  it("skips the National Day holiday and counts its make-up Sunday", () => {
    expect(calendar.isWorkingDay("2024-10-03")).toBe(false); // a Thursday off
    expect(calendar.isWorkingDay("2024-09-29")).toBe(true); // a Sunday worked
    expect(calendar.isWorkingDay("2024-10-12")).toBe(true); // a Saturday worked
    expect(calendar.addWorkingDays("2024-09-30", 1)).toEqual({ date: "2024-10-08", yearsWithoutCalendar: [] });
    // Friday the 27th: Sunday 29th, Monday 30th, then 8, 9 and 10 October.
    expect(calendar.addWorkingDays("2024-09-27", 5).date).toBe("2024-10-10");
    expect(calendar.workingDaysBetween("2024-09-27", "2024-10-10")).toBe(5);
  });

  it("counts a year without its calendar Monday to Friday, and says so", () => {
    expect(calendar.hasYear(2025)).toBe(false);
    expect(calendar.addWorkingDays("2024-12-30", 3)).toEqual({ date: "2025-01-02", yearsWithoutCalendar: [2025] });
    expect(new WorkingCalendar().addWorkingDays("2024-10-04", 1)).toEqual({
      date: "2024-10-07",
      yearsWithoutCalendar: [2024],
    });
  });

  it("gives a request's deadline by the calendar when one is given, Monday to Friday otherwise", () => {
    const limit = { limitDays: 3, dayKind: "working" as const };
    expect(requestDeadline("2024-09-30", limit, calendar)).toBe("2024-10-10");
    expect(requestDeadline("2024-09-30", limit)).toBe("2024-10-03");
    expect(requestDeadline("2024-09-30", { limitDays: 3, dayKind: "calendar" }, calendar)).toBe("2024-10-03");
  });
});
