import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PlanValidationError, parsePlan } from "../load";
import type { PlanFile } from "../schema";
import { draftPlan } from "./draft-plan";
import { fillMarks } from "./fixtures/fill-marks";
import { unfilledReviewMarks } from "./review-marks";

const root = new URL("../../../../../", import.meta.url);
const seedText = readFileSync(new URL("plans/changjiang-2021-2023/document.txt", root), "utf8");
const shipped = parsePlan(
  readFileSync(new URL("plans/changjiang-2021-2023/plan.yaml", root), "utf8"),
  "plan.yaml",
).plan;

/** Every amount and rate a shipped rule writes: its amounts, thresholds and rates, as decimal strings. */
function figuresOf(rule: PlanFile["rewards"][number]): string[] {
  const figures: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === "string" && /^(amount|threshold|rate|minInvestment|from)$/.test(key)) figures.push(value);
    else if (Array.isArray(value)) for (const item of value) visit(item, key);
    else if (typeof value === "object" && value !== null)
      for (const [inner, item] of Object.entries(value)) {
        // A threshold the plan keeps as a parameter (the "50 project"'s 50亿) is not written in the sentence.
        if (inner === "from" && "fromParameter" in value) continue;
        visit(item, inner);
      }
  };
  visit(rule, "");
  return figures.map((figure) => figure.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""));
}

describe("a plan drafted from the Changjiang document agrees with the shipped plan", () => {
  const draft = draftPlan(seedText);

  it("splits the clauses as the document numbers them, each text verbatim", () => {
    const agree = shipped.clauses.filter((clause) =>
      draft.clauses.some((drafted) => drafted.id === clause.id && drafted.text === clause.text),
    );
    expect(draft.clauses.map((clause) => clause.id)).toEqual(shipped.clauses.map((clause) => clause.id));
    expect(agree.map((clause) => clause.id)).toEqual(shipped.clauses.map((clause) => clause.id));
    expect(draft.clauses.map((clause) => clause.section)).toEqual(shipped.clauses.map((clause) => clause.section));
    expect(draft.clauses.map((clause) => clause.title)).toEqual(shipped.clauses.map((clause) => clause.title));
  });

  it("finds every unit the document names, one entry per unit, with the shipped plan's kinds", () => {
    const shippedByName = new Map(
      shipped.units.flatMap((unit) => [unit.name, ...unit.aliases].map((name) => [name, unit] as const)),
    );
    // Every drafted unit is a unit of the shipped plan, of the same kind, and no two drafted units are one.
    const matched = draft.units.map((unit) => shippedByName.get(unit.name));
    expect(matched.every((unit) => unit !== undefined)).toBe(true);
    expect(new Set(matched.map((unit) => unit?.id)).size).toBe(draft.units.length);
    expect(draft.units.map((unit) => unit.kind)).toEqual(matched.map((unit) => unit?.kind));
    // Every shipped unit the document names is found; the rest (西郊街道 …) are not in the document.
    const named = shipped.units.filter((unit) =>
      [unit.name, ...unit.aliases].some((name) => seedText.replace(/\s/g, "").includes(name)),
    );
    const found = named.filter((unit) => matched.some((match) => match?.id === unit.id));
    expect(found.map((unit) => unit.id)).toEqual(named.map((unit) => unit.id));
    expect(found.length).toBe(22);
    // …and the leading group's office, which the document sets up (领导小组下设办公室，设在区工信局) without its name.
    expect(draft.units.length).toBe(23);
    // The aliases the shipped plan lists for names written two ways are found as aliases.
    const aliases = draft.units.flatMap((unit) => unit.aliases);
    expect(aliases).toEqual(expect.arrayContaining(["市自然资源规划局昌江分局", "区生态环境局", "区应急局"]));
  });

  it("quotes every sentence the shipped rules quote, with their amounts, thresholds and rates", () => {
    for (const rule of shipped.rewards) {
      const sentence = draft.money.find((money) => money.quote === rule.quote);
      expect(sentence, rule.id).toBeDefined();
      const read = [...(sentence?.amounts ?? []), ...(sentence?.rates ?? [])];
      for (const figure of figuresOf(rule)) {
        expect(read, `${rule.id} ${figure}`).toContain(figure);
      }
    }
    // No sentence is taken for a promise of money that the shipped plan does not reward.
    expect(draft.money.map((money) => money.quote).sort()).toEqual(shipped.rewards.map((rule) => rule.quote).sort());
  });

  it("reads each rule's figures into the rule's structure", () => {
    const shapeOf = (start: string) => draft.money.find((money) => money.quote.startsWith(start))?.shape;
    expect(shapeOf("对营业收入首次突破 50")).toEqual({
      kind: "tiers",
      compare: "gt",
      steps: [
        { from: "5000000000", amount: "1000000" },
        { from: "10000000000", amount: "2000000" },
        { from: "30000000000", amount: "6000000" },
      ],
    });
    expect(shapeOf("规模以上工业企业（当年新增")).toMatchObject({ kind: "growth", growthOf: "revenue", compare: "gt" });
    expect(shapeOf("对年度新进入规模企业名录库")).toEqual({ kind: "amount", amount: "30000" });
    expect(shapeOf("对落户昌江区的“中国制造业")).toEqual({ kind: "caseByCase" });
    expect(shapeOf("对于工业企业技术改造投资额")).toEqual({ kind: "percent", rates: ["0.01"] });
  });

  it("finds the targets the shipped plan states with a figure, with their values", () => {
    const agree = shipped.targets.filter((target) =>
      draft.targets.some(
        (drafted) =>
          drafted.clause === target.clause &&
          (drafted.quote.includes(target.quote.replace(/。$/, "")) || target.quote.includes(drafted.quote)) &&
          drafted.value === target.value,
      ),
    );
    // Not found: T-M7c, a range (1–2 listings), and T-M10 (帮扶全覆盖), which states no figure.
    expect(agree.map((target) => target.id)).toEqual([
      "G1",
      "G2-50",
      "G2-20",
      "G3-NET",
      "G3-TOTAL",
      "T-M2a",
      "T-M2a-50",
      "T-M2b",
      "T-M5",
      "T-M7a",
      "T-M7b",
      "T-M9",
    ]);
    expect(draft.targets.length).toBe(14);
  });

  it("copes with page numbers, running headers and Windows line ends the extraction leaves", () => {
    // Every 23rd line a page break: a page number, then the running header, as a PDF's text gives them.
    const lines = seedText.split("\n");
    const paged: string[] = [];
    lines.forEach((line, index) => {
      paged.push(line);
      if (index > 0 && index % 23 === 0) paged.push("", `- ${index / 23} -`, "", "昌江区工业倍增三年行动计划", "");
    });
    const again = draftPlan(paged.join("\r\n"));
    expect(again.clauses.map((clause) => clause.text)).toEqual(shipped.clauses.map((clause) => clause.text));
    expect(again.dropped).toContain("- 3 -");
    expect(again.dropped).toContain("昌江区工业倍增三年行动计划");
    expect(again.money.map((money) => money.quote)).toEqual(draft.money.map((money) => money.quote));
  });

  it("reads the header: number, issuers, dates, title and period", () => {
    expect(draft.header).toEqual({
      number: shipped.document.number,
      issuers: shipped.document.issuers,
      signed: shipped.document.signed,
      issued: shipped.document.issued,
      title: shipped.title,
    });
    expect(draft.plan.period).toEqual(shipped.period);
  });
});

