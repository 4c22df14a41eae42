import { describe, expect, test } from "vitest";
import { divideToDecimalString } from "../money";
import { fixedQuotient } from "./format";

describe("fixedQuotient", () => {
  test("rounds half-up like divideToDecimalString", () => {
    const pairs: [number, number][] = [
      [0, 7],
      [5, 10],
      [15, 100],
      [1249, 10_000],
      [1250, 10_000],
      [2 ** 46 * 100, 2 ** 46 - 1],
      [2 ** 46, 30_001],
      [12_345_678_901_234, 98_765_432_109],
    ];
    for (let index = 1; index < 3000; index++)
      pairs.push([(index * 7_919_113) % 1_000_003, (index * 104_729) % 99_991 || 1]);
    for (const [n, d] of pairs)
      for (let digits = 0; digits <= 6; digits++)
        expect(fixedQuotient(n, d, digits), `${n}/${d}@${digits}`).toBe(
          divideToDecimalString(BigInt(n), BigInt(d), digits),
        );
  });
});
