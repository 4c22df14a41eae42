import { describe, expect, it } from "vitest";
import {
  type AwardStep,
  awaitedStep,
  awardWorkflowOf,
  publicityEndsOn,
  publicityState,
  statusesAwaitingWithoutStoredStep,
  stepActorText,
  stepAfter,
  stepUnits,
} from "./workflow";

const steps: AwardStep[] = [
  { id: "confirm", kind: "confirm", name: "企业确认", nameEn: "Confirmation" },
  { id: "unit-review", kind: "review", by: "units", units: ["economy"], name: "部门审核", nameEn: "Unit review" },
  { id: "office-review", kind: "review", by: "office", name: "办公室审核", nameEn: "Office review" },
  { id: "publicity", kind: "publicity", days: 7, name: "公示", nameEn: "Public notice" },
  { id: "approve", kind: "approve", by: "duty", duty: "payRewards", name: "审批", nameEn: "Approval" },
  { id: "pay", kind: "pay", name: "拨付", nameEn: "Payment" },
];
const workflow = awardWorkflowOf({ awardWorkflow: { steps } });
const units = [
  { id: "office", name: "办公室", nameEn: "Office", kind: "office", duties: [] },
  { id: "economy", name: "区经信局", nameEn: "Economy bureau", kind: "department", duties: [] },
  { id: "fiscal", name: "区财政局", nameEn: "Finance bureau", kind: "department", duties: ["payRewards"] },
  { id: "treasury", name: "区国库中心", nameEn: "Treasury centre", kind: "department", duties: ["payRewards"] },
];

describe("the step an entitlement waits for", () => {
  it("is the stored step while the plan has it", () => {
    expect(awaitedStep(workflow, "reviewed", "office-review")?.id).toBe("office-review");
    expect(awaitedStep(workflow, "publicized", "approve")?.id).toBe("approve");
  });

  it("is read from the status for a row without a usable stored step", () => {
    expect(awaitedStep(workflow, "computed", null)?.id).toBe("confirm");
    expect(awaitedStep(workflow, "confirmed", null)?.id).toBe("unit-review");
    // Reviewed before the district declared two reviews: what follows the last review.
    expect(awaitedStep(workflow, "reviewed", "gone-step")?.id).toBe("publicity");
    expect(awaitedStep(workflow, "publicized", null)?.id).toBe("approve");
    expect(awaitedStep(workflow, "approved", null)?.id).toBe("pay");
  });

  it("falls to the next kind when the workflow has no step of the status's kind", () => {
    const short = awardWorkflowOf({
      awardWorkflow: { steps: [steps[0]!, steps[3]!, steps[5]!] },
    });
    // Reviewed under an older workflow, the review step gone: the publicity comes next.
    expect(awaitedStep(short, "reviewed", null)?.id).toBe("publicity");
    expect(awaitedStep(short, "approved", null)?.id).toBe("pay");
  });

  it("is none once paid, rejected or superseded", () => {
    for (const status of ["paid", "rejected", "superseded"] as const)
      expect(awaitedStep(workflow, status, "approve")).toBeNull();
  });

  it("lists the statuses that wait for a step when nothing is stored", () => {
    expect(statusesAwaitingWithoutStoredStep(workflow, "confirm")).toEqual(["computed"]);
    expect(statusesAwaitingWithoutStoredStep(workflow, "publicity")).toEqual(["reviewed"]);
    expect(statusesAwaitingWithoutStoredStep(workflow, "office-review")).toEqual([]);
  });

  it("follows the plan's order", () => {
    expect(stepAfter(workflow, workflow.steps[1]!)?.id).toBe("office-review");
    expect(stepAfter(workflow, workflow.steps[5]!)).toBeNull();
  });
});

describe("who acts at a step", () => {
  it("names the units of a duty or of the step, and the office", () => {
    expect(stepUnits({ units }, workflow.steps[4]!).map((unit) => unit.id)).toEqual(["fiscal", "treasury"]);
    expect(stepUnits({ units }, workflow.steps[1]!).map((unit) => unit.id)).toEqual(["economy"]);
    expect(stepActorText({ units }, workflow.steps[5]!, "zh")).toBe("区财政局、区国库中心");
    expect(stepActorText({ units }, workflow.steps[5]!, "en")).toBe("Finance bureau, Treasury centre");
    expect(stepActorText({ units }, workflow.steps[3]!, "zh")).toBe("办公室");
    expect(stepActorText({ units }, workflow.steps[0]!, "zh")).toBe("企业");
  });
});

describe("a publicity's days", () => {
  it("counts the first day, across month ends", () => {
    expect(publicityEndsOn("2024-03-01", 7)).toBe("2024-03-07");
    expect(publicityEndsOn("2024-02-26", 5)).toBe("2024-03-01");
    expect(publicityEndsOn("2023-12-30", 3)).toBe("2024-01-01");
  });

  it("is upcoming before its first day, open through its last, closed after", () => {
    expect(publicityState("2024-03-01", "2024-03-07", "2024-02-29")).toBe("upcoming");
    expect(publicityState("2024-03-01", "2024-03-07", "2024-03-01")).toBe("open");
    expect(publicityState("2024-03-01", "2024-03-07", "2024-03-07")).toBe("open");
    expect(publicityState("2024-03-01", "2024-03-07", "2024-03-08")).toBe("closed");
  });
});
