/**
 * The calendar as .xlsx: the export of its days, the import template, and the reading of a filled template into a
 * year's days with each problem named by its row and column.
 */
import {
  OFFICIAL_DAY_KIND_WORDS,
  type OfficialDay,
  officialDayProblems,
  readOfficialDayKind,
  weekdayOf,
} from "@beizeng/domain/calendar/official-calendar";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx, buildXlsx } from "../../platform/exports/table-export";
import { streamFirstSheetRows, type WorkbookInfo } from "../../platform/spreadsheets/read-workbook";
import { cellText, isBlank, toCellInput } from "../figures/index";
import { listDays } from "./calendar.repository";
import { loadShippedCalendar } from "./calendar.service";
import type { OfficialCalendarDayRow } from "./calendar.table";

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const HEADERS = { date: "日期", kind: "类型", name: "名称", nameEn: "英文名称" } as const;

/** Every day of the calendar, or of one year, as the page lists them. */
export async function exportOfficialCalendar(db: DbContext, user: AuthUser, year?: number): Promise<Buffer> {
  await loadShippedCalendar(db, user.districtId);
  const rows = await listDays(db, user.districtId, year);
  return buildTableXlsx<OfficialCalendarDayRow>({
    title: "节假日与调休安排",
    filters: [{ label: "年度", value: year === undefined ? "" : `${year}年` }],
    columns: [
      { header: "年度", value: (row) => Number(row.year), kind: "count", width: 8 },
      { header: HEADERS.date, value: (row) => row.day, width: 12 },
      { header: "星期", value: (row) => WEEKDAYS[weekdayOf(row.day)], width: 8 },
      { header: HEADERS.kind, value: (row) => OFFICIAL_DAY_KIND_WORDS[row.kind as OfficialDay["kind"]], width: 10 },
      { header: HEADERS.name, value: (row) => row.name, width: 16 },
      { header: HEADERS.nameEn, value: (row) => row.name_en ?? "", width: 24 },
      { header: "来源", value: (row) => row.source, width: 60 },
    ],
    rows: [...rows].sort((a, b) => Number(a.year) - Number(b.year) || a.day.localeCompare(b.day)),
  });
}

/** The import template: a row per date of the year's arrangement; the year and the notice are given on import. */
export function officialCalendarTemplate(): Promise<Buffer> {
  return buildXlsx({
    sheet: "节假日安排",
    columns: [
      { header: HEADERS.date, width: 14, note: "YYYY-MM-DD，每个日期一行，例如 2027-02-06" },
      {
        header: HEADERS.kind,
        width: 12,
        note: "放假，或 调休上班（周末上班的日子）",
        validation: {
          type: "list",
          allowBlank: false,
          formulae: ['"放假,调休上班"'],
          showErrorMessage: true,
          errorTitle: "类型无效",
          error: "请选择 放假 或 调休上班",
        },
      },
      { header: HEADERS.name, width: 16, note: "节日名称，例如 春节；调休上班日写它所调的节日" },
      { header: HEADERS.nameEn, width: 24, note: "可选，例如 Spring Festival" },
    ],
    rows: [],
    head: "list",
    headerStyle: { wrapped: true },
    validatedRows: 60,
  });
}

/** Excel's day serial (days since 1899-12-30, or 1904-01-01) as YYYY-MM-DD. */
function serialToDate(serial: number, info: WorkbookInfo): string {
  const epoch = info.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** The days of a filled template, and every problem with its row and column (第3行 A列（日期）：…). */
export async function readOfficialYearWorkbook(
  bytes: Buffer,
  year: number,
  source: string,
): Promise<{ days: OfficialDay[]; problems: string[] }> {
  const info: WorkbookInfo = { date1904: false };
  const days: OfficialDay[] = [];
  const problems: string[] = [];
  let columns: Record<keyof typeof HEADERS, number> | null = null;
  for await (const row of streamFirstSheetRows(bytes, info)) {
    const cells = Array.from({ length: row.values.length }, (_, column) => toCellInput(row.values[column]));
    if (columns === null) {
      const find = (header: string) => cells.findIndex((cell) => cellText(cell).replace(/\s/g, "") === header);
      if (find(HEADERS.date) < 0) continue;
      columns = {
        date: find(HEADERS.date),
        kind: find(HEADERS.kind),
        name: find(HEADERS.name),
        nameEn: find(HEADERS.nameEn),
      };
      if (columns.kind < 0) problems.push(`第${row.rowNumber}行：缺少“${HEADERS.kind}”列`);
      if (columns.name < 0) problems.push(`第${row.rowNumber}行：缺少“${HEADERS.name}”列`);
      continue;
    }
    if (cells.every((cell) => isBlank(cell))) continue;
    const at = (column: number, header: string) =>
      `第${row.rowNumber}行 ${String.fromCharCode(65 + column - 1)}列（${header}）`;
    const cell = (column: number) => (column < 0 ? toCellInput(null) : (cells[column] ?? toCellInput(null)));
    const dateCell = cell(columns.date);
    const date =
      dateCell.kind === "number" ? serialToDate(dateCell.value, info) : cellText(dateCell).replace(/[/.]/g, "-");
    const kindText = cellText(cell(columns.kind));
    const kind = readOfficialDayKind(kindText);
    if (kind === null) {
      problems.push(`${at(columns.kind, HEADERS.kind)}：应为“放假”或“调休上班”，实为“${kindText}”`);
      continue;
    }
    const day: OfficialDay = {
      year,
      date,
      kind,
      name: cellText(cell(columns.name)),
      nameEn: cellText(cell(columns.nameEn)) || null,
      source,
    };
    const found = officialDayProblems(day);
    const headerColumns: Record<string, [number, string]> = {
      日期: [columns.date, HEADERS.date],
      类型: [columns.kind, HEADERS.kind],
      名称: [columns.name, HEADERS.name],
      英文名称: [columns.nameEn, HEADERS.nameEn],
    };
    for (const problem of found) {
      const field = /^([^：]+)：(.*)$/.exec(problem);
      const place = field ? headerColumns[field[1] ?? ""] : undefined;
      problems.push(place && field ? `${at(place[0], place[1])}：${field[2]}` : `第${row.rowNumber}行 ${problem}`);
    }
    if (found.length === 0) days.push(day);
  }
  if (columns === null) problems.push(`没有找到“${HEADERS.date}”列，请使用节假日安排导入模板`);
  return { days, problems };
}
