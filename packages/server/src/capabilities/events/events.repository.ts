/** Entrepreneurs' events, their invitations, registered persons and feedback. */
import { type Insertable, sql, type Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type {
  EntrepreneurEventTable,
  EventFeedbackTable,
  EventInvitationTable,
  EventRegistrationTable,
} from "./events.table";

/** Events with their host unit's name and the counts every list shows. */
export async function findEvents(db: DbContext, districtId: string, options: { year?: number; id?: number } = {}) {
  let query = db.kysely
    .selectFrom("entrepreneur_events as ev")
    .innerJoin("units as u", "u.id", "ev.host_unit_id")
    .selectAll("ev")
    .select((eb) => [
      "u.name as host_unit_name",
      eb
        .selectFrom("event_invitations as i")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("i.event_id", "=", "ev.id")
        .as("invited_count"),
      eb
        .selectFrom("event_registrations as r")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("r.event_id", "=", "ev.id")
        .where("r.attended", "=", 1)
        .as("attended_count"),
      eb
        .selectFrom("event_registrations as r")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("r.event_id", "=", "ev.id")
        .where("r.attended", "is", null)
        .as("unmarked_count"),
      eb
        .selectFrom("event_feedback as f")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("f.event_id", "=", "ev.id")
        .as("feedback_count"),
      eb
        .selectFrom("event_feedback as f")
        .select((e) => e.fn.sum<number>("f.rating").as("s"))
        .whereRef("f.event_id", "=", "ev.id")
        .as("rating_sum"),
    ])
    .where("ev.district_id", "=", districtId);
  if (options.year !== undefined)
    query = query
      .where("ev.starts_on", ">=", `${options.year}-01-01`)
      .where("ev.starts_on", "<=", `${options.year}-12-31`);
  if (options.id !== undefined) query = query.where("ev.id", "=", options.id);
  const rows = await query.orderBy("ev.starts_on", "desc").orderBy("ev.id", "desc").execute();
  return rows.map((row) => ({
    ...row,
    invited_count: Number(row.invited_count ?? 0),
    attended_count: Number(row.attended_count ?? 0),
    unmarked_count: Number(row.unmarked_count ?? 0),
    feedback_count: Number(row.feedback_count ?? 0),
    rating_sum: Number(row.rating_sum ?? 0),
  }));
}
export type EventListRow = Awaited<ReturnType<typeof findEvents>>[number];

export async function findEventRow(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("entrepreneur_events")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertEvent(db: DbContext, row: Insertable<EntrepreneurEventTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("entrepreneur_events")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateEvent(db: DbContext, id: number, values: Updateable<EntrepreneurEventTable>) {
  await db.kysely.updateTable("entrepreneur_events").set(values).where("id", "=", id).execute();
}

/**
 * Takes `count` seats of an open event in one conditional update, so that of two registrations for the last seat
 * only one can succeed (the other updates no row). Returns whether the seats were taken.
 */
export async function takeSeats(db: DbContext, eventId: number, count: number): Promise<boolean> {
  const result = await db.kysely
    .updateTable("entrepreneur_events")
    .set({ seats_taken: sql`seats_taken + ${count}` })
    .where("id", "=", eventId)
    .where("cancelled_at", "is", null)
    .where(sql<boolean>`seats_taken + ${count} <= capacity`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseSeats(db: DbContext, eventId: number, count: number): Promise<void> {
  await db.kysely
    .updateTable("entrepreneur_events")
    .set({ seats_taken: sql`seats_taken - ${count}` })
    .where("id", "=", eventId)
    .execute();
}

export async function findInvitations(db: DbContext, eventId: number, enterpriseId?: number) {
  let query = db.kysely
    .selectFrom("event_invitations as i")
    .innerJoin("enterprises as e", "e.id", "i.enterprise_id")
    .selectAll("i")
    .select("e.name as enterprise_name")
    .where("i.event_id", "=", eventId);
  if (enterpriseId !== undefined) query = query.where("i.enterprise_id", "=", enterpriseId);
  return query.orderBy("e.name").execute();
}

export async function insertInvitations(db: DbContext, rows: Insertable<EventInvitationTable>[]) {
  if (rows.length > 0) await db.kysely.insertInto("event_invitations").values(rows).execute();
}

export async function updateInvitation(
  db: DbContext,
  eventId: number,
  enterpriseId: number,
  values: Updateable<EventInvitationTable>,
) {
  await db.kysely
    .updateTable("event_invitations")
    .set(values)
    .where("event_id", "=", eventId)
    .where("enterprise_id", "=", enterpriseId)
    .execute();
}

export async function findRegistrations(db: DbContext, eventId: number, enterpriseId?: number) {
  let query = db.kysely
    .selectFrom("event_registrations as r")
    .innerJoin("enterprises as e", "e.id", "r.enterprise_id")
    .selectAll("r")
    .select("e.name as enterprise_name")
    .where("r.event_id", "=", eventId);
  if (enterpriseId !== undefined) query = query.where("r.enterprise_id", "=", enterpriseId);
  return query.orderBy("e.name").orderBy("r.id").execute();
}

export async function insertRegistrations(db: DbContext, rows: Insertable<EventRegistrationTable>[]) {
  return db.kysely.insertInto("event_registrations").values(rows).returning("id").execute();
}

export async function deleteRegistration(db: DbContext, id: number) {
  await db.kysely.deleteFrom("event_registrations").where("id", "=", id).execute();
}

export async function updateRegistration(db: DbContext, id: number, values: Updateable<EventRegistrationTable>) {
  await db.kysely.updateTable("event_registrations").set(values).where("id", "=", id).execute();
}

export async function findFeedback(db: DbContext, eventId: number, enterpriseId?: number) {
  let query = db.kysely
    .selectFrom("event_feedback as f")
    .innerJoin("enterprises as e", "e.id", "f.enterprise_id")
    .selectAll("f")
    .select("e.name as enterprise_name")
    .where("f.event_id", "=", eventId);
  if (enterpriseId !== undefined) query = query.where("f.enterprise_id", "=", enterpriseId);
  return query.orderBy("f.submitted_at", "desc").execute();
}

export async function insertFeedback(db: DbContext, row: Insertable<EventFeedbackTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("event_feedback").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

/** An enterprise's standing in each of the district's events: its invitation, persons, attended, feedback. */
export async function enterpriseStandings(db: DbContext, districtId: string, enterpriseId: number) {
  const [invitations, persons, feedback] = await Promise.all([
    db.kysely
      .selectFrom("event_invitations as i")
      .innerJoin("entrepreneur_events as ev", "ev.id", "i.event_id")
      .select(["i.event_id", "i.status"])
      .where("ev.district_id", "=", districtId)
      .where("i.enterprise_id", "=", enterpriseId)
      .execute(),
    db.kysely
      .selectFrom("event_registrations as r")
      .innerJoin("entrepreneur_events as ev", "ev.id", "r.event_id")
      .select(["r.event_id", "r.attended"])
      .where("ev.district_id", "=", districtId)
      .where("r.enterprise_id", "=", enterpriseId)
      .execute(),
    db.kysely
      .selectFrom("event_feedback as f")
      .innerJoin("entrepreneur_events as ev", "ev.id", "f.event_id")
      .select("f.event_id")
      .where("ev.district_id", "=", districtId)
      .where("f.enterprise_id", "=", enterpriseId)
      .execute(),
  ]);
  return { invitations, persons, feedback };
}

/** Every person present at the district's events not cancelled, with the event's kind, day and enterprise. */
export async function findAttendance(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("event_registrations as r")
    .innerJoin("entrepreneur_events as ev", "ev.id", "r.event_id")
    .select(["ev.id as event_id", "ev.kind", "ev.starts_on", "r.enterprise_id"])
    .where("ev.district_id", "=", districtId)
    .where("ev.cancelled_at", "is", null)
    .where("r.attended", "=", 1)
    .execute();
}

/** Marks the district's events as demo data. */
export async function markEventsAsDemo(db: DbContext, districtId: string) {
  await db.kysely
    .updateTable("entrepreneur_events")
    .set({ is_demo: 1 })
    .where("district_id", "=", districtId)
    .execute();
}

/** Events of a kind begun within [from, to] (both included) and not cancelled. */
export async function countEventsBegun(db: DbContext, districtId: string, kind: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("entrepreneur_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("district_id", "=", districtId)
    .where("kind", "=", kind as "training")
    .where("cancelled_at", "is", null)
    .where("starts_on", ">=", from)
    .where("starts_on", "<=", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Persons marked present at events of a kind begun within [from, to] and not cancelled. */
export async function countPersonsPresent(db: DbContext, districtId: string, kind: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("event_registrations as r")
    .innerJoin("entrepreneur_events as ev", "ev.id", "r.event_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("ev.district_id", "=", districtId)
    .where("ev.kind", "=", kind as "training")
    .where("ev.cancelled_at", "is", null)
    .where("ev.starts_on", ">=", from)
    .where("ev.starts_on", "<=", to)
    .where("r.attended", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A past event of the demo, written as it stood when it was over: its invitations answered, its persons with their
 * attendance and its enterprises' feedback (the services refuse to register for a day gone by).
 */
export async function insertDemoEventHistory(
  db: DbContext,
  event: Insertable<EntrepreneurEventTable>,
  invited: number[],
  persons: Omit<Insertable<EventRegistrationTable>, "event_id">[],
  feedback: Omit<Insertable<EventFeedbackTable>, "event_id">[],
): Promise<number> {
  const id = await insertEvent(db, { ...event, seats_taken: persons.length, is_demo: 1 });
  const registered = new Set(persons.map((person) => person.enterprise_id));
  await insertInvitations(
    db,
    invited.map((enterpriseId) => ({
      event_id: id,
      enterprise_id: enterpriseId,
      status: registered.has(enterpriseId) ? ("registered" as const) : ("declined" as const),
      invited_at: event.created_at,
      answered_at: event.created_at,
      decline_reason: registered.has(enterpriseId) ? "" : "生产任务紧，无法派员参加（演示）",
    })),
  );
  if (persons.length > 0)
    await insertRegistrations(
      db,
      persons.map((person) => ({ ...person, event_id: id })),
    );
  if (feedback.length > 0)
    await db.kysely
      .insertInto("event_feedback")
      .values(feedback.map((entry) => ({ ...entry, event_id: id })))
      .execute();
  return id;
}
