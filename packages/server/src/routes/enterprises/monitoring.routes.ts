import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { actorOf, currentUser } from "../../http/request-context";
import { parseInput } from "../../http/validation";
import {
  getMonitoringSettings,
  recomputeWarnings,
  setMonitoringSettings,
  warningsFor,
} from "../../services/enterprises-monitoring.service";
import { MonitoringSettingsSchema, WarningQuerySchema } from "./schema";

/** M10 monitoring of key enterprises: warnings, the office's threshold, recomputation on demand. */
export async function monitoringRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/monitoring/warnings", { config: { permission: "monitoring.read" } }, async (request) =>
    warningsFor(db, currentUser(request), parseInput(WarningQuerySchema, request.query, "预警查询")),
  );

  app.get("/api/monitoring/settings", { config: { permission: "monitoring.read" } }, async (request) =>
    getMonitoringSettings(db, currentUser(request).districtId),
  );

  app.put("/api/monitoring/settings", { config: { permission: "monitoring.manage" } }, async (request) => {
    const { revenueDropShare } = parseInput(MonitoringSettingsSchema, request.body, "预警设置");
    return setMonitoringSettings(db, currentUser(request), revenueDropShare, actorOf(request));
  });

  app.post("/api/monitoring/recompute", { config: { permission: "monitoring.manage" } }, async (request) =>
    recomputeWarnings(db, currentUser(request).districtId),
  );
}
