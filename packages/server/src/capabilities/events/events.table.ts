/** Tables of the entrepreneurs' trainings and salons (M12): events, invitations, registered persons, feedback. */
import type { EventKind, InvitationStatus } from "@beizeng/domain/events/vocabulary";
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../../platform/db/common-columns";

export interface EntrepreneurEventTable {
  id: Generated<number>;
  district_id: string;
  kind: EventKind;
  topic: string;
  /** YYYY-MM-DD; a one-day event ends the day it starts. */
  starts_on: string;
  ends_on: string;
  place: string;
  host_unit_id: number;
  capacity: number;
  /** Persons registered; raised only by a conditional update that keeps it within the capacity. */
  seats_taken: Generated<number>;
  /** 1: only invited enterprises may register. */
  invitation_only: Generated<Flag>;
  /** The last day an enterprise may register or withdraw a person. */
  registration_closes_on: string;
  description: Generated<string>;
  cancelled_at: Timestamp | null;
  cancel_reason: Generated<string>;
  created_by: number | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type EntrepreneurEventRow = Selectable<EntrepreneurEventTable>;

export interface EventInvitationTable {
  id: Generated<number>;
  event_id: number;
  enterprise_id: number;
  status: InvitationStatus;
  invited_at: Timestamp;
  invited_by: number | null;
  answered_at: Timestamp | null;
  decline_reason: Generated<string>;
}
export type EventInvitationRow = Selectable<EventInvitationTable>;

/** A named person an enterprise registered; attendance is null until the host unit marks it. */
export interface EventRegistrationTable {
  id: Generated<number>;
  event_id: number;
  enterprise_id: number;
  person_name: string;
  person_title: Generated<string>;
  person_phone: string;
  registered_at: Timestamp;
  registered_by: number | null;
  attended: Flag | null;
  attendance_marked_at: Timestamp | null;
  attendance_marked_by: number | null;
}
export type EventRegistrationRow = Selectable<EventRegistrationTable>;

export interface EventFeedbackTable {
  id: Generated<number>;
  event_id: number;
  enterprise_id: number;
  rating: number;
  comment: Generated<string>;
  submitted_at: Timestamp;
  submitted_by: number | null;
}
export type EventFeedbackRow = Selectable<EventFeedbackTable>;
