/**
 * The dashboards' answers (the dashboard, the targets page, the public board) as the JSON text sent, kept by the
 * database (`computed_answers`) with the data version they were computed at, so that:
 *
 * - a process just started, or any process of several, answers at once while the data has not moved;
 * - a small district is computed on the request, its answer always as fresh as its data;
 * - a large one (its last computation slower than SLOW_COMPUTE_MS) answers at once with its last answer, marked
 *   `refreshing`, while the newer one is computed: first the change's figures with the earlier forecasts
 *   (provisional, within seconds), then the whole answer, kept.
 *
 * The computation runs where the answer computer says: in this thread by default, or in the answers' own thread
 * (`answers-worker.ts`, started by the server) so that no request waits behind it.
 */
import type { DbContext } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { PromiseCache } from "./promise-cache";
import {
  dataVersionParts,
  districtsWithSlowAnswers,
  type StoredAnswer,
  storeAnswer,
  storedAnswer,
} from "./targets.repository";
import {
  asOfKey,
  clearTargetsResults,
  type DistrictSummary,
  provisionalResult,
  summaryAnswer,
  type TargetsResult,
  targetsResult,
  type YearMonth,
} from "./targets.service";

/**
 * How long a district's computation may take before its readers are answered from its last answer while a newer one
 * is computed.
 */
export const SLOW_COMPUTE_MS = 1_000;

/** The answers kept, by name. */
export type AnswerName = "dashboard" | "targets" | "public-board" | "summary";

/** Answers made from the district's result on request and not kept: drill-downs and the tables of exports. */
export type TransientAnswerName = "dashboard-records" | "target-records" | "records-table" | "chart-table";

/** What an answer needs beside the district's result (the public board names its district). */
export interface AnswerParams {
  districtName?: string;
  /** A drill-down's question (the dashboard's figure, or a target's records), for the transient answers. */
  records?: { source: "dashboard"; query: unknown } | { source: "target"; targetId: string; year: number };
  /** The chart whose table is exported. */
  chart?: string;
}

/** Makes an answer from the district's result; a pure function, run in whichever thread computes. */
export type AnswerBuilder = (result: TargetsResult, params: AnswerParams) => unknown;

/** An answer held by a process: one kept by the database, or a provisional one (never kept by the database). */
export interface HeldAnswer extends StoredAnswer {
  /** Computed with the forecasts of an earlier version, the whole answer on its way. */
  provisional?: boolean;
}

/** One answer to compute. `refresh`: a provisional answer first, when the earlier result is at hand. */
export interface AnswerRequest {
  districtId: string;
  requested: YearMonth | null;
  name: AnswerName | TransientAnswerName;
  params: AnswerParams;
  refresh: boolean;
  /** Kept by the database (the dashboards' answers); transient answers are not. */
  keep: boolean;
}

/** The answers' thread was closed (the server stopping): this thread computes, with nothing to report. */
export class AnswersThreadClosed extends Error {
  constructor() {
    super("看板计算线程已关闭 / the answers' thread is closed");
    this.name = "AnswersThreadClosed";
  }
}

/** Where answers are computed: this thread (none set) or the answers' own thread. */
export interface AnswerComputer {
  compute(request: AnswerRequest, onProvisional: (answer: HeldAnswer) => void): Promise<HeldAnswer>;
}

interface AnswerCaches {
  /** Answers' JSON text by district, data version, answer and month: only answers of that very version. */
  answers: PromiseCache<string>;
  /** The latest answer this process sent or read, by district, answer and month (of any version). */
  latest: Map<string, HeldAnswer>;
  /** The background computations of answers running, by district, answer and month. */
  refreshing: Map<string, Promise<void>>;
  slowMs: number;
  computer: AnswerComputer | null;
}

const cachesByDatabase = new WeakMap<object, AnswerCaches>();

