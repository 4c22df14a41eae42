/**
 * The enterprise register's write side: create and edit enterprises, their above-scale history,
 * designations, listing events, leaders' visit log and 一企一策 notes, and the enterprise's own profile.
 * Every change is audited with entity_id = the enterprise id, so the detail page can show its history.
 */
import { creditCodeMessage } from "@beizeng/domain/credit-code";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { allow, type Permission } from "../../platform/auth/permissions";
import { dutyHoldersOfDistrict, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { checkEnterpriseChain } from "./enterprise-chains";
import type { DesignationKind, DesignationLevel, ServiceNoteKind } from "./enterprise-register.table";
import type { EnterpriseRow, ScaleStatus } from "./enterprises.table";
import { recomputeWarnings } from "./enterprises-monitoring.service";
import {
  deleteDesignation,
  deleteScaleYear,
  designationsOf,
  enterpriseAuditEntries,
  findDesignation,
  findEnterpriseByCreditCode,
  findEnterpriseRow,
  findScaleYear,
  findUnitBrief,
  findUserBrief,
  insertDesignation,
  insertEnterpriseRow,
  insertListingEvent,
  insertServiceNote,
  listingEventsOf,
  profileOf,
  putProfile,
  putScaleYear,
  updateEnterpriseRow,
} from "./enterprises-register.repository";

/** The order of listing stages: a later event never moves the stage backwards by itself. */
const LISTING_ORDER = ["display", "shareholding", "neeq", "domestic", "overseas"];

export interface EnterpriseInput {
  creditCode?: string;
  name?: string;
  townUnitId?: number | null;
  chainId?: string;
  industryCode?: string | null;
  isKey?: boolean;
  leaderUserId?: number | null;
}

/** Loads an enterprise of the caller's district that the caller may act on with `permission`, or throws. */
export async function enterpriseFor(
  db: DbContext,
  user: AuthUser,
  id: number,
  permission: Permission,
  refusal = "只能操作本企业的信息",
): Promise<EnterpriseRow> {
  const row = await findEnterpriseRow(db, id);
  if (!row || row.district_id !== user.districtId) {
    if (user.role === "enterprise") throw forbidden(refusal);
    throw notFound("企业不存在");
  }
  if (!allow(user, permission, { districtId: row.district_id, enterpriseId: row.id })) throw forbidden(refusal);
  return row;
}

async function checkFields(db: DbContext, user: AuthUser, input: EnterpriseInput, selfId?: number) {
  if (input.creditCode !== undefined) {
    const message = creditCodeMessage(input.creditCode);
    if (message) throw badRequest(message, [{ path: "creditCode", message }]);
    const clash = await findEnterpriseByCreditCode(db, user.districtId, input.creditCode);
    if (clash && clash.id !== selfId) {
      throw conflict(`统一社会信用代码 ${input.creditCode} 已登记为“${clash.name}”`);
    }
  }
  if (input.townUnitId !== undefined && input.townUnitId !== null) {
    const town = await findUnitBrief(db, input.townUnitId);
    // An enterprise sits in a town, a street or a zone (开发区/园区).
    if (!town || town.district_id !== user.districtId || !PLACE_UNIT_KINDS.includes(town.kind as UnitKind)) {
      const message = "所属乡镇（街道、园区）不存在";
      throw badRequest(message, [{ path: "townUnitId", message }]);
    }
  }
  if (input.leaderUserId !== undefined && input.leaderUserId !== null) {
    const leader = await findUserBrief(db, input.leaderUserId);
    if (!leader || leader.district_id !== user.districtId || leader.role !== "leader") {
      throw badRequest("挂点领导须为本区的区领导账号", [{ path: "leaderUserId", message: "挂点领导须为区领导账号" }]);
    }
  }
}

function fieldsOf(row: EnterpriseRow) {
  return {
    creditCode: row.credit_code,
    name: row.name,
    townUnitId: row.town_unit_id,
    chainId: row.chain_id,
    industryCode: row.industry_code,
    isKey: row.is_key === 1,
    leaderUserId: row.leader_user_id,
  };
}

export async function createEnterprise(
  db: DbContext,
  user: AuthUser,
  input: Required<Pick<EnterpriseInput, "creditCode" | "name" | "chainId">> & EnterpriseInput,
  actor: Actor,
): Promise<{ id: number }> {
  if (!allow(user, "enterprises.edit")) throw forbidden();
  return inTransaction(db, async (tx) => {
    await checkFields(tx, user, input);
    await checkEnterpriseChain(tx, user.districtId, input.chainId);
    const now = new Date().toISOString();
    const id = await insertEnterpriseRow(tx, {
      district_id: user.districtId,
      credit_code: input.creditCode,
      name: input.name,
      town_unit_id: input.townUnitId ?? null,
      chain_id: input.chainId,
      industry_code: input.industryCode ?? null,
      is_key: input.isKey ? 1 : 0,
      leader_user_id: input.leaderUserId ?? null,
      listing_stage: null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    const created = await findEnterpriseRow(tx, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "enterprise",
      entityId: id,
      after: created ? fieldsOf(created) : input,
    });
    return { id };
  });
}

export async function updateEnterprise(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: EnterpriseInput,
  actor: Actor,
): Promise<{ id: number; changed: string[] }> {
  return inTransaction(db, async (tx) => {
    const row = await enterpriseFor(tx, user, id, "enterprises.edit");
    await checkFields(tx, user, input, id);
    await checkEnterpriseChain(tx, user.districtId, input.chainId, { current: row.chain_id });
    const before = fieldsOf(row);
    const changed = (Object.keys(input) as (keyof EnterpriseInput)[]).filter(
      (key) => input[key] !== undefined && input[key] !== before[key],
    );
    if (changed.length === 0) return { id, changed };
    await updateEnterpriseRow(tx, id, {
      ...(input.creditCode !== undefined ? { credit_code: input.creditCode } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.townUnitId !== undefined ? { town_unit_id: input.townUnitId } : {}),
      ...(input.chainId !== undefined ? { chain_id: input.chainId } : {}),
      ...(input.industryCode !== undefined ? { industry_code: input.industryCode } : {}),
      ...(input.isKey !== undefined ? { is_key: input.isKey ? 1 : 0 } : {}),
      ...(input.leaderUserId !== undefined ? { leader_user_id: input.leaderUserId } : {}),
      updated_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "enterprise",
      entityId: id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, input[key]])),
    });
    // A change of key flag or leader changes who is monitored and who is warned.
    if (changed.includes("isKey") || changed.includes("leaderUserId")) {
      await recomputeWarnings(tx, user.districtId, { enterpriseIds: [id] });
    }
    return { id, changed };
  });
}

