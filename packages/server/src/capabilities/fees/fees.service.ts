/**
 * The list of fees charged to enterprises (涉企收费清单, M11). The unit the plan gives keepFeeList (and the office)
 * keeps the items and publishes the list as numbered versions, each holding its items as they stood, so the list
 * in force on any day can be shown to anyone. An enterprise complains about a charge off the list or above its
 * standard: the complaint is filed as an enterprise request of the plan's fee-complaint category, so that it is
 * assigned, answered within that category's time limit, escalated when late and counted in the units' ranking
 * exactly as every request is. Inspections (监督检查) and their accountability outcomes (问责) are recorded here
 * and reported per year. Every change is audited in the transaction that makes it.
 */
import type {
  FeeComplaint,
  FeeComplaintList,
  FeeInspection,
  FeeInspectionList,
  FeeItem,
  FeeItemInput,
  FeeItemList,
  FeeItemStatus,
  FeeListVersionList,
  FeeListVersionSummary,
  FeeReport,
  PublicFeeList,
  PublishedFee,
} from "@beizeng/contract/fees";
import { FEE_ACCOUNTABILITY_KINDS, type FeeInspectionInputSchema } from "@beizeng/contract/fees";
import { formatYuan, parseYuan } from "@beizeng/domain/money";
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { requestLight } from "@beizeng/domain/requests/categories";
import type { RequestStatus } from "@beizeng/domain/requests/view";
import type { z } from "zod";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersText, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, forbidden, notFound } from "../../platform/errors";
import { findDistrict, firstDistrict } from "../../platform/plan/districts.repository";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { submitRequest } from "../requests/index";
import { todayInChina } from "../supervision/index";
import {
  type FeeComplaintListRow,
  type FeeInspectionListRow,
  findFeeComplaintId,
  findFeeComplaints,
  findFeeInspection,
  findFeeInspections,
  findFeeItem,
  findFeeItems,
  findFeeListEntries,
  findFeeListVersions,
  insertFeeComplaint,
  insertFeeInspection,
  insertFeeItem,
  insertFeeListVersion,
  updateFeeInspection,
  updateFeeItem,
  type VersionWithCount,
} from "./fees.repository";
import type { FeeItemRow } from "./fees.table";

const OPEN_REQUEST_STATUSES: readonly string[] = ["assigned", "accepted"];
export const FEE_ITEM_STATUS_LABELS: Record<FeeItemStatus, string> = {
  active: "在用",
  suspended: "暂停",
  abolished: "取消",
};

function keepers(plan: PlanFile | undefined): string[] {
  return plan ? unitsWithDuty(plan, "keepFeeList").map((unit) => unit.name) : [];
}

/** Whether the caller keeps the list: the office, or a unit account of a unit the plan gives keepFeeList. */
async function keepsList(db: DbContext, user: AuthUser): Promise<boolean> {
  if (user.role === "office") return true;
  return (await unitWithDuty(db, user, "keepFeeList")) !== null;
}

async function requireKeeper(db: DbContext, user: AuthUser): Promise<void> {
  if (await keepsList(db, user)) return;
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  throw forbidden(`只有${dutyHoldersText(plan, "keepFeeList")}可以维护涉企收费清单`);
}

