/**
 * Enterprise requests (企业诉求直通车, M10). An enterprise files a request about itself, or the office or the
 * leader assigned to it registers one (e.g. at a 企业服务日) under one of the categories of the district's plan;
 * the office assigns it to a responsible unit (the plan proposes the category's first answering unit) with
 * co-units and a deadline from the category's time limit in the plan; the unit accepts and answers; the
 * enterprise rates the answer, and 不满意 lets the office reopen it. Every step is audited and kept as the
 * request's timeline.
 *
 * Who sees what: an enterprise its own requests, a unit those it is responsible for or co-handles, the office,
 * leaders and the commission all of the district's.
 */

import type {
  Deleted,
  RequestDetail,
  RequestEscalationRun,
  RequestEventKind,
  RequestFileAttached,
  RequestList,
  RequestStats,
  RequestView,
} from "@beizeng/contract/requests";
import type { WorkingCalendar } from "@beizeng/domain/calendar/working-days";
import type { NotificationMessage, NotificationParams } from "@beizeng/domain/notifications/messages";
import type { PlanFile, PlanRequestCategory } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import {
  daysFromTo,
  findRequestCategory,
  REQUEST_RED_AFTER_DAYS,
  requestDeadline,
  requestLight,
} from "@beizeng/domain/requests/categories";
import {
  REQUEST_STATUSES,
  type RequestChannel,
  type RequestRating,
  type RequestStatus,
} from "@beizeng/domain/requests/view";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { findEnterpriseAccounts } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { checkUploadedFile, type UploadedFileInput } from "../../platform/files/stored-files";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { workingCalendarOf } from "../calendar/index";
import { notify, notifyUser, notifyUsers } from "../notifications/index";
import { sendWebhook, todayInChina } from "../supervision/index";
import { listUnitRows } from "../units/index";
import {
  attachmentsOfRequest,
  coUnitsOf,
  deleteRequestAttachment,
  districtsWithOpenRequests,
  eventsOf,
  findEnterpriseForRequest,
  findRequest,
  findRequestAttachment,
  findRequests,
  findServiceDay,
  insertRequest,
  insertRequestAttachment,
  insertRequestEvent,
  type RequestFilter,
  type RequestListRow,
  replaceCoUnits,
  updateRequestRow,
} from "./enterprise-requests.repository";

/** Units a request can be assigned to: departments and the places (towns, streets, zones). */
const HANDLING_KINDS: readonly UnitKind[] = ["department", ...PLACE_UNIT_KINDS];

function handlesRequests(unit: { kind: string; active: number }): boolean {
  return unit.active === 1 && HANDLING_KINDS.includes(unit.kind as UnitKind);
}
const OPEN_STATUSES: readonly string[] = ["assigned", "accepted"];

export interface RequestQuery {
  status?: RequestStatus;
  category?: string;
  unit?: number;
  enterprise?: number;
  serviceDay?: number;
  overdue?: boolean;
  /** Rated 不满意 and not yet reopened or closed: waiting for the office. */
  unsatisfied?: boolean;
  /** A leader: its assigned enterprises' requests; a unit: those it is responsible for (not co-handling). */
  mine?: boolean;
  q?: string;
}

export type { RequestView };

function chinaDate(iso: string): string {
  return todayInChina(new Date(iso));
}

/**
 * What the views of a district's requests read from its active plan: for each category, the unit the plan
 * proposes (its first answering unit), when that unit is one requests can be assigned to.
 */
interface CategoryProposals {
  proposedUnit(category: string): { id: number; name: string } | null;
}

async function categoryProposals(db: DbContext, districtId: string): Promise<CategoryProposals> {
  const categories = (await readActivePlan(db, districtId))?.plan.requestCategories ?? [];
  const units = new Map(
    (await listUnitRows(db, districtId)).filter(handlesRequests).map((unit) => [unit.code, unit] as const),
  );
  return {
    proposedUnit(id) {
      const code = findRequestCategory(categories, id)?.units[0];
      const unit = code === undefined ? undefined : units.get(code);
      return unit ? { id: unit.id, name: unit.name } : null;
    },
  };
}

/** The category's plan entry; 400 in Chinese listing the plan's categories when the plan has no such category. */
function requireCategory(plan: PlanFile | undefined, id: string, path: string): PlanRequestCategory {
  const categories = plan?.requestCategories ?? [];
  const found = findRequestCategory(categories, id);
  if (found) return found;
  const message =
    categories.length === 0
      ? "本区行动方案未设诉求类别（requestCategories），暂不能提交诉求"
      : `诉求类别“${id}”不在本区行动方案中，可选：${categories.map((c) => `${c.id}（${c.name}）`).join("、")}`;
  throw badRequest(message, [{ path, message }]);
}

