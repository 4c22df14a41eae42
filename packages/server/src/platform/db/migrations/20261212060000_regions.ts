/**
 * Regions: a city or province (市/省) above the districts it covers, whose accounts read those districts and write
 * nothing. A region has a name and its districts in the order its pages list them; a region account names its
 * region (users.region_id), and its session remembers which of the region's districts it is reading
 * (sessions.viewed_district_id). The users' role CHECK of the initial schema lists the five district roles: it is
 * replaced by one that lists the region's role too.
 *
 * PostgreSQL swaps the named constraint. SQLite cannot alter a constraint, so the users table is rebuilt the way
 * SQLite documents (https://www.sqlite.org/lang_altertable.html#otheralter), as the lifting of the chain CHECK
 * did: foreign keys off (outside any transaction; the migrator runs SQLite's migrations without one), then in one
 * transaction a new table from the stored definition with the new CHECK, the rows copied with their ids, the old
 * table dropped, the new one renamed, its indexes and triggers recreated and `foreign_key_check` required clean.
 * Frozen in time like every migration: it imports nothing from the application.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const CHECK_NAME = "users_role_check";
const NEW_CHECK = "role in ('office', 'leader', 'unit', 'inspector', 'enterprise', 'region')";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("regions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("region_districts")
    .addColumn("region_id", "text", (c) => c.notNull().references("regions.id").onDelete("cascade"))
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("region_districts_pk", ["region_id", "district_id"])
    .execute();
  await db.schema.createIndex("region_districts_district_idx").on("region_districts").column("district_id").execute();
  // SQLite cannot drop a column that references a table, so a database taken down and up again keeps it.
  if (!(await hasColumn(db, "users", "region_id"))) {
    await db.schema
      .alterTable("users")
      .addColumn("region_id", "text", (c) => c.references("regions.id"))
      .execute();
  }
  await db.schema.alterTable("sessions").addColumn("viewed_district_id", "text").execute();

  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table users drop constraint ${sql.id(CHECK_NAME)}`.execute(db);
    await sql`alter table users add constraint ${sql.id(CHECK_NAME)} check (${sql.raw(NEW_CHECK)})`.execute(db);
    return;
  }
  await rebuildSqliteUsers(db);
}

/**
 * The regions go, with the sessions' choice of district. The wider CHECK stays (region accounts' rows would break
 * the narrower one), and on SQLite so does users.region_id, a column that references a table, which SQLite
 * cannot drop; `up` then leaves it as it is.
 */
export async function down(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (!sqlite) await db.schema.alterTable("users").dropColumn("region_id").execute();
  await db.schema.alterTable("sessions").dropColumn("viewed_district_id").execute();
  await db.schema.dropTable("region_districts").execute();
  await db.schema.dropTable("regions").execute();
}

async function hasColumn(db: AnyDb, table: string, column: string): Promise<boolean> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
    return rows.some((row) => row.name === column);
  }
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db);
  return rows.length > 0;
}

async function foreignKeysOn(db: AnyDb): Promise<boolean> {
  const { rows } = await sql<Record<string, unknown>>`pragma foreign_keys`.execute(db);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0) === 1;
}

async function rebuildSqliteUsers(db: AnyDb): Promise<void> {
  const wereOn = await foreignKeysOn(db);
  await sql`pragma foreign_keys = off`.execute(db);
  // With foreign keys on, dropping the old table would delete every session and break every reference to users.
  if (await foreignKeysOn(db)) throw new Error("无法关闭 SQLite 外键检查（迁移不能在事务中运行），账号表未改动");
  try {
    await db.transaction().execute(async (tx) => {
      const table = await sql<{ sql: string }>`
        select sql from sqlite_master where type = 'table' and name = 'users'`.execute(tx);
      const definition = table.rows[0]?.sql;
      if (!definition) throw new Error("数据库中没有 users 表");
      const rebuilt = withCheckReplaced(definition).replace(
        /^CREATE TABLE\s+"?users"?\s*\(/i,
        'CREATE TABLE "users_new" (',
      );
      if (!rebuilt.startsWith('CREATE TABLE "users_new" (')) {
        throw new Error(`users 表的定义无法识别：${definition.slice(0, 80)}`);
      }
      const dependents = await sql<{ sql: string }>`
        select sql from sqlite_master
        where tbl_name = 'users' and type in ('index', 'trigger') and sql is not null
        order by type, name`.execute(tx);
      const sequence = await sql<{ seq: unknown }>`select seq from sqlite_sequence where name = 'users'`.execute(tx);
      const columns = await sql<{ name: string }>`select name from pragma_table_info('users')`.execute(tx);
      const columnList = sql.join(columns.rows.map((column) => sql.id(column.name)));

      await sql.raw(rebuilt).execute(tx);
      await sql`insert into users_new (${columnList}) select ${columnList} from users`.execute(tx);
      await sql`drop table users`.execute(tx);
      await sql`alter table users_new rename to users`.execute(tx);
      for (const dependent of dependents.rows) await sql.raw(dependent.sql).execute(tx);
      // AUTOINCREMENT never reuses an id, not even a deleted account's: the counter carries over.
      const seq = sequence.rows[0]?.seq;
      if (seq !== undefined && seq !== null) {
        await sql`update sqlite_sequence set seq = max(seq, ${Number(seq)}) where name = 'users'`.execute(tx);
      }
      const copied = await sql<{ name: string }>`select name from pragma_table_info('users')`.execute(tx);
      if (copied.rows.map((column) => column.name).join(",") !== columns.rows.map((column) => column.name).join(",")) {
        throw new Error("重建后的 users 表的列与原表不同");
      }
      const broken = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length > 0) {
        throw new Error(`重建 users 表后外键不一致：${JSON.stringify(broken.rows.slice(0, 5))}`);
      }
    });
  } finally {
    if (wereOn) await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * The table's definition with the role CHECK's condition replaced, found by the constraint's name and cut at its
 * balanced closing parenthesis, so that the other constraints stay word for word.
 */
function withCheckReplaced(definition: string): string {
  const marker = new RegExp(`constraint\\s+"?${CHECK_NAME}"?\\s+check\\s*\\(`, "i");
  const found = marker.exec(definition);
  if (!found) throw new Error(`users 表中没有约束 ${CHECK_NAME}`);
  const start = found.index + found[0].length;
  let depth = 1;
  let index = start;
  let quoted = false;
  for (; index < definition.length && depth > 0; index++) {
    const char = definition[index];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
  }
  if (depth !== 0) throw new Error(`约束 ${CHECK_NAME} 的括号不成对`);
  return `${definition.slice(0, start)}${NEW_CHECK}${definition.slice(index - 1)}`;
}
