import { creditCodeMessage } from "@beizeng/domain/credit-code";
import { type Fen, MoneyFormatError, parseAmountInUnit } from "@beizeng/domain/money";
import { restoreNeutralisedText } from "../../../platform/exports/spreadsheet-cells";
import { normalizeText } from "./columns";

/**
 * A cell reduced to what an import needs. Numbers keep the JS number exceljs gives (converted to
 * decimal text only through its shortest representation); rich text, hyperlinks and formulas are
 * flattened to their text or result.
 */
export type CellInput =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "date"; date: Date }
  | { kind: "boolean"; value: boolean }
  /**
   * An error value (#DIV/0!, #N/A, …). `formula` is set when the cell holds a formula whose result
   * the reader could not give: exceljs's streaming reader drops the cached error of a formula
   * (Excel writes `<c t="e"><f>D2/0</f><v>#DIV/0!</v></c>`), and a formula saved without being
   * calculated has no result at all. Either way the value is unknown, never "no data".
   */
  | { kind: "error"; code: string; formula?: string };

const EMPTY: CellInput = { kind: "empty" };

/** Flattens whatever exceljs holds in a cell (string, number, rich text, formula, hyperlink, …). */
export function toCellInput(value: unknown): CellInput {
  if (value === null || value === undefined) return EMPTY;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? { kind: "number", value } : { kind: "error", code: String(value) };
    case "string":
      return value === "" ? EMPTY : { kind: "text", text: value };
    case "boolean":
      return { kind: "boolean", value };
    case "object": {
      if (value instanceof Date) return { kind: "date", date: value };
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.richText)) {
        const text = (record.richText as { text?: unknown }[]).map((run) => String(run.text ?? "")).join("");
        return text === "" ? EMPTY : { kind: "text", text };
      }
      if ("formula" in record || "sharedFormula" in record) {
        const result = record.result;
        const known = result !== undefined && result !== null && !(typeof result === "number" && Number.isNaN(result));
        if (known) return toCellInput(result);
        return { kind: "error", code: "", formula: String(record.formula || record.sharedFormula || "") };
      }
      if ("error" in record) return { kind: "error", code: String(record.error) };
      if ("hyperlink" in record || "text" in record) return toCellInput(record.text);
      return EMPTY;
    }
    default:
      return EMPTY;
  }
}

/** The cell as a trimmed string (full-width spaces included), for names and headers. */
export function cellText(cell: CellInput): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "number":
      return numberToDecimalString(cell.value);
    case "text":
      return cell.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
    case "date":
      return cell.date.toISOString().slice(0, 10);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return cell.code || `=${cell.formula ?? ""}`;
  }
}

function errorMessage(cell: Extract<CellInput, { kind: "error" }>): string {
  if (cell.code) return `单元格为错误值 ${cell.code}`;
  return `公式 =${cell.formula ?? ""} 没有可用的结果（结果为错误值，如 #DIV/0!、#N/A，或文件保存时未计算）`;
}

/** Values that mean "no data" in statistical tables. */
const NO_DATA = new Set(["", "-", "--", "—", "——", "/", "无", "空"]);

export function isBlank(cell: CellInput): boolean {
  if (cell.kind === "empty") return true;
  if (cell.kind === "text") return NO_DATA.has(normalizeText(cell.text));
  return false;
}

/**
 * The shortest decimal string of a number, without exponent: the decimal the user typed when the
 * file was written by an office suite (which stores the shortest round-trip form).
 */
