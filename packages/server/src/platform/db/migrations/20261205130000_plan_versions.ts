/**
 * Plan versions: each stored plan keeps the year it takes effect, why and by whom it was loaded, and a
 * digest of its content, so a reader can tell a version apart without reading the whole text and a
 * version, once stored, is never rewritten (a revision is a new version). Frozen in time like every
 * migration: it imports nothing from the application.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("plans").addColumn("effective_year", "integer").execute();
  await db.schema.alterTable("plans").addColumn("reason", "text").execute();
  await db.schema.alterTable("plans").addColumn("loaded_by", "text").execute();
  await db.schema.alterTable("plans").addColumn("content_sha256", "text").execute();

  // Versions stored before: they take effect with their plan's first year, as they were used.
  const rows = await db.selectFrom("plans").select(["id", "content"]).execute();
  for (const row of rows) {
    const content = String(row.content);
    let startYear: number | null = null;
    try {
      const parsed = JSON.parse(content) as { period?: { startYear?: unknown } };
      if (typeof parsed.period?.startYear === "number") startYear = parsed.period.startYear;
    } catch {
      // A stored text that is not JSON is reported by the plan reader; its year stays unknown.
    }
    await db
      .updateTable("plans")
      .set({ effective_year: startYear, content_sha256: createHash("sha256").update(content).digest("hex") })
      .where("id", "=", row.id as number)
      .execute();
  }
  await db.schema
    .createIndex("plans_district_effective_idx")
    .on("plans")
    .columns(["district_id", "effective_year"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("plans_district_effective_idx").execute();
  for (const column of ["content_sha256", "loaded_by", "reason", "effective_year"]) {
    await db.schema.alterTable("plans").dropColumn(column).execute();
  }
}
