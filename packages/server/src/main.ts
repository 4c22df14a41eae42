/** Starts the HTTP server: opens the database, migrates it, builds the app and listens. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { buildApp, parseOriginList } from "./app";
import { runRequestEscalationsForAllDistricts } from "./capabilities/requests/index";
import { runRemindersForAllDistricts } from "./capabilities/supervision/index";
import { startAnswersWorker, useAnswerComputer } from "./capabilities/targets/index";
import {
  auditCheckpointSink,
  prepareAuditSigningKey,
  runAuditCheckpoints,
} from "./platform/audit/audit-checkpoints.service";
import { auditKeyFileFor } from "./platform/audit/audit-key";
import { purgeExpiredAuthData } from "./platform/auth/auth.service";
import { type BeizengDb, createDatabase, type DatabaseConfig, databaseConfigFromEnv } from "./platform/db/database";
import { migrateToLatest } from "./platform/db/migrate";
import type { ScheduledJob } from "./platform/jobs/job-definitions";
import { type JobsRuntime, startJobs } from "./platform/jobs/job-runtime";

/** packages/web/dist, where `npm run build` puts the front end. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export interface StartServerOptions {
  port?: number;
  host?: string;
  /** Defaults to databaseConfigFromEnv(). */
  db?: DatabaseConfig;
  webRoot?: string;
  logger?: boolean;
  secureCookies?: boolean;
  trustProxy?: boolean;
  /** The origin(s) browsers reach the app at (default: BEIZENG_PUBLIC_ORIGIN, comma-separated). */
  publicOrigins?: string[];
  /** Called after migrations and before listening (e.g. to load demo data into an empty database). */
  beforeListen?: (db: BeizengDb) => Promise<void>;
  /**
   * Computes the dashboards' answers in a thread of their own, running this entry script again (with these node
   * options); without it they are computed in the server's thread.
   */
  answersWorker?: { script: string; execArgv?: string[] };
}

/** The origin of the address the server listens on, when it is one a browser can use (not 0.0.0.0 or port 0). */
function listeningOrigins(host: string, port: number): string[] {
  if (port === 0 || host === "0.0.0.0" || host === "::") return [];
  return [`http://${host.includes(":") ? `[${host}]` : host}:${port}`];
}

export interface RunningServer {
  app: FastifyInstance;
  db: BeizengDb;
  url: string;
  /** The background jobs and hourly jobs of this process (the PostgreSQL queue, or the in-process runner). */
  jobs: JobsRuntime;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const db = createDatabase(options.db ?? databaseConfigFromEnv());
  try {
    await migrateToLatest(db);
    // Signs the audit chain's checkpoints; a file outside the database, created on first start (docs/audit.md).
    const auditKey = await prepareAuditSigningKey(db, auditKeyFileFor(options.db ?? databaseConfigFromEnv()));
    if (options.beforeListen) await options.beforeListen(db);
    const port = options.port ?? Number(process.env.PORT ?? 3000);
    const host = options.host ?? process.env.HOST ?? "127.0.0.1";
    const trustProxy = options.trustProxy ?? process.env.BEIZENG_TRUST_PROXY === "1";
    const configuredOrigins =
      options.publicOrigins ?? parseOriginList(process.env.BEIZENG_PUBLIC_ORIGIN, "BEIZENG_PUBLIC_ORIGIN");
    // Behind a trusted proxy the Host header is whatever the proxy forwards, so the origin browsers use must be
    // configured; until it is, only the address the server listens on is accepted.
    const missingPublicOrigin = trustProxy && configuredOrigins.length === 0;
    const app = await buildApp({
      db,
      webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
      logger: options.logger ?? true,
      secureCookies: options.secureCookies ?? (process.env.BEIZENG_SECURE_COOKIES === "1" ? true : undefined),
      trustProxy,
      publicOrigins: missingPublicOrigin ? listeningOrigins(host, port) : configuredOrigins,
    });
    // A signed checkpoint of each district's audit chain head that advanced, one log line each.
    const auditSink = auditCheckpointSink(options.logger === false ? null : app.log);
    for (const warning of auditKey.warnings) auditSink.problem(warning);
    // Hourly work, once per hour across all processes (each run is recorded, shown by /api/health).
    const schedules: ScheduledJob[] = [
      // Expired sessions, activation codes and login throttling records.
      { name: "auth-purge", minute: 5, run: (jobDb) => purgeExpiredAuthData(jobDb) },
      // Task deadline reminders and overdue warnings (idempotent per task, period and stage).
      { name: "task-reminders", minute: 0, run: (jobDb) => runRemindersForAllDistricts(jobDb) },
      // Overdue enterprise requests: yellow to the unit, red also to the office and the enterprise's leader.
      { name: "request-escalations", minute: 0, run: (jobDb) => runRequestEscalationsForAllDistricts(jobDb) },
      {
        name: "audit-checkpoints",
        minute: 30,
        run: async (jobDb) => {
          try {
            await runAuditCheckpoints(jobDb, auditKey.key, auditSink);
          } catch (error) {
            auditSink.problem(`审计检查点失败 / audit checkpoint failed: ${(error as Error).message}`);
            throw error;
          }
        },
      },
    ];
    const answers = options.answersWorker
      ? startAnswersWorker({
          ...options.answersWorker,
          db: db.config,
          log: (message) => app.log.error(message),
        })
      : null;
    if (answers) useAnswerComputer(db, answers);
    const jobs = await startJobs(db, {
      schedules,
      log: app.log,
      ...(options.db?.url ? { connectionString: options.db.url } : {}),
    });
    if (missingPublicOrigin) {
      const warning =
        "BEIZENG_TRUST_PROXY=1 但未设置 BEIZENG_PUBLIC_ORIGIN：经代理访问的浏览器提交的请求将因来源不符被拒绝（403）。" +
        "请设置 BEIZENG_PUBLIC_ORIGIN 为浏览器访问的地址，例如 https://beizeng.example.gov.cn / " +
        "BEIZENG_TRUST_PROXY=1 without BEIZENG_PUBLIC_ORIGIN: requests from browsers reaching the app through the " +
        "proxy are refused (403 origin). Set BEIZENG_PUBLIC_ORIGIN to the address browsers use.";
      if (options.logger === false) console.warn(warning);
      else app.log.warn(warning);
    }
    let url: string;
    try {
      url = await app.listen({ port, host });
    } catch (error) {
      await answers?.close();
      await jobs.stop();
      await app.close();
      throw error;
    }
    return {
      app,
      db,
      url,
      jobs,
      close: async () => {
        await answers?.close();
        await jobs.stop();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
