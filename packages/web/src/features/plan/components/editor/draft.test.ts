import { parsePlan } from "@beizeng/domain/plan/load";
import { describe, expect, it } from "vitest";
// A shipped plan whose parameters decide targets' comparisons and hold project thresholds.
import planText from "../../../../../../../plans/changjiang-2021-2023/plan.yaml?raw";
import {
  amountUnitOf,
  editablePaths,
  getAt,
  nextUnitId,
  nextVersionNumber,
  parameterLinks,
  pathText,
  percentToRate,
  rateToPercent,
  setAt,
  shiftDecimal,
  updateDraft,
  yuanFromInput,
  yuanToInput,
} from "./draft";

const plan = parsePlan(planText, "plan.yaml").plan;

describe("the plan's working copy", () => {
  it("names a field as the plan's validation does", () => {
    expect(pathText(["rewards", 4, "tiers", 1, "amount"])).toBe("rewards[4].tiers[1].amount");
    expect(pathText(["aboveScaleThreshold"])).toBe("aboveScaleThreshold");
  });

  it("replaces one value and copies only the objects on its way", () => {
    const next = setAt(plan, ["units", 0, "name"], "新名称");
    expect(next.units[0]?.name).toBe("新名称");
    expect(plan.units[0]?.name).not.toBe("新名称");
    expect(next.units[1]).toBe(plan.units[1]);
    expect(next.rewards).toBe(plan.rewards);
    expect(getAt(next, ["units", 0, "name"])).toBe("新名称");
  });

  it("keeps a target's comparison with the parameter that decides it", () => {
    const index = plan.parameters.findIndex((parameter) =>
      plan.targets.some((target) => target.comparisonParameter === parameter.id),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const id = plan.parameters[index]?.id ?? "";
    const next = updateDraft(plan, ["parameters", index, "value"], "gte");
    const linked = next.targets.filter((target) => target.comparisonParameter === id);
    expect(linked.length).toBeGreaterThan(0);
    for (const target of linked) expect(target.comparison).toBe("gte");
    expect(parameterLinks(plan, id).targets).toEqual(linked.map((target) => target.id));
  });

  it("keeps a tier's threshold and its parameter equal, whichever is edited", () => {
    const ruleIndex = plan.rewards.findIndex(
      (rule) => rule.kind === "formula" && rule.tiers?.steps.some((step) => step.fromParameter !== undefined),
    );
    const rule = plan.rewards[ruleIndex];
    if (rule?.kind !== "formula" || rule.tiers === undefined)
      throw new Error("the plan has a tier held by a parameter");
    const stepIndex = rule.tiers.steps.findIndex((step) => step.fromParameter !== undefined);
    const parameterId = rule.tiers.steps[stepIndex]?.fromParameter;
    const parameterIndex = plan.parameters.findIndex((parameter) => parameter.id === parameterId);
    expect(parameterIndex).toBeGreaterThanOrEqual(0);

    const byTier = updateDraft(plan, ["rewards", ruleIndex, "tiers", "steps", stepIndex, "from"], "123");
    expect(byTier.parameters[parameterIndex]?.value).toBe("123");
    const byParameter = updateDraft(plan, ["parameters", parameterIndex, "value"], "456");
    const after = byParameter.rewards[ruleIndex];
    expect(after?.kind === "formula" && after.tiers?.steps[stepIndex]?.from).toBe("456");
    expect(parameterLinks(plan, parameterId ?? "").rewards).toEqual([rule.id]);
    expect(editablePaths(plan).has(`rewards[${ruleIndex}].tiers.steps[${stepIndex}].from`)).toBe(true);
  });

  it("gives a new unit an id no unit of the district ever had", () => {
    expect(nextUnitId(plan)).toBe("unit-1");
    const withOne = { ...plan, units: [...plan.units, { ...plan.units[0], id: "unit-3" } as (typeof plan.units)[0]] };
    expect(nextUnitId(withOne)).toBe("unit-4");
    expect(nextUnitId(withOne, ["unit-7", "unit-x"])).toBe("unit-8");
  });

  it("numbers the saved version above the current one and every stored one", () => {
    expect(nextVersionNumber({ ...plan, version: 2 }, [])).toBe(3);
    expect(
      nextVersionNumber({ ...plan, version: 2 }, [
        { planId: plan.id, version: 5 },
        { planId: "another-plan", version: 9 },
      ]),
    ).toBe(6);
  });
});

describe("numbers typed in the forms", () => {
  it("reads amounts in 元 or 万元 exactly, to the fen", () => {
    expect(yuanFromInput("250", "万元")).toBe("2500000");
    expect(yuanFromInput("0.01", "万元")).toBe("100");
    expect(yuanFromInput("1.234567", "万元")).toBe("12345.67");
    expect(yuanFromInput("1.2345678", "万元")).toBeNull();
    expect(yuanFromInput("12345.67", "元")).toBe("12345.67");
    expect(yuanFromInput("12345.678", "元")).toBeNull();
    expect(yuanFromInput("1,000", "元")).toBeNull();
    expect(yuanFromInput("-5", "元")).toBeNull();
    expect(yuanFromInput("1e6", "元")).toBeNull();
    expect(yuanFromInput("", "万元")).toBeNull();
    // 0.1 + 0.2 in floating point is not 0.3; the form's amounts are.
    expect(yuanFromInput("0.3", "万元")).toBe("3000");
  });

  it("writes amounts back in the unit chosen", () => {
    expect(yuanToInput("2000000", "万元")).toBe("200");
    expect(yuanToInput("12345.67", "万元")).toBe("1.234567");
    expect(yuanToInput("12345.60", "元")).toBe("12345.6");
    expect(yuanToInput("99999999999999999", "万元")).toBe("9999999999999.9999");
    expect(yuanToInput("40000000000", "亿元")).toBe("400");
    expect(yuanFromInput("4.5", "亿元")).toBe("450000000");
  });

  it("shows an amount in the largest unit it is a whole number of", () => {
    expect(amountUnitOf("40000000000")).toBe("亿元");
    expect(amountUnitOf("2000000")).toBe("万元");
    expect(amountUnitOf("12345.67")).toBe("元");
    expect(amountUnitOf("5000")).toBe("元");
    expect(amountUnitOf("0")).toBe("元");
  });

  it("turns rates into percentages and back by moving the point", () => {
    expect(rateToPercent("0.05")).toBe("5");
    expect(rateToPercent("0.125")).toBe("12.5");
    expect(rateToPercent("1")).toBe("100");
    expect(percentToRate("5")).toBe("0.05");
    expect(percentToRate("12.5")).toBe("0.125");
    expect(percentToRate("0.07")).toBe("0.0007");
    expect(percentToRate("5%")).toBeNull();
    expect(shiftDecimal("0.29", 2)).toBe("29");
    expect(percentToRate("29")).toBe("0.29");
  });
});

describe("the fields the forms show", () => {
  it("lists the numbers of every reward, the units' words and the targets' values by their validation paths", () => {
    const paths = editablePaths(plan);
    expect(paths.has("aboveScaleThreshold")).toBe(true);
    const listing = plan.rewards.findIndex((rule) => rule.id === "R-LISTED-MOVE");
    expect(paths.has(`rewards[${listing}].amount`)).toBe(true);
    expect(paths.has(`rewards[${listing}].quote`)).toBe(false);
    expect(paths.has("units[0].duties")).toBe(true);
    expect(paths.has("units[0].id")).toBe(false);
    const withMilestones = plan.targets.findIndex((target) => target.yearly.length > 0);
    expect(paths.has(`targets[${withMilestones}].yearly[0].value`)).toBe(true);
    expect(paths.has(`parameters[${plan.parameters.length - 1}].value`)).toBe(true);
  });
});
