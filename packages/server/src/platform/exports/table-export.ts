/**
 * The one .xlsx table builder: every table the product exports or hands out as a blank form (the
 * import templates) is written here. A table is a worksheet with an optional title and subtitle
 * (the filters applied, or the unit of the amounts), a header of Chinese column names, then the
 * rows. Each column says what it holds, and so how its cells are written: text, a whole number, a
 * share shown as a percentage, or money. Money arrives as fen (bigint or decimal string) and is
 * written as a number of 万元 or of 元 taken from its exact decimal text (`amountInUnit`), never
 * computed in floating point. Text that would start a formula is written with a leading apostrophe
 * (./spreadsheet-cells.ts).
 *
 *   const buffer = await buildTableXlsx({ title: "企业名录", filters, columns, rows });
 *   return sendDownload(reply, { fileName: "企业名录.xlsx", contentType: XLSX, body: buffer });
 */
import { amountInUnit, type Fen } from "@beizeng/domain/money";
import ExcelJS from "exceljs";
import { exportWorkbookBuffer, worksheetName } from "./spreadsheet-cells";

export type CellValue = string | number | bigint | boolean | null | undefined;

/**
 * What a column holds: text (booleans written 是/否); count, a number; percent, a decimal share
 * (0.125 shows as 12.50%); money, fen written as 万元; yuan, fen written as 元.
 */
export type ColumnKind = "text" | "count" | "percent" | "money" | "yuan";

export interface TableColumn<Row> {
  header: string;
  /** The cell of a row; a blank form's columns have none. */
  value?: (row: Row) => CellValue;
  kind?: ColumnKind;
  width?: number;
  /** The cells' number format when not the kind's own; null for none ("General"). */
  numFmt?: string | null;
  /** A comment on the header cell (what to fill in). */
  note?: string;
  /** A data validation for the rows of a blank form (drop-down list, whole number, length). */
  validation?: Record<string, unknown>;
}

export interface HeaderStyle {
  /** On a light blue ground. */
  filled?: boolean;
  centred?: boolean;
  /** Wrapped, centred vertically, underlined and taller: the header of a form to fill in. */
  wrapped?: boolean;
}

