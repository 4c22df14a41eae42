/**
 * The award workflow's migration on a database holding rewards already: every entitlement keeps its id, status
 * and references (payments, events), gains no step (its status says it) and nothing recovered; the new status and
 * the recovery bound hold from then on; and going back lists no reward as publicized.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { migrations, migrator } from "../../platform/db/migrate";
import { testDatabases } from "../../testing/test-databases";

const THIS_MIGRATION = "20261205140000_award_workflow";

/** The migration just before this one, whichever others have been added around it. */
const previous = Object.keys(migrations)
  .sort()
  .filter((name) => name < THIS_MIGRATION)
  .at(-1)!;

describe.each(testDatabases())("the award workflow's migration on $name", (database) => {
  let db: BeizengDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("keeps the rewards stored before it and their references", async () => {
    db = await database.create();
    const before = await (await migrator(db)).migrateTo(previous);
    expect(before.error).toBeUndefined();
    const now = new Date().toISOString();
    const k = db.kysely;
    await k.insertInto("districts").values({ id: "360202", name: "昌江区", created_at: now }).execute();
    const batch = await k
      .insertInto("reward_batches")
      .values({
        district_id: "360202",
        year: 2022,
        plan_id: "changjiang-2021-2023",
        plan_version: 1,
        status: "done",
        progress_done: 1,
        progress_total: 1,
        computed_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const entitlement = (status: "reviewed" | "paid" | "superseded", key: string) => ({
      district_id: "360202",
      batch_id: batch.id,
      credit_code: "91360202MA35XXXX01",
      rule_id: "R-NEW-SCALE",
      year: 2022,
      amount_fen: "3000000",
      clause: "M3",
      explanation_json: "{}",
      status,
      one_time_key: key,
      created_at: now,
      updated_at: now,
    });
    // Inserted without the columns this migration adds, as the rows of the day were.
    const rows = await k
      .insertInto("reward_entitlements")
      .values([
        entitlement("superseded", "R-NEW-SCALE|A"),
        entitlement("reviewed", "R-NEW-SCALE|A"),
        entitlement("paid", "R-NEW-SCALE|B"),
      ] as never)
      .returning("id")
      .execute();
    const [gone, reviewed, paid] = rows.map((row) => row.id) as [number, number, number];
    // The highest id removed: AUTOINCREMENT must not hand it out again.
    await k.deleteFrom("reward_entitlements").where("id", "=", gone).execute();
    await k
      .insertInto("reward_payments")
      .values({
        district_id: "360202",
        entitlement_id: paid,
        one_time_key: "R-NEW-SCALE|B",
        amount_fen: "3000000",
        voucher_no: "CZ-1",
        paid_on: "2022-06-30",
        recorded_at: now,
      })
      .execute();

    const after = await (await migrator(db)).migrateTo(THIS_MIGRATION);
    expect(after.error).toBeUndefined();
    const kept = await k
      .selectFrom("reward_entitlements")
      .select(["id", "status", "workflow_step", "recovered_fen", "one_time_key"])
      .orderBy("id")
      .execute();
    expect(kept).toEqual([
      { id: reviewed, status: "reviewed", workflow_step: null, recovered_fen: "0", one_time_key: "R-NEW-SCALE|A" },
      { id: paid, status: "paid", workflow_step: null, recovered_fen: "0", one_time_key: "R-NEW-SCALE|B" },
    ]);
    // References still checked, the live key still unique, the new status and the recovery bound in force.
    await expect(
      k
        .insertInto("reward_payments")
        .values({
          district_id: "360202",
          entitlement_id: 999_999,
          one_time_key: "R-X|1",
          amount_fen: "1",
          voucher_no: "CZ-2",
          paid_on: "2022-06-30",
          recorded_at: now,
        })
        .execute(),
    ).rejects.toThrow();
    await expect(
      k
        .insertInto("reward_entitlements")
        .values({ ...entitlement("reviewed", "R-NEW-SCALE|A"), workflow_step: null })
        .execute(),
    ).rejects.toThrow();
    await k
      .updateTable("reward_entitlements")
      .set({ status: "publicized", workflow_step: "finance-approval" })
      .where("id", "=", reviewed)
      .execute();
    await expect(
      k.updateTable("reward_entitlements").set({ recovered_fen: "3000001" }).where("id", "=", paid).execute(),
    ).rejects.toThrow();
    await k.updateTable("reward_entitlements").set({ recovered_fen: "3000000" }).where("id", "=", paid).execute();
    const next = await k
      .insertInto("reward_entitlements")
      .values({ ...entitlement("reviewed", "R-NEW-SCALE|C"), workflow_step: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(gone);

    const back = await (await migrator(db)).migrateTo(previous);
    expect(back.error).toBeUndefined();
    const reverted = await k
      .selectFrom("reward_entitlements")
      .select(["id", "status"])
      .where("id", "=", reviewed)
      .executeTakeFirstOrThrow();
    expect(reverted.status).toBe("reviewed");
    const payments = await k.selectFrom("reward_payments").select("entitlement_id").execute();
    expect(payments).toEqual([{ entitlement_id: paid }]);
  });
});
