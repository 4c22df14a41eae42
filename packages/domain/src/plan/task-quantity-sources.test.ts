/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TASK_QUANTITY_SOURCES } from "../supervision/quantity-sources";
import { PlanValidationError, parsePlan } from "./load";
import { MEASUREMENT_UNITS } from "./vocabulary";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const CHANGJIANG = "plans/changjiang-2021-2023/plan.yaml";
const shipped = readFileSync(`${repoRoot}${CHANGJIANG}`, "utf8");
/** The shipped plan, its task of recovering idle land counting in `unit` from `source`. */
function withSource(unit: string, source: string): string {
  const task = /(titleEn: Recover idle land\n {8}cycle: quarterly\n) {8}quantityUnit: mu\n( {8}quantityFrom: .*\n)?/;
  if (!task.test(shipped)) throw new Error("the plan's task of recovering idle land has changed");
  return shipped.replace(task, `$1        quantityUnit: ${unit}\n        quantityFrom: ${source}\n`);
}

function messagesOf(text: string): string[] {
  try {
    parsePlan(text, CHANGJIANG);
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error("the broken plan loaded");
}

describe("a plan task whose quantity is computed from records (quantityFrom)", () => {
  it("refuses a source the product does not know, naming the task's path", () => {
    const [message] = messagesOf(withSource("mu", "land.idleAreaSold"));
    expect(message).toMatch(
      /^measures\[0\]\.tasks\[2\]\.quantityFrom: 未知的任务数量来源（允许：.*land\.idleAreaRecovered/,
    );
  });

  it("refuses a task counting in another unit than its source", () => {
    expect(messagesOf(withSource("count", "land.idleAreaRecovered"))).toEqual([
      "measures[0].tasks[2].quantityUnit: 数量来源“land.idleAreaRecovered”（收回闲置用地面积（地块台账））以 mu 计量，任务的 quantityUnit 必须是 mu，实际为 count",
    ]);
  });

  it("loads the task counting in its source's unit", () => {
    const { plan } = parsePlan(withSource("mu", "land.idleAreaRecovered"), CHANGJIANG);
    const task = plan.measures[0]?.tasks.find((candidate) => candidate.id === "M1-idle-land");
    expect(task?.quantityFrom).toBe("land.idleAreaRecovered");
  });

  it("declares every source with both languages' words and a measurement unit of the plan format", () => {
    for (const [id, source] of Object.entries(TASK_QUANTITY_SOURCES)) {
      expect(id).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
      expect(source.zh).toMatch(/\p{Script=Han}/u);
      expect(source.en).toMatch(/^[A-Z]/);
      expect(MEASUREMENT_UNITS).toContain(source.unit);
    }
  });
});
