import { describe, expect, it } from "vitest";
import {
  amountEn,
  amountInUnit,
  amountZh,
  applyRate,
  divideToDecimalString,
  FAST_LIMIT,
  figureEn,
  figureZh,
  formatEnglishForDisplay,
  formatExactForDisplay,
  formatForDisplay,
  formatYuan,
  groupedYuan,
  parseAmountInUnit,
  parseYuan,
  trimDecimal,
} from "./money";

describe("money", () => {
  it("parses and formats decimal yuan exactly", () => {
    expect(parseYuan("1234.56")).toBe(123456n);
    expect(parseYuan("3900000000")).toBe(390000000000n);
    expect(parseYuan("1.500")).toBe(150n);
    expect(formatYuan(123456n)).toBe("1234.56");
    expect(formatYuan(100000n * 100n)).toBe("100000");
    expect(formatYuan(-5n)).toBe("-0.05");
  });
  it("rejects what is not an exact amount", () => {
    expect(() => parseYuan("1e9")).toThrow(/not a decimal/);
    expect(() => parseYuan("1,000")).toThrow(/not a decimal/);
    expect(() => parseYuan("0.001")).toThrow(/two decimal places/);
  });
  it("converts larger units", () => {
    expect(parseAmountInUnit("123.4567", 10000n)).toBe(123456700n);
    expect(parseAmountInUnit("2.5", 1000n)).toBe(250000n);
  });
  it("applies a rate rounding half-up to the fen", () => {
    expect(applyRate(parseYuan("0.25"), "0.20")).toBe(5n);
    expect(applyRate(parseYuan("0.05"), "0.10")).toBe(1n); // 0.5 fen rounds up
    expect(applyRate(parseYuan("0.04"), "0.10")).toBe(0n);
    expect(applyRate(parseYuan("3000000"), "0.01")).toBe(3000000n);
  });
  it("displays in 万元 and 亿元", () => {
    expect(formatForDisplay(parseYuan("20000000000"))).toBe("200.00 亿元");
    expect(formatForDisplay(parseYuan("123456"))).toBe("12.35 万元");
    expect(divideToDecimalString(-5n, 10n, 0)).toBe("-1");
  });
  it("writes amounts exactly: 万元 or 亿元 in Chinese, yuan in English", () => {
    expect(formatExactForDisplay(2_000_000_000n)).toBe("2000 万元");
    expect(formatExactForDisplay(1_234_567_800n)).toBe("1234.5678 万元");
    expect(formatExactForDisplay(25_830_000_000n)).toBe("2.583 亿元");
    expect(formatExactForDisplay(10_000_000_001n)).toBe("1.0000000001 亿元");
    expect(formatExactForDisplay(-1n, "万元")).toBe("-0.000001 万元");
    expect(formatExactForDisplay(0n)).toBe("0 万元");
    expect(amountEn(1_234_567_800n)).toBe("12,345,678 yuan");
    expect(amountEn(1_234_567_850n)).toBe("12,345,678.50 yuan");
  });
  it("gives the bare number of a unit, rounded or exact", () => {
    expect(amountInUnit(123_456_789n, "万元", 2)).toBe("123.46");
    expect(amountInUnit(25_826_000_000_000n, "亿元", 4)).toBe("2582.6000");
    expect(amountInUnit(123_456_700n, "万元")).toBe("123.4567");
    expect(amountInUnit(300_000_000n, "万元")).toBe("300");
    expect(amountInUnit(1n, "万元")).toBe("0.000001");
    expect(amountInUnit(-150n, "元")).toBe("-1.5");
    expect(amountInUnit(0n, "万元", 2)).toBe("0.00");
  });
  it("writes amounts in million and billion yuan for English readers", () => {
    expect(formatEnglishForDisplay(2_582_600_000_000n)).toBe("25.83 bn yuan");
    expect(formatEnglishForDisplay(1_686_700_000n)).toBe("16.87 m yuan");
    expect(formatEnglishForDisplay(-520_010_000n)).toBe("-5.20 m yuan");
    expect(formatEnglishForDisplay(3_000_000n)).toBe("30,000 yuan");
    expect(formatEnglishForDisplay(12_345n)).toBe("123.45 yuan");
    expect(formatEnglishForDisplay(4_000_000_000_000n, true)).toBe("40 bn yuan");
    expect(formatEnglishForDisplay(300_000_000n, true)).toBe("3 m yuan");
  });
});

// The texts as the general bigint arithmetic writes them: the fast paths must agree to the character.
const exactYuan = (fen: bigint) => {
  const abs = fen < 0n ? -fen : fen;
  const cents = abs % 100n;
  const text = cents === 0n ? `${abs / 100n}` : `${abs / 100n}.${cents.toString().padStart(2, "0")}`;
  return fen < 0n ? `-${text}` : text;
};
const grouped = (fen: bigint) => {
  const text = exactYuan(fen);
  const negative = text.startsWith("-");
  const [whole = "", fraction] = (negative ? text.slice(1) : text).split(".");
  return `${negative ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
};
const reference = {
  amountZh: (fen: bigint) =>
    fen % 10_000n === 0n ? `${trimDecimal(divideToDecimalString(fen, 1_000_000n, 2))} 万元` : `${grouped(fen)} 元`,
  figureZh: (fen: bigint) => {
    const abs = fen < 0n ? -fen : fen;
    if (abs >= 10_000_000_000n) return `${trimDecimal(divideToDecimalString(fen, 10_000_000_000n, 2))} 亿元`;
    if (abs >= 1_000_000n) return `${trimDecimal(divideToDecimalString(fen, 1_000_000n, 2))} 万元`;
    return `${exactYuan(fen)} 元`;
  },
  figureEn: (fen: bigint) => {
    const abs = fen < 0n ? -fen : fen;
    if (abs >= 100_000_000_000n) return `${trimDecimal(divideToDecimalString(fen, 100_000_000_000n, 3))} billion yuan`;
    if (abs >= 100_000_000n) return `${trimDecimal(divideToDecimalString(fen, 100_000_000n, 3))} million yuan`;
    return `${grouped(fen)} yuan`;
  },
};

/** Seeded sample of amounts: every magnitude, around the unit boundaries, halves and the fast limit. */
function samples(): bigint[] {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const values = new Set<bigint>([0n, 1n, 99n, 100n, 101n, 999_999n, 1_000_000n, 1_004_999n, 1_005_000n]);
  for (const base of [10_000n, 1_000_000n, 100_000_000n, 10_000_000_000n, 100_000_000_000n, BigInt(FAST_LIMIT)])
    for (const delta of [-5001n, -5000n, -4999n, -1n, 0n, 1n, 4999n, 5000n, 5001n, 50_000_000n, 49_999_999n])
      values.add(base + delta);
  for (let index = 0; index < 20_000; index++) {
    const digits = 1 + Math.floor(random() * 17);
    values.add(BigInt(Math.floor(random() * 10 ** digits)));
  }
  for (const value of [...values]) values.add(-value);
  return [...values];
}

describe("fast formatting equals the general bigint formatting", () => {
  const values = samples();
  it.each([
    ["formatYuan", formatYuan, exactYuan],
    ["groupedYuan", groupedYuan, grouped],
    ["amountZh", amountZh, reference.amountZh],
    ["amountEn", amountEn, (fen: bigint) => `${grouped(fen)} yuan`],
    ["figureZh", figureZh, reference.figureZh],
    ["figureEn", figureEn, reference.figureEn],
  ] as const)("%s", (_name, fast, general) => {
    for (const value of values) expect(fast(value), String(value)).toBe(general(value));
  });
});
