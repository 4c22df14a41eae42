/**
 * The award workflow declared in the plan (奖励兑现流程): the steps an entitlement goes through are the plan's,
 * among them a publicity (公示) during which anyone may object, and a paid reward may be recovered (追回).
 *
 * - reward_entitlements: the status `publicized` (listed in a publicity) joins the others; `workflow_step` holds the
 *   id of the plan's step the entitlement waits for (NULL for rows stored before: their status says it);
 *   `recovered_fen` what has been recovered of a paid reward, never more than its amount.
 * - reward_publicities: a batch's list made public for the plan's days; reward_publicity_items what was listed, as
 *   it was listed (enterprise, reward, amount, clause).
 * - reward_objections: an objection filed against one listed reward, and how the office handled it.
 * - reward_recoveries: each recovery of a paid reward: amount, reason, date, document.
 *
 * SQLite cannot change a CHECK in place: the entitlements table is rebuilt under the same name (rows, ids and the
 * references other tables hold kept), with foreign keys off while it is swapped. Frozen like every migration: it
 * imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const STATUSES_BEFORE = "'computed', 'confirmed', 'reviewed', 'approved', 'paid', 'rejected', 'superseded'";
const STATUSES_AFTER =
  "'computed', 'confirmed', 'reviewed', 'publicized', 'approved', 'paid', 'rejected', 'superseded'";

/** Every column reward_entitlements had before this migration, in order. */
const COLUMNS_BEFORE = [
  "id",
  "district_id",
  "batch_id",
  "enterprise_id",
  "project_id",
  "credit_code",
  "rule_id",
  "tier",
  "subject_id",
  "year",
  "amount_fen",
  "clause",
  "explanation_json",
  "status",
  "one_time_key",
  "change_flag",
  "previous_amount_fen",
  "bank_account_name",
  "bank_name",
  "bank_account_no",
  "voucher_no",
  "paid_on",
  "reason",
  "created_at",
  "updated_at",
];

/** What has been recovered of a paid reward is never negative, nor more than its amount. */
const RECOVERED_CHECK = sql`recovered_fen >= 0 and recovered_fen <= coalesce(amount_fen, 0)`;

function withId<T extends string>(table: CreateTableBuilder<T, never>, sqlite: boolean) {
  return table.addColumn("id", "integer", (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
  );
}

/** reward_entitlements as SQLite holds it, with or without this migration's columns and status. */
function entitlementsTable(db: AnyDb, name: string, withWorkflow: boolean) {
  let table = withId(db.schema.createTable(name), true)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("batch_id", "integer", (c) => c.notNull().references("reward_batches.id"))
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("project_id", "integer", (c) => c.references("projects.id"))
    .addColumn("credit_code", "text", (c) => c.notNull())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("tier", "text")
    .addColumn("subject_id", "text")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("amount_fen", "bigint")
    .addColumn("clause", "text", (c) => c.notNull())
    .addColumn("explanation_json", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("one_time_key", "text", (c) => c.notNull())
    .addColumn("change_flag", "text")
    .addColumn("previous_amount_fen", "bigint")
    .addColumn("bank_account_name", "text")
    .addColumn("bank_name", "text")
    .addColumn("bank_account_no", "text")
    .addColumn("voucher_no", "text")
    .addColumn("paid_on", "text")
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "reward_entitlements_status_check",
      sql`status in (${sql.raw(withWorkflow ? STATUSES_AFTER : STATUSES_BEFORE)})`,
    )
    .addCheckConstraint("reward_entitlements_flag_check", sql`change_flag is null or change_flag in ('new', 'changed')`)
    .addCheckConstraint("reward_entitlements_amount_check", sql`amount_fen is null or amount_fen >= 0`);
  if (withWorkflow)
    table = table
      .addColumn("workflow_step", "text")
      .addColumn("recovered_fen", "bigint", (c) => c.notNull().defaultTo(0))
      .addCheckConstraint("reward_entitlements_recovered_check", RECOVERED_CHECK);
  return table;
}

async function entitlementIndexes(db: AnyDb): Promise<void> {
  await sql`create unique index reward_entitlements_live_key_unique on reward_entitlements (district_id, one_time_key)
    where status <> 'superseded'`.execute(db);
  await db.schema
    .createIndex("reward_entitlements_district_idx")
    .on("reward_entitlements")
    .columns(["district_id", "year", "rule_id", "status"])
    .execute();
  await db.schema
    .createIndex("reward_entitlements_enterprise_idx")
    .on("reward_entitlements")
    .columns(["enterprise_id", "year"])
    .execute();
}

async function foreignKeysOn(db: AnyDb): Promise<boolean> {
  const { rows } = await sql<Record<string, unknown>>`pragma foreign_keys`.execute(db);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0) === 1;
}

/**
 * SQLite's documented way to change a table's constraints (https://www.sqlite.org/lang_altertable.html#otheralter):
 * foreign keys off (outside any transaction, where the pragma takes effect; the migrator runs SQLite's migrations
 * without one), then in one transaction a new table, the rows copied with their ids, the old one dropped and the
 * new one renamed, its indexes made again, the id counter carried over and `foreign_key_check` required clean.
 * The payments, events and corrections reference the table by its name, so they point at the rebuilt one.
 */