function viewOf(
  row: RequestListRow,
  coUnits: { id: number; name: string }[],
  today: string,
  user: AuthUser,
  proposals: CategoryProposals,
): RequestView {
  const open = OPEN_STATUSES.includes(row.status) && row.deadline !== null;
  const lit = open && row.deadline ? requestLight(row.deadline, today) : null;
  return {
    id: row.id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name, creditCode: row.enterprise_credit_code },
    category: row.category,
    title: row.title,
    content: row.content,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    // The table's text columns hold these vocabularies only (the routes' schemas check what is written).
    channel: row.channel as RequestChannel,
    serviceDay: row.service_day_id !== null ? { id: row.service_day_id, theme: row.service_day_theme ?? "" } : null,
    status: row.status as RequestStatus,
    unit: row.unit_id !== null ? { id: row.unit_id, name: row.unit_name ?? "" } : null,
    proposedUnit: proposals.proposedUnit(row.category),
    coUnits,
    deadline: row.deadline,
    light: lit?.light ?? null,
    overdueDays: lit?.overdueDays ?? 0,
    overdue: (lit?.overdueDays ?? 0) > 0,
    answeredLate: row.answered_at !== null && row.deadline !== null && chinaDate(row.answered_at) > row.deadline,
    assignedAt: row.assigned_at,
    acceptedAt: row.accepted_at,
    answer: row.answer,
    answeredAt: row.answered_at,
    rating: row.rating as RequestRating | null,
    ratingComment: row.rating_comment,
    ratedAt: row.rated_at,
    reopenCount: row.reopen_count,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    mineAsLeader: user.role === "leader" && row.enterprise_leader_user_id === user.id,
  };
}

/** The part of the district the caller may see. */
function scopeOf(user: AuthUser): Partial<RequestFilter> {
  if (user.role === "enterprise") return { enterpriseId: user.enterpriseId ?? -1 };
  if (user.role === "unit") return { involvingUnitId: user.unitId ?? -1 };
  return {};
}

async function views(db: DbContext, user: AuthUser, rows: RequestListRow[], today: string) {
  const coUnits = await coUnitsOf(
    db,
    rows.map((row) => row.id),
  );
  const byRequest = new Map<number, { id: number; name: string }[]>();
  for (const c of coUnits) {
    const list = byRequest.get(c.request_id) ?? [];
    list.push({ id: c.unit_id, name: c.unit_name });
    byRequest.set(c.request_id, list);
  }
  const proposals = await categoryProposals(db, user.districtId);
  return rows.map((row) => viewOf(row, byRequest.get(row.id) ?? [], today, user, proposals));
}

/** Every request the caller may see that matches the filters, newest first. */
export async function listAllRequests(db: DbContext, user: AuthUser, query: RequestQuery, today = todayInChina()) {
  if (user.role === "enterprise" && query.enterprise !== undefined && query.enterprise !== user.enterpriseId) return [];
  const rows = await findRequests(db, {
    districtId: user.districtId,
    ...scopeOf(user),
    status: query.unsatisfied ? "answered" : query.status,
    category: query.category,
    ...(query.unit !== undefined ? { unitId: query.unit } : {}),
    ...(query.enterprise !== undefined && user.role !== "enterprise" ? { enterpriseId: query.enterprise } : {}),
    serviceDayId: query.serviceDay,
    ...(query.mine && user.role === "leader" ? { leaderUserId: user.id } : {}),
    ...(query.mine && user.role === "unit" && user.unitId !== null ? { unitId: user.unitId } : {}),
    q: query.q?.trim() || undefined,
  });
  const all = await views(db, user, rows, today);
  return all.filter(
    (item) => (!query.overdue || item.overdue) && (!query.unsatisfied || item.rating === "unsatisfied"),
  );
}