function cachesOf(db: DbContext): AnswerCaches {
  let caches = cachesByDatabase.get(db.kysely);
  if (!caches) {
    caches = {
      answers: new PromiseCache(),
      latest: new Map(),
      refreshing: new Map(),
      slowMs: SLOW_COMPUTE_MS,
      computer: null,
    };
    cachesByDatabase.set(db.kysely, caches);
  }
  return caches;
}

/** Forgets every answer, row and result held for a database (after writing rows without going through the app). */
export function clearTargetsCache(db: DbContext): void {
  const caches = cachesByDatabase.get(db.kysely);
  caches?.answers.clear();
  caches?.latest.clear();
  clearTargetsResults(db);
}

/**
 * Sets, for one database handle, how long a computation may take before answers are given from the last one (the
 * tests set 0 to have a small district answered as a large one is).
 */
export function setSlowComputeMs(db: DbContext, ms: number): void {
  cachesOf(db).slowMs = ms;
}

/** Has answers for this database handle computed by `computer` (the answers' thread); null: in this thread. */
export function useAnswerComputer(db: DbContext, computer: AnswerComputer | null): void {
  cachesOf(db).computer = computer;
}

/** Marks an answer's JSON text (an object) as one computed at an older data version, a newer one on its way. */
function markedRefreshing(body: string): string {
  return `{"refreshing":true,${body.slice(1)}`;
}

/**
 * Computes an answer in this thread and keeps it in the database: with `refresh`, first a provisional answer (the
 * current figures with the earlier forecasts), handed to `onProvisional`, when this thread holds an earlier result.
 */
export async function computeAnswerHere(
  db: DbContext,
  request: AnswerRequest,
  build: AnswerBuilder,
  onProvisional: (answer: HeldAnswer) => void = () => {},
): Promise<HeldAnswer> {
  const { districtId, requested, name, params } = request;
  if (request.refresh) {
    const provisional = await provisionalResult(db, districtId, requested);
    if (provisional) {
      const parts = provisional.data.versionParts;
      onProvisional({
        audit: parts.audit,
        figures: parts.figures,
        body: JSON.stringify(build(provisional, params)),
        computeMs: Math.round(provisional.computeMs),
        provisional: true,
      });
    }
  }
  const started = performance.now();
  const result = await targetsResult(db, districtId, requested);
  const parts = result.data.versionParts;
  const answer: HeldAnswer = {
    audit: parts.audit,
    figures: parts.figures,
    body: JSON.stringify(build(result, params)),
    computeMs: Math.round(Math.max(result.computeMs, performance.now() - started)),
  };
  if (request.keep) await storeAnswer(db, districtId, name, asOfKey(requested), answer);
  return answer;
}

/** Computes an answer where the computer says and holds what comes back (provisional answers included). */
async function computeAnswer(db: DbContext, request: AnswerRequest, build: AnswerBuilder): Promise<string> {
  const caches = cachesOf(db);
  const slot = `${request.districtId}|${request.name}|${asOfKey(request.requested)}`;
  const hold = (answer: HeldAnswer) => {
    const held = caches.latest.get(slot);
    // Never an older answer over a newer one (a provisional answer may arrive after its whole one).
    if (held && (held.audit > answer.audit || held.figures > answer.figures)) return;
    if (
      held &&
      !held.provisional &&
      answer.provisional &&
      held.audit === answer.audit &&
      held.figures === answer.figures
    )
      return;
    caches.latest.set(slot, answer);
  };
  const _computer = caches.computer;
  const answer = await computeSomewhere(db, request, build, hold);
  hold(answer);
  const key = `${request.districtId}|${answer.audit + answer.figures}|${request.name}|${asOfKey(request.requested)}`;
  caches.answers.set(key, Promise.resolve(answer.body));
  return answer.body;
}

/**
 * Computes where the computer says: should the answers' thread fail, this thread computes (a refusal of the caller's
 * question, such as an unknown target, is the caller's answer and is not computed again).
 */
