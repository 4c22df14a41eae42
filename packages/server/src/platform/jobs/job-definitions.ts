/**
 * The registry of job definitions. A capability defines its long work once (`defineJob`) at module load; whichever
 * process picks a job up runs the definition its row names, so the PostgreSQL queue and the in-process runner run
 * the same code.
 */
import type { DbContext } from "../db/database";
import type { BackgroundJobRow } from "./jobs.table";

export interface JobLog {
  warn(details: object, message: string): void;
}

export interface JobContext<Payload> {
  db: DbContext;
  job: BackgroundJobRow;
  payload: Payload;
  /** Records how far the work is (written now and then, for the pages that follow it); keeps the job alive. */
  progress(done: number, total?: number): Promise<void>;
  log?: JobLog | undefined;
}

export interface JobDefinition<Payload> {
  kind: string;
  /** Does the work; what it returns is kept as the job's result. Run again from the start after a lost process. */
  run(context: JobContext<Payload>): Promise<unknown>;
  /** Told when the job failed (with the Chinese message kept on the job), to mark the product's own record. */
  failed?(db: DbContext, payload: Payload, message: string): Promise<void>;
}

const definitions = new Map<string, JobDefinition<unknown>>();

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  definitions.set(definition.kind, definition as JobDefinition<unknown>);
  return definition;
}

export function jobDefinitionOf(kind: string): JobDefinition<unknown> | undefined {
  return definitions.get(kind);
}

/**
 * Work that runs every hour at `minute`, once per hour however many processes are up (the run is claimed by its
 * name and hour). Defined by the process that starts the jobs, as it may need what only that process holds.
 */
export interface ScheduledJob {
  name: string;
  minute: number;
  run(db: DbContext): Promise<unknown>;
}
