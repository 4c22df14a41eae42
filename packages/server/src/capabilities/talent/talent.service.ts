/**
 * The talent ledger (返乡人才台账, M13: 加强对返乡人才各方面技能特长等信息的采集，建立岗位信息和返乡人才工作台账，向适合
 * 条件的返乡人才进行岗位推荐就业).
 *
 * Who does what: the unit the plan gives keepTalentLedger keeps the ledger — adds, corrects and removes people, reads
 * a person's name and number in full (each such read audited), recommends people to posts and records how the
 * recommendations turned out. A town (乡镇、街道) adds people of its own town, one by one or from its .xlsx, and
 * reads the ledger masked like everyone else. Enterprises post jobs from their own accounts (the keeper may post
 * for an enterprise of the register), see the recommendations for their posts and record interviews and hiring; a
 * candidate's name and number reach the enterprise only where the candidate agreed to share them with it.
 *
 * Personal data: a person without a consent date is kept but never proposed nor recommended; removal on request
 * deletes the person and leaves their recommendations under the masked name they were made with, so the task
 * quantities stay true. The audit log holds names and numbers masked only, so a removal really removes them.
 */
import type {
  JobPost,
  JobPostInputSchema,
  JobPosts,
  PersonPosts,
  Place,
  PostCandidates,
  Recommendation,
  RecommendationInputSchema,
  RecommendationOutcomeInputSchema,
  Recommendations,
  RevealedPerson,
  TalentPeople,
  TalentPerson,
  TalentPersonInputSchema,
  TalentSummary,
} from "@beizeng/contract/talent";
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { maskName, maskPhone, normalizeMobile } from "@beizeng/domain/talent/masking";
import {
  type MatchPerson,
  type MatchPost,
  rankPeopleForPost,
  rankPostsForPerson,
} from "@beizeng/domain/talent/matching";
import {
  type EducationLevel,
  type JobPostStatus,
  NEXT_OUTCOMES,
  type RecommendationOutcome,
} from "@beizeng/domain/talent/vocabulary";
import type { z } from "zod";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { findUnitOfAccount } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { type AppError, badRequest, forbidden, notFound } from "../../platform/errors";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { todayInChina } from "../supervision/index";
import {
  deletePerson,
  enterpriseOfDistrict,
  findPeople,
  findPerson,
  findPost,
  findPosts,
  findRecommendation,
  findRecommendations,
  insertPerson,
  insertPost,
  insertRecommendation,
  type JobPostWithEnterprise,
  personIdsByPhone,
  type RecommendationWithPost,
  updatePerson,
  updatePost,
  updateRecommendation,
} from "./talent.repository";
import type { TalentPersonRow } from "./talent.table";

/** The kinds of unit people return to: towns and streets (a zone is a place of work, not of origin). */
const HOME_UNIT_KINDS: readonly UnitKind[] = ["town", "street"];

export type PersonFields = z.output<typeof TalentPersonInputSchema>;
export type PostFields = z.output<typeof JobPostInputSchema>;

/** What the caller may do in the ledger, and the district's places, read once per request. */
export interface TalentContext {
  plan: PlanFile | undefined;
  /** The caller's unit keeps the ledger. */
  keeper: boolean;
  /** The caller's own town when the caller is a town's account. */
  ownTown: Place | null;
  towns: Place[];
  places: Place[];
  place: (id: string) => Place;
}

export async function talentContext(db: DbContext, user: AuthUser): Promise<TalentContext> {
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  const units = plan?.units ?? [];
  const asPlace = ({ id, name, nameEn }: Place): Place => ({ id, name, nameEn });
  const towns = units.filter((unit) => HOME_UNIT_KINDS.includes(unit.kind)).map(asPlace);
  const places = units.filter((unit) => PLACE_UNIT_KINDS.includes(unit.kind)).map(asPlace);
  const known = new Map(units.map((unit) => [unit.id, asPlace(unit)]));
  let keeper = false;
  let ownTown: Place | null = null;
  if (user.role === "unit" && user.unitId !== null) {
    const unit = await findUnitOfAccount(db, user.unitId);
    const planUnit = unit && unit.district_id === user.districtId ? units.find((u) => u.id === unit.code) : undefined;
    keeper = planUnit?.duties.includes("keepTalentLedger") ?? false;
    if (planUnit && HOME_UNIT_KINDS.includes(planUnit.kind)) ownTown = asPlace(planUnit);
  }
  return {
    plan,
    keeper,
    ownTown,
    towns,
    places,
    place: (id) => known.get(id) ?? { id, name: "（方案中已无此单位）", nameEn: "(a unit no longer in the plan)" },
  };
}

