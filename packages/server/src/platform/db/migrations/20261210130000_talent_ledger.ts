/**
 * The talent ledger (返乡人才台账): returning talent with their consent date, enterprises' job posts (pay in whole
 * 元 a month), and the recommendations of people to posts with their outcome. A person removed on request leaves
 * their recommendations behind under a masked name (person_id null), so the counts stay. Frozen in time like
 * every migration: it imports nothing from the application.
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

  await withId(db.schema.createTable("talent_people"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("origin_town", "text", (c) => c.notNull())
    .addColumn("education", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("experience", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("wished_work", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("wished_place", "text")
    .addColumn("wished_pay", "integer")
    .addColumn("consent_on", "text")
    .addColumn("recorded_by_unit", "text", (c) => c.notNull())
    .addColumn("recorded_on", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("talent_people_phone", ["district_id", "phone"])
    .addCheckConstraint(
      "talent_people_education_check",
      sql`education in ('juniorHigh', 'highSchool', 'college', 'bachelor', 'master', 'doctorate')`,
    )
    .execute();

  await withId(db.schema.createTable("job_posts"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("pay_min", "integer", (c) => c.notNull())
    .addColumn("pay_max", "integer", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("headcount", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("posted_on", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("job_posts_pay_check", sql`pay_min >= 0 and pay_min <= pay_max`)
    .addCheckConstraint("job_posts_status_check", sql`status in ('open', 'closed')`)
    .execute();
  await db.schema.createIndex("job_posts_district").on("job_posts").columns(["district_id", "enterprise_id"]).execute();

  await withId(db.schema.createTable("talent_recommendations"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("post_id", "integer", (c) => c.notNull().references("job_posts.id"))
    .addColumn("person_id", "integer", (c) => c.references("talent_people.id").onDelete("set null"))
    .addColumn("person_label", "text", (c) => c.notNull())
    .addColumn("contact_shared", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("recommended_on", "text", (c) => c.notNull())
    .addColumn("outcome_on", "text")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recommended_by", "integer", (c) => c.references("users.id"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("talent_recommendations_pair", ["post_id", "person_id"])
    .addCheckConstraint(
      "talent_recommendations_outcome_check",
      sql`outcome in ('recommended', 'interviewed', 'hired', 'declined')`,
    )
    .execute();
  await db.schema
    .createIndex("talent_recommendations_district")
    .on("talent_recommendations")
    .columns(["district_id", "outcome"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("talent_recommendations").execute();
  await db.schema.dropTable("job_posts").execute();
  await db.schema.dropTable("talent_people").execute();
}
