/**
 * Entrepreneurs' trainings and salons (企业家培训、企业家沙龙, M12). The unit the plan gives holdEntrepreneurEvents
 * (Changjiang: 区委组织部, M12's lead unit) and the office hold events: each with its kind, topic, days, place, host
 * unit and capacity, open to every enterprise or to those invited. An enterprise answers an invitation by
 * registering named persons (within the seats left: taking seats is one conditional update, so two registrations
 * for the last seat never both succeed) or by declining. The host unit marks who attended, from the first day on;
 * an enterprise with a person present rates the event (1–5) once it is over. Events under way or over count per
 * year for M12's tasks. Every change is audited in the transaction that makes it.
 */
import type {
  EventDetail,
  EventList,
  EventPhase,
  EventReport,
  EventSummary,
  Invited,
  Registered,
} from "@beizeng/contract/events";
import type { EventKind, InvitationStatus } from "@beizeng/domain/events/vocabulary";
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersText, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { findEnterprise } from "../register/index";
import { todayInChina } from "../supervision/index";
import { findUnit } from "../units/index";
import {
  deleteRegistration,
  type EventListRow,
  enterpriseStandings,
  findAttendance,
  findEventRow,
  findEvents,
  findFeedback,
  findInvitations,
  findRegistrations,
  insertEvent,
  insertFeedback,
  insertInvitations,
  insertRegistrations,
  releaseSeats,
  takeSeats,
  updateEvent,
  updateInvitation,
  updateRegistration,
} from "./events.repository";
import type { EntrepreneurEventRow } from "./events.table";

export const EVENT_KIND_LABELS: Record<EventKind, string> = { training: "培训", salon: "企业家沙龙" };

const fieldError = (path: string, message: string) => badRequest(message, [{ path, message }]);

/** Whether the caller holds events: the office, or a unit account of a unit the plan gives the duty. */
async function holdsEvents(db: DbContext, user: AuthUser): Promise<boolean> {
  if (user.role === "office") return true;
  return (await unitWithDuty(db, user, "holdEntrepreneurEvents")) !== null;
}

async function requireHolder(db: DbContext, user: AuthUser): Promise<void> {
  if (await holdsEvents(db, user)) return;
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  throw forbidden(`只有${dutyHoldersText(plan, "holdEntrepreneurEvents")}可以举办企业家培训和沙龙`);
}

/** Whether the caller marks attendance at this event: a holder, or an account of the event's host unit. */
async function marksAttendance(db: DbContext, user: AuthUser, event: EntrepreneurEventRow): Promise<boolean> {
  if (user.role === "unit" && user.unitId !== null && user.unitId === event.host_unit_id) return true;
  return holdsEvents(db, user);
}

export function phaseOf(
  event: Pick<EntrepreneurEventRow, "cancelled_at" | "registration_closes_on" | "starts_on" | "ends_on">,
  today: string,
): EventPhase {
  if (event.cancelled_at !== null) return "cancelled";
  if (today > event.ends_on) return "ended";
  if (today >= event.starts_on) return "ongoing";
  if (today <= event.registration_closes_on) return "open";
  return "closed";
}