function itemView(row: FeeItemRow): FeeItem {
  return {
    id: row.id,
    name: row.name,
    chargingUnit: row.charging_unit,
    legalBasis: row.legal_basis,
    standard: row.standard,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    status: row.status as FeeItemStatus,
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

// ---------------------------------------------------------------- items

export async function listFeeItems(db: DbContext, user: AuthUser): Promise<FeeItemList> {
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  const rows = await findFeeItems(db, user.districtId);
  return { items: rows.map(itemView), canManage: await keepsList(db, user), keepers: keepers(plan) };
}

type ParsedItem = Omit<FeeItemInput, "effectiveTo"> & { effectiveTo?: string | null | undefined };

function itemColumns(input: ParsedItem) {
  return {
    name: input.name,
    charging_unit: input.chargingUnit,
    legal_basis: input.legalBasis,
    standard: input.standard,
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo ?? null,
    status: input.status,
  };
}

export async function createFeeItem(db: DbContext, user: AuthUser, input: ParsedItem, actor: Actor) {
  await requireKeeper(db, user);
  return inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const values = itemColumns(input);
    const id = await insertFeeItem(tx, {
      district_id: user.districtId,
      ...values,
      created_at: now,
      updated_at: now,
      updated_by: user.id,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "fee_item",
      entityId: id,
      after: values,
    });
    return itemView((await findFeeItem(tx, user.districtId, id)) as FeeItemRow);
  });
}

export async function updateFeeItemById(db: DbContext, user: AuthUser, id: number, input: ParsedItem, actor: Actor) {
  await requireKeeper(db, user);
  return inTransaction(db, async (tx) => {
    const before = await findFeeItem(tx, user.districtId, id);
    if (!before) throw notFound(`收费项目 ${id} 不存在`);
    const values = itemColumns(input);
    await updateFeeItem(tx, id, { ...values, updated_at: new Date().toISOString(), updated_by: user.id });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "fee_item",
      entityId: id,
      before: itemColumns(itemView(before)),
      after: values,
    });
    return itemView((await findFeeItem(tx, user.districtId, id)) as FeeItemRow);
  });
}

// ---------------------------------------------------------------- published versions

function versionView(row: VersionWithCount): FeeListVersionSummary {
  return {
    number: row.number,
    publishedOn: row.published_on,
    publishedAt: row.published_at,
    note: row.note,
    itemCount: row.item_count,
    isDemo: row.is_demo === 1,
  };
}

export async function listFeeListVersions(db: DbContext, user: AuthUser): Promise<FeeListVersionList> {
  return { versions: (await findFeeListVersions(db, user.districtId)).map(versionView) };
}

/**
 * Publishes the items in use, as they stand, as the next numbered version. A list may be published with no item
 * in use (every charge abolished), which is itself news for enterprises.
 */
export async function publishFeeList(db: DbContext, user: AuthUser, note: string, actor: Actor) {
  await requireKeeper(db, user);
  return inTransaction(db, async (tx) => {
    const items = (await findFeeItems(tx, user.districtId)).filter((item) => item.status === "active");
    const now = new Date();
    const number = await insertFeeListVersion(
      tx,
      {
        district_id: user.districtId,
        published_on: todayInChina(now),
        published_at: now.toISOString(),
        published_by: user.id,
        note,
      },
      items.map((item, index) => ({
        position: index + 1,
        item_id: item.id,
        name: item.name,
        charging_unit: item.charging_unit,
        legal_basis: item.legal_basis,
        standard: item.standard,
        effective_from: item.effective_from,
        effective_to: item.effective_to,
      })),
    );
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "publish",
      entityType: "fee_list",
      entityId: number,
      after: { number, note, items: items.map((item) => item.id) },
    });
    const version = (await findFeeListVersions(tx, user.districtId)).find((row) => row.number === number);
    return versionView(version as VersionWithCount);
  });
}

/**
 * The published list as anyone may read it: the version asked for by number, or the last one published by the
 * day asked, or the latest; with every version to choose a past one from.
 */