function keepers(plan: PlanFile | undefined): string[] {
  return plan ? unitsWithDuty(plan, "keepTalentLedger").map((unit) => unit.name) : [];
}

function keeperWords(plan: PlanFile | undefined): string {
  const names = keepers(plan);
  return names.length > 0 ? names.join("、") : "方案指定管理人才台账的单位（未指定）";
}

function requireKeeper(context: TalentContext, what: string): void {
  if (!context.keeper) throw forbidden(`只有${keeperWords(context.plan)}可以${what}`);
}

function fieldError(path: string, label: string, message: string): AppError {
  return badRequest(`${label}：${message}`, [{ path, message: `${label}：${message}` }]);
}

function skillsOf(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

// ---------------------------------------------------------------- people

interface PersonCounts {
  placed: Set<number>;
  recommendations: Map<number, number>;
}

async function personCounts(db: DbContext, districtId: string): Promise<PersonCounts> {
  const counts: PersonCounts = { placed: new Set(), recommendations: new Map() };
  for (const row of await findRecommendations(db, districtId, null)) {
    if (row.person_id === null) continue;
    counts.recommendations.set(row.person_id, (counts.recommendations.get(row.person_id) ?? 0) + 1);
    if (row.outcome === "hired") counts.placed.add(row.person_id);
  }
  return counts;
}

function personView(row: TalentPersonRow, context: TalentContext, counts: PersonCounts): TalentPerson {
  return {
    id: row.id,
    name: maskName(row.name),
    phone: maskPhone(row.phone),
    masked: true,
    originTown: context.place(row.origin_town),
    education: row.education as EducationLevel,
    skills: skillsOf(row.skills),
    experience: row.experience,
    wishedWork: row.wished_work,
    wishedPlace: row.wished_place === null ? null : context.place(row.wished_place),
    wishedPay: row.wished_pay,
    consentOn: row.consent_on,
    placed: counts.placed.has(row.id),
    recommendations: counts.recommendations.get(row.id) ?? 0,
    recordedBy: context.place(row.recorded_by_unit),
    recordedOn: row.recorded_on,
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

export async function listTalentPeople(db: DbContext, user: AuthUser): Promise<TalentPeople> {
  const context = await talentContext(db, user);
  const counts = await personCounts(db, user.districtId);
  const rows = await findPeople(db, user.districtId);
  return {
    people: rows.map((row) => personView(row, context, counts)),
    canKeep: context.keeper,
    canAdd: context.keeper || context.ownTown !== null,
    towns: context.keeper ? context.towns : context.ownTown ? [context.ownTown] : [],
    places: context.places,
    keepers: keepers(context.plan),
  };
}

/** The columns a person's fields are stored in, after the checks that need the plan (towns, places, the number). */
export function personColumns(fields: PersonFields, context: TalentContext) {
  const phone = normalizeMobile(fields.phone);
  if (phone === null) throw fieldError("phone", "手机号", "不是有效的手机号码");
  if (!context.towns.some((town) => town.id === fields.originTown))
    throw fieldError("originTown", "来源乡镇（街道）", "不是方案中的乡镇或街道");
  if (fields.wishedPlace !== null && !context.places.some((place) => place.id === fields.wishedPlace))
    throw fieldError("wishedPlace", "意向地点", "不是方案中的乡镇、街道或园区");
  if (fields.consentOn !== null && fields.consentOn > todayInChina())
    throw fieldError("consentOn", "同意日期", "不能晚于今天");
  return {
    name: fields.name,
    phone,
    origin_town: fields.originTown,
    education: fields.education,
    skills: JSON.stringify(fields.skills),
    experience: fields.experience,
    wished_work: fields.wishedWork,
    wished_place: fields.wishedPlace,
    wished_pay: fields.wishedPay,
    consent_on: fields.consentOn,
  };
}

/** What the audit log keeps of a person: never the name or number in full, so that a removal removes them. */
function auditedPerson(columns: ReturnType<typeof personColumns> | TalentPersonRow) {
  return {
    name: maskName(columns.name),
    phone: maskPhone(columns.phone),
    originTown: columns.origin_town,
    education: columns.education,
    skills: skillsOf(columns.skills),
    wishedPlace: columns.wished_place,
    wishedPay: columns.wished_pay,
    consentOn: columns.consent_on,
  };
}

/** The unit that records people: the keeper (any town) or a town (its own people only). */
export function requireRecorder(context: TalentContext, originTowns: readonly string[]): void {
  if (context.keeper) return;
  if (context.ownTown === null) throw forbidden(`只有${keeperWords(context.plan)}或各乡镇（街道）可以登记返乡人才`);
  const own = context.ownTown;
  if (originTowns.some((town) => town !== own.id)) throw forbidden(`${own.name}只能登记本乡镇（街道）的返乡人才`);
}

async function recorderUnit(db: DbContext, user: AuthUser): Promise<string> {
  const unit = user.unitId === null ? undefined : await findUnitOfAccount(db, user.unitId);
  if (!unit) throw forbidden("只有单位账号可以登记返乡人才");
  return unit.code;
}

async function personOrNotFound(db: DbContext, districtId: string, id: number): Promise<TalentPersonRow> {
  const row = await findPerson(db, districtId, id);
  if (!row) throw notFound(`台账中没有编号为 ${id} 的人员`);
  return row;
}

async function viewOf(db: DbContext, user: AuthUser, context: TalentContext, id: number): Promise<TalentPerson> {
  return personView(await personOrNotFound(db, user.districtId, id), context, await personCounts(db, user.districtId));
}

export async function addTalentPerson(db: DbContext, user: AuthUser, fields: PersonFields, actor: Actor) {
  const context = await talentContext(db, user);
  requireRecorder(context, [fields.originTown]);
  const columns = personColumns(fields, context);
  const unit = await recorderUnit(db, user);
  return inTransaction(db, async (tx) => {
    if ((await personIdsByPhone(tx, user.districtId)).has(columns.phone))
      throw fieldError("phone", "手机号", "该手机号已在台账中");
    const now = new Date();
    const id = await insertPerson(tx, {
      district_id: user.districtId,
      ...columns,
      recorded_by_unit: unit,
      recorded_on: todayInChina(now),
      created_by: user.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "talent_person",
      entityId: id,
      after: auditedPerson(columns),
    });
    return viewOf(tx, user, context, id);
  });
}

export async function updateTalentPerson(
  db: DbContext,
  user: AuthUser,
  id: number,
  fields: PersonFields,
  actor: Actor,
) {
  const context = await talentContext(db, user);
  requireKeeper(context, "修改人才台账");
  const columns = personColumns(fields, context);
  return inTransaction(db, async (tx) => {
    const before = await personOrNotFound(tx, user.districtId, id);
    const holder = (await personIdsByPhone(tx, user.districtId)).get(columns.phone);
    if (holder !== undefined && holder !== id) throw fieldError("phone", "手机号", "该手机号已在台账中");
    await updatePerson(tx, id, { ...columns, updated_at: new Date().toISOString() });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "talent_person",
      entityId: id,
      before: auditedPerson(before),
      after: auditedPerson(columns),
    });
    return viewOf(tx, user, context, id);
  });
}

/** Removal on the person's request: the record goes, the audit keeps only the masked name and the reason. */
export async function removeTalentPerson(db: DbContext, user: AuthUser, id: number, reason: string, actor: Actor) {
  const context = await talentContext(db, user);
  requireKeeper(context, "删除台账中的人员");
  await inTransaction(db, async (tx) => {
    const before = await personOrNotFound(tx, user.districtId, id);
    await deletePerson(tx, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "talent_person",
      entityId: id,
      before: { name: maskName(before.name), originTown: before.origin_town },
      after: { reason },
    });
  });
}

