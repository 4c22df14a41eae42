import type { ImportError, ImportKind, MoneyUnit } from "@beizeng/contract/figures";

export {
  IMPORT_KINDS,
  type ImportError,
  type ImportKind,
  MONEY_UNITS,
  type MoneyUnit,
} from "@beizeng/contract/figures";

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  annual: "年度数据",
  monthly: "月度数据",
  register: "企业名录",
};

export const YUAN_PER_UNIT: Record<MoneyUnit, bigint> = {
  元: 1n,
  千元: 1000n,
  万元: 10000n,
  亿元: 100000000n,
};

/** "第5行 E列「营业收入（万元）」：不是数字：abc" — one line per error for the CLI and logs. */
export function formatImportError(error: ImportError): string {
  const where: string[] = [];
  if (error.row > 0) where.push(`第${error.row}行`);
  if (error.columnLetter) where.push(`${error.columnLetter}列${error.column ? `「${error.column}」` : ""}`);
  else if (error.column) where.push(`「${error.column}」`);
  return where.length > 0 ? `${where.join(" ")}：${error.message}` : error.message;
}

/** Converts a 1-based column number to its letter(s): 1 → "A", 27 → "AA". */
export function columnLetter(columnNumber: number): string {
  let n = columnNumber;
  let letters = "";
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