async function computeSomewhere(
  db: DbContext,
  request: AnswerRequest,
  build: AnswerBuilder,
  onProvisional: (answer: HeldAnswer) => void,
): Promise<HeldAnswer> {
  const computer = cachesOf(db).computer;
  if (!computer) return computeAnswerHere(db, request, build, onProvisional);
  try {
    return await computer.compute(request, onProvisional);
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500) throw error;
    if (!(error instanceof AnswersThreadClosed))
      console.error("看板计算线程未能计算，改在本线程计算 / the answers' thread failed; computed here:", error);
    return computeAnswerHere(db, request, build, onProvisional);
  }
}

/**
 * An answer made from the district's result and not kept (a drill-down, an export's table), as JSON text, computed
 * where the dashboards' answers are: a large district's rows are held by the answers' thread alone.
 */
export async function transientAnswer(
  db: DbContext,
  districtId: string,
  requested: YearMonth | null,
  name: TransientAnswerName,
  params: AnswerParams,
  build: AnswerBuilder,
): Promise<string> {
  const request: AnswerRequest = { districtId, requested, name, params, refresh: false, keep: false };
  return (await computeSomewhere(db, request, build, () => {})).body;
}

/**
 * An answer of the dashboards as the JSON text sent, at the district's current data version:
 *
 * - computed in this process at this version, or kept by the database at it: sent as it is;
 * - else, when the district's last computation was slow and an older answer is at hand: that answer, marked
 *   `refreshing`, while one computation of the current version runs in the background;
 * - else computed now (concurrent callers share the computation) and kept.
 */
export async function cachedAnswer(
  db: DbContext,
  districtId: string,
  requested: YearMonth | null,
  name: AnswerName,
  build: AnswerBuilder,
  params: AnswerParams = {},
): Promise<string> {
  const parts = await dataVersionParts(db, districtId);
  const asOf = asOfKey(requested);
  const key = `${districtId}|${parts.audit + parts.figures}|${name}|${asOf}`;
  const caches = cachesOf(db);
  const fresh = caches.answers.peek(key);
  if (fresh) return fresh;
  const slot = `${districtId}|${name}|${asOf}`;
  let older: HeldAnswer | null = caches.latest.get(slot) ?? null;
  if (!older) {
    older = await storedAnswer(db, districtId, name, asOf);
    if (older) caches.latest.set(slot, older);
  }
  if (older && older.audit === parts.audit && older.figures === parts.figures && !older.provisional) {
    caches.answers.set(key, Promise.resolve(older.body));
    return older.body;
  }
  const request: AnswerRequest = { districtId, requested, name, params, refresh: false, keep: true };
  if (older && (older.provisional || older.computeMs >= caches.slowMs)) {
    if (!caches.refreshing.has(slot)) {
      const refresh = computeAnswer(db, { ...request, refresh: true }, build).then(
        () => undefined,
        (error: unknown) => {
          console.error(`看板数据后台更新失败 / refreshing an answer failed (${slot}):`, error);
        },
      );
      caches.refreshing.set(slot, refresh);
      void refresh.finally(() => caches.refreshing.delete(slot));
    }
    return markedRefreshing(older.body);
  }
  return caches.answers.get(key, () => computeAnswer(db, request, build));
}

/**
 * A district's targets in brief (for the region above it), from the answers kept: `refreshing` when they are of
 * older data and newer ones are being computed.
 */
export async function districtSummary(
  db: DbContext,
  districtId: string,
): Promise<DistrictSummary & { refreshing?: true }> {
  return JSON.parse(await cachedAnswer(db, districtId, null, "summary", summaryAnswer));
}

/**
 * Reads the rows of the districts whose answers are slow to compute and computes their result of the month the
 * dashboards open at, so that the first change of their data is patched into rows at hand and shown with these
 * forecasts at once, rather than read and computed whole (the answers themselves come from the database meanwhile).
 */
export async function warmUpLargeDistricts(db: DbContext): Promise<string[]> {
  const districts = await districtsWithSlowAnswers(db, SLOW_COMPUTE_MS);
  for (const districtId of districts) await targetsResult(db, districtId, null);
  return districts;
}