/** Sets (or, with status null, removes) the above-scale status of one year. */
export async function setScaleYear(
  db: DbContext,
  user: AuthUser,
  id: number,
  year: number,
  status: ScaleStatus | null,
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, id, "enterprises.edit");
    const before = (await findScaleYear(tx, id, year))?.status ?? null;
    if (before === status) return { year, status };
    if (status === null) await deleteScaleYear(tx, id, year);
    else await putScaleYear(tx, id, year, status);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: status === null ? "delete" : before === null ? "create" : "update",
      entityType: "enterprise_scale_year",
      entityId: id,
      before: before === null ? null : { year, status: before },
      after: status === null ? null : { year, status },
    });
    return { year, status };
  });
}

export async function addDesignation(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { kind: DesignationKind; level: DesignationLevel; year: number },
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, id, "enterprises.edit");
    const same = (await designationsOf(tx, id)).find(
      (d) => d.kind === input.kind && d.level === input.level && d.year === input.year,
    );
    if (same) throw conflict("该企业已登记同一年份、同一级别的该项认定");
    const designationId = await insertDesignation(tx, {
      district_id: user.districtId,
      enterprise_id: id,
      ...input,
      created_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "enterprise_designation",
      entityId: id,
      after: { designationId, ...input },
    });
    return { id: designationId };
  });
}

export async function removeDesignation(
  db: DbContext,
  user: AuthUser,
  id: number,
  designationId: number,
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, id, "enterprises.edit");
    const row = await findDesignation(tx, designationId);
    if (!row || row.enterprise_id !== id) throw notFound("认定记录不存在");
    await deleteDesignation(tx, designationId);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "enterprise_designation",
      entityId: id,
      before: { designationId, kind: row.kind, level: row.level, year: row.year },
    });
  });
}

