import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseYuan } from "../money";
import { parsePlan } from "../plan/load";
import { projectCategory, projectCategoryThresholds, projectPipelineUnitIds } from "./category";

const planFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../plans/changjiang-2021-2023/plan.yaml",
);
const plan = parsePlan(readFileSync(planFile, "utf8"), "plan.yaml").plan;

describe("project category from the plan's thresholds", () => {
  const thresholds = projectCategoryThresholds(plan);

  it("reads 50亿, 20亿 and 2000万 from the plan", () => {
    expect(thresholds).toEqual({
      fifty: parseYuan("5000000000"),
      twenty: parseYuan("2000000000"),
      industrial: parseYuan("20000000"),
    });
  });

  it("puts each threshold itself in its category, one fen less in the next", () => {
    expect(projectCategory(parseYuan("5000000000"), thresholds)).toBe("50");
    expect(projectCategory(parseYuan("4999999999.99"), thresholds)).toBe("20");
    expect(projectCategory(parseYuan("2000000000"), thresholds)).toBe("20");
    expect(projectCategory(parseYuan("1999999999.99"), thresholds)).toBe("industrial");
    expect(projectCategory(parseYuan("20000000"), thresholds)).toBe("industrial");
    expect(projectCategory(parseYuan("19999999.99"), thresholds)).toBe("other");
  });

  it("follows a changed parameter", () => {
    const lowered = projectCategoryThresholds(plan, { project50Threshold: "4000000000" });
    expect(projectCategory(parseYuan("4000000000"), lowered)).toBe("50");
  });

  it("finds the pipeline's lead units in the plan (M2 区商务局, M5 区发改委)", () => {
    expect(projectPipelineUnitIds(plan).sort()).toEqual(["commerce-bureau", "development-reform-commission"]);
  });
});
