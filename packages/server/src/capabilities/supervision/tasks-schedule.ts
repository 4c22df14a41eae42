/**
 * Reporting periods of a task, and its traffic light. Pure (no database), so the rules are unit-tested.
 *
 * A period's report is due by the period's last day (a one-off task: its due date).
 * - Reminder: from REMINDER_DAYS_BEFORE days before a deadline while the period has no report.
 * - Yellow: a period is unreported 1..RED_AFTER_DAYS days past its deadline, or a report was sent back
 *   and not refiled, or the quantity reported so far is below the plan but at least
 *   BEHIND_PLAN_RED_SHARE of it.
 * - Red: a period unreported more than RED_AFTER_DAYS days past its deadline, or the quantity reported
 *   so far is below BEHIND_PLAN_RED_SHARE of the plan.
 * - Green: otherwise.
 */
import type { PeriodStateName, ReportStatus, TaskColor, TaskCycle } from "@beizeng/contract/supervision";
import { periodLabel } from "@beizeng/domain/notifications/messages";

export const REMINDER_DAYS_BEFORE = 3;
export const RED_AFTER_DAYS = 15;
/** Cumulative quantity below this share of the plan turns the task red (as percent: 80). */
export const BEHIND_PLAN_RED_PERCENT = 80n;

export interface Period {
  /** "once", "2022", "2022-Q3" or "2022-07". */
  key: string;
  /** Chinese label: 2022年、2022年第3季度、2022年7月、一次性任务 (periodLabel renders it in English too). */
  label: string;
  start: string;
  /** YYYY-MM-DD: the last day to report on time. */
  deadline: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

const DAY_MS = 86_400_000;

/** The last day (YYYY-MM-DD) of a month (1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whole days from date a to date b (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The date (YYYY-MM-DD) `days` days after `date` (before it, for a negative count). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The reporting periods of a task that start within [startDate, endDate]. */
export function periodsOf(task: {
  cycle: TaskCycle | string;
  startDate: string;
  endDate: string;
  dueDate: string | null;
}): Period[] {
  if (task.cycle === "once") {
    const deadline = task.dueDate ?? task.endDate;
    return [{ key: "once", label: periodLabel("once", "zh-CN"), start: task.startDate, deadline }];
  }
  const [startYear, startMonth] = task.startDate.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = task.endDate.split("-").map(Number) as [number, number];
  const periods: Period[] = [];
  for (let year = startYear; year <= endYear; year++) {
    if (task.cycle === "yearly") {
      periods.push({
        key: `${year}`,
        label: periodLabel(`${year}`, "zh-CN"),
        start: `${year}-01-01`,
        deadline: `${year}-12-31`,
      });
      continue;
    }
    for (let month = 1; month <= 12; month++) {
      if ((year === startYear && month < startMonth) || (year === endYear && month > endMonth)) continue;
      if (task.cycle === "monthly") {
        periods.push({
          key: `${year}-${pad(month)}`,
          label: periodLabel(`${year}-${pad(month)}`, "zh-CN"),
          start: `${year}-${pad(month)}-01`,
          deadline: lastDayOfMonth(year, month),
        });
      } else if (month % 3 === 0 || (year === endYear && month === endMonth)) {
        const quarter = Math.ceil(month / 3);
        if (periods.some((p) => p.key === `${year}-Q${quarter}`)) continue;
        periods.push({
          key: `${year}-Q${quarter}`,
          label: periodLabel(`${year}-Q${quarter}`, "zh-CN"),
          start: `${year}-${pad(quarter * 3 - 2)}-01`,
          deadline: lastDayOfMonth(year, quarter * 3),
        });
      }
    }
  }
  return periods;
}

export interface PeriodReport {
  period: string;
  status: ReportStatus;
  /** YYYY-MM-DD of submission. */
  submittedOn: string;
  quantity: string | null;
}

export interface PeriodState extends Period {
  state: PeriodStateName;
  overdueDays: number;
  /** The quantity computed from records for a task whose quantity comes from them (null otherwise, or not begun). */
  computedQuantity: string | null;
}

export interface TaskHealth {
  color: TaskColor;
  /** Why, in Chinese (empty for green). */
  reasons: string[];
  periods: PeriodState[];
  duePeriods: number;
  reportedPeriods: number;
  onTimePeriods: number;
  overduePeriods: number;
  /** The earliest deadline still to report, for reminders. */
  nextDeadline: string | null;
  /** Decimal text: the quantity achieved so far (reported, or computed from records); null when none is counted. */
  achievedQuantity: string | null;
}

/** Decimal string → hundredths, for exact quantity sums. */
function hundredths(text: string): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, "0"));
}

