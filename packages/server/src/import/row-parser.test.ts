import { describe, expect, it } from "vitest";
import { parseMoneyCell } from "./cell-values";
import { fenOfNumberCell } from "./row-parser";
import { type MoneyUnit, YUAN_PER_UNIT } from "./types";

const UNITS: MoneyUnit[] = ["元", "千元", "万元", "亿元"];

/** What the general parser makes of a number cell: fen, or undefined when it refuses the cell. */
function generalFen(value: number, unit: MoneyUnit): bigint | undefined {
  const parsed = parseMoneyCell({ kind: "number", value }, YUAN_PER_UNIT[unit], unit);
  return parsed.ok ? parsed.value : undefined;
}

/** A deterministic spread of numbers: small and large, 0–6 decimals, negative, and float noise. */
function sampleNumbers(): number[] {
  const numbers = [
    ...[0, -0, 1, -1, 0.01, 0.1, 0.3, 0.1 + 0.2, 1.005, 12345.67, 123456.789012, 1e-6, 1e-7, 1e-8, 5e-324, 1e21],
    // around the limits of exact integers, where two decimals could read back as the same number
    ...[9_007_199_254_740_991, 22_517_998_136_852.48, 2_251_799_813_685.25, 1e15 + 0.5, 4_503_599_627_370_495.5],
  ];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < 20_000; i++) {
    const decimals = Math.floor(next() * 7);
    const magnitude = 10 ** Math.floor(next() * 14);
    const sign = next() < 0.1 ? -1 : 1;
    numbers.push(sign * Number((next() * magnitude).toFixed(decimals)));
    numbers.push(next() * magnitude);
  }
  return numbers;
}

describe("fenOfNumberCell", () => {
  it("gives what parseMoneyCell gives for every number it converts, in every unit", () => {
    let converted = 0;
    for (const value of sampleNumbers()) {
      for (const unit of UNITS) {
        const fast = fenOfNumberCell(value, Number(YUAN_PER_UNIT[unit] * 100n));
        if (fast === undefined) continue;
        converted++;
        expect(fast, `${value} ${unit}`).toBe(generalFen(value, unit));
      }
    }
    // Amounts as typed (a few decimals) take the fast path; float noise goes through parseMoneyCell.
    expect(converted).toBeGreaterThan(30_000);
  });

  it("leaves to the general parser what is finer than a fen or beyond exact integers", () => {
    expect(fenOfNumberCell(0.0001234, 1_000_000)).toBeUndefined();
    expect(fenOfNumberCell(0.1 + 0.2, 1_000_000)).toBeUndefined();
    expect(fenOfNumberCell(1e21, 100)).toBeUndefined();
    expect(fenOfNumberCell(9_007_199_254_740_991, 100)).toBeUndefined();
    expect(fenOfNumberCell(12345.67, 1_000_000)).toBe(12_345_670_000n);
    expect(fenOfNumberCell(-0.5, 100)).toBe(-50n);
    expect(fenOfNumberCell(-0, 100)).toBe(0n);
  });
});
