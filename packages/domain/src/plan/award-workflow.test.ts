/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { awardWorkflowOf } from "../rewards/workflow";
import { type PlanIssue, PlanValidationError, parsePlan, validatePlan } from "./load";
import type { PlanFile } from "./schema";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const load = (id: string) =>
  parsePlan(readFileSync(`${repoRoot}plans/${id}/plan.yaml`, "utf8"), `plans/${id}/plan.yaml`).plan;
const changjiang = load("changjiang-2021-2023");
const testDistrict = load("test-district-2024-2026");

/** The test district's plan with another award workflow (raw data, as a plan file would hold it). */
function withSteps(steps: unknown[] | undefined): unknown {
  const copy = structuredClone(testDistrict) as Record<string, unknown>;
  if (steps === undefined) delete copy.awardWorkflow;
  else copy.awardWorkflow = { steps };
  return copy;
}

function issuesOf(data: unknown): PlanIssue[] {
  try {
    validatePlan(data, "plan.json");
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues;
    throw error;
  }
  return [];
}

const confirm = { id: "confirm", kind: "confirm", name: "企业确认", nameEn: "Confirmation" };
const review = { id: "review", kind: "review", by: "office", name: "审核", nameEn: "Review" };
const publicity = { id: "publicity", kind: "publicity", days: 7, name: "公示", nameEn: "Public notice" };
const approve = { id: "approve", kind: "approve", by: "office", name: "审批", nameEn: "Approval" };
const pay = { id: "pay", kind: "pay", name: "拨付", nameEn: "Payment" };