export async function publicFeeList(
  db: DbContext,
  query: { district?: string | undefined; version?: number | undefined; date?: string | undefined },
): Promise<PublicFeeList> {
  const district = query.district !== undefined ? await findDistrict(db, query.district) : await firstDistrict(db);
  if (!district) throw notFound("未找到该地区的涉企收费清单");
  const versions = await findFeeListVersions(db, district.id);
  let chosen: VersionWithCount | undefined;
  if (query.version !== undefined) {
    chosen = versions.find((version) => version.number === query.version);
    if (!chosen) throw notFound(`涉企收费清单没有第 ${query.version} 版`);
  } else if (query.date !== undefined) {
    const day = query.date;
    chosen = versions.find((version) => version.published_on <= day);
  } else chosen = versions[0];
  const entries = chosen ? await findFeeListEntries(db, chosen.id) : [];
  const items: PublishedFee[] = entries.map((entry) => ({
    position: entry.position,
    itemId: entry.item_id,
    name: entry.name,
    chargingUnit: entry.charging_unit,
    legalBasis: entry.legal_basis,
    standard: entry.standard,
    effectiveFrom: entry.effective_from,
    effectiveTo: entry.effective_to,
  }));
  const plan = (await readActivePlan(db, district.id))?.plan;
  return {
    district: { id: district.id, name: district.name },
    version: chosen ? versionView(chosen) : null,
    items,
    versions: versions.map(versionView),
    keepers: keepers(plan),
  };
}

// ---------------------------------------------------------------- complaints

function feeCategory(plan: PlanFile | undefined) {
  return plan?.requestCategories.find((category) => category.feeComplaints === true);
}

function complaintView(row: FeeComplaintListRow, today: string): FeeComplaint {
  const open = OPEN_REQUEST_STATUSES.includes(row.status) && row.deadline !== null;
  const lit = open && row.deadline ? requestLight(row.deadline, today) : null;
  return {
    id: row.id,
    requestId: row.request_id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name },
    kind: row.kind as FeeComplaint["kind"],
    feeItem:
      row.fee_item_id !== null && row.item_name !== null
        ? { id: row.fee_item_id, name: row.item_name, standard: row.item_standard ?? "" }
        : null,
    feeName: row.fee_name,
    chargedBy: row.charged_by,
    amountFen: String(row.amount_fen),
    chargedOn: row.charged_on,
    content: row.content,
    filedAt: row.created_at,
    status: row.status as RequestStatus,
    unit: row.unit_name,
    deadline: row.deadline,
    light: lit?.light ?? null,
    overdueDays: lit?.overdueDays ?? 0,
    answer: row.answer,
    isDemo: row.is_demo === 1,
  };
}

/**
 * An enterprise its own complaints; the office, leaders, the commission and the list's keeping units all of the
 * district's; another unit those assigned to it.
 */
export async function listFeeComplaints(db: DbContext, user: AuthUser, today = todayInChina()) {
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  const enterpriseId = user.role === "enterprise" ? (user.enterpriseId ?? -1) : undefined;
  const assignedTo = user.role === "unit" && !(await keepsList(db, user)) ? (user.unitId ?? -1) : undefined;
  const rows = await findFeeComplaints(db, user.districtId, enterpriseId, assignedTo);
  const category = feeCategory(plan);
  const list: FeeComplaintList = {
    items: rows.map((row) => complaintView(row, today)),
    acceptsComplaints: category !== undefined,
    limit: category ? { days: category.limitDays, working: category.dayKind === "working" } : null,
  };
  return list;
}

const KIND_WORDS = { unlisted: "清单外收费", aboveStandard: "超标准收费" } as const;