export async function listRequests(
  db: DbContext,
  user: AuthUser,
  query: RequestQuery & { page: number; pageSize: number },
): Promise<RequestList> {
  const items = await listAllRequests(db, user, query);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: items.slice(start, start + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadReadable(db: DbContext, user: AuthUser, id: number) {
  const row = await findRequest(db, user.districtId, id);
  if (!row) throw notFound(`诉求 ${id} 不存在`);
  const coUnits = (await coUnitsOf(db, [id])).map((c) => ({ id: c.unit_id, name: c.unit_name }));
  const readable =
    user.role === "enterprise"
      ? row.enterprise_id === user.enterpriseId
      : user.role === "unit"
        ? row.unit_id === user.unitId || coUnits.some((c) => c.id === user.unitId)
        : true;
  if (!readable) throw forbidden("无权查看此诉求");
  return { row, coUnits };
}

/** One request with its timeline and its attached files. */
export async function getRequest(db: DbContext, user: AuthUser, id: number): Promise<RequestDetail> {
  const { row, coUnits } = await loadReadable(db, user, id);
  const attachments = (await attachmentsOfRequest(db, id)).map((file) => ({
    id: file.id,
    fileName: file.file_name,
    contentType: file.content_type,
    sizeBytes: file.size_bytes,
    sha256: file.sha256,
    uploadedBy: file.uploader_name ?? file.uploaded_by_label,
    unit: file.unit_id !== null ? { id: file.unit_id, name: file.unit_name ?? "" } : null,
    createdAt: file.created_at,
    mayDelete: row.status !== "closed" && (file.uploaded_by === user.id || user.role === "office"),
  }));
  const timeline = (await eventsOf(db, id)).map((event) => ({
    id: event.id,
    kind: event.kind as RequestEventKind,
    at: event.at,
    actor: event.actor_name ?? event.actor_label,
    unit: event.unit_id !== null ? { id: event.unit_id, name: event.unit_name ?? "" } : null,
    note: event.note,
    data: event.data_json ? (JSON.parse(event.data_json) as Record<string, unknown>) : null,
  }));
  const proposals = await categoryProposals(db, user.districtId);
  return { ...viewOf(row, coUnits, todayInChina(), user, proposals), timeline, attachments };
}

/** At most this many files on one request (each within the shared limits, `stored-files.ts`). */
export const MAX_REQUEST_ATTACHMENTS = 20;

/**
 * Who may attach a file to a request they can see: the enterprise (its own), the office, the leader assigned to
 * the enterprise, and the responsible unit or a co-unit; not once the request is closed.
 */
async function loadForAttaching(db: DbContext, user: AuthUser, id: number) {
  const loaded = await loadReadable(db, user, id);
  if (user.role === "inspector") throw forbidden("只读账号不能上传附件");
  if (user.role === "leader" && loaded.row.enterprise_leader_user_id !== user.id)
    throw forbidden(`${loaded.row.enterprise_name} 不是您挂点联系的企业`);
  if (loaded.row.status === "closed") throw conflict("诉求已办结，不能再添加或删除附件");
  return loaded;
}

/** Attaches one file to a request; audited (`attach`) and shown in the timeline. */
export async function attachRequestFile(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: UploadedFileInput,
  actor: Actor,
): Promise<RequestFileAttached> {
  const file = checkUploadedFile(input, 0);
  return inTransaction(db, async (tx) => {
    await loadForAttaching(tx, user, id);
    if ((await attachmentsOfRequest(tx, id)).length >= MAX_REQUEST_ATTACHMENTS)
      throw conflict(`每条诉求最多 ${MAX_REQUEST_ATTACHMENTS} 个附件，请先删除不需要的附件`);
    const unitId = user.role === "unit" ? user.unitId : null;
    const attachmentId = await insertRequestAttachment(tx, {
      district_id: user.districtId,
      request_id: id,
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: file.bytes.length,
      sha256: file.sha256,
      content: file.bytes,
      uploaded_by: user.id,
      uploaded_by_label: actor.label,
      unit_id: unitId,
      created_at: new Date().toISOString(),
    });
    const summary = { attachmentId, fileName: file.fileName, sizeBytes: file.bytes.length, sha256: file.sha256 };
    await addEvent(tx, id, actor, "attach", { unitId, note: file.fileName, data: summary });
    await audit(tx, user, actor, "attach", id, null, summary);
    return { id: attachmentId, fileName: file.fileName, sizeBytes: file.bytes.length, sha256: file.sha256 };
  });
}

/** Removes a file: its uploader or the office, while the request is not closed; audited (`detach`). */
export async function detachRequestFile(
  db: DbContext,
  user: AuthUser,
  attachmentId: number,
  actor: Actor,
): Promise<Deleted> {
  return inTransaction(db, async (tx) => {
    const file = await findRequestAttachment(tx, user.districtId, attachmentId);
    if (!file) throw notFound(`附件 ${attachmentId} 不存在`);
    await loadForAttaching(tx, user, file.request_id);
    if (file.uploaded_by !== user.id && user.role !== "office") throw forbidden("只有上传者或办公室可以删除此附件");
    await deleteRequestAttachment(tx, attachmentId);
    const summary = { attachmentId, fileName: file.file_name, sizeBytes: file.size_bytes, sha256: file.sha256 };
    await addEvent(tx, file.request_id, actor, "detach", { note: file.file_name, data: summary });
    await audit(tx, user, actor, "detach", file.request_id, summary, null);
    return { id: attachmentId, deleted: true as const };
  });
}

/** A file's content, for whoever may see its request. */
export async function getRequestFile(db: DbContext, user: AuthUser, attachmentId: number) {
  const file = await findRequestAttachment(db, user.districtId, attachmentId);
  if (!file) throw notFound(`附件 ${attachmentId} 不存在`);
  await loadReadable(db, user, file.request_id);
  return file;
}

async function addEvent(
  db: DbContext,
  requestId: number,
  actor: Actor,
  kind: string,
  values: { unitId?: number | null; note?: string; data?: Record<string, unknown> } = {},
) {
  await insertRequestEvent(db, {
    request_id: requestId,
    kind,
    at: new Date().toISOString(),
    actor_user_id: actor.userId,
    actor_label: actor.label,
    unit_id: values.unitId ?? null,
    note: values.note ?? "",
    data_json: values.data ? JSON.stringify(values.data) : null,
  });
}

async function audit(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  action: string,
  id: number,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, {
    districtId: user.districtId,
    actor,
    action,
    entityType: "enterprise_request",
    entityId: id,
    before,
    after,
  });
}

/** A request's notice to a unit (null: the office), written from its message so that each reader reads it in its language. */
async function notifyUnit(
  db: DbContext,
  districtId: string,
  unitId: number | null,
  notice: { kind: string; key: string; message: NotificationMessage; requestId: number },
) {
  return notify(db, {
    districtId,
    unitId,
    kind: notice.kind,
    message: notice.message,
    link: `/requests/${notice.requestId}`,
    dedupeKey: notice.key,
  });
}

/**
 * A request's notice to its enterprise: every active account of the enterprise gets its own copy (each reads only
 * those addressed to it). `key` names the request, round and event, so each is written once.
 */
async function notifyEnterprise(
  db: DbContext,
  districtId: string,
  enterpriseId: number,
  notice: { kind: string; key: string; message: NotificationMessage; requestId: number },
) {
  const accounts = await findEnterpriseAccounts(db, districtId, [enterpriseId]);
  return notifyUsers(db, {
    districtId,
    userIds: accounts.map((account) => account.id),
    kind: notice.kind,
    message: notice.message,
    link: `/requests/${notice.requestId}`,
    dedupeKey: `${notice.key}|enterprise`,
  });
}

/** A unit's name with its English name, as message parameters `name` and `nameEn`. */
function unitParams(name: string, chinese: string | null, english: string | null): NotificationParams {
  return { [name]: chinese ?? "", [`${name}En`]: english ?? "" };
}

export interface SubmitRequestInput {
  enterpriseId?: number;
  /** One of the plan's categories (checked here). */
  category: string;
  title: string;
  content: string;
  contactName: string;
  contactPhone: string;
  serviceDayId?: number;
}

/** An enterprise files a request about itself; the office, or the leader assigned to the enterprise, registers one for it. */
export async function submitRequest(db: DbContext, user: AuthUser, input: SubmitRequestInput, actor: Actor) {
  const enterpriseId = user.role === "enterprise" ? user.enterpriseId : input.enterpriseId;
  if (enterpriseId === null || enterpriseId === undefined)
    throw badRequest("请选择企业", [{ path: "enterpriseId", message: "请选择企业" }]);
  if (user.role === "enterprise" && input.enterpriseId !== undefined && input.enterpriseId !== enterpriseId)
    throw forbidden("企业账号只能为本企业提交诉求");
  const enterprise = await findEnterpriseForRequest(db, user.districtId, enterpriseId);
  if (!enterprise) throw notFound(`企业 ${enterpriseId} 不存在`);
  if (user.role === "leader" && enterprise.leader_user_id !== user.id)
    throw forbidden(`${enterprise.name} 不是您挂点联系的企业`);
  if (input.serviceDayId !== undefined) {
    if (user.role === "enterprise") throw forbidden("企业服务日的诉求由办公室或挂点领导登记");
    if (!(await findServiceDay(db, user.districtId, input.serviceDayId)))
      throw notFound(`企业服务日 ${input.serviceDayId} 不存在`);
  }
  const category = requireCategory((await readActivePlan(db, user.districtId))?.plan, input.category, "category");
  const channel =
    input.serviceDayId !== undefined ? "service_day" : user.role === "enterprise" ? "enterprise" : user.role;
  return inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const values = {
      category: category.id,
      title: input.title.trim(),
      content: input.content.trim(),
      contact_name: input.contactName.trim(),
      contact_phone: input.contactPhone.trim(),
    };
    const id = await insertRequest(tx, {
      district_id: user.districtId,
      enterprise_id: enterpriseId,
      ...values,
      channel,
      service_day_id: input.serviceDayId ?? null,
      status: "submitted",
      unit_id: null,
      deadline: null,
      assigned_at: null,
      accepted_at: null,
      answer: null,
      answered_at: null,
      answered_by: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      closed_at: null,
      created_at: now,
      created_by: user.id,
      updated_at: now,
    });
    await addEvent(tx, id, actor, "submit", { data: { channel } });
    await audit(tx, user, actor, "create", id, null, {
      enterpriseId,
      channel,
      serviceDayId: input.serviceDayId,
      ...values,
    });
    await notifyUnit(tx, user.districtId, null, {
      kind: "request-new",
      key: `request|${id}|submitted`,
      message: {
        key: "request.submitted",
        params: {
          title: values.title,
          enterprise: enterprise.name,
          category: category.name,
          categoryEn: category.nameEn,
        },
      },
      requestId: id,
    });
    return getRequest(tx, user, id);
  });
}