/** A person's name and number in full, for the keeper only; the read is audited. */
export async function revealTalentPerson(db: DbContext, user: AuthUser, id: number, actor: Actor) {
  const context = await talentContext(db, user);
  return inTransaction(db, async (tx): Promise<RevealedPerson> => {
    const row = await personOrNotFound(tx, user.districtId, id);
    requireKeeper(context, "查看返乡人才的完整姓名和手机号");
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "reveal",
      entityType: "talent_person",
      entityId: id,
      after: { name: maskName(row.name) },
    });
    return { id: row.id, name: row.name, phone: row.phone };
  });
}

/**
 * The ledger's rows for an export: masked, or in full for the keeper who asks, that export audited with the number
 * of people it holds.
 */
export async function talentPeopleForExport(
  db: DbContext,
  user: AuthUser,
  unmasked: boolean,
  actor: Actor,
): Promise<{ people: TalentPerson[]; full: Map<number, { name: string; phone: string }> | null }> {
  const context = await talentContext(db, user);
  if (unmasked) requireKeeper(context, "导出完整的人才台账");
  const counts = await personCounts(db, user.districtId);
  const rows = await findPeople(db, user.districtId);
  const people = rows.map((row) => personView(row, context, counts));
  if (!unmasked) return { people, full: null };
  await recordAudit(db, {
    districtId: user.districtId,
    actor,
    action: "reveal",
    entityType: "talent_ledger",
    entityId: user.districtId,
    after: { export: true, people: rows.length },
  });
  return { people, full: new Map(rows.map((row) => [row.id, { name: row.name, phone: row.phone }])) };
}

