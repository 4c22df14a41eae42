/**
 * Enterprise requests (企业诉求直通车, M10): the deadline arithmetic and the traffic light. The categories an
 * enterprise files under, with the time limit of each and the units that answer it, are the plan's
 * (`requestCategories`, docs/plan-format.md); nothing here names one.
 */
import { WorkingCalendar } from "../calendar/working-days";
import type { PlanRequestCategory } from "../plan/schema";

/** How long the responsible unit has: `limitDays` working days (by the official calendar when known) or calendar days. */
export type RequestTimeLimit = Pick<PlanRequestCategory, "limitDays" | "dayKind">;

/** The plan's category with this id, if the plan (still) has it. */
export function findRequestCategory(
  categories: readonly PlanRequestCategory[],
  id: string,
): PlanRequestCategory | undefined {
  return categories.find((category) => category.id === id);
}

/** Days past the deadline after which an overdue request turns red and is escalated to the office and leader. */
export const REQUEST_RED_AFTER_DAYS = 5;

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The answer deadline of a request assigned on `assignedOn` (YYYY-MM-DD): `limitDays` days after it, counting
 * only working days for working-day limits, by the official calendar when one is given (its holidays and make-up
 * working days), else Monday–Friday (a Friday assignment with 1 working day is due on Monday).
 */
export function requestDeadline(
  assignedOn: string,
  category: RequestTimeLimit,
  calendar: WorkingCalendar = new WorkingCalendar(),
): string {
  if (category.dayKind === "calendar") return isoOf(dayNumber(assignedOn) + category.limitDays);
  return calendar.addWorkingDays(assignedOn, category.limitDays).date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The traffic light of a request not yet answered. */
export const REQUEST_LIGHTS = ["green", "yellow", "red"] as const;
export type RequestLight = (typeof REQUEST_LIGHTS)[number];

/**
 * The traffic light of a request not yet answered, on `today`: green until its deadline, yellow when overdue
 * by 1 to REQUEST_RED_AFTER_DAYS days, red beyond.
 */
export function requestLight(deadline: string, today: string): { light: RequestLight; overdueDays: number } {
  const overdueDays = Math.max(0, daysFromTo(deadline, today));
  if (overdueDays === 0) return { light: "green", overdueDays };
  return { light: overdueDays > REQUEST_RED_AFTER_DAYS ? "red" : "yellow", overdueDays };
}
