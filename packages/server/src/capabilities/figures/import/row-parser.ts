import type { RawRow } from "../../../platform/spreadsheets/read-workbook";
import {
  type CellInput,
  cellText,
  currentYearInChina,
  isBlank,
  MIN_YEAR,
  type Parsed,
  parseCountCell,
  parseCreditCodeCell,
  parseIndustryCodeCell,
  parseLabelCell,
  parseMoneyCell,
  parseMonthCell,
  parsePeriodCell,
  parseTextCell,
  parseYearCell,
  toCellInput,
} from "./cell-values";
import { LISTING_STAGE_LABELS, type MetricId, SCALE_STATUS_LABELS, YES_NO_LABELS } from "./columns";
import type { HeaderLayout, MappedColumn } from "./header";
import { type PlanChains, parseChainCell } from "./plan-lookups";
import { type TitlePeriod, titleMonthsLabel, titleMonthsValid } from "./title-period";
import { type ImportError, type ImportKind, type MoneyUnit, YUAN_PER_UNIT } from "./types";

export interface ImportOptions {
  /** Unit of amounts when neither a header nor a unit line in the file names one. Default 万元. */
  unit?: MoneyUnit;
  /** Year of every row when the file has no year (or period) column. */
  year?: number;
  /** Month of every row of a monthly import when the file has no month (or period) column. */
  month?: number;
}

export interface FigureValue {
  metric: MetricId;
  /** Fen for money, a count otherwise. */
  value: bigint;
  /** The file gives the total from January to this month (本年累计, 1-N月), not the month's own value. */
  cumulative: boolean;
}

/**
 * What a figures row says of where its enterprise belongs (行业代码, 产业链, 所属乡镇 columns). Read only when
 * the enterprise is registered from the file, so a bad cell here refuses only such a row.
 */
export interface RowRegistration {
  industryCode?: string;
  /** The plan chain a 产业链 cell names. */
  chainId?: string;
  townName?: string;
  /** Cells of these columns that could not be read. */
  errors: ImportError[];
}

export interface FigureRecord {
  row: number;
  creditCode: string;
  name?: string;
  year: number;
  /** 0 for the whole year. */
  month: number;
  values: FigureValue[];
  /** Present when the file has a 行业代码, 产业链 or 所属乡镇 column. */
  registration?: RowRegistration;
}

export type ScaleStatus = "above" | "reserve" | "other";

/** A register row; a field left undefined was blank (or absent) and leaves the stored value as it is. */
export interface RegisterRecord {
  row: number;
  creditCode: string;
  name?: string;
  townName?: string;
  chainId?: string;
  industryCode?: string;
  scaleStatus?: ScaleStatus;
  statusYear?: number;
  entryYear?: number;
  isKey?: boolean;
  listingStage?: string;
}

export type ParsedRow<T> =
  | { kind: "record"; record: T }
  | { kind: "empty" }
  | { kind: "errors"; errors: ImportError[] };

/**
 * Text that cannot be blank: it holds an ASCII letter or digit, or a CJK ideograph other than 无
 * and 空. Such characters survive normalizeText unchanged, and every "no data" mark is made of
 * other characters, so the full check (NFKC normalisation) can be skipped for most cells.
 */
const SURELY_NOT_BLANK = /[0-9A-Za-z\u4e00-\u65df\u65e1-\u7a79\u7a7b-\u9fff]/;

/** Leading or trailing white space (full-width spaces included), which cellText trims. */
const EDGE_SPACE = /^[\s\u3000]|[\s\u3000]$/;

function isBlankCell(cell: CellInput): boolean {
  if (cell.kind === "text" && SURELY_NOT_BLANK.test(cell.text)) return false;
  return isBlank(cell);
}

/** Below this, a number has at most one decimal of a given length that reads back as it (see below). */
const UNIQUE_DECIMAL_LIMIT = 2 ** 51;

/**
 * Fen of an amount given as a number cell, or undefined when this quick path cannot decide (the
 * cell then goes through parseMoneyCell, which decides and words any error). Same result as
 * parseMoneyCell, which reads the number through its shortest decimal form, without building
 * strings: the fewest decimals d for which an integer n gives n / 10^d === x are the decimals of
 * that shortest form (dividing two exact integers rounds like parsing the decimal), and below 2^51
 * that n is the only candidate. Every step stays within exact integers.
 */
