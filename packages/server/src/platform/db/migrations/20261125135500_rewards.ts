/**
 * Rewards (免申即享): computation batches, entitlements with their workflow and events, the payment
 * ledger, yearly budgets and correction entries for paid entitlements that a recompute would change.
 *
 * The register had no place yet for three inputs of the reward rules, so this migration adds the
 * minimal tables for them: support grants received (enterprise_grants, R-MATCH), technical-
 * transformation projects (tech_projects, R-TECH) and one-off enterprise events (enterprise_events:
 * a listed company moving its registration in, R-LISTED-MOVE; a top-500 manufacturer settling, R-500).
 *
 * Exactly once: an entitlement carries the engine's one-time key; at most one live (not superseded)
 * entitlement per key and district, and the payment ledger holds at most one payment per key and
 * district — the database itself refuses a second payment.
 * Frozen in time like every migration: it imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, sqlite: boolean) {
  return table.addColumn("id", "integer", (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
  );
}

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await withId(db.schema.createTable("enterprise_grants"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("enterprise_grants_district_code_unique", ["district_id", "code"])
    .addCheckConstraint("enterprise_grants_level_check", sql`level in ('national', 'provincial', 'municipal')`)
    .addCheckConstraint("enterprise_grants_purpose_check", sql`purpose in ('project', 'tech')`)
    .addCheckConstraint("enterprise_grants_amount_check", sql`amount_fen >= 0`)
    .execute();
  await db.schema
    .createIndex("enterprise_grants_enterprise_idx")
    .on("enterprise_grants")
    .columns(["enterprise_id", "year"])
    .execute();

  await withId(db.schema.createTable("tech_projects"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("investment_fen", "bigint", (c) => c.notNull())
    .addColumn("equipment_invoices_fen", "bigint", (c) => c.notNull())
    .addColumn("tech_funds_received", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tech_projects_district_code_unique", ["district_id", "code"])
    .addCheckConstraint("tech_projects_amount_check", sql`investment_fen >= 0 and equipment_invoices_fen >= 0`)
    .execute();
  await db.schema
    .createIndex("tech_projects_enterprise_idx")
    .on("tech_projects")
    .columns(["enterprise_id", "year"])
    .execute();

  await withId(db.schema.createTable("enterprise_events"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("enterprise_events_unique", ["enterprise_id", "kind"])
    .addCheckConstraint("enterprise_events_kind_check", sql`kind in ('listed_move_in', 'top500_settled')`)
    .execute();

  await withId(db.schema.createTable("reward_batches"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("plan_version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("summary_json", "text")
    .addColumn("error_message", "text")
    .addColumn("computed_by", "integer", (c) => c.references("users.id"))
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addCheckConstraint("reward_batches_status_check", sql`status in ('running', 'done', 'failed')`)
    .execute();
  await db.schema
    .createIndex("reward_batches_district_idx")
    .on("reward_batches")
    .columns(["district_id", "year"])
    .execute();

  await withId(db.schema.createTable("reward_entitlements"), sqlite)
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
      sql`status in ('computed', 'confirmed', 'reviewed', 'approved', 'paid', 'rejected', 'superseded')`,
    )
    .addCheckConstraint("reward_entitlements_flag_check", sql`change_flag is null or change_flag in ('new', 'changed')`)
    .addCheckConstraint("reward_entitlements_amount_check", sql`amount_fen is null or amount_fen >= 0`)
    .execute();
  // At most one live entitlement per event: a superseded row keeps its history, nothing else may repeat the key.
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

  // The payment ledger: one row per paid event, never two.
  await withId(db.schema.createTable("reward_payments"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("entitlement_id", "integer", (c) => c.notNull().references("reward_entitlements.id"))
    .addColumn("one_time_key", "text", (c) => c.notNull())
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("voucher_no", "text", (c) => c.notNull())
    .addColumn("paid_on", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reward_payments_key_unique", ["district_id", "one_time_key"])
    .execute();

  await withId(db.schema.createTable("reward_entitlement_events"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("entitlement_id", "integer", (c) => c.notNull().references("reward_entitlements.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reward_entitlement_events_entitlement_idx")
    .on("reward_entitlement_events")
    .columns(["entitlement_id", "at"])
    .execute();

  await db.schema
    .createTable("reward_budgets")
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reward_budgets_pk", ["district_id", "year"])
    .addCheckConstraint("reward_budgets_amount_check", sql`amount_fen >= 0`)
    .execute();

  await withId(db.schema.createTable("reward_corrections"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("entitlement_id", "integer", (c) => c.notNull().references("reward_entitlements.id"))
    .addColumn("batch_id", "integer", (c) => c.notNull().references("reward_batches.id"))
    .addColumn("one_time_key", "text", (c) => c.notNull())
    .addColumn("paid_amount_fen", "bigint", (c) => c.notNull())
    .addColumn("recomputed_amount_fen", "bigint")
    .addColumn("difference_fen", "bigint", (c) => c.notNull())
    .addColumn("explanation_json", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint("reward_corrections_status_check", sql`status in ('open', 'accepted', 'dismissed')`)
    .execute();
  // Approval notices (审批通知) issued: the serial of the document number, unique per district and year.
  await withId(db.schema.createTable("reward_notices"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("serial", "integer", (c) => c.notNull())
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("issued_by", "integer", (c) => c.references("users.id"))
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reward_notices_serial_unique", ["district_id", "year", "serial"])
    .execute();

  await db.schema
    .createIndex("reward_corrections_district_idx")
    .on("reward_corrections")
    .columns(["district_id", "status"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "reward_notices",
    "reward_corrections",
    "reward_budgets",
    "reward_entitlement_events",
    "reward_payments",
    "reward_entitlements",
    "reward_batches",
    "enterprise_events",
    "tech_projects",
    "enterprise_grants",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
