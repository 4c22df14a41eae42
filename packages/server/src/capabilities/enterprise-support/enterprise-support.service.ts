/**
 * Support grants received (R-MATCH; tech funds also exclude a project from R-TECH), technical-
 * transformation projects (R-TECH) and reward events (R-LISTED-MOVE, R-500) on the register.
 *
 * Who writes is read from the plan, not from unit names: grants and tech projects by the office and
 * the lead units of the measures carrying the grantMatch and techTransformation rules (M6, M8:
 * 区工信局, 区科技局); events by the office and the lead units of the measures carrying the event
 * rules (M2: 区商务局). The enterprise itself may self-report grants and tech projects (official = 0)
 * until one of those confirms them. A correction never overwrites: a new row supersedes the old one,
 * which stays visible. Every change is audited with the enterprise as entity.
 */
import type {
  EnterpriseSupport,
  EventBody,
  GrantBody,
  SupportMoneyUnit,
  TechProjectBody,
} from "@beizeng/contract/enterprise-support";
import { MoneyFormatError, parseAmountInUnit } from "@beizeng/domain/money";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { rewardSubject } from "@beizeng/domain/rewards/language/outline";
import { rewardEventFacts } from "@beizeng/domain/rewards/language/outline-events";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { getActivePlan } from "../plan/index";
import { enterpriseFor } from "../register/index";
import type { SupportSourceKind } from "../rewards/index";
import {
  type EventRow,
  eventsOf,
  findEvent,
  findGrant,
  findLiveByCode,
  findLiveEvent,
  findTechProject,
  type GrantRow,
  grantsOf,
  insertEvent,
  insertGrant,
  insertTechProject,
  markSupportOfficial,
  pointSupersededTo,
  retireSupportRow,
  type SupportTableName,
  type TechProjectRow,
  techProjectsOf,
  unitOf,
  userNames,
} from "./enterprise-support.repository";

const YUAN_PER: Record<SupportMoneyUnit, bigint> = { 万元: 10000n, 元: 1n };
const OFFICE_LABEL = "领导小组办公室";

/** A grant as the route checked it: `amount` is decimal text in `unit`. */
type GrantInput = GrantBody;
type TechProjectInput = TechProjectBody;
type EventInput = EventBody;

// ---------------------------------------------------------------- who may write

/** The engine facts of the reward events this capability records (listed_move_in, top500_settled). */
const RECORDED_EVENT_FACTS: ReadonlySet<string> = new Set(["listedRegistrationMovedIn", "top500SettledIn"]);

/** Rules paid per grant or tech project read what the grant forms enter. */
const readsGrants = (rule: PlanFile["rewards"][number]) =>
  rewardSubject(rule) === "grant" || rewardSubject(rule) === "techProject";

function leadUnitsOfRules(plan: PlanFile, reads: (rule: PlanFile["rewards"][number]) => boolean): string[] {
  const clauses = new Set(plan.rewards.filter(reads).map((rule) => rule.clause));
  const units = new Set<string>();
  for (const measure of plan.measures) {
    if (clauses.has(measure.clause)) for (const unit of measure.lead) units.add(unit);
  }
  return [...units];
}

/**
 * The plan's unit ids that enter grants and tech projects (lead units of the measures whose reward
 * rules read them) and those that enter reward events.
 */
export function supportUnitCodes(plan: PlanFile): { grants: string[]; events: string[] } {
  const readsEvents = (rule: PlanFile["rewards"][number]) =>
    rewardEventFacts(rule, plan).some((fact) => RECORDED_EVENT_FACTS.has(fact));
  return { grants: leadUnitsOfRules(plan, readsGrants), events: leadUnitsOfRules(plan, readsEvents) };
}

interface Writer {
  /** How the row is labelled: "区工信局：张三", or the enterprise account's name. */
  label: string;
  official: boolean;
  sourceKind: SupportSourceKind;
}

export interface SupportAccess {
  /** Enter and correct official grants and tech projects; confirm self-reports. */
  grants: boolean;
  /** Enter and correct reward events. */
  events: boolean;
  /** The enterprise's own account: submits grants and tech projects for confirmation. */
  selfReport: boolean;
}

