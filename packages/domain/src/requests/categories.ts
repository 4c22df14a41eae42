/**
 * Enterprise requests (企业诉求直通车, M10): the categories an enterprise files under, each with the time limit
 * the responsible unit has to answer, and the deadline arithmetic. The plan document sets no limits; these are
 * the district's defaults, kept in this one table (docs/services.md).
 */

export const REQUEST_CATEGORY_IDS = ["land", "financing", "labour", "approval", "policy", "other"] as const;
export type RequestCategoryId = (typeof REQUEST_CATEGORY_IDS)[number];

export interface RequestCategory {
  id: RequestCategoryId;
  name: string;
  nameEn: string;
  /** Days the responsible unit has to give its final answer, counted from the day after assignment. */
  limitDays: number;
  /** working: Monday to Friday only (no holiday calendar); calendar: every day. */
  dayKind: "working" | "calendar";
}

export const REQUEST_CATEGORIES: readonly RequestCategory[] = [
  { id: "land", name: "要素保障/用地", nameEn: "Land and production factors", limitDays: 15, dayKind: "working" },
  { id: "financing", name: "融资", nameEn: "Financing", limitDays: 10, dayKind: "working" },
  { id: "labour", name: "用工", nameEn: "Labour", limitDays: 10, dayKind: "working" },
  { id: "approval", name: "审批办证", nameEn: "Approvals and licences", limitDays: 5, dayKind: "working" },
  { id: "policy", name: "政策咨询", nameEn: "Policy enquiries", limitDays: 3, dayKind: "working" },
  { id: "other", name: "其他", nameEn: "Other", limitDays: 15, dayKind: "calendar" },
];

export function requestCategory(id: string): RequestCategory | undefined {
  return REQUEST_CATEGORIES.find((category) => category.id === id);
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
 * only Monday–Friday for working-day limits (a Friday assignment with 1 working day is due on Monday).
 */
export function requestDeadline(assignedOn: string, category: Pick<RequestCategory, "limitDays" | "dayKind">): string {
  let day = dayNumber(assignedOn);
  if (category.dayKind === "calendar") return isoOf(day + category.limitDays);
  let left = category.limitDays;
  while (left > 0) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return isoOf(day);
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