describe("the award workflow in the plan format", () => {
  it("reads the shipped plans' workflows, each with a publicity step", () => {
    expect(changjiang.awardWorkflow?.steps.map((step) => step.kind)).toEqual([
      "confirm",
      "review",
      "publicity",
      "approve",
      "pay",
    ]);
    expect(changjiang.awardWorkflow?.steps.find((step) => step.kind === "publicity")?.days).toBe(7);
    expect(testDistrict.awardWorkflow?.steps.map((step) => `${step.kind}:${step.by ?? ""}`)).toEqual([
      "confirm:",
      "review:units",
      "review:duty",
      "publicity:",
      "approve:office",
      "pay:",
    ]);
  });

  it("fills in the actors a plan may leave out, and the default workflow without one", () => {
    const resolved = awardWorkflowOf(changjiang);
    expect(resolved.declared).toBe(true);
    expect(resolved.steps.map((step) => step.by)).toEqual(["enterprise", "office", "office", "duty", "duty"]);
    expect(resolved.steps.at(-1)?.duty).toBe("payRewards");
    const plain = validatePlan(withSteps(undefined), "plan.json").plan;
    expect(plain.awardWorkflow).toBeUndefined();
    const fallback = awardWorkflowOf(plain);
    expect(fallback.declared).toBe(false);
    expect(fallback.steps.map((step) => `${step.kind}:${step.by}`)).toEqual([
      "confirm:enterprise",
      "review:office",
      "approve:duty",
      "pay:duty",
    ]);
  });

  it("accepts a workflow without publicity or approval", () => {
    expect(issuesOf(withSteps([confirm, review, pay]))).toEqual([]);
    expect(issuesOf(withSteps([confirm, pay]))).toEqual([]);
  });

  it("refuses an unknown kind or actor with the field named", () => {
    const issues = issuesOf(withSteps([confirm, { ...review, kind: "vote" }, { ...pay, by: "leader" }]));
    expect(issues.map((issue) => issue.path)).toEqual(["awardWorkflow.steps[1].kind", "awardWorkflow.steps[2].by"]);
    expect(issues[0]?.message).toContain("confirm（企业确认）");
    expect(issues[1]?.message).toContain("duty（具有某项职责的单位）");
  });

  it("wants confirmation first, payment last, and each of them once", () => {
    const messages = (steps: unknown[]) => issuesOf(withSteps(steps)).map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages([review, confirm, pay])).toEqual([
      expect.stringMatching(/^awardWorkflow\.steps\[0\]\.kind: 第一个环节必须是 confirm/),
    ]);
    expect(messages([confirm, pay, review])).toEqual([
      expect.stringMatching(/^awardWorkflow\.steps\[2\]\.kind: 最后一个环节必须是 pay/),
    ]);
    expect(messages([confirm, { ...confirm, id: "again" }, pay])).toEqual([
      "awardWorkflow.steps[1].kind: 企业确认环节只能有一个",
    ]);
    expect(messages([confirm, { ...pay, id: "early" }, pay])).toEqual([
      "awardWorkflow.steps[2].kind: 拨付环节只能有一个",
    ]);
    expect(messages([confirm, { ...review, id: "confirm" }, pay])).toEqual([
      expect.stringContaining("awardWorkflow.steps[1].id: 环节编号“confirm”重复"),
    ]);
  });

  it("wants the publicity before the approval, with its days, and one of each", () => {
    const messages = (steps: unknown[]) => issuesOf(withSteps(steps)).map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages([confirm, approve, publicity, pay])).toEqual([
      "awardWorkflow.steps[2].kind: 公示环节必须在审批环节之前（异议处理完毕后才能审批）",
    ]);
    const { days: _days, ...withoutDays } = publicity;
    expect(messages([confirm, withoutDays, pay])).toEqual(["awardWorkflow.steps[1].days: 公示环节必须写明公示天数"]);
    expect(messages([confirm, { ...review, days: 3 }, pay])).toEqual([
      "awardWorkflow.steps[1].days: 只有公示环节可以写天数",
    ]);
    expect(messages([confirm, { ...publicity, days: 0 }, pay])).toEqual([
      "awardWorkflow.steps[1].days: 公示天数必须大于 0",
    ]);
    expect(messages([confirm, publicity, { ...publicity, id: "again" }, pay])).toEqual([
      "awardWorkflow.steps[2].kind: 公示环节只能有一个",
    ]);
    expect(messages([confirm, approve, { ...approve, id: "again" }, pay])).toEqual([
      "awardWorkflow.steps[2].kind: 审批环节只能有一个",
    ]);
  });

  it("pays only through the units holding payRewards", () => {
    const messages = (steps: unknown[], data?: (plan: Record<string, unknown>) => void) => {
      const plan = withSteps(steps) as Record<string, unknown>;
      data?.(plan);
      return issuesOf(plan).map((issue) => `${issue.path}: ${issue.message}`);
    };
    expect(messages([confirm, { ...pay, by: "office" }])).toEqual([
      expect.stringMatching(/^awardWorkflow\.steps\[1\]\.by: 拨付环节由具有 payRewards/),
    ]);
    expect(messages([confirm, { ...pay, by: "duty", duty: "confirmFigures" }])).toEqual([
      expect.stringMatching(/^awardWorkflow\.steps\[1\]\.by: 拨付环节由具有 payRewards/),
    ]);
    expect(messages([confirm, { ...pay, by: "duty", duty: "payRewards" }])).toEqual([]);
    const noPayer = messages([confirm, pay], (plan) => {
      for (const unit of plan.units as { duties?: string[] }[])
        unit.duties = (unit.duties ?? []).filter((duty) => duty !== "payRewards");
    });
    expect(noPayer).toEqual(["awardWorkflow.steps: 拨付环节需要至少一个具有 payRewards（拨付奖励）职责的单位"]);
  });

  it("checks who reviews and approves: the office, a duty some unit holds, or units of the plan", () => {
    const messages = (steps: unknown[]) => issuesOf(withSteps(steps)).map((issue) => `${issue.path}: ${issue.message}`);
    const { by: _by, ...anonymous } = review;
    expect(messages([confirm, anonymous, pay])).toEqual([
      "awardWorkflow.steps[1].by: 审核、审批环节必须写明办理主体（office、duty 或 units）",
    ]);
    expect(messages([confirm, { ...review, by: "enterprise" }, pay])).toEqual([
      "awardWorkflow.steps[1].by: 审核、审批环节不能由企业办理",
    ]);
    expect(messages([confirm, { ...review, by: "duty" }, pay])).toEqual([
      "awardWorkflow.steps[1].duty: by: duty 时必须写明职责（duty）",
    ]);
    expect(messages([confirm, { ...review, by: "duty", duty: "keepTalentLedger" }, pay])).toEqual([
      "awardWorkflow.steps[1].duty: 没有单位具有职责“keepTalentLedger”（units[].duties 中未给任何单位）",
    ]);
    expect(messages([confirm, { ...review, by: "units", units: ["economy-bureau", "nowhere-bureau"] }, pay])).toEqual([
      "awardWorkflow.steps[1].units[1]: 引用了不存在的单位“nowhere-bureau”（units 中没有此编号）",
    ]);
    expect(messages([confirm, { ...review, by: "units", units: [] }, pay])).toEqual([
      "awardWorkflow.steps[1].units: by: units 时必须列出办理单位",
    ]);
    expect(messages([confirm, { ...review, units: ["economy-bureau"] }, pay])).toEqual([
      "awardWorkflow.steps[1].units: 只有 by: units 的环节可以列出办理单位",
    ]);
    expect(messages([confirm, { ...review, duty: "payRewards" }, pay])).toEqual([
      "awardWorkflow.steps[1].duty: 只有 by: duty 的环节可以写职责（duty）",
    ]);
    expect(
      messages([{ ...confirm, by: "office" }, { ...publicity, by: "units", units: ["economy-bureau"] }, pay]),
    ).toEqual([
      "awardWorkflow.steps[0].by: confirm 环节的办理主体只能是 enterprise",
      "awardWorkflow.steps[1].by: publicity 环节的办理主体只能是 office",
    ]);
  });

  it("points at the line of a wrong step in the YAML file", () => {
    const text = readFileSync(`${repoRoot}plans/test-district-2024-2026/plan.yaml`, "utf8").replace(
      "      days: 5\n",
      "      days: 500\n",
    );
    try {
      parsePlan(text, "plan.yaml");
      expect.unreachable();
    } catch (error) {
      const issue = (error as PlanValidationError).issues[0]!;
      expect(issue.path).toMatch(/^awardWorkflow\.steps\[3\]\.days$/);
      expect(issue.message).toBe("公示天数不能超过 90 天");
      expect(text.split("\n")[issue.line! - 1]).toContain("days: 500");
    }
  });

  it("keeps the plan type's optional field optional for stored plans", () => {
    const stored: PlanFile = validatePlan(withSteps(undefined), "stored.json").plan;
    expect("awardWorkflow" in stored).toBe(false);
  });
});