/** An average of ratings to one decimal, exactly (no float): the sum's tenths rounded half up. */
function averageText(sum: number, count: number): string | null {
  if (count === 0) return null;
  const tenths = Math.floor((sum * 20 + count) / (2 * count));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

interface Standing {
  invitation: InvitationStatus | null;
  persons: number;
  attended: number;
  feedbackGiven: boolean;
}

function summaryOf(row: EventListRow, today: string, standing: Standing | null): EventSummary {
  const phase = phaseOf(row, today);
  return {
    id: row.id,
    kind: row.kind,
    topic: row.topic,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    hostUnit: { id: row.host_unit_id, name: row.host_unit_name },
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    invitationOnly: row.invitation_only === 1,
    registrationClosesOn: row.registration_closes_on,
    description: row.description,
    phase,
    cancelReason: row.cancel_reason,
    invited: row.invited_count,
    attended: row.attended_count,
    attendanceComplete: row.unmarked_count === 0,
    feedbackCount: row.feedback_count,
    averageRating: averageText(row.rating_sum, row.feedback_count),
    mine: standing
      ? {
          ...standing,
          canRegister:
            phase === "open" &&
            row.seats_taken < row.capacity &&
            (row.invitation_only === 0 || standing.invitation !== null) &&
            standing.invitation !== "declined",
          canGiveFeedback:
            phase !== "cancelled" && today >= row.ends_on && standing.attended > 0 && !standing.feedbackGiven,
        }
      : null,
    isDemo: row.is_demo === 1,
  };
}

async function standingsOf(db: DbContext, user: AuthUser): Promise<Map<number, Standing>> {
  const standings = new Map<number, Standing>();
  if (user.role !== "enterprise" || user.enterpriseId === null) return standings;
  const { invitations, persons, feedback } = await enterpriseStandings(db, user.districtId, user.enterpriseId);
  const of = (eventId: number): Standing => {
    let standing = standings.get(eventId);
    if (!standing) {
      standing = { invitation: null, persons: 0, attended: 0, feedbackGiven: false };
      standings.set(eventId, standing);
    }
    return standing;
  };
  for (const row of invitations) of(row.event_id).invitation = row.status;
  for (const row of persons) {
    const standing = of(row.event_id);
    standing.persons++;
    if (row.attended === 1) standing.attended++;
  }
  for (const row of feedback) of(row.event_id).feedbackGiven = true;
  return standings;
}

const emptyStanding = (): Standing => ({ invitation: null, persons: 0, attended: 0, feedbackGiven: false });

/**
 * The events of a year (or all): staff see every one; an enterprise those open to all and those it is invited to
 * or took part in, each with its own standing.
 */
export async function listEvents(db: DbContext, user: AuthUser, year?: number, today = todayInChina()) {
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  const rows = await findEvents(db, user.districtId, year === undefined ? {} : { year });
  const enterprise = user.role === "enterprise";
  const standings = await standingsOf(db, user);
  const items = rows
    .filter((row) => !enterprise || row.invitation_only === 0 || standings.has(row.id))
    .map((row) => summaryOf(row, today, enterprise ? (standings.get(row.id) ?? emptyStanding()) : null));
  const list: EventList = {
    items,
    canManage: await holdsEvents(db, user),
    holders: plan ? unitsWithDuty(plan, "holdEntrepreneurEvents").map((unit) => unit.name) : [],
  };
  return list;
}

async function eventRowFor(db: DbContext, user: AuthUser, id: number): Promise<EntrepreneurEventRow> {
  const row = await findEventRow(db, user.districtId, id);
  if (!row) throw notFound(`活动 ${id} 不存在`);
  return row;
}

/** One event; an enterprise sees it when it may (open to all, or invited, or took part) and only its own rows. */
export async function getEvent(
  db: DbContext,
  user: AuthUser,
  id: number,
  today = todayInChina(),
): Promise<EventDetail> {
  const row = (await findEvents(db, user.districtId, { id }))[0];
  if (!row) throw notFound(`活动 ${id} 不存在`);
  const enterpriseId = user.role === "enterprise" ? (user.enterpriseId ?? -1) : undefined;
  const standings = await standingsOf(db, user);
  if (enterpriseId !== undefined && row.invitation_only === 1 && !standings.has(id))
    throw forbidden("该活动仅限受邀企业参加");
  const [invitations, registrations, feedback] = await Promise.all([
    findInvitations(db, id, enterpriseId),
    findRegistrations(db, id, enterpriseId),
    findFeedback(db, id, enterpriseId),
  ]);
  return {
    event: summaryOf(row, today, enterpriseId !== undefined ? (standings.get(id) ?? emptyStanding()) : null),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      enterprise: { id: invitation.enterprise_id, name: invitation.enterprise_name },
      status: invitation.status,
      invitedAt: invitation.invited_at,
      answeredAt: invitation.answered_at,
      declineReason: invitation.decline_reason,
    })),
    registrations: registrations.map((registration) => ({
      id: registration.id,
      enterprise: { id: registration.enterprise_id, name: registration.enterprise_name },
      personName: registration.person_name,
      personTitle: registration.person_title,
      personPhone: registration.person_phone,
      registeredAt: registration.registered_at,
      attended: registration.attended === null ? null : registration.attended === 1,
    })),
    feedback: feedback.map((entry) => ({
      enterprise: { id: entry.enterprise_id, name: entry.enterprise_name },
      rating: entry.rating,
      comment: entry.comment,
      submittedAt: entry.submitted_at,
    })),
    canManage: await holdsEvents(db, user),
    canMarkAttendance: today >= row.starts_on && row.cancelled_at === null && (await marksAttendance(db, user, row)),
  };
}