async function checkUnits(db: DbContext, districtId: string, unitId: number, coUnitIds: number[]) {
  const rows = (await listUnitRows(db, districtId)).filter(handlesRequests);
  const units = new Map(rows.map((unit) => [unit.id, unit.name]));
  const englishNames = new Map(rows.map((unit) => [unit.id, unit.name_en]));
  if (!units.has(unitId))
    throw badRequest(`责任单位 ${unitId} 不存在或不可交办`, [{ path: "unitId", message: "责任单位不存在" }]);
  const co = [...new Set(coUnitIds)].filter((id) => id !== unitId);
  for (const id of co) {
    if (!units.has(id))
      throw badRequest(`协办单位 ${id} 不存在或不可交办`, [{ path: "coUnitIds", message: "协办单位不存在" }]);
  }
  return { unitName: units.get(unitId) as string, coUnitIds: co, names: units, englishNames };
}

/** The deadline given, or the category's time limit in the plan from today, by the district's official calendar. */
function deadlineFor(
  category: PlanRequestCategory | undefined,
  today: string,
  override: string | undefined,
  calendar: WorkingCalendar,
): string {
  if (override !== undefined) {
    if (override < today)
      throw badRequest("办理时限不能早于今天", [{ path: "deadline", message: "办理时限不能早于今天" }]);
    return override;
  }
  if (category === undefined) {
    // The plan no longer has the category: no time limit to count from, so the office sets the day.
    const message = "该诉求的类别已不在本区行动方案中，没有办理时限可依，请指定办理时限";
    throw badRequest(message, [{ path: "deadline", message }]);
  }
  return requestDeadline(today, category, calendar);
}