async function rebuildEntitlementsSqlite(db: AnyDb, withWorkflow: boolean): Promise<void> {
  const wereOn = await foreignKeysOn(db);
  await sql`pragma foreign_keys = off`.execute(db);
  // With foreign keys on, dropping the old table would first delete its rows, refused for every paid reward.
  if (await foreignKeysOn(db)) throw new Error("无法关闭 SQLite 外键检查（迁移不能在事务中运行），奖励表未改动");
  try {
    await db.transaction().execute(async (tx) => {
      const sequence = await sql<{ seq: unknown }>`
        select seq from sqlite_sequence where name = 'reward_entitlements'`.execute(tx);
      await entitlementsTable(tx, "reward_entitlements_next", withWorkflow).execute();
      const columns = sql.raw(COLUMNS_BEFORE.join(", "));
      await sql`insert into reward_entitlements_next (${columns})
        select ${columns} from reward_entitlements`.execute(tx);
      await sql`drop table reward_entitlements`.execute(tx);
      await sql`alter table reward_entitlements_next rename to reward_entitlements`.execute(tx);
      await entitlementIndexes(tx);
      // AUTOINCREMENT never reuses an id, not even a deleted row's: the counter carries over.
      const seq = sequence.rows[0]?.seq;
      if (seq !== undefined && seq !== null)
        await sql`update sqlite_sequence set seq = max(seq, ${Number(seq)})
          where name = 'reward_entitlements'`.execute(tx);
      const broken = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length > 0)
        throw new Error(`重建 reward_entitlements 表后外键不一致：${JSON.stringify(broken.rows.slice(0, 5))}`);
    });
  } finally {
    if (wereOn) await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await rebuildEntitlementsSqlite(db, true);
  else {
    await sql`alter table reward_entitlements drop constraint reward_entitlements_status_check`.execute(db);
    await sql`alter table reward_entitlements add constraint reward_entitlements_status_check
      check (status in (${sql.raw(STATUSES_AFTER)}))`.execute(db);
    await db.schema.alterTable("reward_entitlements").addColumn("workflow_step", "text").execute();
    await db.schema
      .alterTable("reward_entitlements")
      .addColumn("recovered_fen", "bigint", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable("reward_entitlements")
      .addCheckConstraint("reward_entitlements_recovered_check", RECOVERED_CHECK)
      .execute();
  }

  await withId(db.schema.createTable("reward_publicities"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("batch_id", "integer", (c) => c.notNull().references("reward_batches.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("step_id", "text", (c) => c.notNull())
    .addColumn("days", "integer", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addCheckConstraint("reward_publicities_days_check", sql`days > 0 and ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex("reward_publicities_district_idx")
    .on("reward_publicities")
    .columns(["district_id", "ends_on"])
    .execute();

  await withId(db.schema.createTable("reward_publicity_items"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("publicity_id", "integer", (c) => c.notNull().references("reward_publicities.id"))
    .addColumn("entitlement_id", "integer", (c) => c.notNull().references("reward_entitlements.id"))
    .addColumn("enterprise_name", "text", (c) => c.notNull())
    .addColumn("rule_name", "text", (c) => c.notNull())
    .addColumn("rule_name_en", "text", (c) => c.notNull())
    .addColumn("amount_fen", "bigint")
    .addColumn("clause", "text", (c) => c.notNull())
    .addUniqueConstraint("reward_publicity_items_unique", ["publicity_id", "entitlement_id"])
    .execute();
  await db.schema
    .createIndex("reward_publicity_items_entitlement_idx")
    .on("reward_publicity_items")
    .column("entitlement_id")
    .execute();

  await withId(db.schema.createTable("reward_objections"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("publicity_id", "integer", (c) => c.notNull().references("reward_publicities.id"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("reward_publicity_items.id"))
    .addColumn("entitlement_id", "integer", (c) => c.notNull().references("reward_entitlements.id"))
    .addColumn("objector_name", "text")
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    // A digest of where the objection came from, for the rate limit only.
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addColumn("resolution", "text")
    .addColumn("resolved_by", "integer", (c) => c.references("users.id"))
    .addColumn("resolved_at", "text")
    .addCheckConstraint("reward_objections_status_check", sql`status in ('open', 'upheld', 'dismissed')`)
    .execute();
  await db.schema
    .createIndex("reward_objections_district_idx")
    .on("reward_objections")
    .columns(["district_id", "status"])
    .execute();
  await db.schema
    .createIndex("reward_objections_entitlement_idx")
    .on("reward_objections")
    .columns(["entitlement_id", "status"])
    .execute();
  await db.schema
    .createIndex("reward_objections_source_idx")
    .on("reward_objections")
    .columns(["source_key", "filed_at"])
    .execute();

  await withId(db.schema.createTable("reward_recoveries"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("entitlement_id", "integer", (c) => c.notNull().references("reward_entitlements.id"))
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("recovered_on", "text", (c) => c.notNull())
    .addColumn("document_no", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addCheckConstraint("reward_recoveries_amount_check", sql`amount_fen > 0`)
    .execute();
  await db.schema
    .createIndex("reward_recoveries_entitlement_idx")
    .on("reward_recoveries")
    .column("entitlement_id")
    .execute();
}

/** Back to the workflow fixed in code: a listed entitlement returns to reviewed; publicities, objections and recoveries go. */
export async function down(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const table of ["reward_recoveries", "reward_objections", "reward_publicity_items", "reward_publicities"])
    await db.schema.dropTable(table).execute();
  await sql`update reward_entitlements set status = 'reviewed' where status = 'publicized'`.execute(db);
  if (sqlite) {
    await rebuildEntitlementsSqlite(db, false);
    return;
  }
  await sql`alter table reward_entitlements drop constraint reward_entitlements_recovered_check`.execute(db);
  await db.schema.alterTable("reward_entitlements").dropColumn("recovered_fen").execute();
  await db.schema.alterTable("reward_entitlements").dropColumn("workflow_step").execute();
  await sql`alter table reward_entitlements drop constraint reward_entitlements_status_check`.execute(db);
  await sql`alter table reward_entitlements add constraint reward_entitlements_status_check
    check (status in (${sql.raw(STATUSES_BEFORE)}))`.execute(db);
}