// ---------------------------------------------------------------- holding events

export interface ParsedEvent {
  kind: EventKind;
  topic: string;
  startsOn: string;
  endsOn: string;
  place: string;
  hostUnitId: number;
  capacity: number;
  invitationOnly: boolean;
  registrationClosesOn: string;
  description?: string | undefined;
}

async function eventColumns(db: DbContext, user: AuthUser, input: ParsedEvent) {
  const unit = await findUnit(db, input.hostUnitId);
  if (!unit || unit.district_id !== user.districtId || unit.active !== 1)
    throw fieldError("hostUnitId", `承办单位 ${input.hostUnitId} 不是本区的单位`);
  return {
    kind: input.kind,
    topic: input.topic,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    place: input.place,
    host_unit_id: input.hostUnitId,
    capacity: input.capacity,
    invitation_only: input.invitationOnly ? 1 : 0,
    registration_closes_on: input.registrationClosesOn,
    description: input.description ?? "",
  };
}

async function summaryById(db: DbContext, user: AuthUser, id: number): Promise<EventSummary> {
  const row = (await findEvents(db, user.districtId, { id }))[0];
  if (!row) throw notFound(`活动 ${id} 不存在`);
  return summaryOf(row, todayInChina(), null);
}

export async function createEvent(db: DbContext, user: AuthUser, input: ParsedEvent, actor: Actor) {
  await requireHolder(db, user);
  return inTransaction(db, async (tx) => {
    const values = await eventColumns(tx, user, input);
    const now = new Date().toISOString();
    const id = await insertEvent(tx, {
      district_id: user.districtId,
      ...values,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "entrepreneur_event",
      entityId: id,
      after: values,
    });
    return summaryById(tx, user, id);
  });
}

export async function updateEventById(db: DbContext, user: AuthUser, id: number, input: ParsedEvent, actor: Actor) {
  await requireHolder(db, user);
  return inTransaction(db, async (tx) => {
    const before = await eventRowFor(tx, user, id);
    if (before.cancelled_at !== null) throw conflict("活动已取消，不能再修改");
    const values = await eventColumns(tx, user, input);
    if (values.capacity < before.seats_taken)
      throw fieldError("capacity", `已有 ${before.seats_taken} 人报名，名额不能少于 ${before.seats_taken} 人`);
    await updateEvent(tx, id, { ...values, updated_at: new Date().toISOString() });
    const { created_at: _created, updated_at: _updated, ...previous } = before;
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "entrepreneur_event",
      entityId: id,
      before: previous,
      after: values,
    });
    return summaryById(tx, user, id);
  });
}

export async function cancelEvent(db: DbContext, user: AuthUser, id: number, reason: string, actor: Actor) {
  await requireHolder(db, user);
  return inTransaction(db, async (tx) => {
    const before = await eventRowFor(tx, user, id);
    if (before.cancelled_at !== null) throw conflict("活动已取消");
    if (todayInChina() > before.ends_on) throw conflict("活动已经结束，不能取消");
    const now = new Date().toISOString();
    await updateEvent(tx, id, { cancelled_at: now, cancel_reason: reason, updated_at: now });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "cancel",
      entityType: "entrepreneur_event",
      entityId: id,
      after: { reason },
    });
    return summaryById(tx, user, id);
  });
}

