import { describe, expect, it } from "vitest";
import type { FormulaReward } from "../../plan/schema";
import { formulaConsistencyProblems } from "./consistency";

const rule = (change: Partial<FormulaReward>): FormulaReward =>
  ({
    id: "R-X",
    clause: "C1",
    quote: "q",
    name: "n",
    nameEn: "n",
    kind: "formula",
    per: "year",
    when: [],
    years: "plan",
    rounding: "halfUp",
    once: "year",
    ...change,
  }) as FormulaReward;

describe("a formula rule's numbers checked against each other", () => {
  it("refuses a cap below a tier's amount and a money tier written as a rate, listing both", () => {
    const problems = formulaConsistencyProblems(
      rule({
        cap: "100000",
        tiers: {
          of: "revenue",
          compare: "gte",
          pay: "highest",
          firstTime: false,
          label: "threshold",
          steps: [
            { from: "0.05", amount: "50000" },
            { from: "10000000", amount: "200000" },
          ],
        },
      }),
    );
    expect(problems).toEqual([
      {
        field: "cap",
        message: "封顶金额 100000 元低于 tiers.steps[1].amount 的金额 200000 元：该金额永远无法兑现",
      },
      {
        field: "tiers.steps[0].from",
        message: "按金额分档（tiers.of）的门槛“0.05”像是比率：金额门槛写元，按增幅分档请用 growthOf",
      },
    ]);
  });

  it("accepts a cap at or above every amount", () => {
    expect(formulaConsistencyProblems(rule({ amount: "100000", cap: "100000" }))).toEqual([]);
  });
});
