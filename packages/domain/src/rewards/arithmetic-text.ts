/**
 * The engine's arithmetic as a person reads it, wherever it is shown (the reward's page, a rule's page, the approval
 * notice): its amounts, which the engine writes as bare yuan, exactly in 万元 with separators (in English: yuan
 * with separators); small numbers (rates, divisors, percentages) as written; of its two-language asides
 * ("四舍五入到分 / half-up to the fen") the reader's.
 */
import { amountInUnit, groupedYuan, parseYuan } from "../money";

/** Exact 万元 with thousands separators: "178,098.9 万元". */
function groupedWan(fen: bigint): string {
  const [whole = "", fraction] = amountInUnit(fen, "万元").split(".");
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""} 万元`;
}

export function arithmeticForDisplay(text: string, language: "zh-CN" | "en"): string {
  const english = language === "en";
  const asides = text.replace(
    /([\u4e00-\u9fff]+) \/ ([A-Za-z][A-Za-z -]*[A-Za-z])/g,
    (_whole, zh: string, en: string) => (english ? en : zh),
  );
  // An amount: five digits or more, or yuan written with its fen ("6172.84"); never a rate ("0.15") or a percentage.
  const amounts = asides.replace(/(?<![\d.,])(?:\d{5,}(?:\.\d{1,2})?|[1-9]\d*\.\d{2})(?![\d%]|\.\d)/g, (yuan) => {
    const fen = parseYuan(yuan);
    return english ? `${groupedYuan(fen)} yuan` : groupedWan(fen);
  });
  return english ? amounts.replace(/；/g, "; ").replace(/（/g, " (").replace(/）/g, ")").replace(/：/g, ": ") : amounts;
}
