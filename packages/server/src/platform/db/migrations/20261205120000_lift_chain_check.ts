/**
 * An enterprise's industry chain is one of its district's plan's chains, which the service checks against the
 * plan: the initial schema's CHECK (enterprises_chain_check) fixed one district's five chains in the database and
 * refused every other district's. It goes; every other constraint, default, index and reference stays.
 *
 * PostgreSQL drops the named constraint. SQLite cannot drop a constraint, so the table is rebuilt the way SQLite
 * documents (https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys off (outside any transaction,
 * where the pragma takes effect; the migrator runs SQLite's migrations without one), then in one transaction a
 * new table from the stored definition less that CHECK, the rows copied with their ids, the old table dropped,
 * the new one renamed, its indexes and triggers recreated and `foreign_key_check` required clean; foreign keys
 * back on. The tables referencing enterprises name it, not its storage, so they point at the rebuilt table.
 * Frozen in time like every migration: it imports nothing from the application.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const CHECK_NAME = "enterprises_chain_check";

export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table enterprises drop constraint ${sql.id(CHECK_NAME)}`.execute(db);
    return;
  }
  await rebuildSqliteTable(db);
}

/**
 * The lifted CHECK is not put back: it named one district's chains, and rows of any other district's chains
 * would break it. Reverting the earlier migrations drops the table anyway.
 */
export async function down(_db: AnyDb): Promise<void> {}

async function pragmaNumber(db: AnyDb, name: "foreign_keys"): Promise<number> {
  const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

async function rebuildSqliteTable(db: AnyDb): Promise<void> {
  const foreignKeysWereOn = (await pragmaNumber(db, "foreign_keys")) === 1;
  await sql`pragma foreign_keys = off`.execute(db);
  // With foreign keys on, dropping the old table would first delete its rows and cascade to every figure,
  // designation and grant. The pragma is ignored inside a transaction: refuse rather than run on.
  if ((await pragmaNumber(db, "foreign_keys")) !== 0) {
    throw new Error("无法关闭 SQLite 外键检查（迁移不能在事务中运行），企业表未改动");
  }
  try {
    await db.transaction().execute(async (tx) => {
      const table = await sql<{ sql: string }>`
        select sql from sqlite_master where type = 'table' and name = 'enterprises'`.execute(tx);
      const definition = table.rows[0]?.sql;
      if (!definition) throw new Error("数据库中没有 enterprises 表");
      const rebuilt = withoutConstraint(definition, CHECK_NAME).replace(
        /^CREATE TABLE\s+"?enterprises"?\s*\(/i,
        'CREATE TABLE "enterprises_new" (',
      );
      if (!rebuilt.startsWith('CREATE TABLE "enterprises_new" (')) {
        throw new Error(`enterprises 表的定义无法识别：${definition.slice(0, 80)}`);
      }
      // Indexes and triggers are dropped with the table; their definitions are kept to be run again.
      const dependents = await sql<{ sql: string }>`
        select sql from sqlite_master
        where tbl_name = 'enterprises' and type in ('index', 'trigger') and sql is not null
        order by type, name`.execute(tx);
      const sequence = await sql<{ seq: unknown }>`
        select seq from sqlite_sequence where name = 'enterprises'`.execute(tx);
      const columns = await sql<{ name: string }>`select name from pragma_table_info('enterprises')`.execute(tx);
      const columnList = sql.join(columns.rows.map((column) => sql.id(column.name)));

      await sql.raw(rebuilt).execute(tx);
      await sql`insert into enterprises_new (${columnList}) select ${columnList} from enterprises`.execute(tx);
      await sql`drop table enterprises`.execute(tx);
      await sql`alter table enterprises_new rename to enterprises`.execute(tx);
      for (const dependent of dependents.rows) await sql.raw(dependent.sql).execute(tx);
      // AUTOINCREMENT never reuses an id, not even a deleted enterprise's: the counter carries over.
      const seq = sequence.rows[0]?.seq;
      if (seq !== undefined && seq !== null) {
        await sql`update sqlite_sequence set seq = max(seq, ${Number(seq)}) where name = 'enterprises'`.execute(tx);
      }

      const copied = await sql<{ name: string }>`select name from pragma_table_info('enterprises')`.execute(tx);
      if (copied.rows.map((column) => column.name).join(",") !== columns.rows.map((column) => column.name).join(",")) {
        throw new Error("重建后的 enterprises 表的列与原表不同");
      }
      const broken = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length > 0) {
        throw new Error(`重建 enterprises 表后外键不一致：${JSON.stringify(broken.rows.slice(0, 5))}`);
      }
    });
  } finally {
    if (foreignKeysWereOn) await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * The table's definition less one named table constraint (`, constraint "name" check (...)`), found by its
 * name and cut at its balanced closing parenthesis so that the other constraints stay word for word.
 */
function withoutConstraint(definition: string, name: string): string {
  const marker = new RegExp(`,\\s*constraint\\s+"?${name}"?\\s+check\\s*\\(`, "i");
  const found = marker.exec(definition);
  if (!found) throw new Error(`enterprises 表中没有约束 ${name}`);
  let depth = 1;
  let index = found.index + found[0].length;
  let quoted = false;
  for (; index < definition.length && depth > 0; index++) {
    const char = definition[index];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
  }
  if (depth !== 0) throw new Error(`约束 ${name} 的括号不成对`);
  return definition.slice(0, found.index) + definition.slice(index);
}
