/**
 * The official calendar each district counts its working-day limits by (节假日与调休安排). It is kept per district:
 * the State Council's arrangement is national and ships with the product (the years it knows are loaded into a
 * district the first time its calendar is read, once each, so a year the office deleted stays deleted), and a
 * district may add its own days (a local holiday, a day its government worked) or correct one. The office enters the
 * years that follow, day by day, from the template or by pasting the notice's list; every change is audited.
 */
import type {
  OfficialCalendar,
  OfficialDayInputSchema,
  OfficialDayView,
  OfficialYearImported,
} from "@beizeng/contract/calendar";
import {
  duplicateProblems,
  type OfficialDay,
  type OfficialDayKind,
  officialDayProblems,
  SHIPPED_OFFICIAL_YEARS,
  workingCalendarFrom,
} from "@beizeng/domain/calendar/official-calendar";
import type { WorkingCalendar } from "@beizeng/domain/calendar/working-days";
import type { z } from "zod";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, notFound } from "../../platform/errors";
import { lockDistrict } from "../../platform/plan/districts.repository";
import { todayInChina } from "../supervision/index";
import {
  deleteDay,
  deleteYear,
  findDay,
  findDayOn,
  insertDay,
  insertDays,
  listDays,
  markShippedYearLoaded,
  shippedYearsLoaded,
  updateDay,
} from "./calendar.repository";
import type { OfficialCalendarDayRow } from "./calendar.table";

type DayInput = z.output<typeof OfficialDayInputSchema>;

const KIND_WORDS: Record<OfficialDayKind, string> = { holiday: "放假", workday: "调休上班" };

function dayView(row: OfficialCalendarDayRow): OfficialDayView {
  return {
    id: Number(row.id),
    year: Number(row.year),
    date: row.day,
    kind: row.kind as OfficialDayKind,
    name: row.name,
    nameEn: row.name_en,
    source: row.source,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a day. */
function auditedDay(row: Pick<OfficialCalendarDayRow, "year" | "day" | "kind" | "name" | "name_en" | "source">) {
  return {
    year: Number(row.year),
    date: row.day,
    kind: row.kind,
    name: row.name,
    nameEn: row.name_en,
    source: row.source,
  };
}

/**
 * Loads the shipped arrangements a district has not had yet, once each (a year the office entered itself is left as
 * it is), audited as the system's (or as the demo's, when the demo loads them). Cheap when there is nothing to load:
 * one read.
 */
export async function loadShippedCalendar(
  db: DbContext,
  districtId: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  const loaded = await shippedYearsLoaded(db, districtId);
  if (SHIPPED_OFFICIAL_YEARS.every((entry) => loaded.has(entry.year))) return;
  await inTransaction(db, async (tx) => {
    await lockDistrict(tx, districtId);
    const loadedNow = await shippedYearsLoaded(tx, districtId);
    const days = await listDays(tx, districtId);
    const yearsKept = new Set(days.map((day) => Number(day.year)));
    const datesKept = new Set(days.map((day) => day.day));
    const now = new Date().toISOString();
    for (const entry of SHIPPED_OFFICIAL_YEARS) {
      if (loadedNow.has(entry.year)) continue;
      await markShippedYearLoaded(tx, districtId, entry.year, now);
      if (yearsKept.has(entry.year)) continue;
      const rows = entry.days
        .filter((day) => !datesKept.has(day.date))
        .map((day) => ({ ...newRow(districtId, day, now, null) }));
      await insertDays(tx, rows);
      await recordAudit(tx, {
        districtId,
        actor,
        action: "load",
        entityType: "official_calendar_year",
        entityId: entry.year,
        after: {
          year: entry.year,
          source: entry.source,
          holidays: rows.filter((row) => row.kind === "holiday").length,
          workdays: rows.filter((row) => row.kind === "workday").length,
        },
      });
    }
  });
}

function newRow(districtId: string, day: OfficialDay, now: string, userId: number | null) {
  return {
    district_id: districtId,
    year: day.year,
    day: day.date,
    kind: day.kind,
    name: day.name.trim(),
    name_en: day.nameEn?.trim() || null,
    source: day.source.trim(),
    created_at: now,
    updated_at: now,
    updated_by: userId,
  };
}

/** The district's working calendar: its years by their arrangement, other years Monday to Friday. */
export async function workingCalendarOf(
  db: DbContext,
  districtId: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<WorkingCalendar> {
  await loadShippedCalendar(db, districtId, actor);
  return workingCalendarFrom(
    (await listDays(db, districtId)).map((row) => ({
      year: Number(row.year),
      date: row.day,
      kind: row.kind as OfficialDayKind,
    })),
  );
}

/** The calendar's years, the days of one (this year by default) and the years limits count Monday to Friday. */
export async function officialCalendar(db: DbContext, user: AuthUser, year?: number): Promise<OfficialCalendar> {
  await loadShippedCalendar(db, user.districtId);
  const rows = await listDays(db, user.districtId);
  const today = todayInChina();
  const thisYear = Number(today.slice(0, 4));
  const shown = year ?? thisYear;
  const shipped = new Map(SHIPPED_OFFICIAL_YEARS.map((entry) => [entry.year, entry]));
  const byYear = new Map<number, OfficialCalendarDayRow[]>();
  for (const row of rows) byYear.set(Number(row.year), [...(byYear.get(Number(row.year)) ?? []), row]);
  const years = [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([each, days]) => {
      const sources = [...new Set(days.map((day) => day.source))];
      const original = shipped.get(each);
      return {
        year: each,
        holidays: days.filter((day) => day.kind === "holiday").length,
        workdays: days.filter((day) => day.kind === "workday").length,
        sources,
        shipped: original !== undefined && sources.length === 1 && sources[0] === original.source,
      };
    });
  const missingYears = [...new Set([thisYear, thisYear + 1, shown])]
    .filter((each) => !byYear.has(each))
    .sort((a, b) => a - b);
  return { today, years, year: shown, days: (byYear.get(shown) ?? []).map(dayView), missingYears };
}

/** A day's problems as one refusal naming each field (all of them, nothing written). */
function refuseProblems(what: string, problems: string[]): never {
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? `（另有 ${problems.length - shown.length} 处）` : "";
  const fields: Record<string, string> = {
    日期: "date",
    类型: "kind",
    名称: "name",
    英文名称: "nameEn",
    来源: "source",
    年度: "year",
  };
  throw badRequest(
    `${what}未执行，有 ${problems.length} 处错误${more}：${shown.join("；")}`,
    shown.map((problem) => {
      const field = /^(?:第\d+行 )?([^：]+)：/.exec(problem)?.[1] ?? "";
      return { path: fields[field] ?? "", message: problem };
    }),
  );
}

function checkedDay(input: DayInput): OfficialDay {
  const day: OfficialDay = {
    year: input.year,
    date: input.date,
    kind: input.kind,
    name: input.name,
    nameEn: input.nameEn ?? null,
    source: input.source,
  };
  const problems = officialDayProblems(day);
  if (problems.length > 0) refuseProblems("保存节假日安排", problems);
  return day;
}

async function refuseTakenDate(db: DbContext, districtId: string, date: string, exceptId?: number) {
  const taken = await findDayOn(db, districtId, date);
  if (taken !== undefined && Number(taken.id) !== exceptId) {
    const message = `日期：${date} 已在${taken.year}年的安排中（${taken.name} ${KIND_WORDS[taken.kind as OfficialDayKind]}），请修改那一天`;
    throw badRequest(message, [{ path: "date", message }]);
  }
}

export async function createOfficialDay(db: DbContext, user: AuthUser, input: DayInput, actor: Actor) {
  const day = checkedDay(input);
  return inTransaction(db, async (tx) => {
    await loadShippedCalendar(tx, user.districtId);
    await refuseTakenDate(tx, user.districtId, day.date);
    const row = newRow(user.districtId, day, new Date().toISOString(), user.id);
    const id = await insertDay(tx, row);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "official_calendar_day",
      entityId: id,
      after: auditedDay(row),
    });
    return dayView((await findDay(tx, user.districtId, id)) as OfficialCalendarDayRow);
  });
}

async function existingDay(db: DbContext, user: AuthUser, id: number): Promise<OfficialCalendarDayRow> {
  const row = await findDay(db, user.districtId, id);
  if (row === undefined) throw notFound("该日期不在本区的节假日安排中");
  return row;
}

export async function updateOfficialDay(db: DbContext, user: AuthUser, id: number, input: DayInput, actor: Actor) {
  const day = checkedDay(input);
  return inTransaction(db, async (tx) => {
    const before = await existingDay(tx, user, id);
    await refuseTakenDate(tx, user.districtId, day.date, id);
    const {
      created_at: _created,
      district_id: _district,
      ...values
    } = newRow(user.districtId, day, new Date().toISOString(), user.id);
    await updateDay(tx, id, values);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "official_calendar_day",
      entityId: id,
      before: auditedDay(before),
      after: auditedDay(values),
    });
    return dayView((await findDay(tx, user.districtId, id)) as OfficialCalendarDayRow);
  });
}

