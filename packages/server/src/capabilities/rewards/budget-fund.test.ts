import { describe, expect, it } from "vitest";
import { recoveredByAward, splitByShare } from "./budget";

describe("spending split between the fund's sources", () => {
  it("gives each source its share in proportion to what it provides, to the fen, summing to the whole", () => {
    // 1,000万 and 500万: two thirds and one third.
    expect(splitByShare(300n, [1_000_000_000n, 500_000_000n])).toEqual([200n, 100n]);
    const shares = splitByShare(100n, [1_000_000_000n, 500_000_000n]);
    expect(shares).toEqual([67n, 33n]);
    expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(100n);
  });

  it("hands the fen left by rounding to the largest remainders, and nothing to sources of nothing", () => {
    expect(splitByShare(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    expect(splitByShare(5n, [0n, 0n])).toEqual([0n, 0n]);
    expect(splitByShare(0n, [3n, 7n])).toEqual([0n, 0n]);
  });
});

describe("what has come back of recovered awards", () => {
  const recovery = (
    id: number,
    year: number,
    amount: string,
    settlement: string,
    creditCode = "A",
    status = "paid",
  ) => ({
    id,
    amount_fen: amount,
    settlement,
    credit_code: creditCode,
    year,
    rule_id: "R-GROWTH",
    status,
  });

  it("counts a repayment at once and a deduction only as far as later awards were reduced, oldest recovery first", () => {
    const back = recoveredByAward(
      [
        recovery(1, 2021, "200", "deduction"),
        recovery(2, 2022, "100", "deduction"),
        recovery(3, 2021, "50", "repaid"),
        recovery(4, 2021, "70", "deduction", "B"),
      ],
      [
        // A's 2022 award reduced by 150: only the 2021 recovery is owed from 2022 on.
        { credit_code: "A", year: 2022, deducted_fen: "150" },
        // A's 2023 award reduced by 120: the 50 left of 2021's, then 70 of 2022's.
        { credit_code: "A", year: 2023, deducted_fen: "120" },
      ],
    );
    expect(back.get("2021|R-GROWTH")).toEqual({ repaid: 50n, deducted: 200n, toDeduct: 70n });
    expect(back.get("2022|R-GROWTH")).toEqual({ repaid: 0n, deducted: 70n, toDeduct: 30n });
  });

  it("gives back nothing for a deduction made in the recovered award's own year or before", () => {
    const back = recoveredByAward(
      [recovery(1, 2022, "100", "deduction")],
      [{ credit_code: "A", year: 2022, deducted_fen: "100" }],
    );
    expect(back.get("2022|R-GROWTH")).toEqual({ repaid: 0n, deducted: 0n, toDeduct: 100n });
  });
});
