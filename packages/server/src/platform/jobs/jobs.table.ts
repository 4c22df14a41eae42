/** Background jobs and scheduled runs (migration 20261206110000_background_jobs). */
import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

export type BackgroundJobStatus = "queued" | "running" | "done" | "failed";

/** Long work started by a request: its line, progress and outcome, shared by every app process. */
export interface BackgroundJobTable {
  id: string;
  /** The job definition that runs it (`defineJob`). */
  kind: string;
  district_id: string | null;
  created_by: number | null;
  /** Jobs with the same line key run one after the other, in the order they were asked for. */
  line_key: string | null;
  /** The same work asked for twice has the same key; the second request joins the first. */
  dedupe_key: string | null;
  /** The dedupe key while the job is queued or running, else null; unique. */
  active_key: string | null;
  status: BackgroundJobStatus;
  payload_json: string;
  result_json: string | null;
  /** Why the job failed, in Chinese. */
  error_message: string | null;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  /** Written while the job runs: a running job whose heartbeat stopped lost its process and is run again. */
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}
export type BackgroundJobRow = Selectable<BackgroundJobTable>;

/** One run of a scheduled job: claimed by name and slot (the hour), so it happens once. */
export interface ScheduledRunTable {
  name: string;
  /** The hour the run belongs to, `YYYY-MM-DDTHH` (UTC). */
  slot: string;
  /** The process that ran it (host name and process id). */
  host: string;
  status: "running" | "done" | "failed";
  error_message: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}
export type ScheduledRunRow = Selectable<ScheduledRunTable>;
