/** The policy-simulation scenarios' rows, and what their results read of the register beyond the rewards' input. */
import type { DbContext } from "../../platform/db/database";
import type { NewRewardScenario, RewardScenarioRow, RewardScenarioUpdate } from "./scenarios.table";

export type ScenarioRowWithAuthor = RewardScenarioRow & { created_by_name: string | null };

function scenarios(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("reward_scenarios as s")
    .leftJoin("users as u", "u.id", "s.created_by")
    .selectAll("s")
    .select("u.display_name as created_by_name")
    .where("s.district_id", "=", districtId);
}

export async function listScenarios(db: DbContext, districtId: string): Promise<ScenarioRowWithAuthor[]> {
  return scenarios(db, districtId).orderBy("s.updated_at", "desc").orderBy("s.id", "desc").execute();
}

export async function findScenario(
  db: DbContext,
  districtId: string,
  id: number,
): Promise<ScenarioRowWithAuthor | undefined> {
  return scenarios(db, districtId).where("s.id", "=", id).executeTakeFirst();
}

export async function findScenarioByName(
  db: DbContext,
  districtId: string,
  name: string,
): Promise<{ id: number } | undefined> {
  return db.kysely
    .selectFrom("reward_scenarios")
    .select("id")
    .where("district_id", "=", districtId)
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function insertScenario(db: DbContext, row: NewRewardScenario): Promise<number> {
  const inserted = await db.kysely.insertInto("reward_scenarios").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateScenario(db: DbContext, id: number, values: RewardScenarioUpdate): Promise<void> {
  await db.kysely.updateTable("reward_scenarios").set(values).where("id", "=", id).execute();
}

export async function deleteScenario(db: DbContext, id: number): Promise<void> {
  await db.kysely.deleteFrom("reward_scenarios").where("id", "=", id).execute();
}

/** Each enterprise's chain and town (with the town's names), by credit code: the scenario's split. */
export async function enterprisePlaces(
  db: DbContext,
  districtId: string,
): Promise<
  {
    credit_code: string;
    name: string;
    chain_id: string;
    town_code: string | null;
    town_name: string | null;
    town_name_en: string | null;
  }[]
> {
  return db.kysely
    .selectFrom("enterprises as e")
    .leftJoin("units as u", "u.id", "e.town_unit_id")
    .select([
      "e.credit_code",
      "e.name",
      "e.chain_id",
      "u.code as town_code",
      "u.name as town_name",
      "u.name_en as town_name_en",
    ])
    .where("e.district_id", "=", districtId)
    .execute();
}
