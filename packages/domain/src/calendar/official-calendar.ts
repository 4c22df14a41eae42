/**
 * The official calendar as the office keeps it: one entry per date, a public holiday (放假) or a weekend day worked in
 * exchange (调休上班), under the year of the State Council's arrangement it belongs to (2023's 元旦 began on
 * 2022-12-31), with its name and the notice it comes from. The arrangements of past years ship as data
 * (`official-holidays.json`); the checks here are the same for the shipped data, a form and an imported year.
 */
import shipped from "./official-holidays.json" with { type: "json" };
import { type OfficialYear, WorkingCalendar } from "./working-days";

export const OFFICIAL_DAY_KINDS = ["holiday", "workday"] as const;
export type OfficialDayKind = (typeof OFFICIAL_DAY_KINDS)[number];

/** The words of each kind, as the notices write them (and an import may). */
export const OFFICIAL_DAY_KIND_WORDS: Record<OfficialDayKind, string> = { holiday: "放假", workday: "调休上班" };

/** One date of the official calendar. */
export interface OfficialDay {
  /** The year of the arrangement (usually the date's year). */
  year: number;
  /** YYYY-MM-DD. */
  date: string;
  kind: OfficialDayKind;
  /** The holiday, e.g. 春节; for a make-up working day, the holiday it makes up for. */
  name: string;
  nameEn: string | null;
  /** The notice, e.g. 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
  source: string;
}

export const OFFICIAL_DAY_LIMITS = { name: 30, nameEn: 60, source: 200 } as const;

const DAY_MS = 86_400_000;

/** Whether the text is a real date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** 0 for Sunday … 6 for Saturday. */
export function weekdayOf(isoDate: string): number {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`)).getUTCDay();
}

/**
 * What is wrong with a day, each problem naming its field in Chinese (empty when nothing is): a real date within its
 * arrangement's year (or the December before, the January after), a make-up working day on a Saturday or Sunday,
 * a name and a source.
 */
export function officialDayProblems(day: OfficialDay): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(day.year) || day.year < 2000 || day.year > 2100)
    problems.push(`年度：应为 2000 至 2100 之间的四位年份，实为“${day.year}”`);
  if (!isIsoDate(day.date)) problems.push(`日期：应为 YYYY-MM-DD 格式的真实日期，实为“${day.date}”`);
  else {
    const [dateYear, month] = day.date.split("-").map(Number) as [number, number];
    const inYear =
      dateYear === day.year ||
      (dateYear === day.year - 1 && month === 12) ||
      (dateYear === day.year + 1 && month === 1);
    if (!inYear) problems.push(`日期：${day.date} 不在${day.year}年的节假日安排之内`);
    const weekday = weekdayOf(day.date);
    if (day.kind === "workday" && weekday !== 0 && weekday !== 6)
      problems.push(`类型：调休上班日应为周六或周日，${day.date} 是工作日`);
  }
  if (!OFFICIAL_DAY_KINDS.includes(day.kind)) problems.push(`类型：应为“放假”或“调休上班”，实为“${day.kind}”`);
  const name = day.name.trim();
  if (name === "") problems.push("名称：不能为空（例如 春节、国庆节）");
  else if (name.length > OFFICIAL_DAY_LIMITS.name) problems.push(`名称：不能超过 ${OFFICIAL_DAY_LIMITS.name} 个字`);
  if ((day.nameEn ?? "").length > OFFICIAL_DAY_LIMITS.nameEn)
    problems.push(`英文名称：不能超过 ${OFFICIAL_DAY_LIMITS.nameEn} 个字符`);
  const source = day.source.trim();
  if (source === "") problems.push("来源：不能为空（例如 国务院办公厅关于2025年部分节假日安排的通知）");
  else if (source.length > OFFICIAL_DAY_LIMITS.source)
    problems.push(`来源：不能超过 ${OFFICIAL_DAY_LIMITS.source} 个字`);
  return problems;
}

/** The kind an import or a pasted line writes: 放假/休/holiday, or 调休上班/上班/班/workday. */
export function readOfficialDayKind(text: string): OfficialDayKind | null {
  const written = text.replace(/\s/g, "").toLowerCase();
  if (["放假", "休", "休息", "节假日", "holiday"].includes(written)) return "holiday";
  if (["调休上班", "上班", "班", "补班", "workday", "make-up", "makeup"].includes(written)) return "workday";
  return null;
}

/**
 * A year's list pasted as text, one date a line: `2027-01-01 放假 元旦` (date, kind, name, English name optional;
 * separated by tabs, commas or spaces). Blank lines are skipped; every problem names its line.
 */
export function parseOfficialDayLines(
  text: string,
  year: number,
  source: string,
): { days: OfficialDay[]; problems: string[] } {
  const days: OfficialDay[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const cells = line
      .trim()
      .split(/\t|,|，|\s{2,}/)
      .map((cell) => cell.trim());
    const parts = cells.length >= 3 ? cells : line.trim().split(/\s+/);
    const [date = "", kindText = "", name = "", ...english] = parts;
    const kind = readOfficialDayKind(kindText);
    const at = `第${index + 1}行`;
    if (kind === null) {
      problems.push(`${at} 类型：应为“放假”或“调休上班”，实为“${kindText}”`);
      return;
    }
    const day: OfficialDay = {
      year,
      date: date.replace(/[/.]/g, "-"),
      kind,
      name: name.trim(),
      nameEn: english.join(" ").trim() || null,
      source,
    };
    const found = officialDayProblems(day);
    if (found.length > 0) problems.push(...found.map((problem) => `${at} ${problem}`));
    else days.push(day);
  });
  return { days, problems: [...problems, ...duplicateProblems(days)] };
}

/** A problem for each date listed twice. */
export function duplicateProblems(days: readonly Pick<OfficialDay, "date">[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const day of days) {
    if (seen.has(day.date)) problems.push(`日期：${day.date} 重复`);
    seen.add(day.date);
  }
  return problems;
}

interface ShippedYear {
  year: number;
  source: string;
  holidays: { name: string; nameEn: string; from: string; to: string }[];
  makeupWorkdays: { name: string; nameEn: string; dates: string[] }[];
}

function datesFromTo(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS)
    dates.push(new Date(ms).toISOString().slice(0, 10));
  return dates;
}

/** The days of one shipped arrangement, date by date. */
function shippedDays(entry: ShippedYear): OfficialDay[] {
  const { year, source } = entry;
  return [
    ...entry.holidays.flatMap((holiday) =>
      datesFromTo(holiday.from, holiday.to).map((date) => ({
        year,
        date,
        kind: "holiday" as const,
        name: holiday.name,
        nameEn: holiday.nameEn,
        source,
      })),
    ),
    ...entry.makeupWorkdays.flatMap((group) =>
      group.dates.map((date) => ({
        year,
        date,
        kind: "workday" as const,
        name: group.name,
        nameEn: group.nameEn,
        source,
      })),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** The arrangements this release ships, each year's days in date order. */
export const SHIPPED_OFFICIAL_YEARS: readonly { year: number; source: string; days: OfficialDay[] }[] = (
  shipped.years as ShippedYear[]
).map((entry) => ({ year: entry.year, source: entry.source, days: shippedDays(entry) }));

/** The working calendar of the days kept: each year with at least one day counts by its arrangement. */
export function workingCalendarFrom(days: readonly Pick<OfficialDay, "year" | "date" | "kind">[]): WorkingCalendar {
  const years = new Map<number, { holidays: string[]; makeupWorkdays: string[] }>();
  for (const day of days) {
    const entry = years.get(day.year) ?? { holidays: [], makeupWorkdays: [] };
    (day.kind === "holiday" ? entry.holidays : entry.makeupWorkdays).push(day.date);
    years.set(day.year, entry);
  }
  const official: OfficialYear[] = [...years].map(([year, entry]) => ({ year, ...entry }));
  return new WorkingCalendar(official);
}