export async function deleteOfficialDay(db: DbContext, user: AuthUser, id: number, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const before = await existingDay(tx, user, id);
    await deleteDay(tx, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "official_calendar_day",
      entityId: id,
      before: auditedDay(before),
    });
    return { id, deleted: true as const };
  });
}

/**
 * Replaces a year's days with those given (from the template or a pasted list), all or nothing: each problem is
 * listed with its row and field, and a date another year holds is refused.
 */
export async function importOfficialYear(
  db: DbContext,
  user: AuthUser,
  input: { year: number; source: string; days: OfficialDay[]; problems: string[]; from: string },
  actor: Actor,
): Promise<OfficialYearImported> {
  const what = `导入${input.year}年节假日安排`;
  const problems = [...input.problems, ...duplicateProblems(input.days)];
  if (problems.length === 0 && input.days.length === 0) problems.push("日期：没有读到任何日期");
  return inTransaction(db, async (tx) => {
    await loadShippedCalendar(tx, user.districtId);
    const others = (await listDays(tx, user.districtId)).filter((row) => Number(row.year) !== input.year);
    const otherDates = new Map(others.map((row) => [row.day, Number(row.year)]));
    for (const day of input.days) {
      const heldBy = otherDates.get(day.date);
      if (heldBy !== undefined) problems.push(`日期：${day.date} 已在${heldBy}年的安排中`);
    }
    if (problems.length > 0) refuseProblems(what, problems);
    const now = new Date().toISOString();
    const replaced = await deleteYear(tx, user.districtId, input.year);
    const rows = input.days.map((day) => newRow(user.districtId, day, now, user.id));
    await insertDays(tx, rows);
    const holidays = rows.filter((row) => row.kind === "holiday").length;
    const workdays = rows.length - holidays;
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "import",
      entityType: "official_calendar_year",
      entityId: input.year,
      before: { days: replaced },
      after: { year: input.year, source: input.source, from: input.from, holidays, workdays },
    });
    return { year: input.year, holidays, workdays, replaced };
  });
}
