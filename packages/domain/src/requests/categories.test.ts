import { describe, expect, it } from "vitest";
import type { PlanRequestCategory } from "../plan/schema";
import { findRequestCategory, requestDeadline, requestLight } from "./categories";

describe("request deadlines", () => {
  it("counts working days Monday to Friday", () => {
    // 2026-11-27 is a Friday: one working day later is Monday the 30th.
    expect(requestDeadline("2026-11-27", { limitDays: 1, dayKind: "working" })).toBe("2026-11-30");
    // Wednesday + 5 working days = next Wednesday.
    expect(requestDeadline("2026-11-25", { limitDays: 5, dayKind: "working" })).toBe("2026-12-02");
    // A Saturday assignment starts counting on Monday.
    expect(requestDeadline("2026-11-28", { limitDays: 3, dayKind: "working" })).toBe("2026-12-02");
  });

  it("counts calendar days across a month end", () => {
    expect(requestDeadline("2026-12-20", { limitDays: 15, dayKind: "calendar" })).toBe("2027-01-04");
  });

  it("finds a category in the plan's list by its id, and nothing for an id the plan does not have", () => {
    const categories: PlanRequestCategory[] = [
      { id: "permits", name: "审批办证", nameEn: "Permits", limitDays: 5, dayKind: "working", units: ["a"] },
      { id: "general", name: "其他", nameEn: "Other", limitDays: 20, dayKind: "calendar", units: [] },
    ];
    expect(findRequestCategory(categories, "permits")?.name).toBe("审批办证");
    expect(findRequestCategory(categories, "general")?.limitDays).toBe(20);
    expect(findRequestCategory(categories, "approval")).toBeUndefined();
  });
});

describe("request traffic light", () => {
  it("is green up to the deadline, yellow for five days after it, red beyond", () => {
    expect(requestLight("2026-11-25", "2026-11-25")).toEqual({ light: "green", overdueDays: 0 });
    expect(requestLight("2026-11-25", "2026-11-20")).toEqual({ light: "green", overdueDays: 0 });
    expect(requestLight("2026-11-25", "2026-11-26")).toEqual({ light: "yellow", overdueDays: 1 });
    expect(requestLight("2026-11-25", "2026-11-30")).toEqual({ light: "yellow", overdueDays: 5 });
    expect(requestLight("2026-11-25", "2026-12-01")).toEqual({ light: "red", overdueDays: 6 });
  });
});
