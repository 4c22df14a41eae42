import { describe, expect, it } from "vitest";
import { currentYearInChina, parseMoneyCell } from "./cell-values";
import { detectHeader } from "./header";
import { fenOfNumberCell, RowParser } from "./row-parser";
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

describe("RowParser's years", () => {
  const header = [{ rowNumber: 1, values: [undefined, "统一社会信用代码", "企业名称", "年份", "营业收入"] }];
  const layout = () => {
    const detected = detectHeader("annual", header);
    if ("error" in detected) throw new Error(detected.error.message);
    return detected.layout;
  };

  it("refuses a row of a year to come and an import year given beyond the current one", () => {
    const thisYear = currentYearInChina();
    const parser = new RowParser("annual", layout(), {});
    const row = (year: unknown) => ({ rowNumber: 2, values: [undefined, "91360202MA35A1B2CL", "甲", year, 100] });
    expect(parser.parse(row(thisYear))).toMatchObject({ kind: "record", record: { year: thisYear } });
    expect(parser.parse(row(thisYear + 1))).toEqual({
      kind: "errors",
      errors: [
        {
          row: 2,
          column: "年份",
          columnLetter: "C",
          field: "year",
          message: `年份 ${thisYear + 1} 晚于今年（${thisYear}年），还没有该年的数据：${thisYear + 1}`,
        },
      ],
    });
    expect(new RowParser("annual", layout(), { year: thisYear }).headerErrors).toEqual([]);
    expect(new RowParser("annual", layout(), { year: thisYear + 1 }).headerErrors).toEqual([
      {
        row: 0,
        field: "year",
        message: `导入时指定的年份 ${thisYear + 1} 不在 1990–${thisYear} 之间（没有未来年份的数据）`,
      },
    ]);
  });
});
