/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffPlans } from "./diff";
import { parsePlan } from "./load";
import type { PlanFile } from "./schema";

const FILE = "plans/test-district-2024-2026/plan.yaml";
const text = readFileSync(fileURLToPath(new URL(`../../../../${FILE}`, import.meta.url)), "utf8");
const plan = parsePlan(text, FILE).plan;
const copy = (): PlanFile => structuredClone(plan) as PlanFile;

describe("diffPlans", () => {
  it("finds nothing between a plan and itself", () => {
    expect(diffPlans(plan, copy())).toEqual({ changes: [], summary: [] });
  });

  it("names a changed tier amount by its path, as yuan", () => {
    const revised = copy();
    const rule = revised.rewards.find((candidate) => candidate.id === "R-GROWTH");
    const step = rule?.tiers?.steps[1];
    if (rule === undefined || step === undefined) throw new Error("R-GROWTH has a second band");
    const before = step.amount;
    step.amount = "150000";
    const diff = diffPlans(plan, revised);
    expect(diff.changes).toEqual([
      {
        section: "rewards",
        id: "R-GROWTH",
        name: rule.name,
        change: "changed",
        fields: [{ path: "tiers.steps[1].amount", before, after: "150000", kind: "yuan" }],
      },
    ]);
    expect(diff.summary).toEqual([{ section: "rewards", added: 0, removed: 0, changed: 1 }]);
  });

  it("reports units added, removed and renamed, duties as a list, and plan settings", () => {
    const revised = copy();
    revised.units = revised.units.filter((unit) => unit.id !== "beishan-town");
    revised.units.push({
      ...structuredClone(plan.units[0]!),
      id: "nanhu-subdistrict",
      name: "南湖街道",
      kind: "street",
    });
    const stats = revised.units.find((unit) => unit.id === "stats-bureau");
    if (!stats) throw new Error("stats-bureau");
    stats.name = "区统计局（新）";
    stats.duties = ["confirmFigures"];
    revised.aboveScaleThreshold = "25000000";
    const diff = diffPlans(plan, revised);
    expect(diff.changes.find((change) => change.id === "nanhu-subdistrict")).toMatchObject({
      change: "added",
      name: "南湖街道",
    });
    expect(diff.changes.find((change) => change.id === "beishan-town")).toMatchObject({
      change: "removed",
      name: "北山镇",
    });
    expect(diff.changes.find((change) => change.id === "stats-bureau")?.fields).toEqual([
      { path: "name", before: "区统计局", after: "区统计局（新）", kind: "text" },
      { path: "duties", before: ["confirmFigures", "enterInvestment"], after: ["confirmFigures"], kind: "list" },
    ]);
    expect(diff.changes.find((change) => change.section === "plan")?.fields).toEqual([
      { path: "aboveScaleThreshold", before: "20000000", after: "25000000", kind: "yuan" },
    ]);
    expect(diff.summary.find((entry) => entry.section === "units")).toEqual({
      section: "units",
      added: 1,
      removed: 1,
      changed: 1,
    });
  });

  it("shows a parameter's value in yuan when the parameter is an amount", () => {
    const revised = copy();
    const parameter = revised.parameters.find((candidate) => candidate.unit === "yuan");
    if (parameter) {
      parameter.value = "1";
      expect(diffPlans(plan, revised).changes[0]?.fields[0]).toMatchObject({ path: "value", kind: "yuan" });
    }
    const choice = revised.parameters.find((candidate) => candidate.allowed !== undefined);
    if (!choice) throw new Error("the test plan has a choice parameter");
    const other = choice.allowed?.find((value) => value !== choice.value);
    choice.value = other ?? choice.value;
    const field = diffPlans(plan, revised).changes.find((change) => change.id === choice.id)?.fields[0];
    expect(field?.path).toBe("value");
    expect(field?.kind === "text" || field?.kind === "boolean").toBe(true);
  });

  it("reports a further document's new revision date", () => {
    const revised = copy();
    const measures = revised.documents?.[0];
    if (!measures) throw new Error("the test district runs a further document");
    const before = measures.revised;
    measures.revised = "2026-01-15";
    expect(diffPlans(plan, revised).changes).toEqual([
      {
        section: "documents",
        id: measures.id,
        name: measures.title,
        change: "changed",
        fields: [{ path: "revised", before, after: "2026-01-15", kind: "text" }],
      },
    ]);
  });

  it("compares a plan without further documents with one that has them", () => {
    const without = copy();
    delete without.documents;
    const added = diffPlans(without, plan).changes.filter((change) => change.section === "documents");
    expect(added.map((change) => change.change)).toEqual(plan.documents?.map(() => "added"));
    expect(diffPlans(without, structuredClone(without) as PlanFile)).toEqual({ changes: [], summary: [] });
  });
});