/** Hundredths → decimal text without trailing zeros: 1250n → "12.5". */
function decimalFromHundredths(value: bigint): string {
  const whole = value / 100n;
  const fraction = (value % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * The state of every period and the task's colour as of `today` (YYYY-MM-DD). `computed` holds each begun
 * period's quantity for a task whose quantity comes from records: then it, not the reports' typed quantity, counts.
 */
export function taskHealth(
  task: { cycle: string; startDate: string; endDate: string; dueDate: string | null; quantityTarget: string | null },
  reports: PeriodReport[],
  today: string,
  computed: ReadonlyMap<string, string> | null = null,
): TaskHealth {
  const reasons: string[] = [];
  let color: TaskColor = "green";
  const raise = (to: TaskColor, reason: string) => {
    if (to === "red" || (to === "yellow" && color === "green")) color = to;
    reasons.push(reason);
  };
  const periods: PeriodState[] = [];
  let duePeriods = 0;
  let reportedPeriods = 0;
  let onTimePeriods = 0;
  let overduePeriods = 0;
  let nextDeadline: string | null = null;
  let plannedHundredths = 0n;
  let achievedHundredths = 0n;
  let quantified = computed !== null;
  const overdue: { label: string; days: number }[] = [];

  for (const period of periodsOf(task)) {
    const forPeriod = reports.filter((r) => r.period === period.key);
    const valid = forPeriod
      .filter((r) => r.status === "submitted")
      .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn));
    const report = valid[0];
    const isDue = period.deadline < today;
    const computedQuantity = computed?.get(period.key) ?? null;
    if (computed) achievedHundredths += hundredths(computedQuantity ?? "0");
    else if (report?.quantity) {
      achievedHundredths += hundredths(report.quantity);
      quantified = true;
    }
    if (isDue && task.quantityTarget) plannedHundredths += hundredths(task.quantityTarget);
    let state: PeriodState["state"];
    let overdueDays = 0;
    if (report) {
      state = report.submittedOn <= period.deadline ? "reported" : "reportedLate";
    } else if (forPeriod.length > 0) {
      state = "returned";
    } else if (period.start > today) {
      state = "upcoming";
    } else {
      state = isDue ? "overdue" : "open";
    }
    if (isDue) {
      duePeriods++;
      if (report) {
        reportedPeriods++;
        if (state === "reported") onTimePeriods++;
      } else {
        overduePeriods++;
        overdueDays = daysBetween(period.deadline, today);
        overdue.push({ label: period.label, days: overdueDays });
      }
    }
    if (!report && !isDue && period.start <= today && (nextDeadline === null || period.deadline < nextDeadline)) {
      nextDeadline = period.deadline;
    }
    if (state === "returned" && !isDue) raise("yellow", `${period.label}的报告被退回，尚未重新报送`);
    periods.push({ ...period, state, overdueDays, computedQuantity });
  }

  // One reason for all overdue periods: the oldest decides the colour.
  const oldest = overdue[0];
  if (oldest) {
    const more = overdue.length > 1 ? `等 ${overdue.length} 期` : "";
    raise(
      oldest.days > RED_AFTER_DAYS ? "red" : "yellow",
      `${oldest.label}${more}逾期未报送，最长已逾期 ${oldest.days} 天`,
    );
  }

  if (plannedHundredths > 0n && achievedHundredths < plannedHundredths) {
    const percent = (achievedHundredths * 100n) / plannedHundredths;
    if (percent < BEHIND_PLAN_RED_PERCENT) raise("red", `累计完成量仅为计划的 ${percent}%`);
    else raise("yellow", `累计完成量为计划的 ${percent}%，落后于计划`);
  }
  return {
    color,
    reasons,
    periods,
    duePeriods,
    reportedPeriods,
    onTimePeriods,
    overduePeriods,
    nextDeadline,
    achievedQuantity: quantified ? decimalFromHundredths(achievedHundredths) : null,
  };
}
