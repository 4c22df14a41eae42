/**
 * Shortfalls deducted from later awards (从以后年度奖励中抵扣): a recovery says how it is settled — repaid by the
 * enterprise (`repaid`, every recovery recorded before) or deducted from its later awards (`deduction`) — and an
 * entitlement keeps what was deducted from it, so a later year's batch deducts only what is still owed. Frozen in
 * time like every migration: it imports nothing from the application. (SQLite adds no CHECK to an existing table:
 * the application writes only these two settlements and amounts of at least zero.)
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("reward_recoveries")
    .addColumn("settlement", "text", (c) => c.notNull().defaultTo("repaid"))
    .execute();
  await db.schema
    .alterTable("reward_entitlements")
    .addColumn("deducted_fen", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("reward_entitlements").dropColumn("deducted_fen").execute();
  await db.schema.alterTable("reward_recoveries").dropColumn("settlement").execute();
}
