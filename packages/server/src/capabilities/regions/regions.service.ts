/**
 * Regions (市/省) above their districts: the platform's operator makes them and their accounts (the command line),
 * a region account reads the districts its region covers and writes nothing. Every change is audited in each
 * district it concerns, so a district's own log says which region reads it and when a region opened its pages.
 */
import type { RegionView } from "@beizeng/contract/regions";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { setViewedDistrict } from "../../platform/auth/sessions.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { findDistrict } from "../../platform/plan/districts.repository";
import { readActivePlan } from "../../platform/plan/plan-reader";
import {
  addRegionDistricts,
  findRegion,
  insertRegion,
  listRegionRows,
  regionDistricts,
  removeRegionDistrict,
} from "../../platform/plan/regions.repository";
import { createUser } from "../accounts/index";

/** A region's code: its administrative division code, or a short lower-case name. */
const REGION_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

export interface RegionSummary {
  id: string;
  name: string;
  nameEn: string;
  districts: { id: string; name: string }[];
  accounts: number;
}

async function requireDistricts(db: DbContext, districtIds: readonly string[]): Promise<void> {
  if (districtIds.length === 0) throw badRequest("字段 districts：至少需要一个区县");
  for (const id of districtIds) {
    if (!(await findDistrict(db, id))) throw badRequest(`字段 districts：区县 ${id} 不存在（请先载入它的行动方案）`);
  }
}

export async function createRegion(
  db: DbContext,
  input: { id: string; name: string; nameEn?: string; districtIds: readonly string[] },
  actor: Actor,
): Promise<RegionSummary> {
  const id = input.id.trim().toLowerCase();
  if (!REGION_ID.test(id)) throw badRequest("字段 id：区域代码须为 2–40 位小写字母、数字或 -，例如 360200");
  const name = input.name.trim();
  if (name === "") throw badRequest("字段 name：请填写区域名称，例如 景德镇市");
  const districtIds = [...new Set(input.districtIds.map((district) => district.trim()).filter(Boolean))];
  return inTransaction(db, async (tx) => {
    if (await findRegion(tx, id)) throw conflict(`区域 ${id} 已存在`);
    await requireDistricts(tx, districtIds);
    await insertRegion(tx, { id, name, name_en: input.nameEn?.trim() || name, created_at: new Date().toISOString() });
    await addRegionDistricts(tx, id, districtIds);
    for (const districtId of districtIds) {
      await recordAudit(tx, {
        districtId,
        actor,
        action: "region_cover",
        entityType: "region",
        entityId: id,
        after: { name, districts: districtIds },
      });
    }
    return requireRegionSummary(tx, id);
  });
}

export async function addDistrictsToRegion(
  db: DbContext,
  regionId: string,
  districtIds: readonly string[],
  actor: Actor,
): Promise<RegionSummary> {
  return inTransaction(db, async (tx) => {
    const region = await findRegion(tx, regionId);
    if (!region) throw notFound(`区域 ${regionId} 不存在`);
    await requireDistricts(tx, districtIds);
    const before = new Set((await regionDistricts(tx, regionId)).map((district) => district.id));
    await addRegionDistricts(tx, regionId, districtIds);
    for (const districtId of new Set(districtIds)) {
      if (before.has(districtId)) continue;
      await recordAudit(tx, {
        districtId,
        actor,
        action: "region_cover",
        entityType: "region",
        entityId: regionId,
        after: { name: region.name },
      });
    }
    return requireRegionSummary(tx, regionId);
  });
}

/** A region keeps at least one district: its accounts always have a district to read. */
export async function removeDistrictFromRegion(
  db: DbContext,
  regionId: string,
  districtId: string,
  actor: Actor,
): Promise<RegionSummary> {
  return inTransaction(db, async (tx) => {
    const region = await findRegion(tx, regionId);
    if (!region) throw notFound(`区域 ${regionId} 不存在`);
    const districts = await regionDistricts(tx, regionId);
    if (!districts.some((district) => district.id === districtId)) {
      throw badRequest(`区域 ${regionId} 不含区县 ${districtId}`);
    }
    if (districts.length === 1) throw badRequest(`区县 ${districtId} 是区域 ${regionId} 的最后一个区县，不能移出`);
    await removeRegionDistrict(tx, regionId, districtId);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "region_uncover",
      entityType: "region",
      entityId: regionId,
      before: { name: region.name },
    });
    return requireRegionSummary(tx, regionId);
  });
}

async function requireRegionSummary(db: DbContext, regionId: string): Promise<RegionSummary> {
  const region = await findRegion(db, regionId);
  if (!region) throw notFound(`区域 ${regionId} 不存在`);
  const accounts = await db.kysely
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  return {
    id: region.id,
    name: region.name,
    nameEn: region.name_en,
    districts: await regionDistricts(db, regionId),
    accounts: Number(accounts?.count ?? 0),
  };
}

export async function listRegions(db: DbContext): Promise<RegionSummary[]> {
  const rows = await listRegionRows(db);
  const regions: RegionSummary[] = [];
  for (const row of rows) regions.push(await requireRegionSummary(db, row.id));
  return regions;
}

/** A region's account, made in the region's first district (which it reads first); audited there. */
export async function createRegionAccount(
  db: DbContext,
  input: { regionId: string; username: string; displayName: string; password: string; mustChangePassword: boolean },
  actor: Actor,
) {
  const districts = await regionDistricts(db, input.regionId);
  const first = districts[0];
  if (!first) throw notFound(`区域 ${input.regionId} 不存在或不含任何区县`);
  return createUser(
    db,
    {
      districtId: first.id,
      username: input.username,
      displayName: input.displayName,
      role: "region",
      regionId: input.regionId,
      password: input.password,
      mustChangePassword: input.mustChangePassword,
    },
    actor,
  );
}

/** The caller's region, its districts (named in English from their plans) and the district it reads now. */
export async function regionViewOf(db: DbContext, user: AuthUser): Promise<RegionView> {
  if (!user.regionId) throw forbidden("此账号不属于任何区域");
  const region = await findRegion(db, user.regionId);
  if (!region) throw notFound("区域不存在");
  const districts = [];
  for (const district of await regionDistricts(db, region.id)) {
    const plan = await readActivePlan(db, district.id);
    districts.push({ id: district.id, name: district.name, nameEn: plan?.plan.district.nameEn ?? district.name });
  }
  return { id: region.id, name: region.name, nameEn: region.name_en, districts, viewingDistrictId: user.districtId };
}

/**
 * Which of its districts a region account reads from now on: its session's setting, nothing of the district is
 * changed. A district outside the region is refused; the district's log records that the region opened its pages.
 */
export async function viewRegionDistrict(
  db: DbContext,
  user: AuthUser,
  sessionId: string,
  districtId: string,
): Promise<RegionView> {
  if (!user.regionId) throw forbidden("此账号不属于任何区域");
  const districts = await regionDistricts(db, user.regionId);
  if (!districts.some((district) => district.id === districtId)) {
    throw forbidden(`区县 ${districtId} 不在本区域内，无权查看`);
  }
  await inTransaction(db, async (tx) => {
    await setViewedDistrict(tx, sessionId, districtId);
    if (districtId !== user.districtId) {
      await recordAudit(tx, {
        districtId,
        actor: { userId: user.id, label: user.username },
        action: "region_view",
        entityType: "region",
        entityId: user.regionId,
      });
    }
  });
  return regionViewOf(db, { ...user, districtId });
}
