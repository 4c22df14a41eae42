/**
 * Exports any table the UI shows to .xlsx: a title line, a line naming the filters applied, Chinese
 * headers, then the rows. Money columns take fen (bigint or decimal string) and are written in 万元;
 * the exact amount never passes through a float before the final cell value. Text that would start a
 * formula is written with a leading apostrophe (./spreadsheet-cells.ts).
 *
 *   const buffer = await buildTableXlsx({ title: "企业名录", filters, columns, rows });
 *   return sendXlsx(reply, "企业名录.xlsx", buffer);
 */
import { divideToDecimalString } from "@beizeng/domain/money";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { exportWorkbookBuffer, worksheetName } from "./spreadsheet-cells";

export type CellValue = string | number | bigint | boolean | null | undefined;

export interface ExportColumn<Row> {
  /** Chinese header; money columns get "（万元）" appended. */
  header: string;
  value: (row: Row) => CellValue;
  /** text (default), count (whole number), money (fen → 万元), percent (decimal share → %). */
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

const FEN_PER_WAN = 1_000_000n;

function cellOf(kind: ExportColumn<unknown>["kind"], value: CellValue): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (kind === "money") return Number(divideToDecimalString(BigInt(value as string | bigint | number), FEN_PER_WAN, 6));
  if (kind === "count") return Number(value);
  if (kind === "percent") return Number(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  return typeof value === "bigint" ? value.toString() : value;
}

/** Builds the workbook of one table. */
export async function buildTableXlsx<Row>(table: TableExport<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "倍增";
  const sheet = workbook.addWorksheet(worksheetName(table.title), { views: [{ state: "frozen", ySplit: 3 }] });
  const width = Math.max(table.columns.length, 1);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, width);
  const filters = table.filters?.filter((f) => f.value !== "") ?? [];
  const filterText = filters.length > 0 ? filters.map((f) => `${f.label}：${f.value}`).join("；") : "全部";
  sheet.getCell(2, 1).value =
    `筛选条件：${filterText}　导出时间：${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const header = sheet.getRow(3);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.kind === "money" ? `${column.header}（万元）` : column.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width ?? (column.kind === "money" ? 16 : 14);
    if (column.kind === "money") sheetColumn.numFmt = "#,##0.00####";
    if (column.kind === "percent") sheetColumn.numFmt = "0.00%";
  });
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => cellOf(column.kind, column.value(row))));
  }
  return exportWorkbookBuffer(workbook);
}

/** Sends an .xlsx download with a Chinese file name (RFC 5987). */
export function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header(
      "content-disposition",
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header("cache-control", "no-store")
    .send(buffer);
}
