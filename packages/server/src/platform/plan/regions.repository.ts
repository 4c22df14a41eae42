import type { DbContext } from "../db/database";
import type { RegionRow } from "./regions.table";

export async function findRegion(db: DbContext, id: string): Promise<RegionRow | undefined> {
  return db.kysely.selectFrom("regions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listRegionRows(db: DbContext): Promise<RegionRow[]> {
  return db.kysely.selectFrom("regions").selectAll().orderBy("id").execute();
}

export async function insertRegion(db: DbContext, region: RegionRow): Promise<void> {
  await db.kysely.insertInto("regions").values(region).execute();
}

/** The districts a region covers, in its order, with their names. */
export async function regionDistricts(db: DbContext, regionId: string): Promise<{ id: string; name: string }[]> {
  return db.kysely
    .selectFrom("region_districts")
    .innerJoin("districts", "districts.id", "region_districts.district_id")
    .select(["districts.id", "districts.name"])
    .where("region_districts.region_id", "=", regionId)
    .orderBy("region_districts.position")
    .orderBy("districts.id")
    .execute();
}

/** Adds districts at the end of a region's list; those it covers already keep their place. */
export async function addRegionDistricts(
  db: DbContext,
  regionId: string,
  districtIds: readonly string[],
): Promise<void> {
  const present = new Set((await regionDistricts(db, regionId)).map((district) => district.id));
  const last = await db.kysely
    .selectFrom("region_districts")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  let position = Number(last?.position ?? 0);
  for (const districtId of districtIds) {
    if (present.has(districtId)) continue;
    position += 1;
    present.add(districtId);
    await db.kysely
      .insertInto("region_districts")
      .values({ region_id: regionId, district_id: districtId, position })
      .execute();
  }
}

export async function removeRegionDistrict(db: DbContext, regionId: string, districtId: string): Promise<void> {
  await db.kysely
    .deleteFrom("region_districts")
    .where("region_id", "=", regionId)
    .where("district_id", "=", districtId)
    .execute();
}