export interface AssignInput {
  /** By default the unit the plan proposes for the category. */
  unitId?: number;
  coUnitIds?: number[];
  /** YYYY-MM-DD; by default the category's time limit from today. */
  deadline?: string;
  note?: string;
}

async function assignRound(
  tx: DbContext,
  user: AuthUser,
  row: RequestListRow,
  input: AssignInput,
  actor: Actor,
  kind: "assign" | "reopen",
  reason: string,
) {
  const today = todayInChina();
  const categories = (await readActivePlan(tx, user.districtId))?.plan.requestCategories ?? [];
  const unitId = input.unitId ?? (await categoryProposals(tx, user.districtId)).proposedUnit(row.category)?.id;
  if (unitId === undefined) {
    const message = "本诉求类别在行动方案中没有可交办的责任单位，请选择责任单位";
    throw badRequest(message, [{ path: "unitId", message }]);
  }
  const { unitName, coUnitIds, names, englishNames } = await checkUnits(
    tx,
    user.districtId,
    unitId,
    input.coUnitIds ?? [],
  );
  const calendar = await workingCalendarOf(tx, user.districtId);
  const deadline = deadlineFor(findRequestCategory(categories, row.category), today, input.deadline, calendar);
  const now = new Date().toISOString();
  const round = row.reopen_count + (kind === "reopen" ? 1 : 0);
  await updateRequestRow(tx, row.id, {
    status: "assigned",
    unit_id: unitId,
    deadline,
    assigned_at: now,
    accepted_at: null,
    updated_at: now,
    ...(kind === "reopen"
      ? {
          reopen_count: round,
          answer: null,
          answered_at: null,
          answered_by: null,
          rating: null,
          rating_comment: null,
          rated_at: null,
          closed_at: null,
        }
      : {}),
  });
  await replaceCoUnits(tx, row.id, coUnitIds);
  const coNames = coUnitIds.map((id) => names.get(id) ?? String(id));
  await addEvent(tx, row.id, actor, kind, {
    unitId: unitId,
    note: reason,
    data: { deadline, coUnits: coNames },
  });
  await audit(
    tx,
    user,
    actor,
    kind,
    row.id,
    { status: row.status, unitId: row.unit_id, deadline: row.deadline, rating: row.rating },
    { status: "assigned", unitId: unitId, coUnitIds, deadline, reason },
  );
  const unit = unitParams("unit", unitName, englishNames.get(unitId) ?? "");
  const common = { title: row.title, enterprise: row.enterprise_name, deadline, ...unit };
  const coUnitsEn = coUnitIds.map((id) => englishNames.get(id) || names.get(id) || String(id));
  const messageKey = `request.${kind === "reopen" ? "reopened" : "assigned"}${coNames.length ? ".withCoUnits" : ""}`;
  await notifyUnit(tx, user.districtId, unitId, {
    kind: "request-assigned",
    key: `request|${row.id}|assign|${now}|${unitId}`,
    message: {
      key: messageKey as NotificationMessage["key"],
      params: coNames.length ? { ...common, coUnits: coNames.join("、"), coUnitsEn: coUnitsEn.join(", ") } : common,
    },
    requestId: row.id,
  });
  for (const coUnitId of coUnitIds) {
    await notifyUnit(tx, user.districtId, coUnitId, {
      kind: "request-assigned",
      key: `request|${row.id}|assign|${now}|${coUnitId}`,
      message: { key: "request.coUnit", params: common },
      requestId: row.id,
    });
  }
  return { round, deadline, unit };
}

/** The office assigns a request (or reassigns one not yet answered) to a responsible unit. */
export async function assignRequest(db: DbContext, user: AuthUser, id: number, input: AssignInput, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const row = await findRequest(tx, user.districtId, id);
    if (!row) throw notFound(`诉求 ${id} 不存在`);
    if (!["submitted", "assigned", "accepted"].includes(row.status))
      throw conflict("诉求已答复或已办结，不能再交办；企业不满意时可重新交办");
    await assignRound(tx, user, row, input, actor, "assign", input.note?.trim() ?? "");
    return getRequest(tx, user, id);
  });
}

