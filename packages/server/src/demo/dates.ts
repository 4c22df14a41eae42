/**
 * Calendar dates (YYYY-MM-DD, the district's own dates, no time zone) for the demo generator.
 * Computed in UTC so that the result never depends on the machine's time zone.
 */
import type { SeededRandom } from "./random";

const DAY_MS = 86_400_000;

/** The date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A date of `year` between two months (1..12, both included), on a working-looking day (1..28). */
export function dateInYear(random: SeededRandom, year: number, fromMonth = 1, toMonth = 12): string {
  const month = random.int(fromMonth, toMonth);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

/** An ISO timestamp at 09:30 Beijing time of a date (01:30 UTC), for rows that record when they were written. */
export function timestampOn(date: string): string {
  return `${date}T01:30:00.000Z`;
}
