/** What a spreadsheet import loads: annual figures, monthly figures, or the enterprise register. */
export type ImportKind = "annual" | "monthly" | "register";

export const IMPORT_KINDS: readonly ImportKind[] = ["annual", "monthly", "register"];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  annual: "年度数据",
  monthly: "月度数据",
  register: "企业名录",
};

/** Units in which amounts of money are written in the files the district receives. */
export type MoneyUnit = "元" | "千元" | "万元" | "亿元";

export const MONEY_UNITS: readonly MoneyUnit[] = ["元", "千元", "万元", "亿元"];

export const YUAN_PER_UNIT: Record<MoneyUnit, bigint> = {
  元: 1n,
  千元: 1000n,
  万元: 10000n,
  亿元: 100000000n,
};

/**
 * One problem found in a file. `row` is the spreadsheet's own row number (1-based, as shown by
 * the office suite); `row` 0 means the file as a whole (no header found, unreadable file).
 */
export interface ImportError {
  row: number;
  /** The header text of the column, as written in the file. */
  column?: string;
  /** The column letter, e.g. "E". */
  columnLetter?: string;
  /** The field the column was recognised as, e.g. "revenue". */
  field?: string;
  /** In Chinese, for the user. */
  message: string;
}

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
