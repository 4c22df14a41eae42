import type SqliteDatabase from "better-sqlite3";
import { type Insertable, sql, type Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { EnterpriseRow, EnterpriseTable, ScaleStatus } from "../register/index";
import type { FigureTable } from "./figures.table";

/** Lists longer than this are split: keeps every statement under both dialects' parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export async function findEnterprisesByCreditCodes(
  db: DbContext,
  districtId: string,
  creditCodes: readonly string[],
): Promise<EnterpriseRow[]> {
  const rows: EnterpriseRow[] = [];
  for (const part of chunks(creditCodes)) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db.kysely
        .selectFrom("enterprises")
        .selectAll()
        .where("district_id", "=", districtId)
        .where("credit_code", "in", part)
        .execute()),
    );
  }
  return rows;
}

export interface CurrentFigure {
  id: number;
  enterprise_id: number;
  year: number;
  month: number;
  metric: string;
  /** Decimal string (fen for money, a count otherwise). */
  value: string;
}

/**
 * The official values in force (not superseded) of these enterprises, metrics and years.
 * The enterprise ids come from the district's own register, so the query does not name the
 * district: that keeps both planners on the (enterprise_id, metric, year, month) index instead of
 * scanning the district's whole year, which grows with every batch of a large import.
 */
export async function findCurrentOfficialFigures(
  db: DbContext,
  enterpriseIds: readonly number[],
  metrics: readonly string[],
  years: readonly number[],
): Promise<CurrentFigure[]> {
  const rows: CurrentFigure[] = [];
  if (years.length === 0 || metrics.length === 0) return rows;
  for (const part of chunks(enterpriseIds)) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db.kysely
        .selectFrom("figures")
        .select(["id", "enterprise_id", "year", "month", "metric", "value"])
        .where("enterprise_id", "in", part)
        .where("metric", "in", [...metrics])
        .where("year", "in", [...years])
        .where("official", "=", 1)
        .where("superseded_by", "is", null)
        .execute()),
    );
  }
  return rows;
}

/** What the rows of one import share. */
export interface FigureImportSource {
  districtId: string;
  /** The file name. */
  sourceRef: string;
  recordedAt: string;
  recordedBy: number | null;
}

/** Writes the figures of one import: new values, and corrections that supersede the value in force. */
export interface FigureWriter {
  /** A new official value where there was none (month 0 = the year; fen for money, a count otherwise). */
  create(enterpriseId: number, year: number, month: number, metric: string, value: bigint): void;
  /** A new official value that supersedes the one in force (`supersededId`): the old value stays. */
  correct(supersededId: number, enterpriseId: number, year: number, month: number, metric: string, value: bigint): void;
  /** Writes what is still buffered. */
  flush(): Promise<void>;
}

const FIGURE_COLUMNS =
  "district_id, enterprise_id, year, month, metric, value, source_kind, source_ref, official, recorded_at, recorded_by";
/**
 * One figure row of a multi-row INSERT: what the rows share is a named parameter, bound once per
 * statement (every `@district` is the same parameter); enterprise, year, month, metric and value
 * are bound per row.
 */
const FIGURE_ROW_PARAMETERS = "(@district, ?, ?, ?, ?, ?, 'import', @sourceRef, 1, @recordedAt, @recordedBy)";
const PARAMETERS_PER_FIGURE = 5;
/** Rows per multi-row INSERT on SQLite: 4,500 parameters, well under its limit of 32,766. */
const SQLITE_ROWS_PER_INSERT = 500;
const SQLITE_ROWS_PER_SMALL_INSERT = 25;
const FIGURES_PER_STATEMENT = 5000;

/**
 * The writer for this connection. Inside a transaction on SQLite it runs prepared multi-row
 * INSERTs on the connection itself (prepared once per import, values bound as integers and
 * bigints, so they stay exact); elsewhere (PostgreSQL) the buffered rows travel as one JSON
 * parameter a statement, expanded by the database, so a large import costs a few statements
 * rather than a bound parameter per value.
 */
export function figureWriter(db: DbContext, source: FigureImportSource): FigureWriter {
  const sqlite = db.dialect === "sqlite" && db.inTransaction ? db.sqlite : undefined;
  return sqlite ? new SqliteFigureWriter(sqlite, source) : new JsonFigureWriter(db, source);
}

type SqliteHandle = NonNullable<DbContext["sqlite"]>;
type SqliteStatement = SqliteDatabase.Statement<unknown[]>;

