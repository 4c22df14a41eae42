import { describe, expect, it } from "vitest";
import { isNotificationMessageKey, periodLabel, renderNotification } from "./messages";

describe("notification messages", () => {
  const reminder = {
    key: "task.reminder",
    params: {
      task: "新增规上企业",
      unit: "区工信局",
      unitEn: "Industry Bureau",
      period: "2023-Q4",
      deadline: "2024-01-10",
    },
  };

  it("renders the Chinese text the server stores", () => {
    expect(renderNotification(reminder, "zh-CN")).toEqual({
      title: "报送提醒：新增规上企业",
      body: "区工信局：新增规上企业（2023年第4季度）请于 2024-01-10 前报送进度。",
    });
  });

  it("renders English with the English value of a parameter where one is given, data left as it is", () => {
    expect(renderNotification(reminder, "en")).toEqual({
      title: "Report due: 新增规上企业",
      body: "Industry Bureau: please report progress on 新增规上企业 (Q4 2023) by 2024-01-10.",
    });
    const withoutEnglish = { ...reminder, params: { ...reminder.params, unitEn: "" } };
    expect(renderNotification(withoutEnglish, "en")?.body).toMatch(/^区工信局: /);
  });

  it("says day for one and days otherwise", () => {
    const overdue = (days: number) => ({
      key: "task.overdue.red",
      params: { task: "T", unit: "U", period: "2023-07", deadline: "2023-08-10", days },
    });
    expect(renderNotification(overdue(1), "en")?.body).toContain("(Jul 2023) is 1 day overdue");
    expect(renderNotification(overdue(12), "en")?.body).toContain("is 12 days overdue");
    expect(renderNotification(overdue(12), "zh-CN")?.body).toBe(
      "U：T（2023年7月）已逾期 12 天未报送，期限为 2023-08-10。",
    );
  });

  it("knows no key it was not given, so that an older reader falls back to the stored text", () => {
    expect(isNotificationMessageKey("task.reminder")).toBe(true);
    expect(isNotificationMessageKey("rewards.approved")).toBe(false);
    expect(renderNotification({ key: "rewards.approved", params: {} }, "en")).toBeUndefined();
  });

  it("labels every kind of task period in both languages, and leaves an unknown key as it is", () => {
    expect(["2023", "2023-Q1", "2023-12", "once"].map((key) => periodLabel(key, "zh-CN"))).toEqual([
      "2023年",
      "2023年第1季度",
      "2023年12月",
      "一次性任务",
    ]);
    expect(["2023", "2023-Q1", "2023-12", "once"].map((key) => periodLabel(key, "en"))).toEqual([
      "2023",
      "Q1 2023",
      "Dec 2023",
      "One-off",
    ]);
    expect(periodLabel("2023-13", "en")).toBe("2023-13");
    expect(periodLabel("later", "zh-CN")).toBe("later");
  });
});
