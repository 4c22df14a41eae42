/** The land module's tables as .xlsx: the parcels with the area totals by status and town, the zombie enterprises. */
import type { ParcelQuery } from "@beizeng/contract/land";
import { PARCEL_STATUSES } from "@beizeng/domain/land/vocabulary";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { exportWorkbookBuffer } from "../../platform/exports/spreadsheet-cells";
import { newWorkbook, writeTableSheet } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import {
  listParcels,
  listZombies,
  PARCEL_STATUS_LABELS,
  PARCEL_USE_LABELS,
  ZOMBIE_CASE_STATUS_LABELS,
  ZOMBIE_CRITERION_LABELS,
  ZOMBIE_DISPOSAL_LABELS,
} from "./land.service";

export async function exportParcels(db: DbContext, user: AuthUser, query: ParcelQuery, reply: FastifyReply) {
  const list = await listParcels(db, user, query);
  const filters = [
    query.status ? `状态：${PARCEL_STATUS_LABELS[query.status]}` : "",
    query.town ? `镇街：${list.towns.find((town) => town.id === query.town)?.name ?? ""}` : "",
  ].filter(Boolean);
  const workbook = newWorkbook();
  writeTableSheet(workbook, {
    sheet: "地块台账",
    title: "平台地块台账",
    subtitle: `面积单位：亩${filters.length > 0 ? `；${filters.join("；")}` : ""}`,
    columns: [
      { header: "地块编号", value: (p) => p.code, width: 14 },
      { header: "坐落", value: (p) => p.location, width: 30 },
      { header: "所在镇街", value: (p) => p.town?.name ?? "", width: 14 },
      { header: "面积（亩）", value: (p) => p.area, width: 12 },
      { header: "用途", value: (p) => PARCEL_USE_LABELS[p.use] },
      { header: "权利人", value: (p) => p.owner, width: 24 },
      { header: "状态", value: (p) => PARCEL_STATUS_LABELS[p.status] },
      { header: "闲置日期", value: (p) => p.idleSince ?? "" },
      { header: "开始收回日期", value: (p) => p.recoveryStartedOn ?? "" },
      { header: "收回日期", value: (p) => p.recoveredOn ?? "" },
      { header: "再出让日期", value: (p) => p.reletOn ?? "" },
      { header: "建设日期", value: (p) => p.builtOn ?? "" },
      { header: "关联企业", value: (p) => p.enterprise?.name ?? "", width: 24 },
      { header: "关联项目", value: (p) => p.project?.name ?? "", width: 24 },
      { header: "备注", value: (p) => (p.isDemo ? `（演示数据）${p.note}` : p.note), width: 30 },
    ],
    rows: list.items,
  });
  const lines = [
    ...list.totals.byTown.map((line) => ({ name: line.town?.name ?? "未填镇街", ...line })),
    { name: "合计", ...list.totals },
  ];
  writeTableSheet(workbook, {
    sheet: "按镇街和状态汇总",
    title: "平台地块面积（按镇街和状态）",
    subtitle: "面积单位：亩",
    columns: [
      { header: "镇街", value: (line) => line.name, width: 16 },
      ...PARCEL_STATUSES.map((status) => ({
        header: PARCEL_STATUS_LABELS[status],
        value: (line: (typeof lines)[number]) => line.byStatus.find((entry) => entry.status === status)?.area ?? "0",
        width: 12,
      })),
      { header: "合计", value: (line) => line.all.area, width: 12 },
      { header: "地块数", value: (line) => line.all.count, kind: "count" },
    ],
    rows: lines,
  });
  return sendDownload(reply, {
    fileName: "平台地块台账.xlsx",
    contentType: CONTENT_TYPES.xlsx,
    body: await exportWorkbookBuffer(workbook),
  });
}

export async function exportZombies(db: DbContext, user: AuthUser, reply: FastifyReply) {
  const list = await listZombies(db, user);
  const workbook = newWorkbook();
  writeTableSheet(workbook, {
    sheet: "僵尸企业",
    title: "僵尸企业认定和处置",
    columns: [
      { header: "企业", value: (c) => c.enterprise.name, width: 28 },
      { header: "状态", value: (c) => ZOMBIE_CASE_STATUS_LABELS[c.status] },
      { header: "符合标准", value: (c) => c.criteria.map((k) => ZOMBIE_CRITERION_LABELS[k]).join("、"), width: 28 },
      { header: "认定情况", value: (c) => (c.isDemo ? `（演示数据）${c.finding}` : c.finding), width: 36 },
      { header: "认定单位", value: (c) => c.unitName ?? "办公室", width: 20 },
      { header: "认定日期", value: (c) => c.confirmedOn },
      { header: "处置方式", value: (c) => (c.disposal ? ZOMBIE_DISPOSAL_LABELS[c.disposal] : "") },
      { header: "开始处置日期", value: (c) => c.disposalStartedOn ?? "" },
      { header: "处置完成日期", value: (c) => c.disposedOn ?? "" },
      { header: "处置情况", value: (c) => c.disposalNote, width: 36 },
    ],
    rows: list.cases,
  });
  writeTableSheet(workbook, {
    sheet: "疑似僵尸企业",
    title: "疑似僵尸企业（由企业月度数据提示）",
    subtitle: `标准：连续 ${list.criteria.noRevenueMonths ?? "—"} 个月无营业收入，或连续 ${list.criteria.noTaxMonths ?? "—"} 个月无入库税收；数据截至 ${list.figuresThrough ?? "—"}`,
    columns: [
      { header: "企业", value: (s) => s.enterprise.name, width: 28 },
      { header: "统一社会信用代码", value: (s) => s.creditCode ?? "", width: 22 },
      { header: "符合标准", value: (s) => s.criteria.map((k) => ZOMBIE_CRITERION_LABELS[k]).join("、"), width: 28 },
      { header: "最近有营业收入的月份", value: (s) => s.lastRevenueMonth ?? "无", width: 20 },
    ],
    rows: list.suggestions,
  });
  return sendDownload(reply, {
    fileName: "僵尸企业.xlsx",
    contentType: CONTENT_TYPES.xlsx,
    body: await exportWorkbookBuffer(workbook),
  });
}
