/** The notifications table: a notice to a unit, the office or one user, in Chinese and as a message. */
import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../../platform/db/common-columns";

export interface NotificationTable {
  id: Generated<number>;
  district_id: string;
  /** The unit addressed (all its staff see it); null with user_id null: the office. */
  unit_id: number | null;
  user_id: number | null;
  kind: string;
  title: string;
  body: string;
  /** The message the title and body were written from, for readers in another language; null: show as stored. */
  message_key: string | null;
  /** JSON object of the message's parameters. */
  message_params: string | null;
  link: string | null;
  /** Makes a reminder or warning idempotent: one per task, period and kind. */
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** When what the notice was about was settled (e.g. the rewards it asked to confirm are confirmed): no longer listed. */
  resolved_at: Generated<Timestamp | null>;
}
export type NotificationRow = Selectable<NotificationTable>;
