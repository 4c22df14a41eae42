/** The events' tables as .xlsx: the events of a year, one event's persons with attendance, the yearly report. */
import type { EventReport, EventSummary, Registration } from "@beizeng/contract/events";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { EVENT_KIND_LABELS, eventReport, getEvent, listEvents } from "./events.service";

const PHASE_LABELS: Record<EventSummary["phase"], string> = {
  open: "报名中",
  closed: "报名截止",
  ongoing: "进行中",
  ended: "已结束",
  cancelled: "已取消",
};

async function send(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return sendDownload(reply, { fileName, contentType: CONTENT_TYPES.xlsx, body: buffer });
}

export async function exportEvents(db: DbContext, user: AuthUser, year: number | undefined, reply: FastifyReply) {
  const { items } = await listEvents(db, user, year);
  const buffer = await buildTableXlsx<EventSummary>({
    title: "企业家培训与沙龙",
    filters: [{ label: "年度", value: year === undefined ? "全部" : String(year) }],
    columns: [
      { header: "类型", value: (r) => EVENT_KIND_LABELS[r.kind] },
      { header: "主题", value: (r) => r.topic, width: 32 },
      { header: "开始日期", value: (r) => r.startsOn },
      { header: "结束日期", value: (r) => r.endsOn },
      { header: "地点", value: (r) => r.place, width: 28 },
      { header: "承办单位", value: (r) => r.hostUnit.name, width: 20 },
      { header: "名额", value: (r) => r.capacity, kind: "count" },
      { header: "已报名人数", value: (r) => r.seatsTaken, kind: "count" },
      { header: "出席人数", value: (r) => r.attended, kind: "count" },
      { header: "邀请企业数", value: (r) => r.invited, kind: "count" },
      { header: "仅限受邀企业", value: (r) => r.invitationOnly },
      { header: "报名截止", value: (r) => r.registrationClosesOn },
      { header: "状态", value: (r) => PHASE_LABELS[r.phase] },
      { header: "评价数", value: (r) => r.feedbackCount, kind: "count" },
      { header: "平均评分", value: (r) => r.averageRating ?? "" },
      { header: "取消原因", value: (r) => r.cancelReason, width: 24 },
    ],
    rows: items,
  });
  return send(reply, "企业家培训与沙龙.xlsx", buffer);
}

export async function exportEventRoster(db: DbContext, user: AuthUser, id: number, reply: FastifyReply) {
  const detail = await getEvent(db, user, id);
  const event = detail.event;
  const buffer = await buildTableXlsx<Registration>({
    title: `${event.topic} 报名及出席名单`,
    filters: [
      { label: "类型", value: EVENT_KIND_LABELS[event.kind] },
      {
        label: "日期",
        value: event.startsOn === event.endsOn ? event.startsOn : `${event.startsOn} 至 ${event.endsOn}`,
      },
      { label: "地点", value: event.place },
      { label: "承办单位", value: event.hostUnit.name },
    ],
    columns: [
      { header: "企业", value: (r) => r.enterprise.name, width: 32 },
      { header: "参加人", value: (r) => r.personName },
      { header: "职务", value: (r) => r.personTitle },
      { header: "联系电话", value: (r) => r.personPhone, width: 16 },
      { header: "报名时间", value: (r) => r.registeredAt, width: 24 },
      { header: "出席", value: (r) => (r.attended === null ? "未登记" : r.attended ? "出席" : "缺席") },
    ],
    rows: detail.registrations,
  });
  return send(reply, `${event.topic}报名名单.xlsx`, buffer);
}

export async function exportEventReport(db: DbContext, user: AuthUser, reply: FastifyReply) {
  const report = await eventReport(db, user.districtId);
  type Row = EventReport["years"][number];
  const buffer = await buildTableXlsx<Row>({
    title: "企业家培训与沙龙年度统计",
    columns: [
      { header: "年度", value: (r) => r.year, kind: "count" },
      { header: "培训场次", value: (r) => r.trainings, kind: "count" },
      { header: "培训参加人次", value: (r) => r.trainingAttendees, kind: "count" },
      { header: "沙龙场次", value: (r) => r.salons, kind: "count" },
      { header: "沙龙参加人次", value: (r) => r.salonAttendees, kind: "count" },
      { header: "参加企业数", value: (r) => r.enterprisesReached, kind: "count" },
      { header: "平均评分", value: (r) => r.averageRating ?? "" },
    ],
    rows: report.years,
  });
  return send(reply, "企业家培训与沙龙年度统计.xlsx", buffer);
}
