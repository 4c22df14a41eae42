import { sql } from "kysely";
import type { DbContext } from "./database";

/**
 * Runs `work` in one transaction; a nested call joins the open one. On SQLite the transaction
 * starts with BEGIN IMMEDIATE, so writers from several processes queue on the write lock
 * (busy_timeout) instead of failing when a read snapshot goes stale.
 * Inside `work`, use only the `tx` given: on SQLite the outer handle waits for this transaction.
 */
export async function inTransaction<T>(db: DbContext, work: (tx: DbContext) => Promise<T>): Promise<T> {
  if (db.inTransaction) return work(db);
  if (db.dialect === "postgres") {
    return db.kysely.transaction().execute((trx) => work({ kysely: trx, dialect: db.dialect, inTransaction: true }));
  }
  return db.kysely.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const tx: DbContext = { kysely: connection, dialect: db.dialect, inTransaction: true };
      if (db.sqlite) tx.sqlite = db.sqlite;
      const result = await work(tx);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