export function fenOfNumberCell(value: number, fenPerUnit: number): bigint | undefined {
  if (Number.isSafeInteger(value)) {
    const fen = value * fenPerUnit;
    return Number.isSafeInteger(fen) ? BigInt(fen) : undefined;
  }
  // More decimals than the unit has digits of fen cannot be a whole number of fen.
  for (let scale = 10; scale <= fenPerUnit; scale *= 10) {
    const digits = Math.round(value * scale);
    if (Math.abs(digits) >= UNIQUE_DECIMAL_LIMIT) return undefined;
    if (digits / scale !== value) continue;
    const fen = digits * (fenPerUnit / scale);
    return Number.isSafeInteger(fen) ? BigInt(fen) : undefined;
  }
  return undefined;
}

interface MetricColumn {
  column: MappedColumn;
  yuanPerUnit: bigint;
  unitLabel: string;
  /** Fen per unit as a number (for the exact fast path), 0 for counts. */
  fenPerUnit: number;
  metric: MetricId;
  cumulative: boolean;
  parse: (cell: CellInput) => Parsed<bigint>;
}

/** Turns the rows of a sheet into checked records of one import kind; knows the file's layout. */
export class RowParser {
  private readonly byField = new Map<string, MappedColumn>();
  private readonly metricColumns: MetricColumn[] = [];
  readonly headerErrors: ImportError[] = [];
  private readonly rowErrors: ImportError[] = [];
  /** The last credit code cell read and its result: the rows of one enterprise usually come together. */
  private lastCode?: { text: string; parsed: Parsed<string> };
  /** The latest year a row may be of (the current year in China when the import began). */
  private readonly latestYear = currentYearInChina();
  /** The period a title above the table names, when the import reads it (figures only). */
  private readonly title?: TitlePeriod;
  /** The month every row is of, from the title, when the file has no month or period column. */
  private readonly titleMonth?: number;
  private readonly registrationColumns: boolean;

  constructor(
    readonly kind: ImportKind,
    readonly layout: HeaderLayout,
    private readonly options: ImportOptions,
    private readonly date1904 = false,
    /** The district's chains, for 产业链 cells; undefined when the district has no plan loaded. */
    private readonly chains?: PlanChains,
  ) {
    for (const column of layout.columns) this.byField.set(column.field.field, column);
    if (kind !== "register" && layout.title) this.title = layout.title;
    const monthColumn = this.byField.has("month") || this.byField.has("period");
    const title = this.title;
    // "1-N月" (or the year's report) gives month N; a single month ("6月") gives itself; "7-9月" gives none.
    if (kind === "monthly" && !monthColumn && title?.throughMonth !== undefined) {
      if (title.cumulative || title.fromMonth === title.throughMonth) this.titleMonth = title.throughMonth;
    }
    this.registrationColumns =
      kind !== "register" && ["industryCode", "chain", "town"].some((field) => this.byField.has(field));
    for (const column of layout.columns) {
      const metric = column.field.metric;
      if (!metric) continue;
      // Under a title "2022年1-6月…" that gives the month, a plain header holds the total from January, as in
      // every statistical table; a header saying 本月 or 当月 still holds the month's own value.
      // Head counts (从业人员) are never summed over months: they stay the period's own figure.
      const titleTotal =
        metric.valueKind === "money" &&
        this.titleMonth !== undefined &&
        this.title?.cumulative === true &&
        column.qualifier.kind === "plain" &&
        column.qualifier.own !== true;
      const cumulative = kind === "monthly" && (column.qualifier.kind === "cumulative" || titleTotal);
      if (metric.valueKind === "count") {
        this.metricColumns.push({
          column,
          yuanPerUnit: 1n,
          unitLabel: "人",
          fenPerUnit: 0,
          metric: metric.metric,
          cumulative,
          parse: parseCountCell,
        });
        continue;
      }
      const unit: MoneyUnit =
        column.unit && column.unit !== "人" ? column.unit : (layout.unitLine ?? options.unit ?? "万元");
      if (column.unit === "人") this.headerError(column, `${metric.label}是金额，不能以“人”为单位`);
      const yuanPerUnit = YUAN_PER_UNIT[unit];
      this.metricColumns.push({
        column,
        yuanPerUnit,
        unitLabel: unit,
        fenPerUnit: Number(yuanPerUnit * 100n),
        metric: metric.metric,
        cumulative,
        parse: (cell) => parseMoneyCell(cell, yuanPerUnit, unit),
      });
    }
    this.checkHeader();
  }

