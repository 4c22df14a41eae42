import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import { describe, expect, it } from "vitest";
import { StoredPlanCache, storedPlanInvalid } from "./plan-reader";

const PLAN_FILE = "plans/test-district-2024-2026/plan.yaml";
const planText = readFileSync(fileURLToPath(new URL(`../../../../../${PLAN_FILE}`, import.meta.url)), "utf8");
const plan = parsePlan(planText, PLAN_FILE).plan;

function row(content: string, version = plan.version) {
  return { district_id: plan.district.code, plan_id: plan.id, version, content };
}

describe("StoredPlanCache", () => {
  it("parses a stored text once and hands the same frozen plan to every reader of that text", () => {
    const cache = new StoredPlanCache();
    // Two distinct strings with equal text, as two reads of the same row return them.
    const first = cache.planOf(row(JSON.stringify(plan)));
    const second = cache.planOf(row(JSON.stringify(plan)));
    expect(second.plan).toBe(first.plan);
    expect(first.plan).toEqual(plan);
    expect(first).toMatchObject({ planId: plan.id, version: plan.version });
    expect(Object.isFrozen(first.plan.rewards[0])).toBe(true);
  });

  it("parses again when the same version is stored with other content, and keeps each version apart", () => {
    const cache = new StoredPlanCache();
    const before = cache.planOf(row(JSON.stringify(plan)));
    const retitled = cache.planOf(row(JSON.stringify({ ...plan, title: "新的标题" })));
    expect(retitled.plan).not.toBe(before.plan);
    expect(retitled.plan.title).toBe("新的标题");

    const next = cache.planOf(row(JSON.stringify({ ...plan, version: plan.version + 1 }), plan.version + 1));
    expect(next.version).toBe(plan.version + 1);
    expect(next.plan.version).toBe(plan.version + 1);
    expect(cache.planOf(row(JSON.stringify({ ...plan, title: "新的标题" }))).plan).toBe(retitled.plan);
  });

  it("refuses stored text that is not a valid plan, naming the field, and keeps nothing of it", () => {
    const cache = new StoredPlanCache();
    const broken = { ...plan, period: { ...plan.period, endYear: "2026年" } };
    expect(() => cache.planOf(row(JSON.stringify(broken)))).toThrow(PlanValidationError);
    expect(() => cache.planOf(row("{not json"))).toThrow(/存储的内容不是有效的 JSON/);
    // A later valid text of the same version is read normally.
    expect(cache.planOf(row(JSON.stringify(plan))).plan.title).toBe(plan.title);
  });
});

describe("storedPlanInvalid", () => {
  it("is a Chinese server error naming the district, the plan, its version and the problems", () => {
    const cache = new StoredPlanCache();
    const broken = { ...plan, period: { ...plan.period, endYear: "2026年" } };
    let issues: PlanValidationError["issues"] = [];
    try {
      cache.planOf(row(JSON.stringify(broken), 4));
    } catch (error) {
      if (error instanceof PlanValidationError) issues = error.issues;
    }
    const error = storedPlanInvalid(row("", 4), "云溪区", issues);
    expect(error.statusCode).toBe(500);
    expect(error.code).toBe("stored_plan_invalid");
    expect(error.message).toMatch(
      /^云溪区（990101）存储的行动方案“test-district-2024-2026”第 4 版未通过校验（1 处错误），请修正方案文件后重新加载：period\.endYear：必须是四位年份数字/,
    );
    expect(error.details).toEqual([{ path: "period.endYear", message: expect.stringContaining("2026年") }]);
    expect(storedPlanInvalid(row("", 4), undefined, issues).message).toMatch(/^区划 990101 存储的行动方案/);
  });

  it("lists the first three problems and counts the rest", () => {
    const issues = ["a", "b", "c", "d", "e"].map((path) => ({ file: "", path, message: `${path} 有误` }));
    const message = storedPlanInvalid(row("", 2), "云溪区", issues).message;
    expect(message).toContain("（5 处错误）");
    expect(message).toContain("a：a 有误；b：b 有误；c：c 有误；另有 2 处");
    expect(message).not.toContain("d 有误");
  });
});
