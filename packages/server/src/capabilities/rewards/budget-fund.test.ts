import { describe, expect, it } from "vitest";
import { splitByShare } from "./budget";

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
