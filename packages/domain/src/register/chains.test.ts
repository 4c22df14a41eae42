/// <reference types="node" />
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../plan/load";
import { chainIdProblem, chainNamesText, chainOfEnterprise, otherChainOf, planChain } from "./chains";
import { CHAIN_ID_PATTERN } from "./vocabulary";

const plansDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../plans");
const shipped = (id: string) =>
  parsePlan(readFileSync(path.join(plansDir, id, "plan.yaml"), "utf8"), `plans/${id}/plan.yaml`).plan;

describe("an enterprise's chain read from the plan", () => {
  const testDistrict = shipped("test-district-2024-2026");
  const changjiang = shipped("changjiang-2021-2023");

  it("finds the chain with role other, whatever its id", () => {
    expect(otherChainOf(testDistrict)).toMatchObject({ id: "general", name: "其他", nameEn: "Other" });
    expect(otherChainOf(changjiang).role).toBe("other");
  });

  it("counts an enterprise under a chain the plan does not list in the plan's other chain", () => {
    expect(chainOfEnterprise(testDistrict, "equipment").name).toBe("装备制造");
    expect(chainOfEnterprise(testDistrict, "biomedicine").id).toBe("general");
    expect(planChain(testDistrict, "biomedicine")).toBeUndefined();
  });

  it("refuses another district's chain, naming the plan's chains with their ids", () => {
    expect(chainIdProblem(testDistrict, "new-materials")).toBeNull();
    const problem = chainIdProblem(testDistrict, "biomedicine");
    expect(problem).toBe(
      "产业链“biomedicine”不在本区方案中，可选：新材料（new-materials）、装备制造（equipment）、其他（general）",
    );
    expect(chainIdProblem(changjiang, "new-materials")).toContain("生物医药（biomedicine）");
    expect(chainNamesText(testDistrict)).toBe("新材料、装备制造、其他");
  });

  it("writes every shipped plan's chain ids in the form requests must use", () => {
    for (const plan of [testDistrict, changjiang]) {
      for (const chain of plan.chains) expect(chain.id).toMatch(CHAIN_ID_PATTERN);
    }
    expect("New-Materials").not.toMatch(CHAIN_ID_PATTERN);
  });
});