  /** How the amounts of each money column are read, for the preview ("营业收入：万元"). */
  get units(): Record<string, string> {
    const units: Record<string, string> = {};
    for (const { column, unitLabel } of this.metricColumns) units[column.field.field] = unitLabel;
    return units;
  }

  private headerError(column: MappedColumn | undefined, message: string): void {
    this.headerErrors.push({
      row: this.layout.headerRowNumber,
      ...(column ? { column: column.header, columnLetter: column.letter, field: column.field.field } : {}),
      message,
    });
  }

  private checkHeader(): void {
    const has = (field: string) => this.byField.has(field);
    const year = this.options.year;
    if (year !== undefined && (year < MIN_YEAR || year > this.latestYear)) {
      this.headerErrors.push({
        row: 0,
        field: "year",
        message: `导入时指定的年份 ${year} 不在 ${MIN_YEAR}–${this.latestYear} 之间（没有未来年份的数据）`,
      });
    }
    if (this.kind === "register") {
      if (!has("name")) this.headerError(undefined, "缺少必填列：企业名称");
      return;
    }
    if (this.metricColumns.length === 0) {
      this.headerError(undefined, "没有可导入的指标列（如 营业收入、入库税收、工业总产值、从业人员）");
    }
    if (!has("year") && !has("period") && this.options.year === undefined && this.title === undefined) {
      this.headerError(undefined, "缺少“年份”列（或“报告期”列，或在表格上方的标题中写明年份，如“2022年1-12月…”）");
    }
    this.checkTitle();
    for (const { column } of this.metricColumns) {
      const qualifier = column.qualifier;
      if (qualifier.kind !== "cumulative") continue;
      if (this.kind === "annual" && qualifier.throughMonth !== undefined && qualifier.throughMonth !== 12) {
        this.headerError(column, `年度导入需要全年数（1-12月），此列为1-${qualifier.throughMonth}月累计`);
      }
      if (qualifier.throughMonth !== undefined && (qualifier.throughMonth < 1 || qualifier.throughMonth > 12)) {
        this.headerError(column, `表头中的月份应在1–12之间：${column.header}`);
      }
    }
    if (this.kind === "monthly" && !has("month") && !has("period") && this.options.month === undefined) {
      const months = new Set(
        this.metricColumns
          .map(({ column }) => (column.qualifier.kind === "cumulative" ? column.qualifier.throughMonth : undefined))
          .filter((month) => month !== undefined),
      );
      // A title naming months that give none (7-9月) has said so already.
      if (months.size === 0 && this.titleMonth === undefined && this.title?.throughMonth === undefined) {
        this.headerError(undefined, "缺少“月份”列（或“报告期”列，或表头、标题写明“1-N月”）");
      }
      if (months.size > 1) this.headerError(undefined, `各列表头中的累计月份不一致：${[...months].join("、")}月`);
    }
  }

  /** A title's period must be one the import can take, and agree with the months the headers name. */
  private checkTitle(): void {
    const title = this.title;
    if (!title) return;
    const months = titleMonthsLabel(title);
    const where = { row: title.row, field: "period" };
    if (!titleMonthsValid(title)) {
      this.headerErrors.push({ ...where, message: `标题「${title.text}」中的月份无效：${months}` });
      return;
    }
    if (title.year < MIN_YEAR || title.year > this.latestYear) {
      this.headerErrors.push({
        ...where,
        message: `标题「${title.text}」中的年份 ${title.year} 不在 ${MIN_YEAR}–${this.latestYear} 之间`,
      });
    }
    // A year's figures: 1-12月, the year's report, or December's report (whose totals are the year's).
    const wholeYear = title.throughMonth === 12 && (title.fromMonth === 1 || title.fromMonth === 12);
    if (this.kind === "annual" && title.throughMonth !== undefined && !wholeYear) {
      this.headerErrors.push({
        ...where,
        message: `年度导入需要全年数（1-12月），标题「${title.text}」为${months}的数据`,
      });
    }
    const monthColumn = this.byField.has("month") || this.byField.has("period");
    if (this.kind === "monthly" && !monthColumn && this.titleMonth === undefined && title.throughMonth !== undefined) {
      this.headerErrors.push({
        ...where,
        message: `标题「${title.text}」的报告期为${months}，不是从1月起的累计，也不是单月：请增加“月份”列或“报告期”列`,
      });
    }
    if (this.titleMonth === undefined) return;
    for (const { column } of this.metricColumns) {
      const through = column.qualifier.kind === "cumulative" ? column.qualifier.throughMonth : undefined;
      if (through !== undefined && through !== this.titleMonth) {
        this.headerError(column, `表头「${column.header}」为1-${through}月，与标题「${title.text}」的${months}不一致`);
      }
    }
  }