/** Records a step of the listing pipeline with its date; the enterprise's stage becomes the furthest reached. */
export async function addListingEvent(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { stage: string; date: string; note?: string },
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await enterpriseFor(tx, user, id, "enterprises.listing");
    // Among the units, those the plan gives recordListings (区金融办 …) keep the listing pipeline.
    if (user.role === "unit" && (await unitWithDuty(tx, user, "recordListings")) === null) {
      throw forbidden(`上市进程由${await dutyHoldersOfDistrict(tx, user.districtId, "recordListings")}登记`);
    }
    const eventId = await insertListingEvent(tx, {
      district_id: user.districtId,
      enterprise_id: id,
      stage: input.stage,
      event_date: input.date,
      note: input.note ?? "",
      created_at: new Date().toISOString(),
    });
    const stages = (await listingEventsOf(tx, id)).map((event) => event.stage);
    const furthest = stages.sort((a, b) => LISTING_ORDER.indexOf(b) - LISTING_ORDER.indexOf(a))[0] ?? null;
    if (furthest !== row.listing_stage) {
      await updateEnterpriseRow(tx, id, { listing_stage: furthest, updated_at: new Date().toISOString() });
    }
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "enterprise_listing_event",
      entityId: id,
      before: { listingStage: row.listing_stage },
      after: { eventId, stage: input.stage, date: input.date, note: input.note ?? "", listingStage: furthest },
    });
    return { id: eventId, listingStage: furthest };
  });
}

/** A leader's visit or 一企一策 note: leaders only on the enterprises assigned to them; the office on any. */
export async function addServiceNote(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { kind: ServiceNoteKind; date: string; content: string },
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await enterpriseFor(tx, user, id, "enterprises.serviceNotes");
    if (user.role === "leader" && row.leader_user_id !== user.id) {
      throw forbidden("只能为本人挂点的企业记录走访和一企一策");
    }
    const noteId = await insertServiceNote(tx, {
      district_id: user.districtId,
      enterprise_id: id,
      author_user_id: user.id,
      kind: input.kind,
      noted_on: input.date,
      content: input.content,
      created_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "enterprise_service_note",
      entityId: id,
      after: { noteId, ...input },
    });
    return { id: noteId };
  });
}

export interface ProfileInput {
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  address?: string;
  businessScope?: string;
}

const PROFILE_COLUMNS = {
  contactName: "contact_name",
  contactPhone: "contact_phone",
  contactEmail: "contact_email",
  address: "address",
  businessScope: "business_scope",
} as const;

/** The enterprise's own contact fields: its own account (never another's), or the office. */
export async function updateProfile(db: DbContext, user: AuthUser, id: number, input: ProfileInput, actor: Actor) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, id, "enterprises.profile", "只能修改本企业的信息");
    const existing = await profileOf(tx, id);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    const next = {
      enterprise_id: id,
      contact_name: existing?.contact_name ?? "",
      contact_phone: existing?.contact_phone ?? "",
      contact_email: existing?.contact_email ?? "",
      address: existing?.address ?? "",
      business_scope: existing?.business_scope ?? "",
      updated_at: new Date().toISOString(),
    };
    for (const [key, column] of Object.entries(PROFILE_COLUMNS) as [keyof ProfileInput, keyof typeof next][]) {
      const value = input[key];
      if (value === undefined || value === next[column]) continue;
      before[key] = String(next[column]);
      after[key] = value;
      Object.assign(next, { [column]: value });
    }
    if (Object.keys(after).length === 0) return { changed: [] as string[] };
    await putProfile(tx, next);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: existing ? "update" : "create",
      entityType: "enterprise_profile",
      entityId: id,
      before,
      after,
    });
    return { changed: Object.keys(after) };
  });
}

/** Every audited change of one enterprise, newest first (staff only). */
export async function enterpriseHistory(db: DbContext, user: AuthUser, id: number) {
  await enterpriseFor(db, user, id, "enterprises.history");
  const entries = await enterpriseAuditEntries(db, user.districtId, id);
  return {
    items: entries.map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor_label,
      action: entry.action,
      entityType: entry.entity_type,
      before: entry.before_json ? JSON.parse(entry.before_json) : null,
      after: entry.after_json ? JSON.parse(entry.after_json) : null,
    })),
  };
}
