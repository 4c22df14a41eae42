import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { ImportJobRow, ImportJobTable } from "../register/index";

export async function insertImportJob(db: DbContext, row: Insertable<ImportJobTable>) {
  await db.kysely.insertInto("import_jobs").values(row).execute();
}

export async function findImportJob(db: DbContext, id: string): Promise<ImportJobRow | undefined> {
  return db.kysely.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateImportJob(db: DbContext, id: string, patch: Updateable<ImportJobTable>) {
  await db.kysely.updateTable("import_jobs").set(patch).where("id", "=", id).execute();
}

/** Moves a job from one status to another only if it is still in the first (one apply wins). */
export async function claimImportJob(
  db: DbContext,
  id: string,
  from: ImportJobTable["status"],
  to: ImportJobTable["status"],
) {
  const result = await db.kysely
    .updateTable("import_jobs")
    .set({ status: to, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