async function callerAccess(db: DbContext, user: AuthUser): Promise<SupportAccess & { staffLabel: string | null }> {
  if (user.role === "office") return { grants: true, events: true, selfReport: false, staffLabel: OFFICE_LABEL };
  if (user.role === "enterprise") return { grants: false, events: false, selfReport: true, staffLabel: null };
  if (user.role !== "unit" || user.unitId === null) {
    return { grants: false, events: false, selfReport: false, staffLabel: null };
  }
  const unit = await unitOf(db, user.unitId);
  if (!unit) return { grants: false, events: false, selfReport: false, staffLabel: null };
  const codes = supportUnitCodes(await getActivePlan(db, user.districtId));
  return {
    grants: codes.grants.includes(unit.code),
    events: codes.events.includes(unit.code),
    selfReport: false,
    staffLabel: unit.name,
  };
}

async function grantWriter(db: DbContext, user: AuthUser, what: string): Promise<Writer> {
  const access = await callerAccess(db, user);
  if (access.selfReport) return { label: user.displayName, official: false, sourceKind: "self_report" };
  if (!access.grants || access.staffLabel === null) {
    throw forbidden(`${what}由领导小组办公室和该举措的牵头单位录入，企业可自报本企业的${what}`);
  }
  return { label: `${access.staffLabel}：${user.displayName}`, official: true, sourceKind: "entry" };
}

async function eventWriter(db: DbContext, user: AuthUser): Promise<Writer> {
  const access = await callerAccess(db, user);
  if (!access.events || access.staffLabel === null) {
    throw forbidden("奖励相关事项（上市企业迁入、500强落户）由领导小组办公室和招大引强的牵头单位登记");
  }
  return { label: `${access.staffLabel}：${user.displayName}`, official: true, sourceKind: "entry" };
}

// ---------------------------------------------------------------- amounts

function toFen(text: string, unit: SupportMoneyUnit, field: string, label: string): bigint {
  try {
    const fen = parseAmountInUnit(text.trim(), YUAN_PER[unit]);
    if (fen < 0n) throw new MoneyFormatError("negative");
    return fen;
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    const message = `${label}应为非负数字，且换算成元后最多两位小数：${text}${unit}`;
    throw badRequest(message, [{ path: field, message }]);
  }
}

function grantValues(input: GrantInput) {
  const amountFen = toFen(input.amount, input.unit, "amount", "扶持资金金额");
  if (amountFen === 0n) {
    throw badRequest("扶持资金金额应大于零", [{ path: "amount", message: "扶持资金金额应大于零" }]);
  }
  return {
    code: input.code.trim(),
    year: input.year,
    level: input.level,
    purpose: input.purpose,
    amount_fen: amountFen.toString(),
    note: input.note.trim(),
  };
}

function techValues(input: TechProjectInput) {
  const investment = toFen(input.investment, input.unit, "investment", "技改投资额");
  const invoices = toFen(input.equipmentInvoices, input.unit, "equipmentInvoices", "设备购置发票金额");
  if (investment === 0n) {
    throw badRequest("技改投资额应大于零", [{ path: "investment", message: "技改投资额应大于零" }]);
  }
  if (invoices > investment) {
    const message = "设备购置发票金额不能超过技改投资额";
    throw badRequest(message, [{ path: "equipmentInvoices", message }]);
  }
  return {
    code: input.code.trim(),
    name: input.name.trim(),
    year: input.year,
    investment_fen: investment.toString(),
    equipment_invoices_fen: invoices.toString(),
    tech_funds_received: input.techFundsReceived ? 1 : 0,
  };
}

// ---------------------------------------------------------------- reading

interface Provenance {
  id: number;
  official: boolean;
  sourceKind: string;
  source: string;
  recordedBy: string | null;
  recordedAt: string;
  supersededBy: number | null;
  /** Who corrected a superseded row, and when (the correcting row's account and time). */
  correctedBy: string | null;
  correctedAt: string | null;
}

type AnyRow = GrantRow | TechProjectRow | EventRow;

