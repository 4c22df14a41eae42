/**
 * The M12 tasks' quantities computed from the events (docs/supervision.md): trainings and salons held, and the
 * persons present at them, in a period. An event counts in the period it begins, once it has begun and unless it
 * was cancelled; the district's events count, whichever unit hosts them (M12 has one lead).
 */
import type { EventKind } from "@beizeng/domain/events/vocabulary";
import type { DbContext } from "../../platform/db/database";
import { registerTaskQuantitySource, type TaskQuantityQuery, todayInChina } from "../supervision/index";
import { countEventsBegun, countPersonsPresent } from "./events.repository";

/** The period's last day, or today when the period is still running: an event planned for later is not yet held. */
function heldBy(query: TaskQuantityQuery): string {
  const today = todayInChina();
  if (today < query.to) return today;
  return query.to;
}

function held(kind: EventKind) {
  return async (db: DbContext, query: TaskQuantityQuery) =>
    BigInt(await countEventsBegun(db, query.districtId, kind, query.from, heldBy(query)));
}

function present(kind: EventKind) {
  return async (db: DbContext, query: TaskQuantityQuery) =>
    BigInt(await countPersonsPresent(db, query.districtId, kind, query.from, heldBy(query)));
}

registerTaskQuantitySource("events.trainingsHeld", held("training"));
registerTaskQuantitySource("events.salonsHeld", held("salon"));
registerTaskQuantitySource("events.trainingAttendees", present("training"));
registerTaskQuantitySource("events.salonAttendees", present("salon"));
