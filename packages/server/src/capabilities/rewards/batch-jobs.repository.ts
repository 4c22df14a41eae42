import type { DbContext } from "../../platform/db/database";
import type { RewardBatchRow } from "./rewards.table";

/** The district's batches still running or waiting their turn, oldest first. */
export async function findRunningBatches(db: DbContext, districtId: string): Promise<RewardBatchRow[]> {
  return db.kysely
    .selectFrom("reward_batches")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("status", "=", "running")
    .orderBy("id")
    .execute();
}
