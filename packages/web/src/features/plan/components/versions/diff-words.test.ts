import { diffPlans, type PlanEntryChange } from "@beizeng/domain/plan/diff";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { describe, expect, it } from "vitest";
import planText from "../../../../../../../plans/test-district-2024-2026/plan.yaml?raw";
import { translate } from "../../../../shared/i18n/i18n";
import { setAt } from "../editor/draft";
import { choiceMeaning } from "../parameter-words";
import { type DiffWords, describePath, entryTitle, fieldName, fieldWords } from "./diff-words";

const plan = parsePlan(planText, "plan.yaml").plan;
const zh = (plans: PlanFile[]): DiffWords => ({
  plans,
  language: "zh",
  t: (key, values) => translate("zh-CN", key, values),
});
const en = (plans: PlanFile[]): DiffWords => ({
  plans,
  language: "en",
  t: (key, values) => translate("en", key, values),
});

function lines(before: PlanFile, after: PlanFile, words: DiffWords): string[] {
  return diffPlans(before, after).changes.flatMap((change: PlanEntryChange) => [
    `${entryTitle(change, words)}`,
    ...change.fields.map((field) => {
      const text = fieldWords(field, change, words);
      return `${text.label}：${text.before} → ${text.after}`;
    }),
  ]);
}

describe("a plan's difference in the reader's words", () => {
  it("names a unit's kind and duties in words, never by their keys", () => {
    const index = plan.units.findIndex((unit) => unit.kind === "town");
    const unit = plan.units[index];
    if (!unit) throw new Error("the test plan has a town");
    let after = setAt(plan, ["units", index, "kind"], "street");
    after = setAt(after, ["units", index, "duties"], ["payRewards", "confirmFigures"]);
    expect(lines(plan, after, zh([after, plan]))).toEqual([
      unit.name,
      "类型：乡镇 → 街道",
      `职责：${unit.duties.length === 0 ? "（空）" : unit.duties.map((duty) => translate("zh-CN", `unitDuty.${duty}`)).join("、")} → 拨付奖励、确认企业数据`,
    ]);
    expect(lines(plan, after, en([after, plan]))[0]).toBe(unit.nameEn);
  });

  it("writes amounts exactly, in 亿元 when whole, and targets in their own unit", () => {
    const yuanTarget = plan.targets.findIndex((target) => target.unit === "yuan");
    const after = setAt(
      setAt(plan, ["targets", yuanTarget, "value"], "45000000000"),
      ["aboveScaleThreshold"],
      "25000000.5",
    );
    const text = lines(plan, after, zh([after, plan]));
    expect(text).toContain("规上门槛：2000 万元 → 25,000,000.50 元");
    expect(text.some((line) => line.startsWith("数值：") && line.endsWith("→ 450 亿元"))).toBe(true);
  });

  it("names a choice by what it means", () => {
    const index = plan.parameters.findIndex((parameter) => parameter.allowed && typeof parameter.value === "string");
    const parameter = plan.parameters[index];
    if (!parameter?.allowed) throw new Error("the test plan has a choice parameter");
    const other = parameter.allowed.find((value) => value !== parameter.value) as string;
    const after = setAt(plan, ["parameters", index, "value"], other);
    const words = zh([after, plan]);
    const [title, line] = lines(plan, after, words);
    expect(title).toBe(parameter.description);
    expect(line).toBe(
      `数值：${choiceMeaning(parameter.description, String(parameter.value)) ?? parameter.value} → ${choiceMeaning(parameter.description, other) ?? other}`,
    );
  });

  it("names fields and paths for a reader", () => {
    const words = zh([plan]);
    expect(fieldName("tiers[1].amount", words)).toBe("档次 2 金额");
    expect(fieldName("aboveScaleThreshold", words)).toBe("规上门槛");
    expect(fieldName("tiers[1].amount", en([plan]))).toBe("tier 2 amount");
    const rule = plan.rewards[0];
    expect(describePath("rewards[0].quote", plan, words)).toBe(`奖励条款“${rule?.name}” 引文`);
    expect(describePath("rewards[99].quote", plan, words)).toBeNull();
  });
});

describe("what a choice means", () => {
  const zhText = "同一年内首次突破多档：each = 每档各自作为首次突破给予奖励（默认）；highest = 只奖励最高一档";
  const enText =
    "How it compares: gt = strictly above the threshold (default); gte = reaching it counts. Also decides G1";

  it("is read from the parameter's description, value by value", () => {
    expect(choiceMeaning(zhText, "each")).toBe("每档各自作为首次突破给予奖励（默认）");
    expect(choiceMeaning(zhText, "highest")).toBe("只奖励最高一档");
    expect(choiceMeaning(enText, "gt")).toBe("strictly above the threshold (default)");
    expect(choiceMeaning(enText, "gte")).toBe("reaching it counts");
    expect(choiceMeaning("none = 不给予增幅奖励，说明中注明缺少数据", "none")).toBe(
      "不给予增幅奖励，说明中注明缺少数据",
    );
  });

  it("is null when the description does not spell the value out", () => {
    expect(choiceMeaning(zhText, "lowest")).toBeNull();
    expect(choiceMeaning("gte = 达到即算", "gt")).toBeNull();
  });
});