class SqliteFigureWriter implements FigureWriter {
  /** Parameters of the rows not yet inserted, PARAMETERS_PER_FIGURE each. */
  private pending: unknown[] = [];
  private readonly inserts = new Map<number, SqliteStatement>();
  private readonly supersede: SqliteStatement;
  private readonly shared: Record<string, unknown>;

  constructor(
    private readonly sqlite: SqliteHandle,
    source: FigureImportSource,
  ) {
    this.shared = {
      district: source.districtId,
      sourceRef: source.sourceRef,
      recordedAt: source.recordedAt,
      recordedBy: source.recordedBy,
    };
    this.supersede = sqlite.prepare<unknown[]>("update figures set superseded_by = ? where id = ?");
  }

  private insertOf(rows: number): SqliteStatement {
    let statement = this.inserts.get(rows);
    if (!statement) {
      const values = new Array<string>(rows).fill(FIGURE_ROW_PARAMETERS).join(", ");
      statement = this.sqlite.prepare<unknown[]>(`insert into figures (${FIGURE_COLUMNS}) values ${values}`);
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  create(enterpriseId: number, year: number, month: number, metric: string, value: bigint): void {
    this.pending.push(enterpriseId, year, month, metric, value);
    if (this.pending.length >= SQLITE_ROWS_PER_INSERT * PARAMETERS_PER_FIGURE) this.insertPending();
  }

  correct(supersededId: number, enterpriseId: number, year: number, month: number, metric: string, value: bigint) {
    this.insertPending();
    const inserted = this.insertOf(1).run([enterpriseId, year, month, metric, value], this.shared);
    this.supersede.run(inserted.lastInsertRowid, supersededId);
  }

  /** Inserts the pending rows: in statements of 500 rows, then of 25, then one by one (few shapes to prepare). */
  private insertPending(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    let offset = 0;
    for (const size of [SQLITE_ROWS_PER_INSERT, SQLITE_ROWS_PER_SMALL_INSERT, 1]) {
      const width = size * PARAMETERS_PER_FIGURE;
      const statement = pending.length - offset >= width ? this.insertOf(size) : undefined;
      while (statement && pending.length - offset >= width) {
        const rows = offset === 0 && width === pending.length ? pending : pending.slice(offset, offset + width);
        statement.run(rows, this.shared);
        offset += width;
      }
    }
  }

  async flush(): Promise<void> {
    this.insertPending();
  }
}

class JsonFigureWriter implements FigureWriter {
  private pending: [number, number, number, string, string][] = [];

  constructor(
    private readonly db: DbContext,
    private readonly source: FigureImportSource,
  ) {}

  create(enterpriseId: number, year: number, month: number, metric: string, value: bigint): void {
    this.pending.push([enterpriseId, year, month, metric, value.toString()]);
  }

  private corrections: { supersededId: number; row: Insertable<FigureTable> }[] = [];

  correct(supersededId: number, enterpriseId: number, year: number, month: number, metric: string, value: bigint) {
    const { districtId, sourceRef, recordedAt, recordedBy } = this.source;
    this.corrections.push({
      supersededId,
      row: {
        district_id: districtId,
        enterprise_id: enterpriseId,
        year,
        month,
        metric,
        value,
        source_kind: "import",
        source_ref: sourceRef,
        official: 1,
        recorded_at: recordedAt,
        recorded_by: recordedBy,
      },
    });
  }

  async flush(): Promise<void> {
    const { districtId, sourceRef, recordedAt, recordedBy } = this.source;
    const pending = this.pending;
    const corrections = this.corrections;
    this.pending = [];
    this.corrections = [];
    for (const part of chunks(pending, FIGURES_PER_STATEMENT)) {
      const payload = JSON.stringify(part);
      if (this.db.dialect === "postgres") {
        await sql`
          insert into figures (district_id, enterprise_id, year, month, metric, value, source_kind, source_ref, official, recorded_at, recorded_by)
          select ${districtId}, (r->>0)::integer, (r->>1)::integer, (r->>2)::integer, r->>3, (r->>4)::bigint,
                 'import', ${sourceRef}, 1, ${recordedAt}, ${recordedBy}::integer
          from jsonb_array_elements(${payload}::jsonb) as r`.execute(this.db.kysely);
      } else {
        await sql`
          insert into figures (district_id, enterprise_id, year, month, metric, value, source_kind, source_ref, official, recorded_at, recorded_by)
          select ${districtId}, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
                 json_extract(j.value, '$[3]'), cast(json_extract(j.value, '$[4]') as integer),
                 'import', ${sourceRef}, 1, ${recordedAt}, ${recordedBy}
          from json_each(${payload}) as j`.execute(this.db.kysely);
      }
    }
    for (const correction of corrections) await insertCorrection(this.db, correction.supersededId, correction.row);
  }
}

/** Inserts the correcting row and points the old one at it: the old value stays, marked superseded. */
async function insertCorrection(db: DbContext, supersededId: number, row: Insertable<FigureTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("figures").values(row).returning("id").executeTakeFirstOrThrow();
  await db.kysely.updateTable("figures").set({ superseded_by: inserted.id }).where("id", "=", supersededId).execute();
  return inserted.id;
}

/**
 * What an import remembers of the rows already read, kept in a temporary table of its own
 * connection rather than in memory: per key (credit code and year, or credit code alone for the
 * register) the row of each month seen (duplicates) and the last cumulative figures (本年累计).
 */
export interface ImportProgressEntry {
  key: string;
  /** JSON: month (0 for a year or a register row) → the spreadsheet row that gave it. */
  rows: string;
  /** JSON: metric → [month, value (decimal string), row] of the last cumulative figure; null when none. */
  cumulative: string | null;
}

/** A temporary table, private to this connection and dropped by dropImportProgress. */
export async function createImportProgress(db: DbContext, table: string): Promise<void> {
  const temporary = db.dialect === "postgres" ? sql`temporary` : sql`temp`;
  await sql`create ${temporary} table ${sql.table(table)} (key text primary key, rows text not null, cumulative text)`.execute(
    db.kysely,
  );
}

export async function dropImportProgress(db: DbContext, table: string): Promise<void> {
  await sql`drop table if exists ${sql.table(table)}`.execute(db.kysely);
}

export async function findImportProgress(
  db: DbContext,
  table: string,
  keys: readonly string[],
): Promise<ImportProgressEntry[]> {
  const entries: ImportProgressEntry[] = [];
  for (const part of chunks(keys)) {
    if (part.length === 0) continue;
    const result = await sql<ImportProgressEntry>`select key, rows, cumulative from ${sql.table(table)}
      where key in (${sql.join(part)})`.execute(db.kysely);
    entries.push(...result.rows);
  }
  return entries;
}

export async function saveImportProgress(
  db: DbContext,
  table: string,
  entries: readonly ImportProgressEntry[],
): Promise<void> {
  for (const part of chunks(entries)) {
    if (part.length === 0) continue;
    const values = part.map((entry) => sql`(${entry.key}, ${entry.rows}, ${entry.cumulative})`);
    await sql`insert into ${sql.table(table)} (key, rows, cumulative) values ${sql.join(values)}
      on conflict (key) do update set rows = excluded.rows, cumulative = excluded.cumulative`.execute(db.kysely);
  }
}

export interface TownUnit {
  id: number;
  /** The plan's unit id. */
  code: string;
  name: string;
  kind: string;
}

/** The district's units, for matching a file's 所属乡镇（街道） by name. */
export async function findUnitsForTownMatching(db: DbContext, districtId: string): Promise<TownUnit[]> {
  return db.kysely
    .selectFrom("units")
    .select(["id", "code", "name", "kind"])
    .where("district_id", "=", districtId)
    .where("active", "=", 1)
    .execute();
}

export async function insertEnterprise(db: DbContext, row: Insertable<EnterpriseTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("enterprises").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateEnterprise(db: DbContext, id: number, patch: Updateable<EnterpriseTable>): Promise<void> {
  await db.kysely.updateTable("enterprises").set(patch).where("id", "=", id).execute();
}

export interface ScaleYear {
  enterprise_id: number;
  year: number;
  status: ScaleStatus;
}

export async function findScaleYears(db: DbContext, enterpriseIds: readonly number[]): Promise<ScaleYear[]> {
  const rows: ScaleYear[] = [];
  for (const part of chunks(enterpriseIds)) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db.kysely
        .selectFrom("enterprise_scale_years")
        .select(["enterprise_id", "year", "status"])
        .where("enterprise_id", "in", part)
        .execute()),
    );
  }
  return rows;
}

export async function insertScaleYear(db: DbContext, row: ScaleYear): Promise<void> {
  await db.kysely.insertInto("enterprise_scale_years").values(row).execute();
}

export async function updateScaleYear(db: DbContext, row: ScaleYear): Promise<void> {
  await db.kysely
    .updateTable("enterprise_scale_years")
    .set({ status: row.status })
    .where("enterprise_id", "=", row.enterprise_id)
    .where("year", "=", row.year)
    .execute();
}

/** The districts a database holds (the CLI imports into the only one unless told which). */
export async function listDistricts(db: DbContext): Promise<{ id: string; name: string }[]> {
  return db.kysely.selectFrom("districts").select(["id", "name"]).orderBy("id").execute();
}
