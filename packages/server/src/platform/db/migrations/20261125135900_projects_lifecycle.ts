/**
 * The project pipeline's lifecycle: the planned and reached date of each stage of a project, every
 * move between stages (who, when, why), the problems (直通车) raised on a project and assigned to a
 * unit, and the decisions a district leader logs on the projects assigned to them.
 * The yearly fixed-asset totals live in district_investment_years (targets migration).
 * Frozen in time like every migration: it imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, sqlite: boolean) {
  return table.addColumn("id", "integer", (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
  );
}

const STAGES = sql`('planning', 'negotiation', 'signed', 'construction', 'production')`;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .createTable("project_stage_dates")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("planned_on", "text")
    .addColumn("reached_on", "text")
    .addColumn("reached_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_stage_dates_pk", ["project_id", "stage"])
    .addCheckConstraint("project_stage_dates_stage_check", sql`stage in ${STAGES}`)
    .execute();

  await withId(db.schema.createTable("project_stage_moves"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("reached_on", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("moved_by", "integer", (c) => c.references("users.id"))
    .addColumn("moved_by_label", "text", (c) => c.notNull())
    .addColumn("moved_at", "text", (c) => c.notNull())
    .addCheckConstraint("project_stage_moves_stage_check", sql`to_stage in ${STAGES}`)
    .execute();
  await db.schema
    .createIndex("project_stage_moves_project_idx")
    .on("project_stage_moves")
    .column("project_id")
    .execute();

  await withId(db.schema.createTable("project_blockers"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("answer", "text")
    .addColumn("answered_at", "text")
    .addColumn("answered_by", "integer", (c) => c.references("users.id"))
    .addColumn("closed_on", "text")
    .addColumn("closed_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint(
      "project_blockers_category_check",
      sql`category in ('land', 'approval', 'utilities', 'financing', 'other')`,
    )
    .addCheckConstraint("project_blockers_status_check", sql`status in ('open', 'answered', 'closed')`)
    .execute();
  await db.schema
    .createIndex("project_blockers_unit_idx")
    .on("project_blockers")
    .columns(["district_id", "unit_id", "status"])
    .execute();
  await db.schema.createIndex("project_blockers_project_idx").on("project_blockers").column("project_id").execute();

  await withId(db.schema.createTable("project_decisions"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("decided_on", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("users.id"))
    .addColumn("author_label", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("project_decisions_project_idx").on("project_decisions").column("project_id").execute();

  await db.schema
    .createIndex("projects_district_leader_idx")
    .on("projects")
    .columns(["district_id", "leader_user_id"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("projects_district_leader_idx").execute();
  await db.schema.dropTable("project_decisions").execute();
  await db.schema.dropTable("project_blockers").execute();
  await db.schema.dropTable("project_stage_moves").execute();
  await db.schema.dropTable("project_stage_dates").execute();
}
