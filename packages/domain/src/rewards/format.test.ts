import { describe, expect, test } from "vitest";
import { divideToDecimalString, formatYuan } from "../money";
import {
  amountEn,
  amountZh,
  FAST_LIMIT,
  figureEn,
  figureZh,
  fixedQuotient,
  groupedYuan,
  trimDecimal,
  yuanText,
} from "./format";

// The texts as the general bigint arithmetic writes them: the fast paths must agree to the character.
const grouped = (fen: bigint) => {
  const text = formatYuan(fen);
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
    return `${formatYuan(fen)} 元`;
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
  test.each([
    ["yuanText", yuanText, formatYuan],
    ["groupedYuan", groupedYuan, grouped],
    ["amountZh", amountZh, reference.amountZh],
    ["amountEn", amountEn, (fen: bigint) => `${grouped(fen)} yuan`],
    ["figureZh", figureZh, reference.figureZh],
    ["figureEn", figureEn, reference.figureEn],
  ] as const)("%s", (_name, fast, general) => {
    for (const value of values) expect(fast(value), String(value)).toBe(general(value));
  });

  test("fixedQuotient rounds half-up like divideToDecimalString", () => {
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
