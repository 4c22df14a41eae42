/**
 * 企业服务日 (M10): the district's regular service-day events — date, theme, the units attending and the
 * enterprises served — with the requests collected there (registered with the service day's id).
 */

import type { Deleted, ServiceDayDetail, ServiceDayList, ServiceDayView } from "@beizeng/contract/requests";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { listUnitRows } from "../units/index";
import {
  clearServiceDayMembers,
  countDistrictEnterprises,
  countServiceDayRequests,
  deleteServiceDay,
  findRequests,
  findServiceDay,
  findServiceDays,
  insertServiceDay,
  serviceDayMembers,
  setServiceDayMembers,
  updateServiceDay,
} from "./enterprise-requests.repository";
import { listAllRequests } from "./enterprise-requests.service";

export interface ServiceDayInput {
  heldOn: string;
  theme: string;
  venue?: string;
  note?: string;
  unitIds: number[];
  enterpriseIds: number[];
}

async function summaries(
  db: DbContext,
  districtId: string,
  rows: Awaited<ReturnType<typeof findServiceDays>>,
): Promise<ServiceDayView[]> {
  const members = await serviceDayMembers(
    db,
    rows.map((row) => row.id),
  );
  const requests = await findRequests(db, { districtId });
  return rows.map((row) => {
    const collected = requests.filter((r) => r.service_day_id === row.id);
    return {
      id: row.id,
      heldOn: row.held_on,
      theme: row.theme,
      venue: row.venue,
      note: row.note,
      units: members.units.filter((u) => u.service_day_id === row.id).map((u) => ({ id: u.id, name: u.name })),
      enterprises: members.enterprises
        .filter((e) => e.service_day_id === row.id)
        .map((e) => ({ id: e.id, name: e.name })),
      requestCount: collected.length,
      closedCount: collected.filter((r) => r.status === "closed").length,
    };
  });
}

export async function listServiceDays(db: DbContext, user: AuthUser): Promise<ServiceDayList> {
  return { items: await summaries(db, user.districtId, await findServiceDays(db, user.districtId)) };
}

export async function getServiceDay(db: DbContext, user: AuthUser, id: number): Promise<ServiceDayDetail> {
  const row = await findServiceDay(db, user.districtId, id);
  if (!row) throw notFound(`企业服务日 ${id} 不存在`);
  const [summary] = (await summaries(db, user.districtId, [row])) as [ServiceDayView];
  return { ...summary, requests: await listAllRequests(db, user, { serviceDay: id }) };
}

/** The units and enterprises of an event, without repeats, all of the district. */
async function checkMembers(db: DbContext, districtId: string, input: ServiceDayInput) {
  const units = new Set((await listUnitRows(db, districtId)).map((unit) => unit.id));
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.some((id) => !units.has(id)))
    throw badRequest("参加单位不存在", [{ path: "unitIds", message: "参加单位不存在" }]);
  const enterpriseIds = [...new Set(input.enterpriseIds)];
  if ((await countDistrictEnterprises(db, districtId, enterpriseIds)) !== enterpriseIds.length)
    throw badRequest("服务企业不存在", [{ path: "enterpriseIds", message: "服务企业不存在" }]);
  return { unitIds, enterpriseIds };
}

export async function createServiceDay(db: DbContext, user: AuthUser, input: ServiceDayInput, actor: Actor) {
  const { unitIds, enterpriseIds } = await checkMembers(db, user.districtId, input);
  return inTransaction(db, async (tx) => {
    const id = await insertServiceDay(tx, {
      district_id: user.districtId,
      held_on: input.heldOn,
      theme: input.theme.trim(),
      venue: input.venue?.trim() ?? "",
      note: input.note?.trim() ?? "",
      created_at: new Date().toISOString(),
      created_by: user.id,
    });
    await setServiceDayMembers(tx, id, unitIds, enterpriseIds);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "service_day",
      entityId: id,
      after: { ...input, unitIds, enterpriseIds },
    });
    return getServiceDay(tx, user, id);
  });
}

/** The office corrects an event: date, theme, place, note, the units attending and the enterprises served. */
export async function editServiceDay(db: DbContext, user: AuthUser, id: number, input: ServiceDayInput, actor: Actor) {
  const { unitIds, enterpriseIds } = await checkMembers(db, user.districtId, input);
  return inTransaction(db, async (tx) => {
    const before = await getServiceDay(tx, user, id);
    await updateServiceDay(tx, id, {
      held_on: input.heldOn,
      theme: input.theme.trim(),
      venue: input.venue?.trim() ?? "",
      note: input.note?.trim() ?? "",
    });
    await clearServiceDayMembers(tx, id);
    await setServiceDayMembers(tx, id, unitIds, enterpriseIds);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "service_day",
      entityId: id,
      before: auditView(before),
      after: { ...input, unitIds, enterpriseIds },
    });
    return getServiceDay(tx, user, id);
  });
}

/** The office deletes an event no request was registered with. */
export async function removeServiceDay(db: DbContext, user: AuthUser, id: number, actor: Actor): Promise<Deleted> {
  return inTransaction(db, async (tx) => {
    const before = await getServiceDay(tx, user, id);
    const linked = await countServiceDayRequests(tx, id);
    if (linked > 0) throw conflict(`此企业服务日已登记 ${linked} 条诉求，不能删除；如信息有误，请修改`);
    await clearServiceDayMembers(tx, id);
    await deleteServiceDay(tx, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "service_day",
      entityId: id,
      before: auditView(before),
      after: null,
    });
    return { id, deleted: true as const };
  });
}

function auditView(day: Awaited<ReturnType<typeof getServiceDay>>) {
  return {
    heldOn: day.heldOn,
    theme: day.theme,
    venue: day.venue,
    note: day.note,
    unitIds: day.units.map((u) => u.id),
    enterpriseIds: day.enterprises.map((e) => e.id),
  };
}
