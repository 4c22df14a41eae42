/**
 * Words the product fixes for an enterprise's figures and their spreadsheet import. Declared once, without zod,
 * for the server that reads the files, the contract that checks the requests and the web that offers them.
 */

/** What a spreadsheet import loads, in the order the import page offers them: monthly figures, annual figures
 * or the enterprise register. */
export const IMPORT_KINDS = ["monthly", "annual", "register"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Units in which amounts of money are written in the files the district receives, and entered by hand. */
export const MONEY_UNITS = ["元", "千元", "万元", "亿元"] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
