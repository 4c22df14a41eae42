/**
 * The migrator reads only the schema it works in: other schemas of the same PostgreSQL database (the job queue's,
 * another application's) are neither listed nor able to fail the read when one is dropped meanwhile.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "./database";
import { migrationStatus } from "./migrate";

const postgres = testDatabases().find((database) => database.name === "postgres");

describe.skipIf(!postgres)("the catalog read of a PostgreSQL database holding other schemas", () => {
  let db: BeizengDb;
  let admin: pg.Client;
  const neighbour = `n_${randomBytes(5).toString("hex")}`;

  beforeAll(async () => {
    db = await (postgres as NonNullable<typeof postgres>).createMigrated();
    admin = new pg.Client({ connectionString: inject("postgresUrl") as string });
    await admin.connect();
    await admin.query(`create schema ${neighbour}`);
    await admin.query(`create table ${neighbour}.enterprises (id serial primary key, name text)`);
  });

  afterAll(async () => {
    await admin.query(`drop schema if exists ${neighbour} cascade`);
    await admin.end();
    await db.close();
  });

  it("lists the tables of its own schema only", async () => {
    const tables = await db.kysely.introspection.getTables();
    const schemas = new Set(tables.map((table) => table.schema));
    expect(schemas.size).toBe(1);
    expect(schemas.has(neighbour)).toBe(false);
    const enterprises = tables.find((table) => table.name === "enterprises");
    expect(enterprises?.columns.find((column) => column.name === "id")?.isAutoIncrementing).toBe(true);
    expect(tables.some((table) => table.name === "kysely_migration")).toBe(false);
    const withInternal = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
    expect(withInternal.some((table) => table.name === "kysely_migration")).toBe(true);
  });

  it("reads the migration status while other schemas are created and dropped", async () => {
    let churning = true;
    const churn = (async () => {
      const client = new pg.Client({ connectionString: inject("postgresUrl") as string });
      await client.connect();
      for (let round = 0; churning; round++) {
        const schema = `${neighbour}_${round}`;
        await client.query(`create schema ${schema}`);
        await client.query(`create table ${schema}.t (id serial primary key, a text, b text, c text)`);
        await client.query(`drop schema ${schema} cascade`);
      }
      await client.end();
    })();
    try {
      for (let read = 0; read < 40; read++) {
        const status = await migrationStatus(db);
        expect(status.pending).toEqual([]);
      }
    } finally {
      churning = false;
      await churn;
    }
  });
});