  private cell(row: RawRow, field: string): { column: MappedColumn; cell: CellInput } | undefined {
    const column = this.byField.get(field);
    if (!column) return undefined;
    return { column, cell: toCellInput(row.values[column.columnNumber]) };
  }

  /** Whether every mapped cell of the row is blank (rows like that are skipped). */
  private isEmptyRow(row: RawRow): boolean {
    for (const column of this.layout.columns) {
      const value = row.values[column.columnNumber];
      // Numbers, dates and most text are never blank: decided without building a CellInput (hot path).
      if (typeof value === "number" || value instanceof Date) return false;
      if (typeof value === "string" && SURELY_NOT_BLANK.test(value)) return false;
      if (!isBlank(toCellInput(value))) return false;
    }
    return true;
  }

  parse(row: RawRow): ParsedRow<FigureRecord | RegisterRecord> {
    if (this.isEmptyRow(row)) return { kind: "empty" };
    return this.kind === "register" ? this.parseRegister(row) : this.parseFigures(row);
  }

  private read<T>(
    row: RawRow,
    field: string,
    errors: ImportError[],
    parse: (cell: CellInput) => Parsed<T>,
    required?: string,
  ): T | undefined {
    const found = this.cell(row, field);
    if (!found || isBlankCell(found.cell)) {
      if (required) {
        errors.push({
          row: row.rowNumber,
          ...(found ? { column: found.column.header, columnLetter: found.column.letter } : {}),
          field,
          message: `缺少必填项：${required}`,
        });
      }
      return undefined;
    }
    const parsed = parse(found.cell);
    if (parsed.ok) return parsed.value;
    errors.push({
      row: row.rowNumber,
      column: found.column.header,
      columnLetter: found.column.letter,
      field,
      message: parsed.message,
    });
    return undefined;
  }

  /** The credit code, reusing the last result when the cell holds the same text as the row before. */
  private readCreditCode(row: RawRow, errors: ImportError[]): string | undefined {
    const column = this.byField.get("creditCode");
    const raw = column ? row.values[column.columnNumber] : undefined;
    if (column && typeof raw === "string" && this.lastCode?.text === raw) {
      const parsed = this.lastCode.parsed;
      if (parsed.ok) return parsed.value;
      errors.push({
        row: row.rowNumber,
        column: column.header,
        columnLetter: column.letter,
        field: "creditCode",
        message: parsed.message,
      });
      return undefined;
    }
    let parsed: Parsed<string> | undefined;
    const code = this.read(
      row,
      "creditCode",
      errors,
      (cell) => {
        parsed = parseCreditCodeCell(cell);
        return parsed;
      },
      "统一社会信用代码",
    );
    if (typeof raw === "string" && parsed) this.lastCode = { text: raw, parsed };
    return code;
  }

  /** A whole number within [min, max] given as a number cell: the common case, read without the general parser. */
  private wholeNumberIn(row: RawRow, field: string, min: number, max: number): number | undefined {
    const column = this.byField.get(field);
    if (!column) return undefined;
    const raw = row.values[column.columnNumber];
    return typeof raw === "number" && Number.isInteger(raw) && raw >= min && raw <= max ? raw : undefined;
  }