// ---------------------------------------------------------------- posts

function postView(row: JobPostWithEnterprise, context: TalentContext, recommendations: RecommendationWithPost[]) {
  const own = recommendations.filter((recommendation) => recommendation.post_id === row.id);
  return {
    id: row.id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name },
    title: row.title,
    skills: skillsOf(row.skills),
    payMin: row.pay_min,
    payMax: row.pay_max,
    place: context.place(row.place),
    headcount: row.headcount,
    description: row.description,
    status: row.status as JobPostStatus,
    postedOn: row.posted_on,
    recommended: own.length,
    hired: own.filter((recommendation) => recommendation.outcome === "hired").length,
    isDemo: row.is_demo === 1,
  } satisfies JobPost;
}

function ownEnterprise(user: AuthUser): number | null {
  return user.role === "enterprise" ? (user.enterpriseId ?? -1) : null;
}

export async function listJobPosts(db: DbContext, user: AuthUser): Promise<JobPosts> {
  const context = await talentContext(db, user);
  const enterpriseId = ownEnterprise(user);
  const recommendations = await findRecommendations(db, user.districtId, enterpriseId);
  const rows = await findPosts(db, user.districtId, enterpriseId);
  return {
    posts: rows.map((row) => postView(row, context, recommendations)),
    canPost: user.role === "enterprise" || context.keeper,
    places: context.places,
  };
}

async function postOrNotFound(db: DbContext, user: AuthUser, id: number): Promise<JobPostWithEnterprise> {
  const row = await findPost(db, user.districtId, id);
  const enterpriseId = ownEnterprise(user);
  if (!row || (enterpriseId !== null && row.enterprise_id !== enterpriseId)) throw notFound(`没有编号为 ${id} 的岗位`);
  return row;
}

async function postWriter(db: DbContext, user: AuthUser, fields: PostFields, context: TalentContext) {
  if (user.role === "enterprise") {
    if (user.enterpriseId === null) throw forbidden("企业账号未关联企业");
    return user.enterpriseId;
  }
  requireKeeper(context, "代企业发布岗位");
  if (fields.enterpriseId === undefined) throw fieldError("enterpriseId", "企业", "请选择发布岗位的企业");
  const enterprise = await enterpriseOfDistrict(db, user.districtId, fields.enterpriseId);
  if (!enterprise) throw fieldError("enterpriseId", "企业", "不是本区登记的企业");
  return enterprise.id;
}

