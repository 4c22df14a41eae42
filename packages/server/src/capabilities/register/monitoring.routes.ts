import {
  MonitoringSettingsSavedSchema,
  MonitoringSettingsSchema,
  MonitoringSettingsViewSchema,
  WarningListSchema,
  WarningQuerySchema,
  WarningsRecomputedSchema,
} from "@beizeng/contract/register";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { parseInput } from "../../platform/http/validation";
import {
  getMonitoringSettings,
  recomputeWarnings,
  setMonitoringSettings,
  warningsFor,
} from "./enterprises-monitoring.service";

/** M10 monitoring of key enterprises: warnings, the office's threshold, recomputation on demand. */
export async function monitoringRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get(
    "/api/monitoring/warnings",
    { config: { request: { query: WarningQuerySchema }, permission: "monitoring.read", response: WarningListSchema } },
    async (request) => warningsFor(db, currentUser(request), parseInput(WarningQuerySchema, request.query, "预警查询")),
  );

  app.get(
    "/api/monitoring/warnings/export",
    { config: { request: { query: WarningQuerySchema }, permission: "monitoring.read", response: "file" } },
    async (request, reply) => {
      const query = parseInput(WarningQuerySchema, request.query, "预警导出");
      const { items } = await warningsFor(db, currentUser(request), query);
      const buffer = await buildTableXlsx({
        title: "重点企业监测预警",
        filters: [
          { label: "状态", value: query.status === "open" ? "预警中" : query.status === "resolved" ? "已解除" : "" },
        ],
        columns: [
          { header: "企业名称", value: (w: (typeof items)[number]) => w.enterprise.name, width: 32 },
          { header: "统一社会信用代码", value: (w) => w.enterprise.creditCode, width: 22 },
          { header: "年月", value: (w) => `${w.year}-${String(w.month).padStart(2, "0")}` },
          { header: "本月营业收入", value: (w) => w.currentFen, kind: "money" },
          { header: "上年同月营业收入", value: (w) => w.previousFen, kind: "money" },
          { header: "降幅", value: (w) => w.dropShare, kind: "percent" },
          { header: "阈值", value: (w) => w.thresholdShare, kind: "percent" },
          { header: "挂点领导", value: (w) => w.leader?.name ?? "" },
          { header: "状态", value: (w) => (w.status === "open" ? "预警中" : "已解除") },
        ],
        rows: items,
      });
      return sendDownload(reply, { fileName: "重点企业监测预警.xlsx", contentType: CONTENT_TYPES.xlsx, body: buffer });
    },
  );

  app.get(
    "/api/monitoring/settings",
    { config: { permission: "monitoring.read", response: MonitoringSettingsViewSchema } },
    async (request) => getMonitoringSettings(db, currentUser(request).districtId),
  );

  app.put(
    "/api/monitoring/settings",
    {
      config: {
        request: { body: MonitoringSettingsSchema },
        permission: "monitoring.manage",
        response: MonitoringSettingsSavedSchema,
      },
    },
    async (request) => {
      const { revenueDropShare } = parseInput(MonitoringSettingsSchema, request.body, "预警设置");
      return setMonitoringSettings(db, currentUser(request), revenueDropShare, actorOf(request));
    },
  );

  app.post(
    "/api/monitoring/recompute",
    { config: { permission: "monitoring.manage", response: WarningsRecomputedSchema } },
    async (request) => recomputeWarnings(db, currentUser(request).districtId),
  );
}