function provenance<R extends AnyRow>(rows: R[], names: Map<number, string>): (row: R) => Provenance {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (row) => {
    const successor = row.superseded_by === null ? undefined : byId.get(row.superseded_by);
    return {
      id: row.id,
      official: !("official" in row) || row.official === 1,
      sourceKind: row.source_kind,
      source: row.source,
      recordedBy: row.recorded_by === null ? null : (names.get(row.recorded_by) ?? null),
      recordedAt: row.created_at,
      supersededBy: row.superseded_by,
      correctedBy: successor?.recorded_by ? (names.get(successor.recorded_by) ?? null) : null,
      correctedAt: successor?.created_at ?? null,
    };
  };
}

/** The enterprise's grants, tech projects and events (corrected rows included), and what the caller may do. */
export async function enterpriseSupport(
  db: DbContext,
  user: AuthUser,
  enterpriseId: number,
): Promise<EnterpriseSupport> {
  await enterpriseFor(db, user, enterpriseId, "enterprises.read");
  const [grants, techProjects, events] = await Promise.all([
    grantsOf(db, enterpriseId),
    techProjectsOf(db, enterpriseId),
    eventsOf(db, enterpriseId),
  ]);
  const recorders = [...grants, ...techProjects, ...events].flatMap((row) =>
    row.recorded_by === null ? [] : [row.recorded_by],
  );
  const names = await userNames(db, recorders);
  const grantMeta = provenance(grants, names);
  const techMeta = provenance(techProjects, names);
  const eventMeta = provenance(events, names);
  const { staffLabel: _label, ...access } = await callerAccess(db, user);
  return {
    grants: grants.map((row) => ({
      ...grantMeta(row),
      code: row.code,
      year: row.year,
      level: row.level,
      purpose: row.purpose,
      amountFen: String(row.amount_fen),
      note: row.note,
    })),
    techProjects: techProjects.map((row) => ({
      ...techMeta(row),
      code: row.code,
      name: row.name,
      year: row.year,
      investmentFen: String(row.investment_fen),
      equipmentInvoicesFen: String(row.equipment_invoices_fen),
      techFundsReceived: row.tech_funds_received === 1,
    })),
    events: events.map((row) => ({ ...eventMeta(row), kind: row.kind, year: row.year, note: row.note })),
    access,
  };
}

// ---------------------------------------------------------------- grants and tech projects

interface RecordKind<Input, Values extends { code: string }> {
  table: SupportTableName;
  /** The audit entity type. */
  entity: string;
  what: string;
  values(input: Input): Values;
  find(db: DbContext, id: number): Promise<(GrantRow | TechProjectRow) | undefined>;
  insert(
    db: DbContext,
    row: Values & {
      district_id: string;
      enterprise_id: number;
      official: number;
      source_kind: SupportSourceKind;
      source: string;
      recorded_by: number;
      created_at: string;
    },
  ): Promise<number>;
  same(row: GrantRow | TechProjectRow, values: Values): boolean;
}

const GRANTS: RecordKind<GrantInput, ReturnType<typeof grantValues>> = {
  table: "enterprise_grants",
  entity: "enterprise_grant",
  what: "扶持资金",
  values: grantValues,
  find: findGrant,
  insert: insertGrant,
  same: (row, values) => {
    const grant = row as GrantRow;
    return (
      grant.code === values.code &&
      grant.year === values.year &&
      grant.level === values.level &&
      grant.purpose === values.purpose &&
      String(grant.amount_fen) === values.amount_fen &&
      grant.note === values.note
    );
  },
};

const TECH_PROJECTS: RecordKind<TechProjectInput, ReturnType<typeof techValues>> = {
  table: "tech_projects",
  entity: "tech_project",
  what: "技改项目",
  values: techValues,
  find: findTechProject,
  insert: insertTechProject,
  same: (row, values) => {
    const project = row as TechProjectRow;
    return (
      project.code === values.code &&
      project.name === values.name &&
      project.year === values.year &&
      String(project.investment_fen) === values.investment_fen &&
      String(project.equipment_invoices_fen) === values.equipment_invoices_fen &&
      project.tech_funds_received === values.tech_funds_received
    );
  },
};

