/**
 * The dashboards' answers computed in a thread of their own, so that no request waits behind a large district's
 * computation (seconds at province scale): the server starts it by running its own entry script again in a worker
 * thread, which opens its own connection to the database, holds the large districts' rows (read at its start) and
 * computes the answers it is asked for, keeping them in the database. Should it fail or stop, the next answer is
 * computed in the server's own thread, and a new worker is started for the one after.
 */
import { pathToFileURL } from "node:url";
import { parentPort, Worker } from "node:worker_threads";
import { createDatabase, type DatabaseConfig } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { ANSWER_BUILDERS } from "./answer-builders";
import {
  type AnswerComputer,
  type AnswerRequest,
  AnswersThreadClosed,
  computeAnswerHere,
  type HeldAnswer,
  warmUpLargeDistricts,
} from "./answers.service";

/** What the worker thread is started with; `beizengAnswersWorker` tells the entry script to run the worker. */
export interface AnswersWorkerData {
  beizengAnswersWorker: true;
  db: DatabaseConfig;
}

type ToWorker = { id: number; request: AnswerRequest };
type FromWorker =
  | { id: number; kind: "provisional" | "done"; answer: HeldAnswer }
  | { id: number; kind: "failed"; message: string; refusal?: { statusCode: number; code: string } };

/** Whether a worker's data asks for the answers' worker. */
export function isAnswersWorkerData(data: unknown): data is AnswersWorkerData {
  return typeof data === "object" && data !== null && (data as AnswersWorkerData).beizengAnswersWorker === true;
}

export interface AnswersWorker extends AnswerComputer {
  close(): Promise<void>;
}

interface Pending {
  resolve: (answer: HeldAnswer) => void;
  reject: (error: Error) => void;
  onProvisional: (answer: HeldAnswer) => void;
}

/**
 * A worker running `script`. A TypeScript script (the server run from its sources through tsx) is imported after
 * registering tsx in the thread: Node 20 does not apply the parent's `--import` loaders to a worker thread.
 */
function newWorker(script: string, execArgv: string[], workerData: AnswersWorkerData): Worker {
  if (!script.endsWith(".ts")) return new Worker(script, { execArgv, workerData });
  const api = import.meta.resolve("tsx/esm/api");
  const entry = pathToFileURL(script).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Starts the answers' thread: `script` is the entry script of this process (run again in the thread, with the same
 * node options), `db` the database it connects to.
 */
export function startAnswersWorker(options: {
  script: string;
  execArgv?: string[];
  db: DatabaseConfig;
  log?: (message: string) => void;
}): AnswersWorker {
  let worker: Worker | null = null;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: () => Error) => {
    for (const waiting of pending.values()) waiting.reject(error());
    pending.clear();
  };
  const start = (): Worker => {
    const data: AnswersWorkerData = { beizengAnswersWorker: true, db: options.db };
    const started = newWorker(options.script, options.execArgv ?? process.execArgv, data);
    started.unref();
    started.on("message", (message: FromWorker) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      if (message.kind === "failed") {
        pending.delete(message.id);
        const { refusal } = message;
        // A refusal of the question (an unknown target, a bad month) reaches the caller as the same refusal.
        waiting.reject(
          refusal ? new AppError(refusal.statusCode, refusal.code, message.message) : new Error(message.message),
        );
      } else if (message.kind === "provisional") waiting.onProvisional(message.answer);
      else {
        pending.delete(message.id);
        waiting.resolve(message.answer);
      }
    });
    started.on("error", (error) => {
      options.log?.(`看板计算线程出错 / the answers' thread failed: ${error.message}`);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = null;
      failAll(() =>
        closed
          ? new AnswersThreadClosed()
          : new Error(`看板计算线程已退出（${code}）/ the answers' thread exited (${code})`),
      );
    });
    return started;
  };
  // Started at once: it reads the large districts' rows while the server begins to answer from the database.
  worker = start();
  return {
    compute(request, onProvisional) {
      if (closed) return Promise.reject(new AnswersThreadClosed());
      if (!worker) worker = start();
      const id = nextId++;
      const message: ToWorker = { id, request };
      return new Promise<HeldAnswer>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProvisional });
        worker?.postMessage(message);
      });
    },
    async close() {
      closed = true;
      const running = worker;
      worker = null;
      await running?.terminate();
      failAll(() => new AnswersThreadClosed());
    },
  };
}

/** The worker thread's side: computes the answers it is asked for, one message each, and keeps them. */
export async function runAnswersWorker(data: AnswersWorkerData): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("runAnswersWorker runs in a worker thread");
  const db = createDatabase(data.db);
  port.on("message", (message: ToWorker) => {
    const { id, request } = message;
    const send = (reply: FromWorker) => port.postMessage(reply);
    computeAnswerHere(db, request, ANSWER_BUILDERS[request.name], (answer) => send({ id, kind: "provisional", answer }))
      .then((answer) => send({ id, kind: "done", answer }))
      .catch((error: unknown) =>
        send({
          id,
          kind: "failed",
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof AppError ? { refusal: { statusCode: error.statusCode, code: error.code } } : {}),
        }),
      );
  });
  await warmUpLargeDistricts(db).catch((error: unknown) => {
    console.error("预读大型地区数据失败 / reading the large districts' rows failed:", error);
  });
}
