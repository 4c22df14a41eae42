/**
 * An official document (公文) as content: the head (issuer mark, number, title, addressees), the body's
 * blocks and the tail (signature, date). One content model, printed by two renderers in the layout of
 * GB/T 9704-2012 — .docx (`official-docx.ts`) and PDF (`official-pdf.ts`) — so the text is written once.
 */

export interface DocumentTable {
  caption: string;
  /** e.g. "单位：项" — written above the table's right edge. */
  unitLine: string;
  header: string[];
  rows: string[][];
  /** Relative column widths (default: equal). */
  widths?: number[];
  source?: string;
}

export type DocumentBlock =
  /** A body paragraph (仿宋 3号, two-character first-line indent). */
  | { kind: "paragraph"; text: string }
  /** A first-level heading "一、…" (黑体). */
  | { kind: "heading1"; text: string }
  /** A second-level heading "（一）…" (楷体). */
  | { kind: "heading2"; text: string }
  /** A table with its caption, unit line and source. */
  | { kind: "table"; table: DocumentTable };

export interface OfficialDocument {
  /** The red issuer mark, e.g. "区纪委监委 督查通报". */
  issuerMark: string;
  /** e.g. 昌纪督〔2023〕3号; empty for a document without a number. */
  number: string;
  title: string;
  addressees: string;
  body: DocumentBlock[];
  signature: string;
  /** YYYY-MM-DD */
  date: string;
}

export function bodyParagraph(text: string): DocumentBlock {
  return { kind: "paragraph", text };
}

export function heading1(text: string): DocumentBlock {
  return { kind: "heading1", text };
}

export function heading2(text: string): DocumentBlock {
  return { kind: "heading2", text };
}

export function tableBlock(table: DocumentTable): DocumentBlock {
  return { kind: "table", table };
}

/** 2023年7月7日 — the date written in Arabic numerals, as GB/T 9704-2012 asks. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** The source line under a table. */
export function sourceLine(source: string): string {
  return `资料来源：${source}`;
}

/** A table's relative widths, one per column (equal when the table names none). */
export function columnWeights(table: DocumentTable): number[] {
  return table.widths ?? table.header.map(() => 1);
}

/** A stored document read back; refuses what is not one, naming the first wrong field. */
export function parseOfficialDocument(json: string): OfficialDocument {
  const value = JSON.parse(json) as OfficialDocument;
  for (const field of ["issuerMark", "number", "title", "addressees", "signature", "date"] as const) {
    if (typeof value[field] !== "string") throw new Error(`公文内容缺少字段 ${field}`);
  }
  if (!Array.isArray(value.body)) throw new Error("公文内容缺少正文 body");
  return value;
}
