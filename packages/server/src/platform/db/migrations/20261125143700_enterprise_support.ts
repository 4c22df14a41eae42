/**
 * Support grants, technical-transformation projects and reward events become part of the register:
 * each row keeps where it came from (source kind and label, the account that recorded it), whether it
 * is official or self-reported by the enterprise, and a correction supersedes a row instead of
 * overwriting it (superseded_by = the correcting row). The unique rules therefore hold among live rows
 * only: a grant or tech-project code once per district, an event kind once per enterprise.
 *
 * SQLite cannot drop a table constraint, so there the three tables are rebuilt (rows and ids kept);
 * PostgreSQL alters them in place. Frozen in time like every migration: it imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const SOURCE_KINDS = sql`source_kind in ('import', 'entry', 'self_report', 'demo')`;

function withId<T extends string>(table: CreateTableBuilder<T, never>) {
  return table.addColumn("id", "integer", (column: ColumnDefinitionBuilder) => column.primaryKey().autoIncrement());
}

/** The tables as this migration leaves them (SQLite rebuild); `history` adds the new columns. */
function grantsTable(db: AnyDb, history: boolean) {
  let table = withId(db.schema.createTable("enterprise_grants"))
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("enterprise_grants_level_check", sql`level in ('national', 'provincial', 'municipal')`)
    .addCheckConstraint("enterprise_grants_purpose_check", sql`purpose in ('project', 'tech')`)
    .addCheckConstraint("enterprise_grants_amount_check", sql`amount_fen >= 0`);
  if (!history) return table.addUniqueConstraint("enterprise_grants_district_code_unique", ["district_id", "code"]);
  table = table
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source_kind", "text", (c) => c.notNull().defaultTo("entry"))
    .addColumn("official", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("superseded_by", "integer", (c) => c.references("enterprise_grants.id"))
    .addCheckConstraint("enterprise_grants_source_kind_check", SOURCE_KINDS);
  return table;
}

function techProjectsTable(db: AnyDb, history: boolean) {
  let table = withId(db.schema.createTable("tech_projects"))
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
    .addCheckConstraint("tech_projects_amount_check", sql`investment_fen >= 0 and equipment_invoices_fen >= 0`);
  if (!history) return table.addUniqueConstraint("tech_projects_district_code_unique", ["district_id", "code"]);
  table = table
    .addColumn("source_kind", "text", (c) => c.notNull().defaultTo("entry"))
    .addColumn("official", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("superseded_by", "integer", (c) => c.references("tech_projects.id"))
    .addCheckConstraint("tech_projects_source_kind_check", SOURCE_KINDS);
  return table;
}

function eventsTable(db: AnyDb, history: boolean) {
  let table = withId(db.schema.createTable("enterprise_events"))
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("enterprise_events_kind_check", sql`kind in ('listed_move_in', 'top500_settled')`);
  if (!history) return table.addUniqueConstraint("enterprise_events_unique", ["enterprise_id", "kind"]);
  table = table
    .addColumn("source_kind", "text", (c) => c.notNull().defaultTo("entry"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("superseded_by", "integer", (c) => c.references("enterprise_events.id"))
    .addCheckConstraint("enterprise_events_source_kind_check", SOURCE_KINDS);
  return table;
}

const ORIGINAL_COLUMNS = {
  enterprise_grants: "id, district_id, enterprise_id, code, year, level, purpose, amount_fen, source, created_at",
  tech_projects:
    "id, district_id, enterprise_id, code, name, year, investment_fen, equipment_invoices_fen, tech_funds_received, source, created_at",
  enterprise_events: "id, district_id, enterprise_id, kind, year, note, created_at",
} as const;
type SupportTable = keyof typeof ORIGINAL_COLUMNS;

const PLAIN_INDEXES: Partial<Record<SupportTable, { name: string; columns: string[] }>> = {
  enterprise_grants: { name: "enterprise_grants_enterprise_idx", columns: ["enterprise_id", "year"] },
  tech_projects: { name: "tech_projects_enterprise_idx", columns: ["enterprise_id", "year"] },
};

const LIVE_UNIQUE: Record<SupportTable, { name: string; columns: string }> = {
  enterprise_grants: { name: "enterprise_grants_live_code_unique", columns: "district_id, code" },
  tech_projects: { name: "tech_projects_live_code_unique", columns: "district_id, code" },
  enterprise_events: { name: "enterprise_events_live_kind_unique", columns: "enterprise_id, kind" },
};

const OLD_UNIQUE: Record<SupportTable, { name: string; columns: string[] }> = {
  enterprise_grants: { name: "enterprise_grants_district_code_unique", columns: ["district_id", "code"] },
  tech_projects: { name: "tech_projects_district_code_unique", columns: ["district_id", "code"] },
  enterprise_events: { name: "enterprise_events_unique", columns: ["enterprise_id", "kind"] },
};

const NEW_COLUMNS: Record<SupportTable, string[]> = {
  enterprise_grants: ["note", "source_kind", "official", "recorded_by", "superseded_by"],
  tech_projects: ["source_kind", "official", "recorded_by", "superseded_by"],
  enterprise_events: ["source_kind", "source", "recorded_by", "superseded_by"],
};

const BUILDERS: Record<SupportTable, (db: AnyDb, history: boolean) => { execute(): Promise<void> }> = {
  enterprise_grants: grantsTable,
  tech_projects: techProjectsTable,
  enterprise_events: eventsTable,
};

async function liveUnique(db: AnyDb, table: SupportTable) {
  const { name, columns } = LIVE_UNIQUE[table];
  await sql`create unique index ${sql.id(name)} on ${sql.table(table)} (${sql.raw(columns)})
    where superseded_by is null`.execute(db);
}

/** SQLite: a new table under the same name, the rows copied with their ids, the old one dropped. */
async function rebuildSqlite(db: AnyDb, table: SupportTable, history: boolean) {
  const old = `${table}_before_rebuild`;
  const index = PLAIN_INDEXES[table];
  if (index) await db.schema.dropIndex(index.name).execute();
  if (!history) await sql`drop index ${sql.id(LIVE_UNIQUE[table].name)}`.execute(db);
  await sql`alter table ${sql.table(table)} rename to ${sql.table(old)}`.execute(db);
  await BUILDERS[table](db, history).execute();
  const columns = sql.raw(ORIGINAL_COLUMNS[table]);
  const keep = history ? sql`` : sql`where superseded_by is null`;
  await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from ${sql.table(old)} ${keep}`.execute(db);
  await sql`drop table ${sql.table(old)}`.execute(db);
  if (index) await db.schema.createIndex(index.name).on(table).columns(index.columns).execute();
  if (history) await liveUnique(db, table);
}

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const table of Object.keys(ORIGINAL_COLUMNS) as SupportTable[]) {
    if (sqlite) {
      await rebuildSqlite(db, table, true);
      continue;
    }
    await db.schema.alterTable(table).dropConstraint(OLD_UNIQUE[table].name).execute();
    if (table === "enterprise_grants") {
      await db.schema
        .alterTable(table)
        .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
        .execute();
    }
    if (table === "enterprise_events") {
      await db.schema
        .alterTable(table)
        .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
        .execute();
    }
    await db.schema
      .alterTable(table)
      .addColumn("source_kind", "text", (c) => c.notNull().defaultTo("entry"))
      .execute();
    if (table !== "enterprise_events") {
      await db.schema
        .alterTable(table)
        .addColumn("official", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    }
    await db.schema
      .alterTable(table)
      .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn("superseded_by", "integer", (c) => c.references(`${table}.id`))
      .execute();
    await db.schema.alterTable(table).addCheckConstraint(`${table}_source_kind_check`, SOURCE_KINDS).execute();
    await liveUnique(db, table);
  }
}

/** Back to one row per code or kind: superseded rows and pending self-reports are dropped. */
export async function down(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const table of Object.keys(ORIGINAL_COLUMNS) as SupportTable[]) {
    if (table !== "enterprise_events") await sql`delete from ${sql.table(table)} where official = 0`.execute(db);
    if (sqlite) {
      await rebuildSqlite(db, table, false);
      continue;
    }
    await sql`delete from ${sql.table(table)} where superseded_by is not null`.execute(db);
    await sql`drop index ${sql.id(LIVE_UNIQUE[table].name)}`.execute(db);
    for (const column of NEW_COLUMNS[table]) await db.schema.alterTable(table).dropColumn(column).execute();
    await db.schema.alterTable(table).addUniqueConstraint(OLD_UNIQUE[table].name, OLD_UNIQUE[table].columns).execute();
  }
}
