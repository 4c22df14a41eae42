/** The office's changes of a place written into a copy of the plan, the stored plan left as it was. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { describe, expect, it } from "vitest";
import { nextPlaceCode, unitNamed, withoutPlace, withPlace, withPlaceChanged } from "./place-edits";

const planFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../../plans/test-district-2024-2026/plan.yaml",
);

/** The shipped test plan, frozen as the plan reader hands it out. */
function storedPlan(): PlanFile {
  const plan = parsePlan(readFileSync(planFile, "utf8"), "plan.yaml").plan;
  const freeze = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    Object.freeze(value);
    for (const child of Object.values(value)) freeze(child);
  };
  freeze(plan);
  return plan;
}

describe("place edits", () => {
  it("chooses the first place-<n> that neither the plan nor a retired unit holds", () => {
    const plan = storedPlan();
    expect(nextPlaceCode(plan, [])).toBe("place-1");
    expect(nextPlaceCode(plan, ["place-1", "place-3"])).toBe("place-2");
    const withOne = withPlace(plan, "place-1", { name: "南湖街道", nameEn: "Nanhu", kind: "street" });
    expect(nextPlaceCode(withOne, ["place-2"])).toBe("place-3");
  });

  it("lists a new place after the plan's last place, editable, with no duties", () => {
    const plan = storedPlan();
    const revised = withPlace(plan, "nanhu-subdistrict", { name: "南湖街道", nameEn: "Nanhu", kind: "street" });
    const ids = revised.units.map((unit) => unit.id);
    expect(ids.indexOf("nanhu-subdistrict")).toBe(ids.indexOf("yunxi-high-tech-park") + 1);
    expect(revised.units.find((unit) => unit.id === "nanhu-subdistrict")).toEqual({
      id: "nanhu-subdistrict",
      name: "南湖街道",
      nameEn: "Nanhu",
      kind: "street",
      duties: [],
      editable: true,
      aliases: [],
    });
    expect(plan.units.some((unit) => unit.id === "nanhu-subdistrict")).toBe(false);
  });

  it("changes a place's name and kind, and gives nothing when the patch changes nothing", () => {
    const plan = storedPlan();
    const revised = withPlaceChanged(plan, "beishan-town", { name: "北山街道", kind: "street" });
    expect(revised?.units.find((unit) => unit.id === "beishan-town")).toMatchObject({
      name: "北山街道",
      nameEn: "Beishan Town",
      kind: "street",
    });
    expect(plan.units.find((unit) => unit.id === "beishan-town")?.name).toBe("北山镇");
    expect(withPlaceChanged(plan, "beishan-town", { name: "北山镇", kind: "town" })).toBeUndefined();
    expect(withPlaceChanged(plan, "no-such-place", { name: "无" })).toBeUndefined();
  });

  it("takes a place out of a copy of the plan", () => {
    const plan = storedPlan();
    const revised = withoutPlace(plan, "yunxi-high-tech-park");
    expect(revised.units.some((unit) => unit.id === "yunxi-high-tech-park")).toBe(false);
    expect(revised.units).toHaveLength(plan.units.length - 1);
  });

  it("finds the unit holding a name or an alias, other than the one being renamed", () => {
    const plan = storedPlan();
    expect(unitNamed(plan, "云溪高新区")?.id).toBe("yunxi-high-tech-park");
    expect(unitNamed(plan, "北山镇", "beishan-town")).toBeUndefined();
    expect(unitNamed(plan, "北山镇")?.id).toBe("beishan-town");
  });
});