describe("the loader and a draft", () => {
  const draft = draftPlan(seedText);

  it("refuses the draft while its marked fields are unfilled, naming each in Chinese", () => {
    expect(draft.marks.length).toBeGreaterThan(0);
    let error: unknown;
    try {
      parsePlan(draft.yaml, "草稿.yaml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PlanValidationError);
    const issues = (error as PlanValidationError).issues;
    expect(issues.length).toBe(draft.marks.length);
    expect(issues.map((issue) => issue.path)).toContain("rewards[0].per");
    expect(issues.find((issue) => issue.path === "rewards[0].per")).toMatchObject({
      clause: "M2",
      message: expect.stringContaining("尚未填写"),
      line: expect.any(Number),
    });
    expect((error as Error).message).toContain("district.code");
  });

  it("loads once a person has filled every mark", () => {
    const filled = fillMarks(parse(draft.yaml) as Record<string, unknown>);
    expect(unfilledReviewMarks(filled)).toEqual([]);
    const loaded = parsePlan(JSON.stringify(filled), "草稿.json").plan;
    expect(loaded.clauses.length).toBe(20);
    expect(loaded.rewards.length).toBe(10);
    expect(loaded.rewards.every((rule) => rule.kind === "formula")).toBe(true);
  });

  it("keeps the district's own plan, units and settings when drafted as its next version", () => {
    const next = draftPlan(seedText, { base: shipped });
    expect(next.plan.id).toBe(shipped.id);
    expect(next.plan.version).toBe(shipped.version + 1);
    expect(next.plan.district).toEqual(shipped.district);
    // Units named in the document take the ids they have; none is new, none is left out.
    expect(next.units.every((unit) => unit.known)).toBe(true);
    const unitIds = (next.plan.units as { id: string }[]).map((unit) => unit.id);
    expect(unitIds).toEqual(shipped.units.map((unit) => unit.id));
    const measures = next.plan.measures as { id: string; lead: string[]; responsible: string[] }[];
    const m4 = shipped.measures.find((measure) => measure.id === "M4");
    expect(measures.find((measure) => measure.id === "M4")).toMatchObject({
      lead: m4?.lead,
      responsible: m4?.responsible,
    });
    const filled = fillMarks(next.plan);
    expect(() => parsePlan(JSON.stringify(filled), "草稿.json")).not.toThrow();
  });
});