async function loadForUnit(tx: DbContext, user: AuthUser, id: number) {
  const row = await findRequest(tx, user.districtId, id);
  if (!row) throw notFound(`诉求 ${id} 不存在`);
  if (user.role !== "unit" || row.unit_id !== user.unitId)
    throw forbidden(`只有主办单位${row.unit_name ? `（${row.unit_name}）` : ""}可以受理和答复此诉求`);
  return row;
}

/** The responsible unit accepts (受理) the request. */
export async function acceptRequest(db: DbContext, user: AuthUser, id: number, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const row = await loadForUnit(tx, user, id);
    if (row.status !== "assigned") throw conflict("只有待受理的诉求可以受理");
    const now = new Date().toISOString();
    await updateRequestRow(tx, id, { status: "accepted", accepted_at: now, updated_at: now });
    await addEvent(tx, id, actor, "accept", { unitId: row.unit_id });
    await audit(tx, user, actor, "accept", id, { status: row.status }, { status: "accepted" });
    return getRequest(tx, user, id);
  });
}

/**
 * A note on the timeline: a unit's progress (主办 or 协办), the office's, or the instruction (批示) of the leader
 * assigned to the enterprise, which the responsible unit is notified of.
 */
export async function addRequestNote(db: DbContext, user: AuthUser, id: number, note: string, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const row = await findRequest(tx, user.districtId, id);
    if (!row) throw notFound(`诉求 ${id} 不存在`);
    if (row.status === "closed") throw conflict("诉求已办结");
    const coUnits = await coUnitsOf(tx, [id]);
    if (user.role === "unit" && row.unit_id !== user.unitId && !coUnits.some((c) => c.unit_id === user.unitId))
      throw forbidden("只有主办和协办单位可以填写办理进展");
    if (user.role === "leader" && row.enterprise_leader_user_id !== user.id)
      throw forbidden(`${row.enterprise_name} 不是您挂点联系的企业`);
    const kind = user.role === "leader" ? "instruct" : "progress";
    const text = note.trim();
    await addEvent(tx, id, actor, kind, { unitId: user.role === "unit" ? user.unitId : null, note: text });
    await updateRequestRow(tx, id, { updated_at: new Date().toISOString() });
    await audit(tx, user, actor, kind, id, null, { note: text });
    if (kind === "instruct" && row.unit_id !== null) {
      await notifyUnit(tx, user.districtId, row.unit_id, {
        kind: "request-instruct",
        key: `request|${id}|instruct|${Date.now()}`,
        message: { key: "request.instruction", params: { title: row.title, leader: user.displayName, note: text } },
        requestId: id,
      });
    }
    return getRequest(tx, user, id);
  });
}

/** The responsible unit gives its final answer, once it has accepted the request (受理 starts its handling). */
export async function answerRequest(db: DbContext, user: AuthUser, id: number, answer: string, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const row = await loadForUnit(tx, user, id);
    if (row.status === "assigned") throw conflict("请先受理此诉求，再答复");
    if (!OPEN_STATUSES.includes(row.status)) throw conflict("此诉求当前不能答复");
    const now = new Date().toISOString();
    const text = answer.trim();
    await updateRequestRow(tx, id, {
      status: "answered",
      accepted_at: row.accepted_at ?? now,
      answer: text,
      answered_at: now,
      answered_by: user.id,
      updated_at: now,
    });
    await addEvent(tx, id, actor, "answer", { unitId: row.unit_id, note: text });
    await notifyEnterprise(tx, user.districtId, row.enterprise_id, {
      kind: "request-answered",
      key: `request|${id}|${row.reopen_count}|answered`,
      message: {
        key: "request.answered",
        params: { title: row.title, ...unitParams("unit", row.unit_name, row.unit_name_en) },
      },
      requestId: id,
    });
    await audit(
      tx,
      user,
      actor,
      "answer",
      id,
      { status: row.status, answer: row.answer },
      { status: "answered", answer: text },
    );
    return getRequest(tx, user, id);
  });
}

/** The enterprise rates the answer: 满意 and 基本满意 close the request, 不满意 puts it before the office. */
export async function rateRequest(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { rating: RequestRating; comment?: string },
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await findRequest(tx, user.districtId, id);
    if (!row) throw notFound(`诉求 ${id} 不存在`);
    if (user.role !== "enterprise" || row.enterprise_id !== user.enterpriseId)
      throw forbidden("只有提出诉求的企业可以评价");
    if (row.status !== "answered" || row.rating !== null) throw conflict("只有已答复、尚未评价的诉求可以评价");
    const comment = input.comment?.trim() ?? "";
    if (input.rating === "unsatisfied" && comment === "")
      throw badRequest("不满意时请说明原因", [{ path: "comment", message: "不满意时请说明原因" }]);
    const now = new Date().toISOString();
    const closes = input.rating !== "unsatisfied";
    await updateRequestRow(tx, id, {
      rating: input.rating,
      rating_comment: comment,
      rated_at: now,
      updated_at: now,
      ...(closes ? { status: "closed", closed_at: now } : {}),
    });
    await addEvent(tx, id, actor, "rate", { note: comment, data: { rating: input.rating } });
    await audit(
      tx,
      user,
      actor,
      "rate",
      id,
      { status: row.status },
      { rating: input.rating, comment, status: closes ? "closed" : "answered" },
    );
    if (!closes) {
      await notifyUnit(tx, user.districtId, null, {
        kind: "request-unsatisfied",
        key: `request|${id}|unsatisfied|${row.reopen_count}`,
        message: {
          key: "request.unsatisfied",
          params: {
            title: row.title,
            enterprise: row.enterprise_name,
            ...unitParams("unit", row.unit_name, row.unit_name_en),
            comment,
          },
        },
        requestId: id,
      });
    }
    return getRequest(tx, user, id);
  });
}

