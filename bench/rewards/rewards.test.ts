/**
 * The rewards benchmark's correctness half, small enough for `npm test`: on 2,000 generated
 * enterprises our engine (explanations on and off) and the two third-party translations must pay
 * exactly what the hand-written function pays, and the hand-written function must agree with the
 * worked example computed by hand (docs/rewards.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatYuan } from "@beizeng/domain/money";
import { parseRewardsBatch } from "@beizeng/domain/rewards/batch";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPETITORS, loadChangjiangPlan, prepare } from "./competitors";
import { districtFeatures } from "./features";
import { type District, generateDistrict } from "./generate";
import { handWrittenRewards } from "./oracle";
import { compareLines, sortedLines } from "./rows";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../packages/cli/src/commands/fixtures");
const RULE_IDS = [
  "R-PROJ-50",
  "R-PROJ-20",
  "R-500",
  "R-LISTED-MOVE",
  "R-NEW-SCALE",
  "R-REV-MILESTONE",
  "R-TAX-MILESTONE",
  "R-GROWTH",
  "R-MATCH",
  "R-IPO",
  "R-TECH",
];

describe("rewards benchmark", () => {
  const plan = loadChangjiangPlan();
  let district: District;
  let oracle: string[];

  beforeAll(() => {
    district = generateDistrict(2_000);
    oracle = sortedLines(handWrittenRewards(district));
  });

  it("generates the same district from the same seed, with every edge case and every rule paying", () => {
    expect(sortedLines(handWrittenRewards(generateDistrict(2_000)))).toEqual(oracle);
    const features = districtFeatures(district);
    for (const [name, value] of Object.entries(features)) {
      if (typeof value === "number") expect(value, name).toBeGreaterThan(0);
    }
    expect(Object.keys(features.grantsByLevel).sort()).toEqual(["municipal", "national", "provincial"]);
    const paidRules = new Set(oracle.map((line) => line.split("|")[2]));
    expect([...paidRules].sort()).toEqual([...RULE_IDS].sort());
  });

  it("the hand-written function pays the worked example computed by hand", () => {
    const parsed = parseRewardsBatch(JSON.parse(readFileSync(path.join(FIXTURES, "rewards-input.json"), "utf8")));
    if (!parsed.ok) throw new Error("the worked example does not parse");
    const rows = handWrittenRewards({
      enterprises: [...parsed.input.enterprises],
      projects: [...(parsed.input.projects ?? [])],
    });
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, "rewards-output.json"), "utf8")) as {
      entitlements: { creditCode: string; ruleId: string; tier: string | null; year: number; amount: string | null }[];
    };
    const line = (e: {
      creditCode: string;
      ruleId: string;
      tier: string | null;
      year: number;
      amount: string | null;
    }) => `${e.creditCode}|${e.year}|${e.ruleId}|${e.tier ?? "-"}|${e.amount ?? "null"}`;
    const actual = rows.map((row) => line({ ...row, amount: row.amount === null ? null : formatYuan(row.amount) }));
    expect(actual.sort()).toEqual(expected.entitlements.map(line).sort());
  });

  const competitors = COMPETITORS.filter((competitor) => competitor !== "hand-written");
  for (const competitor of competitors) {
    it(`${competitor} pays exactly what the hand-written function pays`, async () => {
      const run = await prepare(competitor, plan)(district);
      expect(compareLines(oracle, sortedLines(run.rows))).toEqual({ missing: [], extra: [] });
      if (competitor === "todays-engine") expect(run.explanations).toBe(run.rows.length);
      if (competitor !== "ours-quiet" && competitor.startsWith("ours")) {
        expect(run.explanations).toBe(run.rows.length);
        // Why-nots are made only when asked for, as the server's why-not page asks for them.
        if (competitor === "ours-why-nots" || competitor === "ours-rendered")
          expect(run.nonPayments).toBeGreaterThan(run.rows.length);
        else expect(run.nonPayments).toBe(0);
      }
    }, 60_000);
  }

  it("a difference of one fen is found", () => {
    const changed = [...oracle];
    const index = changed.findIndex((line) => line.includes("|R-MATCH|"));
    const original = changed[index] as string;
    const amount = BigInt(original.slice(original.lastIndexOf("|") + 1));
    const replaced = `${original.slice(0, original.lastIndexOf("|") + 1)}${amount + 1n}`;
    changed[index] = replaced;
    changed.sort();
    expect(compareLines(oracle, changed)).toEqual({ missing: [original], extra: [replaced] });
  });
});