function postColumns(fields: PostFields, context: TalentContext) {
  if (!context.places.some((place) => place.id === fields.place))
    throw fieldError("place", "工作地点", "不是方案中的乡镇、街道或园区");
  return {
    title: fields.title,
    skills: JSON.stringify(fields.skills),
    pay_min: fields.payMin,
    pay_max: fields.payMax,
    place: fields.place,
    headcount: fields.headcount,
    description: fields.description,
    status: fields.status,
  };
}

export async function postJob(db: DbContext, user: AuthUser, fields: PostFields, actor: Actor): Promise<JobPost> {
  const context = await talentContext(db, user);
  const enterpriseId = await postWriter(db, user, fields, context);
  const columns = postColumns(fields, context);
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const id = await insertPost(tx, {
      district_id: user.districtId,
      enterprise_id: enterpriseId,
      ...columns,
      posted_on: todayInChina(now),
      created_by: user.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "job_post",
      entityId: id,
      after: { enterpriseId, ...columns, skills: fields.skills },
    });
    return postView((await findPost(tx, user.districtId, id)) as JobPostWithEnterprise, context, []);
  });
}

export async function updateJob(
  db: DbContext,
  user: AuthUser,
  id: number,
  fields: PostFields,
  actor: Actor,
): Promise<JobPost> {
  const context = await talentContext(db, user);
  const before = await postOrNotFound(db, user, id);
  if (user.role !== "enterprise") requireKeeper(context, "修改岗位");
  const columns = postColumns(fields, context);
  return inTransaction(db, async (tx) => {
    await updatePost(tx, id, { ...columns, updated_at: new Date().toISOString() });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "job_post",
      entityId: id,
      before: beforeColumns(before),
      after: { ...columns, skills: fields.skills },
    });
    const recommendations = await findRecommendations(tx, user.districtId, before.enterprise_id);
    return postView((await findPost(tx, user.districtId, id)) as JobPostWithEnterprise, context, recommendations);
  });
}

function beforeColumns(row: JobPostWithEnterprise) {
  return {
    title: row.title,
    skills: skillsOf(row.skills),
    pay_min: row.pay_min,
    pay_max: row.pay_max,
    place: row.place,
    headcount: row.headcount,
    description: row.description,
    status: row.status,
  };
}

// ---------------------------------------------------------------- matching

function asMatchPerson(row: TalentPersonRow): MatchPerson {
  return {
    id: row.id,
    originTown: row.origin_town,
    skills: skillsOf(row.skills),
    wishedWork: row.wished_work,
    wishedPlace: row.wished_place,
    wishedPay: row.wished_pay,
  };
}

function asMatchPost(row: JobPostWithEnterprise): MatchPost {
  return {
    id: row.id,
    title: row.title,
    skills: skillsOf(row.skills),
    place: row.place,
    payMin: row.pay_min,
    payMax: row.pay_max,
  };
}

/** The people proposed for a post, best first: those who agreed to be recommended and are not yet placed. */
export async function candidatesForPost(db: DbContext, user: AuthUser, postId: number): Promise<PostCandidates> {
  const context = await talentContext(db, user);
  const post = await postOrNotFound(db, user, postId);
  const recommendations = await findRecommendations(db, user.districtId, null);
  const counts = await personCounts(db, user.districtId);
  const open = (await findPeople(db, user.districtId)).filter((row) => !counts.placed.has(row.id));
  const ranked = rankPeopleForPost(asMatchPost(post), open.map(asMatchPerson));
  const rows = new Map(open.map((row) => [row.id, row]));
  const earlier = new Map(
    recommendations.filter((r) => r.post_id === postId).map((r) => [r.person_id, r.outcome as RecommendationOutcome]),
  );
  const consented = ranked.filter((entry) => rows.get(entry.of.id)?.consent_on !== null);
  return {
    post: postView(post, context, recommendations),
    candidates: consented.map((entry) => ({
      person: personView(rows.get(entry.of.id) as TalentPersonRow, context, counts),
      ...entry.match,
      recommendation: earlier.get(entry.of.id) ?? null,
    })),
    withoutConsent: ranked.length - consented.length,
  };
}