async function refuseTakenCode(db: DbContext, kind: RecordKind<never, { code: string }>, user: AuthUser, code: string) {
  const clash = await findLiveByCode(db, kind.table, user.districtId, code);
  if (!clash) return;
  const pending = clash.official === 0 ? "（企业自报，待确认）" : "";
  throw conflict(`${kind.what}编号“${code}”已登记${pending}，同一编号在本区只能登记一次；如需修改请使用“更正”`);
}

async function addRecord<Input, Values extends { code: string }>(
  db: DbContext,
  kind: RecordKind<Input, Values>,
  user: AuthUser,
  enterpriseId: number,
  input: Input,
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, enterpriseId, "support.enter", `只能填报本企业的${kind.what}`);
    const writer = await grantWriter(tx, user, kind.what);
    const values = kind.values(input);
    await refuseTakenCode(tx, kind as RecordKind<never, { code: string }>, user, values.code);
    const id = await kind.insert(tx, {
      ...values,
      district_id: user.districtId,
      enterprise_id: enterpriseId,
      official: writer.official ? 1 : 0,
      source_kind: writer.sourceKind,
      source: writer.label,
      recorded_by: user.id,
      created_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: kind.entity,
      entityId: enterpriseId,
      after: { recordId: id, ...values, official: writer.official, source: writer.label },
    });
    return { id, official: writer.official };
  });
}

async function correctRecord<Input, Values extends { code: string }>(
  db: DbContext,
  kind: RecordKind<Input, Values>,
  user: AuthUser,
  recordId: number,
  input: Input,
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await kind.find(tx, recordId);
    if (!row || row.district_id !== user.districtId) throw notFound(`${kind.what}记录不存在`);
    await enterpriseFor(tx, user, row.enterprise_id, "support.enter", `只能更正本企业的${kind.what}`);
    const writer = await grantWriter(tx, user, kind.what);
    const values = kind.values(input);
    if (!writer.official && row.official === 1) {
      throw forbidden(`已确认的${kind.what}由领导小组办公室或牵头单位更正；如有出入请联系主管部门`);
    }
    if (row.superseded_by !== null) throw conflict(`该${kind.what}记录已被更正，请在最新的记录上更正`);
    if (kind.same(row, values)) throw conflict("内容与现有记录相同，无需更正");
    if (!(await retireSupportRow(tx, kind.table, row.id))) {
      throw conflict(`该${kind.what}记录刚被他人更正，请刷新后再试`);
    }
    if (values.code !== row.code) {
      await refuseTakenCode(tx, kind as RecordKind<never, { code: string }>, user, values.code);
    }
    const id = await kind.insert(tx, {
      ...values,
      district_id: user.districtId,
      enterprise_id: row.enterprise_id,
      official: writer.official ? 1 : 0,
      source_kind: writer.sourceKind,
      source: writer.label,
      recorded_by: user.id,
      created_at: new Date().toISOString(),
    });
    await pointSupersededTo(tx, kind.table, row.id, id);
    const { id: _id, district_id: _d, enterprise_id: _e, superseded_by: _s, ...before } = row;
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: kind.entity,
      entityId: row.enterprise_id,
      before: { recordId: row.id, ...before },
      after: { recordId: id, ...values, official: writer.official, source: writer.label },
    });
    return { id, superseded: row.id, official: writer.official };
  });
}

async function confirmRecord<Input, Values extends { code: string }>(
  db: DbContext,
  kind: RecordKind<Input, Values>,
  user: AuthUser,
  recordId: number,
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await kind.find(tx, recordId);
    if (!row || row.district_id !== user.districtId) throw notFound(`${kind.what}记录不存在`);
    const access = await callerAccess(tx, user);
    if (!access.grants) throw forbidden(`企业自报的${kind.what}由领导小组办公室或牵头单位确认`);
    if (row.official === 1) throw conflict(`该${kind.what}已是正式数据`);
    if (row.superseded_by !== null) throw conflict(`该自报${kind.what}已被新的记录取代`);
    if (!(await markSupportOfficial(tx, kind.table, row.id))) throw conflict(`该${kind.what}刚被他人处理，请刷新`);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "confirm",
      entityType: kind.entity,
      entityId: row.enterprise_id,
      after: {
        recordId: row.id,
        code: row.code,
        official: true,
        confirmedBy: `${access.staffLabel}：${user.displayName}`,
      },
    });
    return { id: row.id, official: true };
  });
}

