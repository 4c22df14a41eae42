import { describe, expect, it } from "vitest";
import { rankUnits } from "./rank-units";
import { compareRatio, formatPercent, formatRatio, ratio, ratioFromDecimal } from "./ratio";
import { weightedScores } from "./weighted-score";

describe("ratios", () => {
  it("compare exactly and format half away from zero", () => {
    expect(compareRatio(ratio(1, 3), ratio(2, 6))).toBe(0);
    expect(compareRatio(ratio(7, 9), ratio(3, 4))).toBe(1);
    expect(formatRatio(ratio(2, 3))).toBe("0.67");
    expect(formatRatio(ratio(1, 8), 2)).toBe("0.13");
    expect(formatPercent(ratio(7, 9))).toBe("77.78");
    expect(compareRatio(ratioFromDecimal("0.40"), ratio(2, 5))).toBe(0);
  });
});

describe("rankUnits", () => {
  it("lists the single last unit and excludes units with nothing to rank", () => {
    const result = rankUnits(
      [
        { unitId: "a", value: ratio(9, 10) },
        { unitId: "b", value: ratio(1, 2) },
        { unitId: "c", value: null, missingReason: "本期无到期任务" },
        { unitId: "d", value: ratio(3, 4) },
      ],
      "higher",
    );
    expect(result.ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ["a", 1],
      ["d", 2],
      ["b", 3],
    ]);
    expect(result.last).toEqual(["b"]);
    expect(result.excluded).toEqual([{ unitId: "c", reason: "本期无到期任务" }]);
    expect(result.explanation).toContain("不参与排名");
  });

  it("lists every unit tied for last, with shared ranks", () => {
    const result = rankUnits(
      [
        { unitId: "a", value: ratio(1) },
        { unitId: "b", value: ratio(1, 2) },
        { unitId: "c", value: ratio(2, 4) },
      ],
      "higher",
    );
    expect(result.ranked.map((r) => r.rank)).toEqual([1, 2, 2]);
    expect(result.last).toEqual(["b", "c"]);
    expect(result.explanation).toContain("并列末位");
  });

  it("ranks lower-is-better indicators the other way round", () => {
    const result = rankUnits(
      [
        { unitId: "fast", value: ratio(2) },
        { unitId: "slow", value: ratio(10) },
      ],
      "lower",
    );
    expect(result.last).toEqual(["slow"]);
  });

  it("summons nobody when every unit ties or only one is ranked", () => {
    const tie = rankUnits(
      [
        { unitId: "a", value: ratio(1) },
        { unitId: "b", value: ratio(1) },
      ],
      "higher",
    );
    expect(tie.last).toEqual([]);
    expect(tie.explanation).toContain("无末位");
    expect(rankUnits([{ unitId: "a", value: ratio(0) }], "higher").last).toEqual([]);
  });
});

describe("weightedScores", () => {
  it("scores against the best unit and weights the points", () => {
    const scores = weightedScores([
      {
        id: "completion",
        weight: "0.6",
        direction: "higher",
        values: [
          { unitId: "a", value: ratio(1) },
          { unitId: "b", value: ratio(1, 2) },
          { unitId: "c", value: ratio(0) },
        ],
      },
      {
        id: "days",
        weight: "0.4",
        direction: "lower",
        values: [
          { unitId: "a", value: ratio(10) },
          { unitId: "b", value: ratio(2) },
          { unitId: "c", value: null },
        ],
      },
    ]);
    const byUnit = Object.fromEntries(scores.map((s) => [s.unitId, s]));
    expect(byUnit.a?.score).toBe("68.00");
    expect(byUnit.a?.points.days).toBe("20.00");
    expect(byUnit.b?.score).toBe("70.00");
    // c has only the first indicator: its weight is rescaled to 1.
    expect(byUnit.c?.score).toBe("0.00");
    expect(byUnit.c?.points.days).toBeNull();
    expect(scores.map((s) => s.unitId)).toEqual(["b", "a", "c"]);
  });

  it("gives nobody points when every unit is at zero on a higher-is-better indicator", () => {
    const scores = weightedScores([
      {
        id: "completion",
        weight: "1",
        direction: "higher",
        values: [
          { unitId: "a", value: ratio(0) },
          { unitId: "b", value: ratio(0) },
        ],
      },
    ]);
    expect(scores.map((s) => s.score)).toEqual(["0.00", "0.00"]);
  });
});