/** The open posts that fit a person, best first. */
export async function postsForPerson(db: DbContext, user: AuthUser, personId: number): Promise<PersonPosts> {
  const context = await talentContext(db, user);
  const person = await personOrNotFound(db, user.districtId, personId);
  const recommendations = await findRecommendations(db, user.districtId, null);
  const counts = await personCounts(db, user.districtId);
  const posts = (await findPosts(db, user.districtId, null)).filter((row) => row.status === "open");
  const ranked = rankPostsForPerson(asMatchPerson(person), posts.map(asMatchPost));
  const rows = new Map(posts.map((row) => [row.id, row]));
  const earlier = new Map(
    recommendations.filter((r) => r.person_id === personId).map((r) => [r.post_id, r.outcome as RecommendationOutcome]),
  );
  return {
    person: personView(person, context, counts),
    posts: ranked.map((entry) => ({
      post: postView(rows.get(entry.of.id) as JobPostWithEnterprise, context, recommendations),
      ...entry.match,
      recommendation: earlier.get(entry.of.id) ?? null,
    })),
  };
}

// ---------------------------------------------------------------- recommendations

function recommendationView(
  row: RecommendationWithPost,
  person: TalentPersonRow | undefined,
  user: AuthUser,
  context: TalentContext,
): Recommendation {
  const inFull = person !== undefined && user.role === "enterprise" && row.contact_shared === 1;
  const outcome = row.outcome as RecommendationOutcome;
  const mayRecord = context.keeper || (user.role === "enterprise" && user.enterpriseId === row.enterprise_id);
  return {
    id: row.id,
    post: { id: row.post_id, title: row.post_title, enterprise: row.enterprise_name },
    personId: row.person_id,
    name: inFull ? person.name : person ? maskName(person.name) : row.person_label,
    phone: inFull ? person.phone : person ? maskPhone(person.phone) : "",
    masked: !inFull,
    education: person ? (person.education as EducationLevel) : null,
    skills: person ? skillsOf(person.skills) : [],
    contactShared: row.contact_shared === 1,
    outcome,
    recommendedOn: row.recommended_on,
    outcomeOn: row.outcome_on,
    note: row.note,
    canRecord: mayRecord && NEXT_OUTCOMES[outcome].length > 0,
    isDemo: row.is_demo === 1,
  };
}

/**
 * The recommendations: an enterprise those for its own posts, with the name and number of the candidates who agreed
 * to share them with it (that read audited); everyone else all of them, masked.
 */
export async function listRecommendations(db: DbContext, user: AuthUser, actor: Actor): Promise<Recommendations> {
  const context = await talentContext(db, user);
  const rows = await findRecommendations(db, user.districtId, ownEnterprise(user));
  const people = new Map((await findPeople(db, user.districtId)).map((row) => [row.id, row]));
  const views = rows.map((row) =>
    recommendationView(row, row.person_id === null ? undefined : people.get(row.person_id), user, context),
  );
  const revealed = views.filter((view) => !view.masked).map((view) => view.personId);
  if (revealed.length > 0)
    await recordAudit(db, {
      districtId: user.districtId,
      actor,
      action: "reveal",
      entityType: "talent_recommendation",
      entityId: user.enterpriseId ?? 0,
      after: { people: revealed },
    });
  return { recommendations: views };
}

export async function recommendPerson(
  db: DbContext,
  user: AuthUser,
  fields: z.output<typeof RecommendationInputSchema>,
  actor: Actor,
): Promise<Recommendation> {
  const context = await talentContext(db, user);
  requireKeeper(context, "向企业推荐人才");
  return inTransaction(db, async (tx) => {
    const person = await personOrNotFound(tx, user.districtId, fields.personId);
    const post = await postOrNotFound(tx, user, fields.postId);
    if (person.consent_on === null)
      throw fieldError("personId", "人员", `${maskName(person.name)}未同意推荐（台账中没有同意日期），不能推荐`);
    if (post.status !== "open") throw fieldError("postId", "岗位", `“${post.title}”已停止招聘，不能推荐`);
    const counts = await personCounts(tx, user.districtId);
    if (counts.placed.has(person.id)) throw fieldError("personId", "人员", `${maskName(person.name)}已被录用`);
    const earlier = await findRecommendations(tx, user.districtId, post.enterprise_id);
    if (earlier.some((row) => row.post_id === post.id && row.person_id === person.id))
      throw fieldError("personId", "人员", `${maskName(person.name)}已推荐到“${post.title}”`);
    const now = new Date();
    const id = await insertRecommendation(tx, {
      district_id: user.districtId,
      post_id: post.id,
      person_id: person.id,
      person_label: maskName(person.name),
      contact_shared: fields.contactShared ? 1 : 0,
      outcome: "recommended",
      recommended_on: todayInChina(now),
      note: fields.note,
      recommended_by: user.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "talent_recommendation",
      entityId: id,
      after: { post: post.id, person: person.id, contactShared: fields.contactShared, note: fields.note },
    });
    const row = (await findRecommendation(tx, user.districtId, id)) as RecommendationWithPost;
    return recommendationView(row, person, user, context);
  });
}

