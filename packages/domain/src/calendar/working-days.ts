/**
 * Working days by the official calendar: each year the State Council publishes its public holidays (放假) and the
 * weekend days worked in exchange (调休上班). The calendar is data the office keeps, handed in here; a year it has
 * not entered counts Monday–Friday, and every answer says which years were counted so.
 */

/** One year's official calendar, as ISO dates (YYYY-MM-DD). */
export interface OfficialYear {
  year: number;
  /** Days off, weekdays among them (春节、国庆 …). */
  holidays: readonly string[];
  /** Weekend days worked in exchange (调休上班). */
  makeupWorkdays: readonly string[];
}

/** A date reached by counting working days, and the years counted Monday–Friday for want of their calendar. */
export interface WorkingDayCount {
  date: string;
  yearsWithoutCalendar: number[];
}

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`日期格式应为 YYYY-MM-DD：${isoDate}`);
  return Math.round(ms / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The official calendar of the years given; other years fall back to Monday–Friday. */
export class WorkingCalendar {
  private readonly years = new Set<number>();
  private readonly holidays = new Set<string>();
  private readonly makeupWorkdays = new Set<string>();

  constructor(years: readonly OfficialYear[] = []) {
    for (const entry of years) {
      this.years.add(entry.year);
      for (const day of entry.holidays) this.holidays.add(day);
      for (const day of entry.makeupWorkdays) this.makeupWorkdays.add(day);
    }
  }

  /** Whether the year's official calendar is known (else its days count Monday–Friday). */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** Whether a date is a working day: a make-up working day is, a holiday is not, else Monday–Friday. */
  isWorkingDay(isoDate: string): boolean {
    if (this.makeupWorkdays.has(isoDate)) return true;
    if (this.holidays.has(isoDate)) return false;
    const weekday = new Date(dayNumber(isoDate) * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The day `count` working days after `from` (a limit of 1 working day from a Friday before a holiday ends on the
   * first working day after it); `from` itself is not counted.
   */
  addWorkingDays(from: string, count: number): WorkingDayCount {
    let day = dayNumber(from);
    let left = count;
    const missing = new Set<number>();
    while (left > 0) {
      day += 1;
      const iso = isoOf(day);
      const year = Number(iso.slice(0, 4));
      if (!this.years.has(year)) missing.add(year);
      if (this.isWorkingDay(iso)) left -= 1;
    }
    return { date: isoOf(day), yearsWithoutCalendar: [...missing].sort((a, b) => a - b) };
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) if (this.isWorkingDay(isoOf(day))) count++;
    return count;
  }
}
