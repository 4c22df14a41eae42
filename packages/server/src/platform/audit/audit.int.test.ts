import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "../db/database";
import { inTransaction } from "../db/transaction";
import { recordAudit, verifyAuditChain } from "./audit.service";

const actor = { userId: null, label: "test" };

describe.each(testDatabases())("audit chain on $name", (database) => {
  let db: BeizengDb;

  beforeAll(async () => {
    db = await database.createMigrated();
    const now = new Date().toISOString();
    await db.kysely
      .insertInto("districts")
      .values([
        { id: "100001", name: "甲区", created_at: now },
        { id: "100002", name: "乙区", created_at: now },
        { id: "100003", name: "丙区", created_at: now },
      ])
      .execute();
  });
  afterAll(async () => {
    await db?.close();
  });

  const entry = (districtId: string, n: number) => ({
    districtId,
    actor,
    action: "update",
    entityType: "enterprise",
    entityId: n,
    before: { revenueFen: 100n * BigInt(n), name: "旧名" },
    after: { revenueFen: 200n * BigInt(n), name: "新名" },
  });

  it("chains entries per district, from seq 1, even under concurrent writers", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(db, entry("100001", i + 1))));
    for (let i = 0; i < 5; i += 1) await recordAudit(db, entry("100002", i + 1));
    const seqs = await db.kysely
      .selectFrom("audit_log")
      .select("seq")
      .where("district_id", "=", "100001")
      .orderBy("seq")
      .execute();
    expect(seqs.map((s) => s.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db, "100001")).toEqual({ ok: true, count: 20 });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 25 });
  });

  it("rolls the entry back with the change it describes", async () => {
    await expect(
      inTransaction(db, async (tx) => {
        await recordAudit(tx, entry("100002", 99));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await verifyAuditChain(db, "100002")).toEqual({ ok: true, count: 5 });
  });

  it("refuses UPDATE and DELETE on the log (append-only triggers)", async () => {
    await expect(
      db.kysely.updateTable("audit_log").set({ actor_label: "someone else" }).where("seq", "=", 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom("audit_log").where("seq", "=", 1).execute()).rejects.toThrow(/append-only/);
  });

  it("detects and names an edited row once the triggers are gone", async () => {
    for (let i = 0; i < 4; i += 1) await recordAudit(db, entry("100003", i + 1));
    await dropTriggers(db);
    const target = await db.kysely
      .selectFrom("audit_log")
      .select("id")
      .where("district_id", "=", "100003")
      .where("seq", "=", 3)
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable("audit_log")
      .set({ before_json: JSON.stringify({ name: "旧名", revenueFen: "1" }) })
      .where("id", "=", target.id)
      .execute();
    const result = await verifyAuditChain(db, "100003");
    expect(result).toMatchObject({
      ok: false,
      count: 2,
      firstBroken: { seq: 3, id: target.id, reason: "hash_mismatch", districtId: "100003" },
    });
    // The other districts' chains still hold; the whole-database check names the broken one.
    expect(await verifyAuditChain(db, "100001")).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { districtId: "100003", seq: 3 } });
  });

  it("detects a deleted row", async () => {
    await db.kysely.deleteFrom("audit_log").where("district_id", "=", "100002").where("seq", "=", 2).execute();
    expect(await verifyAuditChain(db, "100002")).toMatchObject({
      ok: false,
      count: 1,
      firstBroken: { seq: 3, reason: "seq_gap" },
    });
  });

  it("detects a row whose link to the previous entry was altered", async () => {
    await db.kysely
      .updateTable("audit_log")
      .set({ prev_hash: "f".repeat(64) })
      .where("district_id", "=", "100001")
      .where("seq", "=", 7)
      .execute();
    expect(await verifyAuditChain(db, "100001")).toMatchObject({
      ok: false,
      count: 6,
      firstBroken: { seq: 7, reason: "prev_hash_mismatch" },
    });
  });
});

async function dropTriggers(db: BeizengDb): Promise<void> {
  if (db.dialect === "sqlite") {
    await sql`drop trigger audit_log_no_update`.execute(db.kysely);
    await sql`drop trigger audit_log_no_delete`.execute(db.kysely);
  } else {
    await sql`drop trigger audit_log_no_update on audit_log`.execute(db.kysely);
  }
}
