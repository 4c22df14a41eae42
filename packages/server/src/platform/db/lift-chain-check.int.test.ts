/**
 * The migration that lifts the enterprises' chain CHECK, run on a database that already holds enterprises and
 * rows referencing them: nothing is lost or re-pointed, every other constraint and index holds, and an enterprise
 * of another district's chain can be stored.
 */
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "./database";
import { migrateUpTo, migrations, migrator } from "./migrate";

const LIFT = "20261205120000_lift_chain_check";
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const NOW = "2026-01-01T00:00:00.000Z";

/** The migration applied just before the lift, whatever its name. */
function migrationBeforeLift(): string {
  const names = Object.keys(migrations).sort();
  const before = names[names.indexOf(LIFT) - 1];
  if (!before) throw new Error(`${LIFT} is not registered after another migration`);
  return before;
}

async function insertId(db: AnyDb, table: string, values: Record<string, unknown>): Promise<number> {
  const row = await db.insertInto(table).values(values).returning("id").executeTakeFirstOrThrow();
  return Number(row.id);
}

const enterprise = (creditCode: string, chainId: string, extra: Record<string, unknown> = {}) => ({
  district_id: "990101",
  credit_code: creditCode,
  name: `企业 ${creditCode}`,
  chain_id: chainId,
  is_key: 0,
  is_demo: 0,
  created_at: NOW,
  updated_at: NOW,
  ...extra,
});