/** The office reopens a request the enterprise rated 不满意, to the same or another unit, with a new deadline. */
export async function reopenRequest(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { reason: string; unitId?: number; coUnitIds?: number[]; deadline?: string },
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await findRequest(tx, user.districtId, id);
    if (!row) throw notFound(`诉求 ${id} 不存在`);
    if (row.rating !== "unsatisfied" || !["answered", "closed"].includes(row.status))
      throw conflict("只有企业评价为不满意的诉求可以重新交办");
    const unitId = input.unitId ?? row.unit_id;
    if (unitId === null) throw badRequest("请选择责任单位", [{ path: "unitId", message: "请选择责任单位" }]);
    const coUnitIds = input.coUnitIds ?? (await coUnitsOf(tx, [id])).map((c) => c.unit_id);
    const round = await assignRound(
      tx,
      user,
      row,
      { unitId, coUnitIds, deadline: input.deadline },
      actor,
      "reopen",
      input.reason.trim(),
    );
    await notifyEnterprise(tx, user.districtId, row.enterprise_id, {
      kind: "request-reopened",
      key: `request|${id}|${round.round}|reopened`,
      message: {
        key: "request.reopenedForEnterprise",
        params: { title: row.title, deadline: round.deadline, ...round.unit },
      },
      requestId: id,
    });
    return getRequest(tx, user, id);
  });
}

/** The office closes a request: after an answer the enterprise has not rated, after 不满意 it decides to end, or a duplicate. */
export async function closeRequest(db: DbContext, user: AuthUser, id: number, note: string, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const row = await findRequest(tx, user.districtId, id);
    if (!row) throw notFound(`诉求 ${id} 不存在`);
    if (row.status === "closed") throw conflict("诉求已办结");
    const now = new Date().toISOString();
    const text = note.trim();
    await updateRequestRow(tx, id, { status: "closed", closed_at: now, updated_at: now });
    await addEvent(tx, id, actor, "close", { note: text });
    await notifyEnterprise(tx, user.districtId, row.enterprise_id, {
      kind: "request-closed",
      key: `request|${id}|${row.reopen_count}|closed`,
      message: { key: "request.closedByOffice", params: { title: row.title, note: text } },
      requestId: id,
    });
    await audit(tx, user, actor, "close", id, { status: row.status }, { status: "closed", note: text });
    return getRequest(tx, user, id);
  });
}

/**
 * Counts for the office: by status, by category and by responsible unit, within the caller's view, over the
 * requests that match the list's filters (none: all of them).
 */
export async function requestStats(
  db: DbContext,
  user: AuthUser,
  query: RequestQuery = {},
  today = todayInChina(),
): Promise<RequestStats> {
  const items = await listAllRequests(db, user, query, today);
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])) as Record<RequestStatus, number>;
  const byCategory = new Map<string, number>();
  const byUnit = new Map<
    number,
    {
      unitId: number;
      unitName: string;
      total: number;
      open: number;
      overdue: number;
      answered: number;
      late: number;
      answerDays: number[];
    }
  >();
  let rated = 0;
  let satisfied = 0;
  for (const item of items) {
    byStatus[item.status] += 1;
    byCategory.set(item.category, (byCategory.get(item.category) ?? 0) + 1);
    if (item.rating) {
      rated += 1;
      if (item.rating !== "unsatisfied") satisfied += 1;
    }
    if (!item.unit) continue;
    const line = byUnit.get(item.unit.id) ?? {
      unitId: item.unit.id,
      unitName: item.unit.name,
      total: 0,
      open: 0,
      overdue: 0,
      answered: 0,
      late: 0,
      answerDays: [],
    };
    line.total += 1;
    if (OPEN_STATUSES.includes(item.status)) line.open += 1;
    if (item.overdue) line.overdue += 1;
    if (item.answeredAt && item.assignedAt) {
      line.answered += 1;
      if (item.answeredLate) line.late += 1;
      line.answerDays.push(Math.max(0, daysFromTo(chinaDate(item.assignedAt), chinaDate(item.answeredAt))));
    }
    byUnit.set(item.unit.id, line);
  }
  return {
    total: items.length,
    byStatus,
    overdue: items.filter((item) => item.overdue).length,
    red: items.filter((item) => item.light === "red").length,
    unsatisfiedPending: items.filter((item) => item.status === "answered" && item.rating === "unsatisfied").length,
    rated,
    satisfied,
    byCategory: [...byCategory].map(([category, count]) => ({ category, count })),
    byUnit: [...byUnit.values()]
      .map(({ answerDays, ...line }) => ({
        ...line,
        averageAnswerDays:
          answerDays.length > 0
            ? Math.round((answerDays.reduce((a, b) => a + b, 0) / answerDays.length) * 10) / 10
            : null,
      }))
      .sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, "zh-CN")),
  };
}