/** Invites enterprises of the district; those already invited are counted, not invited twice. */
export async function inviteEnterprises(
  db: DbContext,
  user: AuthUser,
  id: number,
  enterpriseIds: number[],
  actor: Actor,
): Promise<Invited> {
  await requireHolder(db, user);
  return inTransaction(db, async (tx) => {
    const event = await eventRowFor(tx, user, id);
    const phase = phaseOf(event, todayInChina());
    if (phase !== "open") throw conflict(phase === "cancelled" ? "活动已取消，不能邀请" : "报名已截止，不能再邀请企业");
    const unique = [...new Set(enterpriseIds)];
    for (const [index, enterpriseId] of unique.entries()) {
      const enterprise = await findEnterprise(tx, enterpriseId);
      if (!enterprise || enterprise.district_id !== user.districtId)
        throw fieldError(`enterpriseIds.${index}`, `企业 ${enterpriseId} 不是本区登记的企业`);
    }
    const already = new Set((await findInvitations(tx, id)).map((row) => row.enterprise_id));
    const fresh = unique.filter((enterpriseId) => !already.has(enterpriseId));
    const now = new Date().toISOString();
    await insertInvitations(
      tx,
      fresh.map((enterpriseId) => ({
        event_id: id,
        enterprise_id: enterpriseId,
        status: "pending" as const,
        invited_at: now,
        invited_by: user.id,
      })),
    );
    if (fresh.length > 0)
      await recordAudit(tx, {
        districtId: user.districtId,
        actor,
        action: "create",
        entityType: "event_invitation",
        entityId: id,
        after: { enterpriseIds: fresh },
      });
    return { invited: fresh.length, alreadyInvited: unique.length - fresh.length };
  });
}

// ---------------------------------------------------------------- an enterprise's answer

function ownEnterprise(user: AuthUser, what: string): number {
  if (user.role !== "enterprise" || user.enterpriseId === null) throw forbidden(`只有企业账号可以${what}`);
  return user.enterpriseId;
}

export async function declineInvitation(db: DbContext, user: AuthUser, id: number, reason: string, actor: Actor) {
  const enterpriseId = ownEnterprise(user, "答复活动邀请");
  return inTransaction(db, async (tx) => {
    const event = await eventRowFor(tx, user, id);
    const invitation = (await findInvitations(tx, id, enterpriseId))[0];
    if (!invitation) throw notFound("本企业没有收到该活动的邀请");
    if (phaseOf(event, todayInChina()) !== "open") throw conflict("报名已截止，不能再答复邀请");
    if ((await findRegistrations(tx, id, enterpriseId)).length > 0)
      throw conflict("本企业已有人员报名，请先撤回报名再答复不参加");
    await updateInvitation(tx, id, enterpriseId, {
      status: "declined",
      answered_at: new Date().toISOString(),
      decline_reason: reason,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "decline_invitation",
      entityType: "event_invitation",
      entityId: id,
      before: { enterpriseId, status: invitation.status },
      after: { enterpriseId, status: "declined", reason },
    });
  });
}

export interface ParsedPerson {
  name: string;
  title?: string | undefined;
  phone: string;
}

/**
 * Registers the enterprise's named persons, all or none: within the seats left (taken by one conditional update),
 * while registration is open, for an event open to all or one it is invited to (a declined invitation is taken
 * back by registering).
 */
export async function registerPersons(
  db: DbContext,
  user: AuthUser,
  id: number,
  persons: ParsedPerson[],
  actor: Actor,
): Promise<Registered> {
  const enterpriseId = ownEnterprise(user, "报名参加活动");
  return inTransaction(db, async (tx) => {
    const event = await eventRowFor(tx, user, id);
    const phase = phaseOf(event, todayInChina());
    if (phase === "cancelled") throw conflict("活动已取消，不能报名");
    if (phase !== "open") throw conflict(`报名已于 ${event.registration_closes_on} 截止`);
    const invitation = (await findInvitations(tx, id, enterpriseId))[0];
    if (event.invitation_only === 1 && !invitation) throw forbidden("该活动仅限受邀企业报名");
    const existing = new Set((await findRegistrations(tx, id, enterpriseId)).map((row) => row.person_name));
    persons.forEach((person, index) => {
      if (existing.has(person.name))
        throw fieldError(`persons.${index}.name`, `参加人“${person.name}”已经报名，不能重复报名`);
    });
    if (!(await takeSeats(tx, id, persons.length))) {
      // Read again: another registration may have taken the seats since this one read the event.
      const now = await eventRowFor(tx, user, id);
      if (now.cancelled_at !== null) throw conflict("活动已取消，不能报名");
      const left = now.capacity - now.seats_taken;
      throw conflict(
        left <= 0 ? "名额已满，不能再报名" : `名额不足：仅剩 ${left} 个名额，本次报名 ${persons.length} 人`,
      );
    }
    const now = new Date().toISOString();
    await insertRegistrations(
      tx,
      persons.map((person) => ({
        event_id: id,
        enterprise_id: enterpriseId,
        person_name: person.name,
        person_title: person.title ?? "",
        person_phone: person.phone,
        registered_at: now,
        registered_by: user.id,
      })),
    );
    if (invitation && invitation.status !== "registered")
      await updateInvitation(tx, id, enterpriseId, { status: "registered", answered_at: now, decline_reason: "" });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "event_registration",
      entityId: id,
      after: { enterpriseId, persons: persons.map((person) => ({ name: person.name, title: person.title ?? "" })) },
    });
    const after = await eventRowFor(tx, user, id);
    return { registered: persons.length, seatsLeft: after.capacity - after.seats_taken };
  });
}