export async function recordRecommendationOutcome(
  db: DbContext,
  user: AuthUser,
  id: number,
  fields: z.output<typeof RecommendationOutcomeInputSchema>,
  actor: Actor,
): Promise<Recommendation> {
  const context = await talentContext(db, user);
  return inTransaction(db, async (tx) => {
    const row = await findRecommendation(tx, user.districtId, id);
    const enterpriseId = ownEnterprise(user);
    if (!row || (enterpriseId !== null && row.enterprise_id !== enterpriseId))
      throw notFound(`没有编号为 ${id} 的推荐`);
    if (!context.keeper && enterpriseId === null)
      throw forbidden(`只有${keeperWords(context.plan)}或招聘企业可以记录推荐结果`);
    const current = row.outcome as RecommendationOutcome;
    if (!NEXT_OUTCOMES[current].includes(fields.outcome))
      throw fieldError(
        "outcome",
        "结果",
        `推荐已是“${OUTCOME_WORDS[current]}”，不能改为“${OUTCOME_WORDS[fields.outcome]}”`,
      );
    if (fields.on < row.recommended_on) throw fieldError("on", "结果日期", `不能早于推荐日期 ${row.recommended_on}`);
    if (fields.on > todayInChina()) throw fieldError("on", "结果日期", "不能晚于今天");
    if (fields.outcome === "hired" && row.person_id !== null) {
      const counts = await personCounts(tx, user.districtId);
      if (counts.placed.has(row.person_id)) throw fieldError("outcome", "结果", `${row.person_label}已被其他岗位录用`);
    }
    await updateRecommendation(tx, id, {
      outcome: fields.outcome,
      outcome_on: fields.on,
      note: fields.note === "" ? row.note : fields.note,
      updated_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "talent_recommendation",
      entityId: id,
      before: { outcome: current, on: row.outcome_on },
      after: { outcome: fields.outcome, on: fields.on, note: fields.note },
    });
    const person = row.person_id === null ? undefined : await findPerson(tx, user.districtId, row.person_id);
    return recommendationView(
      (await findRecommendation(tx, user.districtId, id)) as RecommendationWithPost,
      person,
      user,
      context,
    );
  });
}

export const OUTCOME_WORDS: Record<RecommendationOutcome, string> = {
  recommended: "已推荐",
  interviewed: "已面试",
  hired: "已录用",
  declined: "未录用",
};

// ---------------------------------------------------------------- summary

export async function talentSummary(db: DbContext, user: AuthUser): Promise<TalentSummary> {
  const people = await findPeople(db, user.districtId);
  const posts = (await findPosts(db, user.districtId, null)).filter((post) => post.status === "open");
  const recommendations = await findRecommendations(db, user.districtId, null);
  const reached = (outcomes: readonly string[]) => recommendations.filter((r) => outcomes.includes(r.outcome)).length;
  return {
    people: people.length,
    consented: people.filter((person) => person.consent_on !== null).length,
    placed: new Set(recommendations.filter((r) => r.outcome === "hired").map((r) => r.person_id ?? -r.id)).size,
    openPosts: posts.length,
    openPositions: posts.reduce((sum, post) => sum + post.headcount, 0),
    recommended: recommendations.length,
    interviewed: reached(["interviewed", "hired"]),
    hired: reached(["hired"]),
  };
}