/**
 * Days each responsible unit took to answer the requests assigned to it in [from, to]: from the day of the latest
 * assignment to the day of the final answer; one still unanswered at `asOf` counts its days so far. Used with the
 * project problems by the assessment's requestHandlingTime indicator.
 */
export async function requestHandlingDays(
  db: DbContext,
  districtId: string,
  from: string,
  to: string,
  asOf: string,
): Promise<Map<number, number[]>> {
  const byUnit = new Map<number, number[]>();
  for (const row of await findRequests(db, { districtId })) {
    if (row.unit_id === null || row.assigned_at === null) continue;
    const assigned = chinaDate(row.assigned_at);
    if (assigned < from || assigned > to || assigned >= asOf) continue;
    const answered = row.answered_at ? chinaDate(row.answered_at) : null;
    const end = answered && answered < asOf ? answered : asOf;
    const list = byUnit.get(row.unit_id) ?? [];
    list.push(Math.max(0, daysFromTo(assigned, end)));
    byUnit.set(row.unit_id, list);
  }
  return byUnit;
}

/**
 * Warnings on overdue requests, as of `today`: yellow (overdue) to the responsible unit; red (more than
 * REQUEST_RED_AFTER_DAYS days overdue) to the unit, the office and the leader assigned to the enterprise. Each
 * is created once per request, round (reopening starts a new one) and colour, and written to the timeline;
 * new ones also go to the robot webhook. Safe to run as often as wanted.
 */
export async function runRequestEscalations(
  db: DbContext,
  districtId: string,
  today: string = todayInChina(),
): Promise<RequestEscalationRun> {
  const rows = (await findRequests(db, { districtId })).filter(
    (row) => OPEN_STATUSES.includes(row.status) && row.deadline !== null && row.deadline < today,
  );
  const fresh: { title: string; body: string }[] = [];
  for (const row of rows) {
    const { light, overdueDays } = requestLight(row.deadline as string, today);
    const colours: ("yellow" | "red")[] = light === "red" ? ["yellow", "red"] : ["yellow"];
    for (const colour of colours) {
      const key = `request|${row.id}|${row.reopen_count}|${colour}`;
      const message: NotificationMessage = {
        key: colour === "red" ? "request.overdue.red" : "request.overdue.yellow",
        params: {
          title: row.title,
          enterprise: row.enterprise_name,
          ...unitParams("unit", row.unit_name, row.unit_name_en),
          days: overdueDays,
          deadline: row.deadline as string,
        },
      };
      const notice = { kind: `request-${colour}`, message, link: `/requests/${row.id}` };
      const created = await inTransaction(db, async (tx) => {
        const unitNotice = await notify(tx, {
          ...notice,
          districtId,
          unitId: row.unit_id,
          dedupeKey: `${key}|unit`,
        });
        if (!unitNotice.inserted) return null;
        if (colour === "red") {
          await notify(tx, { ...notice, districtId, unitId: null, dedupeKey: `${key}|office` });
          if (row.enterprise_leader_user_id !== null) {
            await notifyUser(tx, {
              ...notice,
              districtId,
              userId: row.enterprise_leader_user_id,
              dedupeKey: `${key}|leader`,
            });
          }
        }
        await insertRequestEvent(tx, {
          request_id: row.id,
          kind: "escalate",
          at: new Date().toISOString(),
          actor_user_id: null,
          actor_label: "system",
          unit_id: row.unit_id,
          note: unitNotice.body,
          data_json: JSON.stringify({
            colour,
            overdueDays,
            notified:
              colour === "red"
                ? ["unit", "office", ...(row.enterprise_leader_user_id !== null ? ["leader"] : [])]
                : ["unit"],
          }),
        });
        // The robot message stays in Chinese.
        return { title: unitNotice.title, body: unitNotice.body };
      });
      if (created) fresh.push(created);
    }
  }
  const shown = fresh.slice(0, 20);
  if (fresh.length > shown.length)
    shown.push({ title: "其余预警", body: `另有 ${fresh.length - shown.length} 条，请登录系统查看。` });
  const webhook = await sendWebhook(db, districtId, shown);
  return { created: fresh.length, webhook, redAfterDays: REQUEST_RED_AFTER_DAYS };
}

/** The periodic run over every district with open requests. */
export async function runRequestEscalationsForAllDistricts(db: DbContext, today: string = todayInChina()) {
  const results: { districtId: string; created: number }[] = [];
  for (const districtId of await districtsWithOpenRequests(db)) {
    const result = await runRequestEscalations(db, districtId, today);
    results.push({ districtId, created: result.created });
  }
  return results;
}