export function numberToDecimalString(value: number): string {
  const text = String(value);
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign, whole = "", fraction = "", power] = exponent;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(power);
  let result: string;
  if (pointAt <= 0) result = `0.${"0".repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) result = digits + "0".repeat(pointAt - digits.length);
  else result = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return sign + result;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** A text field (a name, a town): an error value (#N/A, a formula without a result) is refused, not read as text. */
export function parseTextCell(cell: CellInput): Parsed<string> {
  return cell.kind === "error" ? fail(errorMessage(cell)) : ok(restoreNeutralisedText(cellText(cell)));
}

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * The decimal text of a numeric cell. Text cells may carry full-width digits and a well-formed
 * thousands grouping ("1,234.5"), which is removed; any other comma is an error, as is a unit
 * or other text inside the cell.
 */
export function decimalText(cell: CellInput): Parsed<string> {
  if (cell.kind === "number") return ok(numberToDecimalString(cell.value));
  if (cell.kind === "error") return fail(errorMessage(cell));
  if (cell.kind !== "text") return fail(`不是数字：${cellText(cell)}`);
  let text = normalizeText(cell.text);
  if (text.includes(",")) {
    if (!GROUPED.test(text)) return fail(`不是数字（千位分隔符位置不对）：${cell.text.trim()}`);
    text = text.replace(/,/g, "");
  }
  if (/^[+]/.test(text)) text = text.slice(1);
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail(`不是数字：${cell.text.trim()}`);
  if (text.startsWith(".")) text = `0${text}`;
  if (text.startsWith("-.")) text = `-0${text.slice(1)}`;
  if (text.endsWith(".")) text = text.slice(0, -1);
  return ok(text);
}

/** An amount of money written in a unit (1n = 元, 10000n = 万元) converted exactly to fen. */
export function parseMoneyCell(cell: CellInput, yuanPerUnit: bigint, unitLabel: string): Parsed<Fen> {
  const text = decimalText(cell);
  if (!text.ok) return text;
  try {
    return withinBigint(parseAmountInUnit(text.value, yuanPerUnit), text.value);
  } catch (error) {
    if (error instanceof MoneyFormatError) {
      return fail(`金额 ${text.value}（${unitLabel}）换算成元后超过两位小数，不是精确到分的金额`);
    }
    throw error;
  }
}

/** A count of people or things: a whole number, zero or more. */
export function parseCountCell(cell: CellInput): Parsed<bigint> {
  const text = decimalText(cell);
  if (!text.ok) return text;
  const match = /^(\d+)(?:\.0*)?$/.exec(text.value);
  if (!match) return fail(`应为不小于0的整数：${text.value}`);
  return withinBigint(BigInt(match[1] as string), text.value);
}

const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** Values are stored as BIGINT: anything beyond it is a typing error, never a real figure. */
function withinBigint(value: bigint, text: string): Parsed<bigint> {
  return value > BIGINT_MAX || value < -BIGINT_MAX ? fail(`数值过大：${text}`) : ok(value);
}

/** The earliest year a figure may be of: before it, a year is a typing error (1880, 202). */
export const MIN_YEAR = 1990;

/** China keeps UTC+8 all year (no daylight saving time). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The latest year a figure may be of: the current year in China. Figures of a year to come do not exist. */
export function currentYearInChina(now: Date = new Date()): number {
  return new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** A year or month the cell denotes (a calendar period, not a day: the day is dropped). */
export interface Period {
  year: number;
  month?: number;
}

// Excel's day serials (1900 date system) of 1990-01-01 and 2099-12-31: a whole number in this range is
// read as a day (a year beyond the current one is then refused as such).
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73415;

function excelSerialToPeriod(serial: number, date1904: boolean): Period {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

function checkPeriod(year: number, month: number | undefined, original: string, latestYear: number): Parsed<Period> {
  if (year < MIN_YEAR) return fail(`年份 ${year} 超出合理范围（${MIN_YEAR}–${latestYear}）：${original}`);
  if (year > latestYear) return fail(`年份 ${year} 晚于今年（${latestYear}年），还没有该年的数据：${original}`);
  if (month !== undefined && (month < 1 || month > 12)) return fail(`月份应在1–12之间：${original}`);
  return ok(month === undefined ? { year } : { year, month });
}

/**
 * Reads a date or period written the usual Chinese ways: 2022-12-31, 2022/12/31, 2022年12月31日,
 * 2022年12月, 2022-12, 2022.12, 202212, 20221231, 2022年, 2022年度, 2022, a date cell, or an Excel day serial.
 * Its year must lie between MIN_YEAR and `latestYear` (the current year unless given).
 */
export function parsePeriodCell(
  cell: CellInput,
  date1904 = false,
  latestYear: number = currentYearInChina(),
): Parsed<Period> {
  if (cell.kind === "date") {
    return checkPeriod(cell.date.getUTCFullYear(), cell.date.getUTCMonth() + 1, cellText(cell), latestYear);
  }
  if (cell.kind === "number") {
    const value = cell.value;
    if (!Number.isInteger(value)) {
      // a date-time serial (fraction = time of day)
      if (value >= SERIAL_MIN && value <= SERIAL_MAX + 1) {
        const period = excelSerialToPeriod(value, date1904);
        return checkPeriod(period.year, period.month, String(value), latestYear);
      }
      return fail(`无法识别的日期：${numberToDecimalString(value)}`);
    }
    return parsePeriodText(String(value), latestYear, () => {
      if (value >= SERIAL_MIN && value <= SERIAL_MAX) {
        const period = excelSerialToPeriod(value, date1904);
        return checkPeriod(period.year, period.month, String(value), latestYear);
      }
      return undefined;
    });
  }
  if (cell.kind === "text") return parsePeriodText(normalizeText(cell.text), latestYear);
  return fail(`无法识别的日期：${cellText(cell)}`);
}

function parsePeriodText(text: string, latestYear: number, serial?: () => Parsed<Period> | undefined): Parsed<Period> {
  let match = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月(?:份)?)?|年(?:度|全年)?)?$/.exec(text);
  if (match) {
    const [, year, month, day] = match;
    if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return fail(`日期无效：${text}`);
    return checkPeriod(Number(year), month === undefined ? undefined : Number(month), text, latestYear);
  }
  match = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (match) {
    const fromSerial = serial?.();
    if (fromSerial) return fromSerial;
    const [, year, month, day] = match;
    if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return fail(`日期无效：${text}`);
    return checkPeriod(Number(year), Number(month), text, latestYear);
  }
  const fromSerial = serial?.();
  if (fromSerial) return fromSerial;
  return fail(`无法识别的日期：${text}（可写作 2022-12-31、2022年12月、202212 等）`);
}

/** A year: 2022, "2022", "2022年", or any date form (its year), between MIN_YEAR and `latestYear`. */
export function parseYearCell(
  cell: CellInput,
  date1904 = false,
  latestYear: number = currentYearInChina(),
): Parsed<number> {
  const period = parsePeriodCell(cell, date1904, latestYear);
  return period.ok ? ok(period.value.year) : period;
}

/** A month 1–12: 6, "6", "06", "6月", "六月" is not accepted. */
export function parseMonthCell(cell: CellInput): Parsed<number> {
  const text = normalizeText(cellText(cell)).replace(/月份?$/, "");
  if (!/^\d{1,2}(\.0+)?$/.test(text)) return fail(`月份应为1–12的整数：${cellText(cell)}`);
  const month = Number.parseInt(text, 10);
  if (month < 1 || month > 12) return fail(`月份应在1–12之间：${cellText(cell)}`);
  return ok(month);
}

/** Excel keeps 15 significant digits of a number: an 18-digit code typed as one has lost its last digits. */
const DIGITS_KEPT_BY_EXCEL = 1e15;

/** A unified social credit code: trimmed, full-width and lower-case letters normalised, then checked. */
export function parseCreditCodeCell(cell: CellInput): Parsed<string> {
  if (cell.kind === "number" && Math.abs(cell.value) >= DIGITS_KEPT_BY_EXCEL) {
    return fail(
      `统一社会信用代码被存成了数字，表格软件只保留15位有效数字，末几位已丢失：${numberToDecimalString(cell.value)}（请把该列设为文本格式后重新输入）`,
    );
  }
  const code = normalizeText(cellText(cell)).toUpperCase();
  const message = creditCodeMessage(code);
  return message ? fail(message) : ok(code);
}

/** A label looked up in a table of accepted Chinese labels (产业链, 规上状态, …). */
export function parseLabelCell<T>(cell: CellInput, labels: Record<string, T>, what: string): Parsed<T> {
  const text = normalizeText(cellText(cell));
  const value = labels[text] ?? labels[text.toUpperCase()];
  if (value === undefined) {
    return fail(`无法识别的${what}：${cellText(cell)}（可填：${Object.keys(labels).slice(0, 8).join("、")}）`);
  }
  return ok(value);
}

/** A GB/T 4754-2017 industry code: an optional section letter and 2–4 digits ("C2710", "2710", "27"). */
export function parseIndustryCodeCell(cell: CellInput): Parsed<string> {
  const text = normalizeText(cellText(cell)).toUpperCase();
  if (!/^[A-T]?\d{2,4}$/.test(text))
    return fail(`行业代码应为门类字母加2–4位数字（GB/T 4754-2017），如 C2710：${cellText(cell)}`);
  return ok(text);
}