  /** The name as written (it only names the enterprise in messages); plain text is taken as it is when untrimmed. */
  private readName(row: RawRow): string | undefined {
    const column = this.byField.get("name");
    if (!column) return undefined;
    const raw = row.values[column.columnNumber];
    if (typeof raw === "string" && SURELY_NOT_BLANK.test(raw) && !EDGE_SPACE.test(raw)) return raw;
    const cell = toCellInput(raw);
    return isBlankCell(cell) ? undefined : cellText(cell);
  }

  private parseFigures(row: RawRow): ParsedRow<FigureRecord> {
    // Most rows have no error: one array serves them all, copied only for a row that has some.
    const errors = this.rowErrors;
    errors.length = 0;
    const creditCode = this.readCreditCode(row, errors);
    const name = this.readName(row);

    let year =
      this.wholeNumberIn(row, "year", MIN_YEAR, this.latestYear) ??
      this.read(row, "year", errors, (cell) => parseYearCell(cell, this.date1904, this.latestYear));
    let month =
      this.kind !== "monthly"
        ? undefined
        : (this.wholeNumberIn(row, "month", 1, 12) ?? this.read(row, "month", errors, parseMonthCell));
    if (year === undefined || (this.kind === "monthly" && month === undefined)) {
      const period = this.read(row, "period", errors, (cell) => parsePeriodCell(cell, this.date1904, this.latestYear));
      if (period) {
        year ??= period.year;
        if (this.kind === "monthly" && month === undefined) {
          if (period.month === undefined) {
            const column = this.byField.get("period") as MappedColumn;
            errors.push({
              row: row.rowNumber,
              column: column.header,
              columnLetter: column.letter,
              field: "period",
              message: "月度导入的报告期应写明月份，如 2022年12月",
            });
          }
          month = period.month;
        }
      }
    }
    if (this.title) this.checkAgainstTitle(row, year, month, errors);
    year ??= this.title?.year ?? this.options.year;
    if (this.kind === "monthly") {
      month ??= this.headerMonth() ?? this.titleMonth ?? this.options.month;
    }
    if (year === undefined && !errors.some((error) => error.field === "year" || error.field === "period")) {
      errors.push({ row: row.rowNumber, field: "year", message: "缺少必填项：年份" });
    }
    if (
      this.kind === "monthly" &&
      month === undefined &&
      !errors.some((e) => e.field === "month" || e.field === "period")
    ) {
      errors.push({ row: row.rowNumber, field: "month", message: "缺少必填项：月份" });
    }

    const values: FigureValue[] = [];
    for (const metricColumn of this.metricColumns) {
      const { column, fenPerUnit, metric, cumulative } = metricColumn;
      const raw = row.values[column.columnNumber];
      let value: bigint | undefined;
      if (typeof raw === "number") {
        // Number cells, nearly all of a large file, are converted exactly without the general parser.
        if (fenPerUnit > 0) value = fenOfNumberCell(raw, fenPerUnit);
        else if (Number.isSafeInteger(raw) && raw >= 0) value = BigInt(raw);
      }
      value ??= this.read(row, column.field.field, errors, metricColumn.parse);
      if (value === undefined) continue;
      values.push({ metric, value, cumulative });
    }
    if (errors.length > 0) return { kind: "errors", errors: errors.slice() };
    if (values.length === 0) return { kind: "empty" };
    return {
      kind: "record",
      record: {
        row: row.rowNumber,
        creditCode: creditCode as string,
        ...(name ? { name } : {}),
        year: year as number,
        month: this.kind === "monthly" ? (month as number) : 0,
        values,
        ...(this.registrationColumns ? { registration: this.readRegistration(row) } : {}),
      },
    };
  }

  /**
   * A row's year (and month) read from its columns must agree with the title above the table: its year,
   * and a month within the months the title covers ("2022年1-2月…" holds January and February).
   */
  private checkAgainstTitle(row: RawRow, year: number | undefined, month: number | undefined, errors: ImportError[]) {
    const title = this.title as TitlePeriod;
    const source = this.byField.get("year") ?? this.byField.get("period");
    if (year !== undefined && year !== title.year && source) {
      errors.push({
        row: row.rowNumber,
        column: source.header,
        columnLetter: source.letter,
        field: source.field.field,
        message: `「${source.header}」为${year}年，与表格上方标题「${title.text}」（第${title.row}行）的${title.year}年不一致`,
      });
      return;
    }
    const { fromMonth, throughMonth } = title;
    if (this.kind !== "monthly" || month === undefined || fromMonth === undefined || throughMonth === undefined) return;
    if (month >= fromMonth && month <= throughMonth) return;
    const column = this.byField.get("month") ?? this.byField.get("period");
    errors.push({
      row: row.rowNumber,
      ...(column ? { column: column.header, columnLetter: column.letter, field: column.field.field } : {}),
      message: `本行为${month}月，不在表格上方标题「${title.text}」（第${title.row}行）所写的${titleMonthsLabel(title)}之内`,
    });
  }