/** Withdraws one of the enterprise's persons while registration is open, freeing the seat. */
export async function withdrawPerson(db: DbContext, user: AuthUser, id: number, registrationId: number, actor: Actor) {
  const enterpriseId = ownEnterprise(user, "撤回报名");
  return inTransaction(db, async (tx) => {
    const event = await eventRowFor(tx, user, id);
    if (phaseOf(event, todayInChina()) !== "open") throw conflict("报名已截止，不能再撤回");
    const own = await findRegistrations(tx, id, enterpriseId);
    const registration = own.find((row) => row.id === registrationId);
    if (!registration) throw notFound("报名记录不存在");
    await deleteRegistration(tx, registrationId);
    await releaseSeats(tx, id, 1);
    if (own.length === 1) await updateInvitation(tx, id, enterpriseId, { status: "pending", answered_at: null });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "event_registration",
      entityId: id,
      before: { enterpriseId, name: registration.person_name },
    });
  });
}

// ---------------------------------------------------------------- attendance and feedback

export async function markAttendance(
  db: DbContext,
  user: AuthUser,
  id: number,
  marks: { registrationId: number; attended: boolean }[],
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const event = await eventRowFor(tx, user, id);
    if (!(await marksAttendance(tx, user, event))) {
      const plan = (await readActivePlan(tx, user.districtId))?.plan;
      throw forbidden(`只有承办单位或${dutyHoldersText(plan, "holdEntrepreneurEvents")}可以登记出席情况`);
    }
    if (event.cancelled_at !== null) throw conflict("活动已取消，不能登记出席");
    if (todayInChina() < event.starts_on) throw conflict(`活动 ${event.starts_on} 才开始，届时再登记出席情况`);
    const registrations = new Map((await findRegistrations(tx, id)).map((row) => [row.id, row]));
    const now = new Date().toISOString();
    const changed: { name: string; attended: boolean }[] = [];
    for (const [index, mark] of marks.entries()) {
      const registration = registrations.get(mark.registrationId);
      if (!registration)
        throw fieldError(`marks.${index}.registrationId`, `报名记录 ${mark.registrationId} 不属于该活动`);
      const attended = mark.attended ? 1 : 0;
      if (registration.attended === attended) continue;
      await updateRegistration(tx, registration.id, {
        attended,
        attendance_marked_at: now,
        attendance_marked_by: user.id,
      });
      changed.push({ name: registration.person_name, attended: mark.attended });
    }
    if (changed.length > 0)
      await recordAudit(tx, {
        districtId: user.districtId,
        actor,
        action: "update",
        entityType: "event_attendance",
        entityId: id,
        after: { marks: changed },
      });
    return { changed: changed.length };
  });
}