export const addGrant = (db: DbContext, user: AuthUser, enterpriseId: number, input: GrantInput, actor: Actor) =>
  addRecord(db, GRANTS, user, enterpriseId, input, actor);
export const correctGrant = (db: DbContext, user: AuthUser, id: number, input: GrantInput, actor: Actor) =>
  correctRecord(db, GRANTS, user, id, input, actor);
export const confirmGrant = (db: DbContext, user: AuthUser, id: number, actor: Actor) =>
  confirmRecord(db, GRANTS, user, id, actor);

export const addTechProject = (
  db: DbContext,
  user: AuthUser,
  enterpriseId: number,
  input: TechProjectInput,
  actor: Actor,
) => addRecord(db, TECH_PROJECTS, user, enterpriseId, input, actor);
export const correctTechProject = (db: DbContext, user: AuthUser, id: number, input: TechProjectInput, actor: Actor) =>
  correctRecord(db, TECH_PROJECTS, user, id, input, actor);
export const confirmTechProject = (db: DbContext, user: AuthUser, id: number, actor: Actor) =>
  confirmRecord(db, TECH_PROJECTS, user, id, actor);

// ---------------------------------------------------------------- reward events

const EVENT_LABELS: Record<EventInput["kind"], string> = {
  listed_move_in: "市外上市企业迁入",
  top500_settled: "中国制造业500强落户",
};

/** Records a listed company moving its registration in, or a top-500 manufacturer settling (once per kind). */
export async function addEvent(db: DbContext, user: AuthUser, enterpriseId: number, input: EventInput, actor: Actor) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, enterpriseId, "support.events");
    const writer = await eventWriter(tx, user);
    if (await findLiveEvent(tx, enterpriseId, input.kind)) {
      throw conflict(`该企业已登记“${EVENT_LABELS[input.kind]}”，每家企业只登记一次；如需修改请使用“更正”`);
    }
    const id = await insertEvent(tx, {
      district_id: user.districtId,
      enterprise_id: enterpriseId,
      kind: input.kind,
      year: input.year,
      note: input.note.trim(),
      source_kind: writer.sourceKind,
      source: writer.label,
      recorded_by: user.id,
      created_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "enterprise_event",
      entityId: enterpriseId,
      after: { recordId: id, kind: input.kind, year: input.year, note: input.note.trim(), source: writer.label },
    });
    return { id };
  });
}

/** Corrects the year or note of an event: the old row stays, superseded. */
export async function correctEvent(
  db: DbContext,
  user: AuthUser,
  eventId: number,
  input: Omit<EventInput, "kind">,
  actor: Actor,
) {
  return inTransaction(db, async (tx) => {
    const row = await findEvent(tx, eventId);
    if (!row || row.district_id !== user.districtId) throw notFound("事项记录不存在");
    await enterpriseFor(tx, user, row.enterprise_id, "support.events");
    const writer = await eventWriter(tx, user);
    if (row.superseded_by !== null) throw conflict("该事项已被更正，请在最新的记录上更正");
    const note = input.note.trim();
    if (row.year === input.year && row.note === note) throw conflict("内容与现有记录相同，无需更正");
    if (!(await retireSupportRow(tx, "enterprise_events", row.id))) throw conflict("该事项刚被他人更正，请刷新后再试");
    const id = await insertEvent(tx, {
      district_id: user.districtId,
      enterprise_id: row.enterprise_id,
      kind: row.kind,
      year: input.year,
      note,
      source_kind: writer.sourceKind,
      source: writer.label,
      recorded_by: user.id,
      created_at: new Date().toISOString(),
    });
    await pointSupersededTo(tx, "enterprise_events", row.id, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "enterprise_event",
      entityId: row.enterprise_id,
      before: { recordId: row.id, kind: row.kind, year: row.year, note: row.note },
      after: { recordId: id, kind: row.kind, year: input.year, note, source: writer.label },
    });
    return { id, superseded: row.id };
  });
}
