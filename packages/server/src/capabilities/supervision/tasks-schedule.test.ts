import { describe, expect, it } from "vitest";
import { periodsOf, taskHealth } from "./tasks-schedule";

const quarterly = {
  cycle: "quarterly",
  startDate: "2021-07-01",
  endDate: "2022-06-30",
  dueDate: null,
  quantityTarget: null,
};

describe("periodsOf", () => {
  it("splits a quarterly task into quarters with their last day as deadline", () => {
    expect(periodsOf(quarterly).map((p) => [p.key, p.deadline])).toEqual([
      ["2021-Q3", "2021-09-30"],
      ["2021-Q4", "2021-12-31"],
      ["2022-Q1", "2022-03-31"],
      ["2022-Q2", "2022-06-30"],
    ]);
  });

  it("gives monthly periods, yearly periods and one period for a one-off task", () => {
    const monthly = periodsOf({ cycle: "monthly", startDate: "2022-11-01", endDate: "2023-02-28", dueDate: null });
    expect(monthly.map((p) => p.key)).toEqual(["2022-11", "2022-12", "2023-01", "2023-02"]);
    expect(monthly[3]?.deadline).toBe("2023-02-28");
    expect(periodsOf({ cycle: "yearly", startDate: "2021-01-01", endDate: "2023-12-31", dueDate: null })).toHaveLength(
      3,
    );
    expect(periodsOf({ cycle: "once", startDate: "2021-01-01", endDate: "2023-12-31", dueDate: "2021-09-30" })).toEqual(
      [{ key: "once", label: "一次性任务", start: "2021-01-01", deadline: "2021-09-30" }],
    );
  });
});

describe("taskHealth", () => {
  it("is green when every due period was reported on time", () => {
    const health = taskHealth(
      quarterly,
      [{ period: "2021-Q3", status: "submitted", submittedOn: "2021-09-28", quantity: null }],
      "2021-10-05",
    );
    expect(health.color).toBe("green");
    expect(health.onTimePeriods).toBe(1);
    expect(health.nextDeadline).toBe("2021-12-31");
  });

  it("turns yellow when a period is overdue up to 15 days, then red", () => {
    expect(taskHealth(quarterly, [], "2021-10-10").color).toBe("yellow");
    const late = taskHealth(quarterly, [], "2021-10-20");
    expect(late.color).toBe("red");
    expect(late.reasons[0]).toBe("2021年第3季度逾期未报送，最长已逾期 20 天");
    expect(taskHealth(quarterly, [], "2022-01-05").reasons).toEqual([
      "2021年第3季度等 2 期逾期未报送，最长已逾期 97 天",
    ]);
  });

  it("counts a report after the deadline as reported late, and a returned report as not reported", () => {
    const health = taskHealth(
      quarterly,
      [
        { period: "2021-Q3", status: "submitted", submittedOn: "2021-10-03", quantity: null },
        { period: "2021-Q4", status: "returned", submittedOn: "2021-12-01", quantity: null },
      ],
      "2022-01-03",
    );
    expect(health.periods[0]?.state).toBe("reportedLate");
    expect(health.periods[1]?.state).toBe("returned");
    expect(health.reportedPeriods).toBe(1);
    expect(health.onTimePeriods).toBe(0);
    expect(health.overduePeriods).toBe(1);
    expect(health.color).toBe("yellow");
  });

  it("turns yellow, then red, when the quantity falls behind the plan", () => {
    const task = { ...quarterly, quantityTarget: "10" };
    const report = (quantity: string) => [
      { period: "2021-Q3", status: "submitted" as const, submittedOn: "2021-09-20", quantity },
    ];
    expect(taskHealth(task, report("9"), "2021-10-01").color).toBe("yellow");
    expect(taskHealth(task, report("7.5"), "2021-10-01").color).toBe("red");
    expect(taskHealth(task, report("12"), "2021-10-01").color).toBe("green");
  });

  it("counts the quantity computed from records, not the one typed into a report, for a task whose quantity comes from records", () => {
    const task = { ...quarterly, quantityTarget: "10" };
    const typed = [{ period: "2021-Q3", status: "submitted" as const, submittedOn: "2021-09-20", quantity: "50" }];
    const computed = new Map([
      ["2021-Q3", "4.5"],
      ["2021-Q4", "2.25"],
    ]);
    const health = taskHealth(task, typed, "2021-10-01", computed);
    expect(health.periods.map((period) => period.computedQuantity)).toEqual(["4.5", "2.25", null, null]);
    expect(health.achievedQuantity).toBe("6.75");
    expect(health.reasons).toEqual(["累计完成量仅为计划的 67%"]);
    expect(health.color).toBe("red");
    expect(taskHealth(task, typed, "2021-10-01").achievedQuantity).toBe("50");
    expect(taskHealth(quarterly, [], "2021-10-01").achievedQuantity).toBeNull();
  });
});