export async function giveFeedback(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { rating: number; comment?: string | undefined },
  actor: Actor,
) {
  const enterpriseId = ownEnterprise(user, "评价活动");
  return inTransaction(db, async (tx) => {
    const event = await eventRowFor(tx, user, id);
    if (event.cancelled_at !== null) throw conflict("活动已取消，不能评价");
    if (todayInChina() < event.ends_on) throw conflict(`活动 ${event.ends_on} 结束后才能评价`);
    const attended = (await findRegistrations(tx, id, enterpriseId)).filter((row) => row.attended === 1);
    if (attended.length === 0) throw forbidden("本企业没有人员出席该活动，不能评价");
    if ((await findFeedback(tx, id, enterpriseId)).length > 0) throw conflict("本企业已经评价过该活动");
    const feedbackId = await insertFeedback(tx, {
      event_id: id,
      enterprise_id: enterpriseId,
      rating: input.rating,
      comment: input.comment ?? "",
      submitted_at: new Date().toISOString(),
      submitted_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "event_feedback",
      entityId: feedbackId,
      after: { eventId: id, enterpriseId, rating: input.rating, comment: input.comment ?? "" },
    });
    return { id: feedbackId };
  });
}

// ---------------------------------------------------------------- counts per year

/** Events under way or over and not cancelled, by the year they start: held, attendees, enterprises reached. */
export async function eventReport(db: DbContext, districtId: string, today = todayInChina()): Promise<EventReport> {
  const events = (await findEvents(db, districtId)).filter(
    (row) => row.cancelled_at === null && row.starts_on <= today,
  );
  const attendance = await findAttendance(db, districtId);
  type Year = EventReport["years"][number] & { reached: Set<number>; ratingSum: number; ratings: number };
  const years = new Map<number, Year>();
  const yearOf = (day: string): Year => {
    const year = Number(day.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = {
        year,
        trainings: 0,
        salons: 0,
        trainingAttendees: 0,
        salonAttendees: 0,
        enterprisesReached: 0,
        averageRating: null,
        reached: new Set(),
        ratingSum: 0,
        ratings: 0,
      };
      years.set(year, entry);
    }
    return entry;
  };
  const held = new Set(events.map((row) => row.id));
  for (const row of events) {
    const entry = yearOf(row.starts_on);
    if (row.kind === "training") entry.trainings++;
    else entry.salons++;
    entry.ratingSum += row.rating_sum;
    entry.ratings += row.feedback_count;
  }
  for (const row of attendance) {
    if (!held.has(row.event_id)) continue;
    const entry = yearOf(row.starts_on);
    if (row.kind === "training") entry.trainingAttendees++;
    else entry.salonAttendees++;
    entry.reached.add(row.enterprise_id);
  }
  return {
    years: [...years.values()]
      .sort((a, b) => b.year - a.year)
      .map(({ reached, ratingSum, ratings, ...entry }) => ({
        ...entry,
        enterprisesReached: reached.size,
        averageRating: averageText(ratingSum, ratings),
      })),
  };
}

// ---------------------------------------------------------------- what waits

export interface EventsWaiting {
  kind: "answer" | "feedback" | "attendance";
  count: number;
}

/**
 * What waits for the caller: an enterprise's invitations to answer while registration is open and its feedback on
 * events its persons attended; the host unit's attendance to mark at events begun.
 */
export async function eventsWaitingFor(
  db: DbContext,
  user: AuthUser,
  today = todayInChina(),
): Promise<EventsWaiting[]> {
  const waiting: EventsWaiting[] = [];
  if (user.role === "enterprise" && user.enterpriseId !== null) {
    const events = new Map((await findEvents(db, user.districtId)).map((row) => [row.id, row]));
    const standings = await standingsOf(db, user);
    let answer = 0;
    let feedback = 0;
    for (const [eventId, standing] of standings) {
      const event = events.get(eventId);
      if (!event) continue;
      const phase = phaseOf(event, today);
      if (standing.invitation === "pending" && phase === "open") answer++;
      if (standing.attended > 0 && !standing.feedbackGiven && phase !== "cancelled" && today >= event.ends_on)
        feedback++;
    }
    if (answer > 0) waiting.push({ kind: "answer", count: answer });
    if (feedback > 0) waiting.push({ kind: "feedback", count: feedback });
  }
  if (user.role === "unit" && user.unitId !== null) {
    const unitId = user.unitId;
    const count = (await findEvents(db, user.districtId)).filter(
      (row) =>
        row.host_unit_id === unitId && row.cancelled_at === null && row.starts_on <= today && row.unmarked_count > 0,
    ).length;
    if (count > 0) waiting.push({ kind: "attendance", count });
  }
  return waiting;
}