export async function fileFeeComplaint(db: DbContext, user: AuthUser, input: ParsedComplaint, actor: Actor) {
  if (user.role !== "enterprise" || user.enterpriseId === null) throw forbidden("只有企业账号可以投诉收费");
  const enterpriseId = user.enterpriseId;
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  const category = feeCategory(plan);
  if (!category) {
    const message =
      "本区行动方案未设受理涉企收费投诉的诉求类别（requestCategories 中 feeComplaints: true），暂不能投诉";
    throw badRequest(message, [{ path: "kind", message }]);
  }
  const item = input.feeItemId !== undefined ? await findFeeItem(db, user.districtId, input.feeItemId) : undefined;
  if (input.feeItemId !== undefined && !item) {
    const message = `收费项目 ${input.feeItemId} 不在本区涉企收费清单中`;
    throw badRequest(message, [{ path: "feeItemId", message }]);
  }
  const amount = parseYuan(input.amountYuan);
  if (input.chargedOn > todayInChina()) {
    const message = "收费日期不能晚于今天";
    throw badRequest(message, [{ path: "chargedOn", message }]);
  }
  const lines = [
    `投诉类型：${KIND_WORDS[input.kind]}`,
    `收费单位：${input.chargedBy}`,
    `收费名称：${input.feeName}`,
    `收费金额：${formatYuan(amount)} 元（${input.chargedOn}）`,
    ...(item ? [`清单标准：${item.standard}`] : []),
    "",
    input.content,
  ];
  return inTransaction(db, async (tx) => {
    const request = await submitRequest(
      tx,
      user,
      {
        category: category.id,
        title: `${KIND_WORDS[input.kind]}：${input.feeName}（${input.chargedBy}）`.slice(0, 100),
        content: lines.join("\n"),
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      },
      actor,
    );
    const values = {
      kind: input.kind,
      fee_item_id: item?.id ?? null,
      fee_name: input.feeName,
      charged_by: input.chargedBy,
      amount_fen: amount.toString(),
      charged_on: input.chargedOn,
    };
    const id = await insertFeeComplaint(tx, {
      district_id: user.districtId,
      request_id: request.id,
      enterprise_id: enterpriseId,
      ...values,
      created_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "fee_complaint",
      entityId: id,
      after: { requestId: request.id, ...values },
    });
    const rows = await findFeeComplaints(tx, user.districtId, enterpriseId);
    return complaintView(rows.find((row) => row.id === id) as FeeComplaintListRow, todayInChina());
  });
}

export interface ParsedComplaint {
  kind: FeeComplaint["kind"];
  feeItemId?: number | undefined;
  feeName: string;
  chargedBy: string;
  amountYuan: string;
  chargedOn: string;
  content: string;
  contactName: string;
  contactPhone: string;
}

// ---------------------------------------------------------------- inspections

async function mayInspect(db: DbContext, user: AuthUser): Promise<boolean> {
  return user.role === "inspector" || (await keepsList(db, user));
}

function inspectionView(row: FeeInspectionListRow): FeeInspection {
  return {
    id: row.id,
    inspectedOn: row.inspected_on,
    inspectedUnit: row.inspected_unit,
    scope: row.scope,
    result: row.result as FeeInspection["result"],
    findings: row.findings,
    complaintId: row.complaint_id,
    accountability: row.accountability as FeeInspection["accountability"],
    accountabilityOn: row.accountability_on,
    accountabilityNote: row.accountability_note,
    refundFen: row.refund_fen === null ? null : String(row.refund_fen),
    recordedBy: row.recorded_by_name ?? "",
    isDemo: row.is_demo === 1,
  };
}

export async function listFeeInspections(db: DbContext, user: AuthUser): Promise<FeeInspectionList> {
  const rows = await findFeeInspections(db, user.districtId);
  return { items: rows.map(inspectionView), canRecord: await mayInspect(db, user) };
}

export type ParsedInspection = z.output<typeof FeeInspectionInputSchema>;

async function inspectionColumns(db: DbContext, user: AuthUser, input: ParsedInspection) {
  if (input.complaintId != null && !(await findFeeComplaintId(db, user.districtId, input.complaintId))) {
    const message = `收费投诉 ${input.complaintId} 不存在`;
    throw badRequest(message, [{ path: "complaintId", message }]);
  }
  return {
    inspected_on: input.inspectedOn,
    inspected_unit: input.inspectedUnit,
    scope: input.scope,
    result: input.result,
    findings: input.findings ?? "",
    complaint_id: input.complaintId ?? null,
    accountability: input.accountability ?? null,
    accountability_on: input.accountabilityOn ?? null,
    accountability_note: input.accountabilityNote ?? "",
    refund_fen: input.refundYuan != null ? parseYuan(input.refundYuan).toString() : null,
  };
}