  /** The 行业代码, 产业链 and 所属乡镇 cells of a figures row; their errors are kept apart (see RowRegistration). */
  private readRegistration(row: RawRow): RowRegistration {
    const errors: ImportError[] = [];
    const registration: RowRegistration = { errors };
    const industryCode = this.read(row, "industryCode", errors, parseIndustryCodeCell);
    if (industryCode !== undefined) registration.industryCode = industryCode;
    const chain = this.read(row, "chain", errors, (cell) => parseChainCell(cell, this.chains));
    if (chain !== undefined) registration.chainId = chain.id;
    const townName = this.read(row, "town", errors, parseTextCell);
    if (townName !== undefined) registration.townName = townName;
    return registration;
  }

  private headerMonth(): number | undefined {
    for (const { column } of this.metricColumns) {
      if (column.qualifier.kind === "cumulative" && column.qualifier.throughMonth !== undefined) {
        return column.qualifier.throughMonth;
      }
    }
    return undefined;
  }

  private parseRegister(row: RawRow): ParsedRow<RegisterRecord> {
    const errors: ImportError[] = [];
    const record: RegisterRecord = { row: row.rowNumber, creditCode: "" };
    const creditCode = this.read(row, "creditCode", errors, parseCreditCodeCell, "统一社会信用代码");
    const name = this.read(row, "name", errors, parseTextCell, "企业名称");
    const townName = this.read(row, "town", errors, parseTextCell);
    const chainId = this.read(row, "chain", errors, (cell) => parseChainCell(cell, this.chains))?.id;
    const industryCode = this.read(row, "industryCode", errors, parseIndustryCodeCell);
    const scaleStatus = this.read(row, "scaleStatus", errors, (cell) =>
      parseLabelCell(cell, SCALE_STATUS_LABELS, "规上状态"),
    );
    const statusYear = this.read(row, "statusYear", errors, (cell) =>
      parseYearCell(cell, this.date1904, this.latestYear),
    );
    const entryYear = this.read(row, "entryYear", errors, (cell) =>
      parseYearCell(cell, this.date1904, this.latestYear),
    );
    const isKey = this.read(row, "isKey", errors, (cell) =>
      parseLabelCell(cell, YES_NO_LABELS, "是否重点企业（填 是 或 否）"),
    );
    const listingStage = this.read(row, "listingStage", errors, (cell) =>
      parseLabelCell(cell, LISTING_STAGE_LABELS, "上市阶段"),
    );
    const effectiveStatusYear = statusYear ?? this.options.year;
    if (scaleStatus !== undefined && effectiveStatusYear === undefined) {
      const column = this.byField.get("scaleStatus") as MappedColumn;
      errors.push({
        row: row.rowNumber,
        column: column.header,
        columnLetter: column.letter,
        field: "statusYear",
        message: "填写了规上状态，但缺少状态年份（增加“状态年份”列，或导入时指定年份）",
      });
    }
    if (errors.length > 0) return { kind: "errors", errors };
    record.creditCode = creditCode as string;
    if (name !== undefined) record.name = name;
    if (townName !== undefined) record.townName = townName;
    if (chainId !== undefined) record.chainId = chainId;
    if (industryCode !== undefined) record.industryCode = industryCode;
    if (scaleStatus !== undefined) {
      record.scaleStatus = scaleStatus;
      record.statusYear = effectiveStatusYear as number;
    }
    if (entryYear !== undefined) record.entryYear = entryYear;
    if (isKey !== undefined) record.isKey = isKey;
    if (listingStage !== undefined) record.listingStage = listingStage;
    return { kind: "record", record };
  }
}
