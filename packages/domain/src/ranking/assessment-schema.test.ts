import { describe, expect, it } from "vitest";
import { assessmentSchema } from "../plan/schema";

const indicator = (id: string, weight: string) => ({
  id,
  metric: "taskCompletionRate",
  name: id,
  weight,
  direction: "higher",
});

describe("plan assessment indicators", () => {
  it("accepts weights summing to exactly 1", () => {
    expect(assessmentSchema.safeParse({ indicators: [indicator("a", "0.35"), indicator("b", "0.65")] }).success).toBe(
      true,
    );
  });

  it("refuses weights that do not sum to 1, and duplicate ids, in Chinese", () => {
    const result = assessmentSchema.safeParse({ indicators: [indicator("a", "0.3"), indicator("a", "0.6")] });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain("各考核指标的权重之和必须等于 1");
    expect(messages.some((message) => message.includes("重复"))).toBe(true);
  });
});