async function requireInspector(db: DbContext, user: AuthUser) {
  if (await mayInspect(db, user)) return;
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  throw forbidden(`只有${dutyHoldersText(plan, "keepFeeList")}或纪检监察机关可以记录收费监督检查`);
}

export async function recordFeeInspection(db: DbContext, user: AuthUser, input: ParsedInspection, actor: Actor) {
  await requireInspector(db, user);
  return inTransaction(db, async (tx) => {
    const values = await inspectionColumns(tx, user, input);
    const now = new Date().toISOString();
    const id = await insertFeeInspection(tx, {
      district_id: user.districtId,
      ...values,
      recorded_by: user.id,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "fee_inspection",
      entityId: id,
      after: values,
    });
    return inspectionById(tx, user, id);
  });
}

export async function updateFeeInspectionById(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: ParsedInspection,
  actor: Actor,
) {
  await requireInspector(db, user);
  return inTransaction(db, async (tx) => {
    const before = await findFeeInspection(tx, user.districtId, id);
    if (!before) throw notFound(`监督检查记录 ${id} 不存在`);
    const values = await inspectionColumns(tx, user, input);
    await updateFeeInspection(tx, id, { ...values, updated_at: new Date().toISOString() });
    const { created_at: _created, updated_at: _updated, ...previous } = before;
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "fee_inspection",
      entityId: id,
      before: previous,
      after: values,
    });
    return inspectionById(tx, user, id);
  });
}

async function inspectionById(db: DbContext, user: AuthUser, id: number): Promise<FeeInspection> {
  const row = (await findFeeInspections(db, user.districtId)).find((candidate) => candidate.id === id);
  if (!row) throw notFound(`监督检查记录 ${id} 不存在`);
  return inspectionView(row);
}

// ---------------------------------------------------------------- report

/** Per year: inspections, violations, accountability by kind and refunds; complaints filed, answered, overdue. */
export async function feeReport(db: DbContext, user: AuthUser, today = todayInChina()): Promise<FeeReport> {
  const inspections = await findFeeInspections(db, user.districtId);
  const complaints = await findFeeComplaints(db, user.districtId);
  type Year = FeeReport["years"][number] & { refund: bigint };
  const years = new Map<number, Year>();
  const yearOf = (year: number): Year => {
    let entry = years.get(year);
    if (!entry) {
      entry = {
        year,
        inspections: 0,
        violations: 0,
        accountability: FEE_ACCOUNTABILITY_KINDS.map((kind) => ({ kind, count: 0 })),
        refundFen: "0",
        refund: 0n,
        complaints: 0,
        complaintsAnswered: 0,
        complaintsOverdue: 0,
      };
      years.set(year, entry);
    }
    return entry;
  };
  for (const row of inspections) {
    const entry = yearOf(Number(row.inspected_on.slice(0, 4)));
    entry.inspections++;
    if (row.result === "violation") entry.violations++;
    const kind = entry.accountability.find((candidate) => candidate.kind === row.accountability);
    if (kind) kind.count++;
    if (row.refund_fen !== null) entry.refund += BigInt(row.refund_fen);
  }
  for (const row of complaints) {
    const entry = yearOf(Number(todayInChina(new Date(row.created_at)).slice(0, 4)));
    entry.complaints++;
    if (row.status === "answered" || row.status === "closed") entry.complaintsAnswered++;
    const open = OPEN_REQUEST_STATUSES.includes(row.status) && row.deadline !== null;
    if (open && row.deadline !== null && row.deadline < today) entry.complaintsOverdue++;
  }
  return {
    years: [...years.values()]
      .sort((a, b) => b.year - a.year)
      .map(({ refund, ...entry }) => ({ ...entry, refundFen: refund.toString() })),
  };
}
