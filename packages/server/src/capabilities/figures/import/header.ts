import type { RawRow } from "../../../platform/spreadsheets/read-workbook";
import { cellText, toCellInput } from "./cell-values";
import {
  type FieldDefinition,
  type HeaderQualifier,
  matchField,
  type NormalizedHeader,
  normalizeHeader,
  normalizeText,
} from "./columns";
import { parseTitlePeriod, type TitlePeriod } from "./title-period";
import { columnLetter, type ImportError, type ImportKind, MONEY_UNITS, type MoneyUnit } from "./types";

/** How many rows at the top of a sheet may hold titles, notes and unit lines before the header. */
export const HEADER_SCAN_ROWS = 15;

export interface MappedColumn {
  columnNumber: number;
  letter: string;
  /** The header as written (both levels of a two-row header joined). */
  header: string;
  field: FieldDefinition;
  /** The unit named in the header, if any. */
  unit?: NormalizedHeader["unit"];
  qualifier: HeaderQualifier;
}

export interface HeaderLayout {
  headerRowNumber: number;
  /** The first row that may hold data (after a second header row when there is one). */
  firstDataRow: number;
  /** Columns read, one per field (the best column when a field appears more than once). */
  columns: MappedColumn[];
  /** A unit line above the table ("单位：万元"), if any. */
  unitLine?: MoneyUnit;
  /** Headers present but not imported (上年同期, 增速, unknown names), for the preview. */
  ignoredHeaders: string[];
  /** The report period a title above the header names ("2022年1-12月…"), if any. */
  title?: TitlePeriod;
}

const QUALIFIER_WORDS = /本年累计|累计|上年同期|去年同期|同期|增速|增长|增幅|同比|本月|当月|1[-~—－至到]\d{1,2}月|%/;

function rowTexts(row: RawRow): string[] {
  const texts: string[] = [];
  for (let c = 1; c < row.values.length; c++) texts[c] = cellText(toCellInput(row.values[c]));
  return texts;
}

function unitLineOf(texts: string[]): MoneyUnit | undefined {
  for (const text of texts) {
    if (!text) continue;
    const match = /单位[:：]\s*(亿元|万元|千元|元)/.exec(text.normalize("NFKC"));
    if (match && MONEY_UNITS.includes(match[1] as MoneyUnit)) return match[1] as MoneyUnit;
  }
  return undefined;
}

function scoreRow(kind: ImportKind, texts: string[]): { score: number; hasCreditCode: boolean } {
  let score = 0;
  let hasCreditCode = false;
  for (const text of texts) {
    if (!text) continue;
    const field = matchField(kind, normalizeHeader(text).base);
    if (!field) continue;
    score++;
    if (field.type === "creditCode") hasCreditCode = true;
  }
  return { score, hasCreditCode };
}

/** Preference among columns naming the same field: the plain value first, then cumulative ones. */
function qualifierRank(qualifier: HeaderQualifier): number {
  return qualifier.kind === "plain" ? 0 : qualifier.kind === "cumulative" ? 1 : 9;
}

/**
 * Finds the header row among the first rows of a sheet (below any title, notes and unit line),
 * joins a second header row when the statistics bureau's two-level layout is used (营业收入 over
 * 本年累计 | 上年同期 | 增速), and maps each column to a field.
 */
export function detectHeader(
  kind: ImportKind,
  topRows: readonly RawRow[],
): { layout: HeaderLayout } | { error: ImportError } {
  let best: { index: number; score: number } | undefined;
  topRows.forEach((row, index) => {
    const { score, hasCreditCode } = scoreRow(kind, rowTexts(row));
    if (hasCreditCode && score >= 2 && (!best || score > best.score)) best = { index, score };
  });
  if (!best) {
    return {
      error: {
        row: 0,
        message: `未找到表头：前${HEADER_SCAN_ROWS}行中没有同时包含“统一社会信用代码”和其他已知列名的行（请使用下载的模板）`,
      },
    };
  }
  const headerRow = topRows[best.index] as RawRow;
  const headerTexts = rowTexts(headerRow);
  const nextRow = topRows[best.index + 1];
  const nextTexts = nextRow && nextRow.rowNumber === headerRow.rowNumber + 1 ? rowTexts(nextRow) : [];
  const isTwoLevel =
    nextTexts.some((text) => text && QUALIFIER_WORDS.test(normalizeText(text))) &&
    nextTexts.every((text) => !text || !/^[0-9A-Z]{18}$/.test(normalizeText(text)));

  let unitLine: MoneyUnit | undefined;
  for (let i = 0; i <= best.index; i++) unitLine ??= unitLineOf(rowTexts(topRows[i] as RawRow));
  // The first line above the header that names a period: the title, or a line under it (报告期：…).
  let title: TitlePeriod | undefined;
  for (let i = 0; i < best.index && !title; i++) {
    const row = topRows[i] as RawRow;
    for (const text of rowTexts(row)) {
      title = text ? parseTitlePeriod(text, row.rowNumber) : undefined;
      if (title) break;
    }
  }

  const width = Math.max(headerTexts.length, nextTexts.length);
  const byField = new Map<string, MappedColumn>();
  const ignoredHeaders: string[] = [];
  let parent = "";
  for (let c = 1; c < width; c++) {
    const own = headerTexts[c] ?? "";
    const child = isTwoLevel ? (nextTexts[c] ?? "") : "";
    // A merged parent header leaves its following cells empty: carry it over its children.
    if (own) parent = own;
    const header = isTwoLevel && child ? (own || parent) + child : own;
    if (!header) continue;
    const normalized = normalizeHeader(header);
    const field = matchField(kind, normalized.base);
    if (!field || normalized.qualifier.kind === "growth" || normalized.qualifier.kind === "previousYear") {
      ignoredHeaders.push(header);
      continue;
    }
    const column: MappedColumn = {
      columnNumber: c,
      letter: columnLetter(c),
      header,
      field,
      ...(normalized.unit ? { unit: normalized.unit } : {}),
      qualifier: normalized.qualifier,
    };
    const existing = byField.get(field.field);
    if (!existing) {
      byField.set(field.field, column);
    } else if (qualifierRank(column.qualifier) < qualifierRank(existing.qualifier)) {
      ignoredHeaders.push(existing.header);
      byField.set(field.field, column);
    } else if (qualifierRank(column.qualifier) === qualifierRank(existing.qualifier)) {
      return {
        error: {
          row: headerRow.rowNumber,
          column: header,
          columnLetter: column.letter,
          field: field.field,
          message: `列重复：「${existing.header}」（${existing.letter}列）与「${header}」都表示${field.label}`,
        },
      };
    } else {
      ignoredHeaders.push(header);
    }
  }
  return {
    layout: {
      headerRowNumber: headerRow.rowNumber,
      firstDataRow: headerRow.rowNumber + (isTwoLevel ? 2 : 1),
      columns: [...byField.values()].sort((a, b) => a.columnNumber - b.columnNumber),
      ...(unitLine ? { unitLine } : {}),
      ignoredHeaders,
      ...(title ? { title } : {}),
    },
  };
}
