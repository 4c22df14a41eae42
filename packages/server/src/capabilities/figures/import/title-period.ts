/**
 * The report period a bureau writes in the title above its table ("2022年1-12月规模以上工业企业主要经济
 * 指标", "2023年1—6月…", "2022年度…", "2022年…年报"), for files that have no period column.
 */

/** The period a title names. */
export interface TitlePeriod {
  /** The title as written (trimmed), for messages. */
  text: string;
  /** The spreadsheet row it stands in. */
  row: number;
  year: number;
  /** The first month the title covers (1 for "1-N月"); absent when it names no month. */
  fromMonth?: number;
  /** The last month the title covers ("1-6月" → 6, "6月" → 6, a year's report → 12); absent when it names no month. */
  throughMonth?: number;
  /**
   * "1-N月", or the whole year (年度, 年报, 全年): a figure under a plain header is the total from January
   * to `throughMonth`, as statistical tables give it.
   */
  cumulative: boolean;
}

/** Lines that carry a date but are not the table's period (who filled it in, when). */
const NOT_A_TITLE = /^(填报|填表|制表|报送|报出|打印|审核|编制|日期|时间|注[:：]|说明)/;

/** Dashes and words that join the months of a range, after NFKC (－ → -, ～ → ~). */
const RANGE = "[-~\u2010-\u2015\u301c至到]";

/** A year and what follows it; the alternatives are tried in this order. */
const PERIOD = new RegExp(
  `((?:19|20)\\d{2})年(?:(\\d{1,2})月?${RANGE}(\\d{1,2})月(?!\\d{1,2}日)|(\\d{1,2})月(?!份?\\d{1,2}日|\\d)|(度|全年))?`,
  "g",
);

/** A day (2023年3月15日): a date on the page, not the table's period. */
const DATE = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/g;
/** A range of years (2021-2022年): several periods, none of which the title gives alone. */
const YEAR_RANGE = new RegExp(`(?:19|20)\\d{2}年?${RANGE}(?:19|20)\\d{2}年`);

/**
 * The period one title line names, or undefined when it names none or more than one year (a comparison
 * of two years, a range of years). Dates (a day of a month) are not periods and are passed over.
 */
export function parseTitlePeriod(raw: string, row = 0): TitlePeriod | undefined {
  const text = raw.normalize("NFKC").replace(/\s+/g, "");
  if (!text || NOT_A_TITLE.test(text) || YEAR_RANGE.test(text)) return undefined;
  const withoutDates = text.replace(DATE, "");
  let found: TitlePeriod | undefined;
  for (const match of withoutDates.matchAll(PERIOD)) {
    const year = Number(match[1]);
    if (found) {
      // A second period of another year: the title compares years, it does not name one.
      if (found.year !== year) return undefined;
      continue;
    }
    const [, , from, through, single, whole] = match;
    found = { text: raw.trim(), row, year, cumulative: false };
    if (from !== undefined && through !== undefined) {
      found.fromMonth = Number(from);
      found.throughMonth = Number(through);
      found.cumulative = found.fromMonth === 1;
    } else if (single !== undefined) {
      found.fromMonth = Number(single);
      found.throughMonth = Number(single);
    } else if (whole !== undefined) {
      found.fromMonth = 1;
      found.throughMonth = 12;
      found.cumulative = true;
    }
  }
  if (!found) return undefined;
  if (found.throughMonth === undefined && /年报|年度|全年/.test(withoutDates)) {
    // "2022年规上工业企业年报": the year is named on its own, the whole year later in the line.
    found.fromMonth = 1;
    found.throughMonth = 12;
    found.cumulative = true;
  }
  return found;
}

/** Whether the months a title names are months at all (1–12, in order). */
export function titleMonthsValid(title: TitlePeriod): boolean {
  const { fromMonth, throughMonth } = title;
  if (fromMonth === undefined || throughMonth === undefined) return true;
  return fromMonth >= 1 && throughMonth <= 12 && fromMonth <= throughMonth;
}

/** "1-6月", "6月", "全年" or "" — how a message names the months of a title. */
export function titleMonthsLabel(title: TitlePeriod): string {
  const { fromMonth, throughMonth } = title;
  if (fromMonth === undefined || throughMonth === undefined) return "";
  if (fromMonth === throughMonth) return `${throughMonth}月`;
  return `${fromMonth}-${throughMonth}月`;
}
