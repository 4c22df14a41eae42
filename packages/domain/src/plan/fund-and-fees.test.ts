/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PlanValidationError, parsePlan } from "./load";
import { unitsWithDuty } from "./lookup";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const CHANGJIANG = "plans/changjiang-2021-2023/plan.yaml";
const TEST_DISTRICT = "plans/test-district-2024-2026/plan.yaml";
const read = (path: string) => readFileSync(`${repoRoot}${path}`, "utf8");

function messagesOf(text: string, file: string): string[] {
  try {
    parsePlan(text, file);
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error("the broken plan loaded");
}

describe("the fee list's keeper, its complaint category and the fund in a plan", () => {
  it("reads Changjiang's keeper of the fee list and its category for fee complaints", () => {
    const { plan } = parsePlan(read(CHANGJIANG), CHANGJIANG);
    expect(unitsWithDuty(plan, "keepFeeList").map((unit) => unit.name)).toEqual(["区发改委"]);
    expect(plan.requestCategories.filter((category) => category.feeComplaints).map((category) => category.id)).toEqual([
      "fees",
    ]);
    expect(plan.fund).toBeUndefined();
  });

  it("reads the test district's yearly fund and its sources", () => {
    const { plan } = parsePlan(read(TEST_DISTRICT), TEST_DISTRICT);
    expect(plan.fund?.sources.map((source) => [source.id, source.yearly])).toEqual([
      ["high-tech-park", "10000000"],
      ["district-budget", "5000000"],
    ]);
  });

  it("refuses a second category for fee complaints, a source amount that is not yuan and a repeated source", () => {
    const text = read(TEST_DISTRICT)
      .replace("    units: [fiscal-bureau]\n", "    units: [fiscal-bureau]\n    feeComplaints: true\n")
      .replace("    units: [investment-bureau]\n", "    units: [investment-bureau]\n    feeComplaints: true\n")
      .replace('yearly: "5000000"', "yearly: 5000000")
      .replace("id: district-budget", "id: high-tech-park");
    const messages = messagesOf(text, TEST_DISTRICT);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^fund\.sources\[1\]\.yearly: 必须是十进制金额字符串/)]),
    );
    const structural = messagesOf(
      read(TEST_DISTRICT).replace("id: district-budget", "id: high-tech-park"),
      TEST_DISTRICT,
    );
    expect(structural).toEqual([expect.stringMatching(/^fund\.sources\[1\]\.id: .*high-tech-park/)]);
    const twoCategories = messagesOf(
      read(TEST_DISTRICT)
        .replace("    units: [fiscal-bureau]\n", "    units: [fiscal-bureau]\n    feeComplaints: true\n")
        .replace("    units: [investment-bureau]\n", "    units: [investment-bureau]\n    feeComplaints: true\n"),
      TEST_DISTRICT,
    );
    expect(twoCategories).toEqual([
      "requestCategories[2].feeComplaints: 只能有一个诉求类别受理涉企收费投诉（feeComplaints）",
    ]);
  });
});
