/**
 * The audit log as .xlsx, with the list page's filters: each entry's time in Beijing time, who acted (name, account,
 * unit or enterprise), what was done to what in words (the domain's vocabulary), a summary, and the record before
 * and after as recorded. The log is read in chunks from the newest entry down, at most EXPORT_ROW_LIMIT entries; a
 * longer selection says so in the sheet's head and asks for a shorter date range.
 */
import type { AuditExportQuery } from "@beizeng/contract/audit";
import { auditActionLabel, auditActorLabel, auditEntityLabel } from "@beizeng/domain/audit/vocabulary";
import { type AuditFilter, auditEntriesBefore, countAuditEntries } from "../../platform/audit/audit.repository";
import type { AuditLogRow } from "../../platform/audit/audit-log.table";
import { listUserProfiles } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { beijingMinute, buildTableXlsx } from "../../platform/exports/table-export";

/** Entries in one file: enough for a year of a district's work, small enough for the server to hold the workbook. */
export const EXPORT_ROW_LIMIT = 20_000;
/** Entries read from the database at a time. */
const CHUNK = 1_000;
/** A recorded snapshot longer than this is cut in the sheet (a plan's text runs to megabytes); the page shows it whole. */
const SNAPSHOT_CHARACTERS = 2_000;

export interface AuditExportLine {
  seq: number;
  /** "2026-12-05 17:45:09", Beijing time. */
  at: string;
  actorName: string;
  username: string;
  actorPlace: string;
  action: string;
  entity: string;
  entityId: string;
  summary: string;
  before: string;
  after: string;
}

/** A moment to the second in Beijing time (its seconds are UTC's: the offset is whole hours). */
function beijingSecond(iso: string): string {
  const moment = new Date(iso);
  return `${beijingMinute(moment)}:${String(moment.getUTCSeconds()).padStart(2, "0")}`;
}

/** The fields that name a record, in the order they are looked for, with their Chinese names. */
const NAMING_FIELDS: readonly [string, string][] = [
  ["name", "名称"],
  ["title", "标题"],
  ["displayName", "姓名"],
  ["enterpriseName", "企业"],
  ["theme", "主题"],
  ["username", "账号"],
  ["number", "文号"],
  ["creditCode", "统一社会信用代码"],
  ["year", "年度"],
  ["period", "期间"],
];

function objectOf(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** What the entry is about in a few words: the record's name (and the like) from its snapshot, and how much changed. */
export function entrySummary(row: Pick<AuditLogRow, "before_json" | "after_json">): string {
  const before = objectOf(row.before_json);
  const after = objectOf(row.after_json);
  const parts: string[] = [];
  const source = after ?? before;
  if (source) {
    for (const [field, label] of NAMING_FIELDS) {
      const value = source[field];
      if (typeof value === "string" ? value.trim() !== "" : typeof value === "number") parts.push(`${label}：${value}`);
      if (parts.length === 2) break;
    }
  }
  if (before && after) {
    const changed = new Set(
      [...Object.keys(before), ...Object.keys(after)].filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      ),
    );
    if (changed.size > 0) parts.push(`改动 ${changed.size} 项`);
  } else if (after && !before) parts.push("新记录");
  else if (before && !after) parts.push("记录已移除");
  return parts.join("；");
}

function snapshotCell(json: string | null): string {
  if (json === null) return "";
  if (json.length <= SNAPSHOT_CHARACTERS) return json;
  return `${json.slice(0, SNAPSHOT_CHARACTERS)}……（共 ${json.length} 字，此处截断；平台审计日志中可看全文）`;
}

/** The filters as the sheet's head says them. */
function filterLines(query: AuditExportQuery): { label: string; value: string }[] {
  const range = query.from || query.to ? `${query.from ?? "最早"} 至 ${query.to ?? "今天"}` : "";
  return [
    { label: "对象类型", value: query.entityType ? auditEntityLabel(query.entityType) : "" },
    { label: "对象编号", value: query.entityId ?? "" },
    { label: "操作", value: query.action ? auditActionLabel(query.action) : "" },
    { label: "操作人", value: query.actor ? auditActorLabel(query.actor) : "" },
    { label: "日期（北京时间）", value: range },
  ];
}

export async function auditLogXlsx(
  db: DbContext,
  districtId: string,
  query: AuditExportQuery,
  size: { limit: number; chunk: number } = { limit: EXPORT_ROW_LIMIT, chunk: CHUNK },
): Promise<{ fileName: string; buffer: Buffer; rows: number; total: number }> {
  const filter: AuditFilter = { ...query, districtId };
  const total = await countAuditEntries(db, filter);
  const accounts = new Map((await listUserProfiles(db, districtId)).map((account) => [account.id, account]));

  const lines: AuditExportLine[] = [];
  let beforeSeq: number | undefined;
  while (lines.length < size.limit) {
    const chunk = await auditEntriesBefore(db, filter, beforeSeq, Math.min(size.chunk, size.limit - lines.length));
    for (const row of chunk) {
      const account = row.actor_user_id === null ? undefined : accounts.get(row.actor_user_id);
      lines.push({
        seq: row.seq,
        at: beijingSecond(row.at),
        actorName: account?.display_name ?? auditActorLabel(row.actor_label),
        // An actor that is no account (the system, the command line, the demo) has no username.
        username: account?.username ?? (row.actor_user_id === null ? "" : row.actor_label),
        actorPlace: account?.unit_name ?? account?.enterprise_name ?? "",
        action: auditActionLabel(row.action),
        entity: auditEntityLabel(row.entity_type),
        entityId: row.entity_id ?? "",
        summary: entrySummary(row),
        before: snapshotCell(row.before_json),
        after: snapshotCell(row.after_json),
      });
    }
    if (chunk.length < size.chunk) break;
    beforeSeq = chunk[chunk.length - 1]?.seq;
  }

  const filters = filterLines(query);
  if (total > lines.length) {
    filters.push({
      label: "说明",
      value: `共 ${total} 条，本文件为最新的 ${lines.length} 条；请缩小日期范围分批导出其余记录`,
    });
  }
  const buffer = await buildTableXlsx<AuditExportLine>({
    title: "审计日志",
    filters,
    columns: [
      { header: "序号", value: (line) => line.seq, kind: "count", width: 8 },
      { header: "时间（北京时间）", value: (line) => line.at, width: 20 },
      { header: "操作人", value: (line) => line.actorName, width: 16 },
      { header: "账号", value: (line) => line.username, width: 16 },
      { header: "所属单位或企业", value: (line) => line.actorPlace, width: 24 },
      { header: "操作", value: (line) => line.action, width: 12 },
      { header: "对象类型", value: (line) => line.entity, width: 16 },
      { header: "对象编号", value: (line) => line.entityId, width: 12 },
      { header: "摘要", value: (line) => line.summary, width: 36 },
      { header: "变更前（记录原文）", value: (line) => line.before, width: 40 },
      { header: "变更后（记录原文）", value: (line) => line.after, width: 40 },
    ],
    rows: lines,
  });
  const stamp = beijingMinute(new Date()).replace(/[-:]/g, "").replace(" ", "-");
  return { fileName: `审计日志-${stamp}.xlsx`, buffer, rows: lines.length, total };
}
