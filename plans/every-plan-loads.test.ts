/** Every plan file under plans/ loads through the real loader, with no problem reported. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../packages/domain/src/plan/load";

const root = join(__dirname);
const plans = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => {
    try {
      readFileSync(join(root, name, "plan.yaml"));
      return true;
    } catch {
      return false;
    }
  });

describe("every plan under plans/", () => {
  it.each(plans)("%s loads", (name) => {
    const file = `plans/${name}/plan.yaml`;
    const loaded = parsePlan(readFileSync(join(root, name, "plan.yaml"), "utf8"), file);
    expect(loaded.plan.id).toBe(name);
  });
});