export interface XlsxTable<Row> {
  /** The worksheet's name, made valid for Excel. */
  sheet: string;
  title?: string;
  /** The line under the title: the filters applied, or the unit of the amounts. */
  subtitle?: string;
  columns: readonly TableColumn<Row>[];
  rows?: Iterable<Row>;
  /** A bold last line: its cells as given, money in fen as in the rows. */
  totals?: readonly CellValue[];
  /**
   * "report" (the default): title in 14 pt and subtitle each across the whole table, the header
   * frozen under them. "list": a bold title line, if any, over a bold header; nothing frozen.
   */
  head?: "report" | "list";
  /** A report's title centred and subtitle right-aligned, as on a printed form. */
  formAligned?: boolean;
  /** Default: filled in a report, plain in a list. */
  headerStyle?: HeaderStyle;
  /** Columns frozen at the left, besides the header. */
  frozenColumns?: number;
  /** How many rows of a blank form carry the columns' validations. */
  validatedRows?: number;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const DEFAULT_FORMATS: Partial<Record<ColumnKind, string>> = {
  money: "#,##0.00####",
  yuan: "#,##0.00",
  percent: "0.00%",
};

/** A new workbook, signed as the product's. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "倍增";
  return workbook;
}

/**
 * An amount as a spreadsheet cell: the number whose shortest text is the exact decimal of the unit,
 * or that exact text itself when no double reads back as it (amounts far beyond any district's).
 */
function moneyCell(fen: Fen, unit: "万元" | "元"): number | string {
  const text = amountInUnit(fen, unit);
  const number = Number(text);
  return String(number) === text ? number : text;
}

function cellOf(kind: ColumnKind | undefined, value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind === "money" || kind === "yuan") {
    if (value === "") return null;
    return moneyCell(BigInt(value as string | bigint | number), kind === "money" ? "万元" : "元");
  }
  if (kind === "count" || kind === "percent") return value === "" ? null : Number(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  return typeof value === "bigint" ? value.toString() : value;
}

/** Writes a table as a new worksheet of the workbook and returns the worksheet. */
export function writeTableSheet<Row>(workbook: ExcelJS.Workbook, table: XlsxTable<Row>): ExcelJS.Worksheet {
  const report = (table.head ?? "report") === "report";
  const headLines = (table.title === undefined ? 0 : 1) + (report && table.subtitle !== undefined ? 1 : 0);
  const headerRow = headLines + 1;
  const frozen: Partial<ExcelJS.WorksheetView> = { state: "frozen", ySplit: headerRow };
  if (table.frozenColumns) frozen.xSplit = table.frozenColumns;
  const sheet = workbook.addWorksheet(worksheetName(table.sheet), { views: report ? [frozen] : [] });
  const width = Math.max(table.columns.length, 1);

  if (table.title !== undefined) {
    if (report) {
      sheet.mergeCells(1, 1, 1, width);
      const title = sheet.getCell(1, 1);
      title.value = table.title;
      title.font = { bold: true, size: 14 };
      if (table.formAligned) title.alignment = { horizontal: "center" };
    } else {
      sheet.addRow([table.title]).font = { bold: true };
    }
  }
  if (report && table.subtitle !== undefined) {
    sheet.mergeCells(2, 1, 2, width);
    const subtitle = sheet.getCell(2, 1);
    subtitle.value = table.subtitle;
    if (table.formAligned) subtitle.alignment = { horizontal: "right" };
  }

  const style = table.headerStyle ?? (report ? { filled: true } : {});
  const header = sheet.getRow(headerRow);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    if (style.wrapped) cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    else if (style.centred) cell.alignment = { horizontal: "center" };
    if (style.filled) cell.fill = HEADER_FILL;
    if (style.wrapped) cell.border = { bottom: { style: "thin" } };
    if (column.note) cell.note = column.note;
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width ?? (column.kind === "money" ? 16 : 14);
    const numFmt = column.numFmt === undefined ? DEFAULT_FORMATS[column.kind ?? "text"] : column.numFmt;
    if (numFmt) sheetColumn.numFmt = numFmt;
  });
  if (style.wrapped) header.height = 22;

  for (const row of table.rows ?? []) {
    sheet.addRow(table.columns.map((column) => cellOf(column.kind, column.value?.(row))));
  }
  if (table.totals) {
    const cells = table.totals.map((value, index) => {
      const kind = table.columns[index]?.kind;
      return kind === "money" || kind === "yuan" ? cellOf(kind, value) : (value ?? null);
    });
    sheet.addRow(cells).font = { bold: true };
  }

  if (table.validatedRows !== undefined) {
    const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: unknown): void } })
      .dataValidations;
    const firstRow = headerRow + 1;
    table.columns.forEach((column, index) => {
      if (!column.validation) return;
      const letter = sheet.getColumn(index + 1).letter;
      validations.add(`${letter}${firstRow}:${letter}${headerRow + (table.validatedRows ?? 0)}`, column.validation);
    });
  }
  return sheet;
}

/** The bytes of a workbook holding one table. */
export function buildXlsx<Row>(table: XlsxTable<Row>): Promise<Buffer> {
  const workbook = newWorkbook();
  writeTableSheet(workbook, table);
  return exportWorkbookBuffer(workbook);
}

/** A column of a list as the pages show it: money in 万元 (its header says so), empty text left empty. */
export interface ExportColumn<Row> {
  /** Chinese header; money columns get "（万元）" appended. */
  header: string;
  value: (row: Row) => CellValue;
  kind?: "text" | "count" | "money" | "percent";
  width?: number;
}

export interface TableExport<Row> {
  title: string;
  /** The filters applied, shown under the title ("产业链：电子信息"); empty means 全部. */
  filters?: { label: string; value: string }[];
  columns: ExportColumn<Row>[];
  rows: Iterable<Row>;
}

/** A moment to the minute as the district reads its clocks, China Standard Time: "2026-12-05 17:45". */
export function beijingMinute(moment: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** The day of a moment in China Standard Time, "2026-12-06": what a file exported at 01:00 UTC+8 is dated. */
export function beijingDay(moment: Date): string {
  return beijingMinute(moment).slice(0, 10);
}

/** A list the UI shows, as a report: its title, the filters applied and the time of export, then the rows. */
export function buildTableXlsx<Row>(table: TableExport<Row>): Promise<Buffer> {
  const filters = table.filters?.filter((filter) => filter.value !== "") ?? [];
  const filterText = filters.length > 0 ? filters.map((f) => `${f.label}：${f.value}`).join("；") : "全部";
  return buildXlsx<Row>({
    sheet: table.title,
    title: table.title,
    subtitle: `筛选条件：${filterText}　导出时间：${beijingMinute(new Date())}（北京时间）`,
    columns: table.columns.map((column) => ({
      header: column.kind === "money" ? `${column.header}（万元）` : column.header,
      kind: column.kind,
      width: column.width,
      value: (row: Row) => {
        const value = column.value(row);
        return value === "" ? null : value;
      },
    })),
    rows: table.rows,
  });
}