async function count(db: AnyDb, table: string, column?: string, value?: unknown): Promise<number> {
  let query = db.selectFrom(table).select(sql<number>`count(*)`.as("n"));
  if (column) query = query.where(column, "=", value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Index names and CHECK constraint names on enterprises, as each database lists them. */
async function enterprisesSchema(db: BeizengDb) {
  const any = db.kysely as unknown as AnyDb;
  if (db.dialect === "sqlite") {
    const indexes = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and tbl_name = 'enterprises' order by name`.execute(any);
    const table = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = 'enterprises'`.execute(any);
    const definition = table.rows[0]?.sql ?? "";
    return {
      indexes: indexes.rows.map((row) => row.name),
      checks: [...definition.matchAll(/constraint "(\w+)" check/g)].map((match) => match[1]),
      definition,
    };
  }
  const indexes = await sql<{ name: string }>`
    select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'enterprises'
    order by indexname`.execute(any);
  const checks = await sql<{ name: string }>`
    select c.conname as name from pg_constraint c join pg_class t on t.oid = c.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where t.relname = 'enterprises' and n.nspname = current_schema() and c.contype = 'c' order by c.conname`.execute(
    any,
  );
  return { indexes: indexes.rows.map((row) => row.name), checks: checks.rows.map((row) => row.name), definition: "" };
}

/** The foreign keys that point at enterprises: table and column. */
async function referencesToEnterprises(db: BeizengDb): Promise<string[]> {
  const any = db.kysely as unknown as AnyDb;
  if (db.dialect === "sqlite") {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(any);
    const found: string[] = [];
    for (const { name } of tables.rows) {
      const keys = await sql<{ table: string; from: string }>`
        select "table", "from" from pragma_foreign_key_list(${name})`.execute(any);
      for (const key of keys.rows) if (key.table === "enterprises") found.push(`${name}.${key.from}`);
    }
    return found.sort();
  }
  const keys = await sql<{ ref: string }>`
    select t.relname || '.' || a.attname as ref from pg_constraint c
    join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    join pg_class r on r.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and r.relname = 'enterprises' and n.nspname = current_schema()`.execute(any);
  return keys.rows.map((row) => row.ref).sort();
}

describe.each(testDatabases())("lifting the enterprises' chain check on $name", (database) => {
  let db: BeizengDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("keeps every enterprise and every row referencing one, and stores any plan's chain", async () => {
    db = await database.create();
    const before = await (await migrator(db)).migrateTo(migrationBeforeLift());
    expect(before.error).toBeUndefined();
    const k = db.kysely as unknown as AnyDb;

    await k.insertInto("districts").values({ id: "990101", name: "云溪区", created_at: NOW }).execute();
    const town = await insertId(k, "units", {
      district_id: "990101",
      code: "beishan-town",
      name: "北山镇",
      name_en: "Beishan",
      kind: "town",
      editable: 1,
    });
    const first = await insertId(k, "enterprises", enterprise("91990101MA00000001", "other", { town_unit_id: town }));
    const second = await insertId(k, "enterprises", enterprise("91990101MA00000002", "other"));
    const dropped = await insertId(k, "enterprises", enterprise("91990101MA00000003", "other"));
    await k.deleteFrom("enterprises").where("id", "=", dropped).execute();
    // The district's own chain is refused while the check stands: the test would prove nothing otherwise.
    await expect(
      k.insertInto("enterprises").values(enterprise("91990101MA00000004", "new-materials")).execute(),
    ).rejects.toThrow();

    const account = await insertId(k, "users", {
      district_id: "990101",
      username: "enterprise-one",
      display_name: "企业一",
      role: "enterprise",
      password_hash: "x",
      must_change_password: 0,
      disabled: 0,
      password_changed_at: NOW,
      created_at: NOW,
      updated_at: NOW,
      enterprise_id: first,
    });
    await k
      .insertInto("figures")
      .values(
        [
          { district_id: "990101", enterprise_id: first, year: 2024, month: 0, metric: "revenue", value: 123n },
          { district_id: "990101", enterprise_id: second, year: 2024, month: 3, metric: "revenue", value: 45n },
        ].map((row) => ({ ...row, source_kind: "import", official: 1, recorded_at: NOW })),
      )
      .execute();
    await k
      .insertInto("enterprise_scale_years")
      .values({ enterprise_id: first, year: 2024, status: "above" })
      .execute();
    await k
      .insertInto("enterprise_designations")
      .values({
        district_id: "990101",
        enterprise_id: second,
        kind: "specialized",
        level: "provincial",
        year: 2024,
        created_at: NOW,
      })
      .execute();
    await k.insertInto("enterprise_profiles").values({ enterprise_id: first, updated_at: NOW }).execute();
    await k
      .insertInto("projects")
      .values({
        district_id: "990101",
        code: "P-1",
        name: "项目一",
        investor: "投资方",
        chain_id: "equipment",
        enterprise_id: second,
        stage: "signed",
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();

    const schemaBefore = await enterprisesSchema(db);
    const referencesBefore = await referencesToEnterprises(db);
    expect(schemaBefore.checks).toContain("enterprises_chain_check");
    expect(referencesBefore).toEqual(
      expect.arrayContaining(["figures.enterprise_id", "users.enterprise_id", "projects.enterprise_id"]),
    );

    // The lift itself: later migrations add tables of their own that point at enterprises.
    await migrateUpTo(db, LIFT);

    const schemaAfter = await enterprisesSchema(db);
    expect(schemaAfter.checks).toEqual(schemaBefore.checks.filter((name) => name !== "enterprises_chain_check"));
    expect(schemaAfter.checks).toContain("enterprises_listing_check");
    expect(schemaAfter.indexes).toEqual(schemaBefore.indexes);
    expect(await referencesToEnterprises(db)).toEqual(referencesBefore);
    if (db.dialect === "sqlite") {
      // The stored definition is the old one word for word, less the lifted check.
      expect(schemaAfter.definition).toBe(
        schemaBefore.definition.replace(/, constraint "enterprises_chain_check" check \(chain_id in \([^)]*\)\)/, ""),
      );
      expect((await sql`pragma foreign_key_check`.execute(k)).rows).toEqual([]);
      expect(Number(Object.values((await sql`pragma foreign_keys`.execute(k)).rows[0] as object)[0])).toBe(1);
    }

    // Nothing lost, nothing re-pointed.
    const kept = await k.selectFrom("enterprises").select(["id", "town_unit_id", "chain_id"]).orderBy("id").execute();
    expect(kept).toEqual([
      { id: first, town_unit_id: town, chain_id: "other" },
      { id: second, town_unit_id: null, chain_id: "other" },
    ]);
    expect(await count(k, "figures")).toBe(2);
    expect(await count(k, "enterprise_scale_years", "enterprise_id", first)).toBe(1);
    expect(await count(k, "enterprise_designations", "enterprise_id", second)).toBe(1);
    expect(await count(k, "enterprise_profiles", "enterprise_id", first)).toBe(1);
    expect(await count(k, "users", "enterprise_id", first)).toBe(1);
    expect(await count(k, "projects", "enterprise_id", second)).toBe(1);

    // Any plan's chain is stored now; ids are never reused, not even a deleted enterprise's.
    const materials = await insertId(k, "enterprises", enterprise("91990101MA00000004", "new-materials"));
    expect(materials).toBeGreaterThan(dropped);
    await k.updateTable("enterprises").set({ chain_id: "equipment" }).where("id", "=", second).execute();

    // The other constraints still hold: listing stages, one credit code per district, the district and town.
    await expect(
      k
        .insertInto("enterprises")
        .values(enterprise("91990101MA00000005", "general", { listing_stage: "moon" }))
        .execute(),
    ).rejects.toThrow();
    await expect(
      k.insertInto("enterprises").values(enterprise("91990101MA00000001", "general")).execute(),
    ).rejects.toThrow();
    await expect(
      k
        .insertInto("enterprises")
        .values(enterprise("91990101MA00000006", "general", { district_id: "nowhere" }))
        .execute(),
    ).rejects.toThrow();
    await expect(
      k
        .insertInto("enterprises")
        .values(enterprise("91990101MA00000007", "general", { town_unit_id: 999_999 }))
        .execute(),
    ).rejects.toThrow();
    // The references point at the rebuilt table: a figure of no enterprise is refused, and deleting an enterprise
    // still cascades to its figures.
    await expect(
      k
        .insertInto("figures")
        .values({
          district_id: "990101",
          enterprise_id: 999_999,
          year: 2024,
          month: 0,
          metric: "revenue",
          value: 1n,
          source_kind: "import",
          official: 1,
          recorded_at: NOW,
        })
        .execute(),
    ).rejects.toThrow();
    await k.deleteFrom("enterprise_designations").where("enterprise_id", "=", second).execute();
    await k.deleteFrom("projects").where("enterprise_id", "=", second).execute();
    await k.deleteFrom("enterprises").where("id", "=", second).execute();
    expect(await count(k, "figures", "enterprise_id", second)).toBe(0);
    expect(await count(k, "figures", "enterprise_id", first)).toBe(1);
    expect(account).toBeGreaterThan(0);
  });
});
