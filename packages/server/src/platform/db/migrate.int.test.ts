import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "./database";
import { migrateToLatest, migrateToNone, migrationStatus, migrations } from "./migrate";

const TABLES = [
  "districts",
  "plans",
  "units",
  "users",
  "sessions",
  "login_attempts",
  "audit_log",
  "enterprises",
  "enterprise_scale_years",
  "figures",
  "projects",
];

async function tableExists(db: BeizengDb, table: string): Promise<boolean> {
  try {
    await sql`select count(*) from ${sql.table(table)}`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}

describe.each(testDatabases())("migrations on $name", (database) => {
  let db: BeizengDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("migrates up, down and up again", async () => {
    db = await database.create();
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    expect((await migrationStatus(db)).pending).toEqual([]);
    for (const table of TABLES) expect(await tableExists(db, table), table).toBe(true);

    expect(await migrateToNone(db)).toEqual(Object.keys(migrations).reverse());
    for (const table of TABLES) expect(await tableExists(db, table), table).toBe(false);

    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    for (const table of TABLES) expect(await tableExists(db, table), table).toBe(true);
  });

  it("enforces foreign keys and keeps BIGINT values exact", async () => {
    db = await database.createMigrated();
    const now = new Date().toISOString();
    await expect(
      db.kysely
        .insertInto("units")
        .values({ district_id: "nowhere", code: "x", name: "x", name_en: "x", kind: "town", editable: 1 })
        .execute(),
    ).rejects.toThrow();
    await db.kysely.insertInto("districts").values({ id: "360202", name: "昌江区", created_at: now }).execute();
    const enterprise = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: "360202",
        credit_code: "91360202MA35XXXX01",
        name: "甲",
        chain_id: "other",
        is_key: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(typeof enterprise.id).toBe("number");
    const big = 9_223_372_036_854_775_807n;
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: "360202",
        enterprise_id: enterprise.id,
        year: 2023,
        month: 0,
        metric: "revenue",
        value: big,
        source_kind: "entry",
        official: 1,
        recorded_at: now,
      })
      .execute();
    const row = await db.kysely.selectFrom("figures").select(["value", "year"]).executeTakeFirstOrThrow();
    expect(row.value).toBe(big.toString());
    expect(row.year).toBe(2023);
  });
});
