/**
 * Imports annual figures, monthly figures or the enterprise register from an .xlsx file.
 * One streaming pass: rows are read, checked and (when applying) written in batches inside one
 * transaction; the first error stops the writing, checking goes on so that every bad row is
 * reported, and the transaction is rolled back. Nothing is half-written.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { formatYuan } from "@beizeng/domain/money";
import type { Chain, PlanFile } from "@beizeng/domain/plan/schema";
import type { Insertable } from "kysely";
import { type Actor, recordAudit } from "../../../platform/audit/audit.service";
import type { DbContext } from "../../../platform/db/database";
import { inTransaction } from "../../../platform/db/transaction";
import { readActivePlan } from "../../../platform/plan/plan-reader";
import {
  type RawRow,
  streamFirstSheetRowBatches,
  type WorkbookInfo,
  WorkbookReadError,
  type WorkbookSource,
} from "../../../platform/spreadsheets/read-workbook";
import type { EnterpriseRow, EnterpriseTable, ScaleStatus } from "../../register/index";
import { refreshFigureSummaries } from "../figure-summaries.repository";
import {
  type CurrentFigure,
  createImportProgress,
  dropImportProgress,
  type FigureWriter,
  figureWriter,
  findCurrentOfficialFigures,
  findEnterprisesByCreditCodes,
  findImportProgress,
  findScaleYears,
  findUnitsForTownMatching,
  insertEnterprise,
  insertScaleYear,
  saveImportProgress,
  updateEnterprise,
  updateScaleYear,
} from "../import.repository";
import { cellText, toCellInput } from "./cell-values";
import { METRICS, type MetricId, normalizeText } from "./columns";
import { detectHeader, HEADER_SCAN_ROWS, type HeaderLayout } from "./header";
import { Places, PlanChains } from "./plan-lookups";
import { type FigureRecord, type ImportOptions, type RegisterRecord, RowParser } from "./row-parser";
import { titleMonthsValid } from "./title-period";
import { IMPORT_KIND_LABELS, type ImportError, type ImportKind } from "./types";

export interface ImportRunOptions extends ImportOptions {
  /** Recorded as the figures' source_ref and in the audit log; defaults to the path's base name. */
  fileName?: string;
  /** Who imports (audit log, figures.recorded_by). */
  actor?: Actor;
  /** Called every thousand rows and at the end; the total is not known while streaming. */
  onProgress?: (rowsRead: number, totalRowsIfKnown?: number) => void;
  /** How many planned changes the result lists (the summary counts them all). Default 100. */
  maxChanges?: number;
  /** How many errors the result lists (the summary counts them all). Default 1000. */
  maxErrors?: number;
  /** How many enterprises to be registered the result lists (`unregistered.total` counts them all). Default 1000. */
  maxUnregistered?: number;
  /**
   * Figures of an enterprise not in the register: refused row by row (the default), or, when true, the
   * enterprise is registered from the file (code, name, 行业代码 → the plan's chain, 所属乡镇) in the same
   * transaction as its figures. A preview with this option lists those enterprises (`unregistered`).
   */
  registerUnknown?: boolean;
  /** Where a file that cannot be read is logged with the library's own words (the result says it in Chinese). */
  log?: { warn(details: object, message: string): void };
  /**
   * Rows checked and written together. Default 5000: few enough to hold (a few megabytes), many
   * enough that the lookups per batch cost little per row.
   */
  batchSize?: number;
}

/** Values of enterprise fields as a change shows them. */
export interface EnterpriseFields {
  name?: string;
  townUnitId?: number | null;
  chainId?: string;
  industryCode?: string | null;
  isKey?: boolean;
  listingStage?: string | null;
}

export type ImportChange =
  | {
      entity: "figure";
      row: number;
      creditCode: string;
      enterpriseName: string | null;
      action: "create" | "update";
      year: number;
      month: number;
      metric: MetricId;
      /** Yuan as a decimal string for money ("1234.56"), a whole number for counts. */
      before: string | null;
      after: string;
    }
  | {
      entity: "enterprise";
      row: number;
      creditCode: string;
      action: "create" | "update";
      before: EnterpriseFields | null;
      after: EnterpriseFields;
    }
  | {
      entity: "scale_year";
      row: number;
      creditCode: string;
      action: "create" | "update";
      year: number;
      before: ScaleStatus | null;
      after: ScaleStatus;
    };

/** An enterprise a figures file names that the register does not have, as the import would register it. */
export interface UnregisteredEnterprise {
  /** The first row that names it. */
  row: number;
  creditCode: string;
  name: string;
  industryCode: string | null;
  chain: { id: string; name: string; nameEn: string };
  town: { id: number; name: string } | null;
}

export interface ImportSummary {
  /** Data rows read (blank rows, totals and notes not counted). */
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: number;
}

export interface ImportResult {
  kind: ImportKind;
  fileName: string;
  /** True when the changes were committed (applyImport without errors). */
  written: boolean;
  summary: ImportSummary;
  changes: ImportChange[];
  errors: ImportError[];
  /** How the file was understood: header row, columns, units. Absent when no header was found. */
  layout?: {
    headerRow: number;
    sheetName?: string;
    columns: { letter: string; header: string; field: string }[];
    ignoredHeaders: string[];
    units: Record<string, string>;
    /** The report period a title above the table names ("2022年1-12月…"), when a figures import reads one. */
    title?: { row: number; text: string; year: number; fromMonth?: number; throughMonth?: number };
  };
  /**
   * Enterprises the file names that are not in the register, as `registerUnknown` registers them (the
   * first `maxUnregistered`; `total` counts them all). Absent when there are none or the option is off.
   */
  unregistered?: { total: number; enterprises: UnregisteredEnterprise[] };
}

/** Checks a file and reports what importing it would change; writes nothing. */
export function previewImport(
  db: DbContext,
  districtId: string,
  kind: ImportKind,
  source: WorkbookSource,
  options: ImportRunOptions = {},
): Promise<ImportResult> {
  return runImport(db, districtId, kind, source, options, false);
}

/** Imports a file in one transaction: everything when it has no error, nothing otherwise. */
export function applyImport(
  db: DbContext,
  districtId: string,
  kind: ImportKind,
  source: WorkbookSource,
  options: ImportRunOptions = {},
): Promise<ImportResult> {
  return runImport(db, districtId, kind, source, options, true);
}

class RollbackSignal extends Error {}

async function runImport(
  db: DbContext,
  districtId: string,
  kind: ImportKind,
  source: WorkbookSource,
  options: ImportRunOptions,
  write: boolean,
): Promise<ImportResult> {
  const fileName = options.fileName ?? (typeof source === "string" ? path.basename(source) : "upload.xlsx");
  // The district's chains and places: a register's 产业链 and 所属乡镇, and enterprises registered from a figures file.
  const plan = (await readActivePlan(db, districtId))?.plan;
  const work = async (tx: DbContext) => {
    // What the run remembers of the rows read lives in a temporary table of this connection, so
    // that memory does not grow with the file.
    const progressTable = `import_progress_${randomBytes(8).toString("hex")}`;
    await createImportProgress(tx, progressTable);
    try {
      const run = new ImportRun(tx, districtId, kind, fileName, options, write, progressTable, plan);
      await run.readAll(source);
      // An import that changes nothing writes nothing, not even an audit entry.
      if (write && run.summary.errors === 0 && run.summary.create + run.summary.update > 0) {
        await recordAudit(tx, {
          districtId,
          actor: options.actor ?? { userId: null, label: "import" },
          action: "import",
          entityType: kind === "register" ? "enterprises" : "figures",
          entityId: fileName,
          after: {
            kind,
            fileName,
            sha256: await sha256Of(source),
            summary: run.summary,
            units: run.layout?.units ?? {},
            ...(run.unregisteredTotal > 0 ? { registeredEnterprises: run.unregisteredTotal } : {}),
          },
        });
      }
      return run;
    } finally {
      await dropImportProgress(tx, progressTable);
    }
  };
  let run: ImportRun;
  if (write) {
    let failed: ImportRun | undefined;
    try {
      run = await inTransaction(db, async (tx) => {
        const result = await work(tx);
        if (result.summary.errors > 0) {
          failed = result;
          throw new RollbackSignal();
        }
        return result;
      });
    } catch (error) {
      if (!(error instanceof RollbackSignal) || !failed) throw error;
      run = failed;
    }
  } else if (db.dialect === "postgres" && !db.inTransaction) {
    // A temporary table belongs to one connection: the check keeps one from the pool throughout.
    run = await db.kysely.connection().execute((connection) => work({ kysely: connection, dialect: db.dialect }));
  } else {
    // SQLite has one connection; the check does not hold it between queries, so other requests go on.
    run = await work(db);
  }
  run.errors.sort((a, b) => a.row - b.row);
  return {
    kind,
    fileName,
    written: write && run.summary.errors === 0,
    summary: run.summary,
    changes: run.changes,
    errors: run.errors,
    ...(run.layout ? { layout: run.layout } : {}),
    ...(run.unregisteredTotal > 0
      ? { unregistered: { total: run.unregisteredTotal, enterprises: run.unregistered } }
      : {}),
  };
}

async function sha256Of(source: WorkbookSource): Promise<string> {
  const hash = createHash("sha256");
  if (typeof source !== "string") return hash.update(source).digest("hex");
  for await (const chunk of createReadStream(source)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const FOOTER_OR_TOTAL =
  /^(合计|总计|小计|全区合计|全部合计|注[:：]|说明[:：]?|填表人|制表人?|审核人?|单位负责人|负责人|统计负责人|填报日期)/;

const metricKinds = new Map(METRICS.map((metric) => [metric.metric, metric.valueKind]));

function displayValue(metric: MetricId, value: bigint): string {
  return metricKinds.get(metric) === "money" ? formatYuan(value) : value.toString();
}

/** What a run knows of one key (credit code and year; the credit code for the register) while a batch is planned. */
interface KeyProgress {
  key: string;
  /** Month (0 for a year or a register row) → the row that gave it: a second row is a duplicate. */
  rows: Record<string, number>;
  /** The last cumulative figure read per metric: [month, value, row]. */
  cumulative: Record<string, [number, string, number]> | null;
  changed: boolean;
}

/**
 * An enterprise this import registers from a figures file, as its first row gave it. Kept in the run's
 * temporary table (key "+" and the credit code) so that later rows of it, in any batch, find it.
 */
interface Registration {
  row: number;
  creditCode: string;
  /** The new enterprise's id; negative while only planned (a preview, or after an error). */
  id: number;
  name: string;
  chainId: string;
  industryCode: string | null;
  town: { id: number; name: string } | null;
}

const REGISTRATION_KEY = "+";

/** One import in progress: the checks, the plan of changes and (when applying) the writes. */
class ImportRun {
  readonly summary: ImportSummary = { rows: 0, create: 0, update: 0, unchanged: 0, errors: 0 };
  readonly changes: ImportChange[] = [];
  readonly errors: ImportError[] = [];
  layout?: ImportResult["layout"];
  /** Enterprises registered (or, in a preview, to be registered) from the file: the first ones, and how many. */
  readonly unregistered: UnregisteredEnterprise[] = [];
  unregisteredTotal = 0;

  private parser?: RowParser;
  /** The enterprises of the batch being planned, by credit code (null: not in the register). */
  private enterprises = new Map<string, EnterpriseRow | null>();
  private readonly chains?: PlanChains;
  private places?: Places;
  private batch: (FigureRecord | RegisterRecord)[] = [];
  private readonly maxChanges: number;
  private readonly maxErrors: number;
  private readonly batchSize: number;
  private readonly recordedAt = new Date().toISOString();
  private readonly recordedBy: number | null;
  private readonly writer: FigureWriter;

  constructor(
    private readonly db: DbContext,
    private readonly districtId: string,
    private readonly kind: ImportKind,
    private readonly fileName: string,
    private readonly options: ImportRunOptions,
    private readonly write: boolean,
    private readonly progressTable: string,
    plan?: PlanFile,
  ) {
    if (plan) this.chains = new PlanChains(plan);
    this.maxChanges = options.maxChanges ?? 100;
    this.maxErrors = options.maxErrors ?? 1000;
    this.batchSize = options.batchSize ?? 5000;
    this.recordedBy = options.actor?.userId ?? null;
    this.writer = figureWriter(db, {
      districtId,
      sourceRef: fileName,
      recordedAt: this.recordedAt,
      recordedBy: this.recordedBy,
    });
  }

  /** Whether this run may still write: applying, and no error found so far. */
  private get writing(): boolean {
    return this.write && this.summary.errors === 0;
  }

  private addError(error: ImportError): void {
    this.summary.errors++;
    if (this.errors.length < this.maxErrors) this.errors.push(error);
  }

  /** Counts a change; builds its description only while the list still has room (large files). */
  private addChange(action: "create" | "update", describe: () => ImportChange): void {
    this.summary[action]++;
    if (this.changes.length < this.maxChanges) this.changes.push(describe());
  }

  async readAll(source: WorkbookSource): Promise<void> {
    const info: WorkbookInfo = { date1904: false };
    let rowsRead = 0;
    const topRows: RawRow[] = [];
    const progress = this.options.onProgress;
    try {
      for await (const rows of streamFirstSheetRowBatches(source, info)) {
        for (const row of rows) {
          rowsRead++;
          if (progress && rowsRead % 1000 === 0) progress(rowsRead);
          if (!this.parser) {
            topRows.push(row);
            if (topRows.length < HEADER_SCAN_ROWS) continue;
            if (!this.startTable(topRows, info)) return;
            for (const buffered of topRows) if (this.acceptRow(buffered)) await this.flush();
            continue;
          }
          if (this.acceptRow(row)) await this.flush();
        }
      }
      if (!this.parser) {
        if (topRows.length === 0) {
          this.addError({ row: 0, message: "文件中没有数据：第一个工作表是空的" });
          return;
        }
        if (!this.startTable(topRows, info)) return;
        for (const buffered of topRows) if (this.acceptRow(buffered)) await this.flush();
      }
      await this.flush();
    } catch (error) {
      if (error instanceof RollbackSignal) throw error;
      if (error instanceof WorkbookReadError) {
        // The message is the user's (Chinese, naming the part); what the library said goes to the log.
        this.options.log?.warn({ err: error.cause ?? error, fileName: this.fileName }, "import: file not readable");
        this.addError({ row: 0, message: `无法读取文件：${error.message}` });
        return;
      }
      throw error;
    } finally {
      progress?.(rowsRead, rowsRead);
    }
  }

  private startTable(topRows: RawRow[], info: WorkbookInfo): boolean {
    const detected = detectHeader(this.kind, topRows);
    if ("error" in detected) {
      this.addError(detected.error);
      return false;
    }
    const layout: HeaderLayout = detected.layout;
    const parser = new RowParser(this.kind, layout, this.options, info.date1904, this.chains);
    const title = this.kind === "register" ? undefined : layout.title;
    this.layout = {
      headerRow: layout.headerRowNumber,
      ...(info.sheetName ? { sheetName: info.sheetName } : {}),
      columns: layout.columns.map((column) => ({
        letter: column.letter,
        header: column.header,
        field: column.field.field,
      })),
      ignoredHeaders: layout.ignoredHeaders,
      units: parser.units,
      ...(title
        ? {
            title: {
              row: title.row,
              text: title.text,
              year: title.year,
              // Months that are no months (1-13月) are an error of the header, not part of the period.
              ...(title.fromMonth !== undefined && titleMonthsValid(title)
                ? { fromMonth: title.fromMonth, throughMonth: title.throughMonth }
                : {}),
            },
          }
        : {}),
    };
    for (const error of parser.headerErrors) this.addError(error);
    if (parser.headerErrors.length > 0) return false;
    this.parser = parser;
    return true;
  }

  /** A total line (合计) or a note under the table (注：…, 填表人…): skipped when it does not parse. */
  private isTotalOrNote(row: RawRow): boolean {
    for (let c = 1; c < row.values.length; c++) {
      const text = cellText(toCellInput(row.values[c]));
      if (text) return FOOTER_OR_TOTAL.test(normalizeText(text));
    }
    return false;
  }

  /** Checks one row and adds it to the batch; true when the batch is full and must be flushed. */
  private acceptRow(row: RawRow): boolean {
    const parser = this.parser as RowParser;
    if (row.rowNumber < parser.layout.firstDataRow) return false;
    const parsed = parser.parse(row);
    if (parsed.kind === "empty") return false;
    if (parsed.kind === "errors" && this.isTotalOrNote(row)) return false;
    this.summary.rows++;
    if (parsed.kind === "errors") {
      for (const error of parsed.errors) this.addError(error);
      return false;
    }
    this.batch.push(parsed.record);
    return this.batch.length >= this.batchSize;
  }

  private codeColumn(): { column?: string; columnLetter?: string } {
    const column = this.parser?.layout.columns.find((c) => c.field.type === "creditCode");
    return column ? { column: column.header, columnLetter: column.letter } : {};
  }

  /** Checks, plans and (when applying) writes one batch; remembers its keys for the batches after it. */
  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const progress = await this.loadProgress(batch);
    const unique = this.withoutDuplicates(batch, progress);
    await this.resolveEnterprises(unique.map((record) => record.creditCode));
    if (this.kind === "register") await this.applyRegisterBatch(unique as RegisterRecord[]);
    else await this.applyFiguresBatch(unique as FigureRecord[], progress);
    const changed: { key: string; rows: string; cumulative: string | null }[] = [];
    for (const entry of progress.values()) {
      if (!entry.changed) continue;
      changed.push({
        key: entry.key,
        rows: JSON.stringify(entry.rows),
        cumulative: entry.cumulative ? JSON.stringify(entry.cumulative) : null,
      });
    }
    await saveImportProgress(this.db, this.progressTable, changed);
  }

  private progressKey(record: FigureRecord | RegisterRecord): string {
    return "year" in record ? `${record.creditCode}|${record.year}` : record.creditCode;
  }

  /** What earlier batches left for the keys of this batch (a fresh entry for a key not seen yet). */
  private async loadProgress(batch: (FigureRecord | RegisterRecord)[]): Promise<Map<string, KeyProgress>> {
    const progress = new Map<string, KeyProgress>();
    for (const record of batch) {
      const key = this.progressKey(record);
      if (!progress.has(key)) progress.set(key, { key, rows: {}, cumulative: null, changed: false });
    }
    for (const stored of await findImportProgress(this.db, this.progressTable, [...progress.keys()])) {
      const entry = progress.get(stored.key);
      if (!entry) continue;
      entry.rows = JSON.parse(stored.rows) as KeyProgress["rows"];
      entry.cumulative = stored.cumulative ? (JSON.parse(stored.cumulative) as KeyProgress["cumulative"]) : null;
    }
    return progress;
  }

  /** The records of the batch whose key no earlier row had; a repeated key is an error naming the first row. */
  private withoutDuplicates<T extends FigureRecord | RegisterRecord>(
    batch: T[],
    progress: Map<string, KeyProgress>,
  ): T[] {
    const unique: T[] = [];
    for (const record of batch) {
      const entry = progress.get(this.progressKey(record)) as KeyProgress;
      const month = "month" in record ? record.month : 0;
      const first = entry.rows[month];
      if (first === undefined) {
        entry.rows[month] = record.row;
        entry.changed = true;
        unique.push(record);
        continue;
      }
      const what =
        this.kind === "register"
          ? "同一企业"
          : this.kind === "annual"
            ? "同一企业同一年份"
            : "同一企业同一年份同一月份";
      this.addError({
        row: record.row,
        field: "creditCode",
        message: `与第${first}行重复：${what}只能有一行（${record.creditCode}）`,
        ...this.codeColumn(),
      });
    }
    return unique;
  }

  /** Looks up the batch's enterprises; only this batch's are kept, so memory does not grow with the file. */
  private async resolveEnterprises(codes: string[]): Promise<void> {
    this.enterprises = new Map();
    const unique = [...new Set(codes)];
    if (unique.length === 0) return;
    for (const code of unique) this.enterprises.set(code, null);
    for (const row of await findEnterprisesByCreditCodes(this.db, this.districtId, unique)) {
      this.enterprises.set(row.credit_code, row);
    }
  }

  private async applyFiguresBatch(batch: FigureRecord[], progress: Map<string, KeyProgress>): Promise<void> {
    const registering = this.options.registerUnknown === true;
    const registrations = registering ? await this.loadRegistrations(batch) : new Map<string, Registration>();
    const registered: Registration[] = [];
    const known: { record: FigureRecord; enterpriseId: number }[] = [];
    for (const record of batch) {
      const enterprise = this.enterprises.get(record.creditCode);
      const earlier = registrations.get(record.creditCode);
      if (earlier) {
        // Registered from this file by an earlier row: a later row must not place it elsewhere.
        if (await this.agreesWithRegistration(record, earlier)) {
          known.push({ record, enterpriseId: enterprise?.id ?? earlier.id });
        }
        continue;
      }
      if (enterprise) {
        known.push({ record, enterpriseId: enterprise.id });
        continue;
      }
      if (!registering) {
        this.addError({
          row: record.row,
          field: "creditCode",
          message: `企业名录中没有统一社会信用代码为 ${record.creditCode} 的企业${record.name ? `（${record.name}）` : ""}，请先导入企业名录，或在导入时选择从文件登记这些企业`,
          ...this.codeColumn(),
        });
        continue;
      }
      const registration = await this.register(record);
      if (!registration) continue;
      registrations.set(record.creditCode, registration);
      registered.push(registration);
      known.push({ record, enterpriseId: registration.id });
    }
    if (registered.length > 0) {
      await saveImportProgress(
        this.db,
        this.progressTable,
        registered.map((registration) => ({
          key: REGISTRATION_KEY + registration.creditCode,
          rows: JSON.stringify(registration),
          cumulative: null,
        })),
      );
    }
    const years = new Set<number>();
    const enterpriseIds = new Set<number>();
    const metrics = new Set<string>();
    for (const { record, enterpriseId } of known) {
      years.add(record.year);
      // Enterprises only planned (negative ids) have no figures yet.
      if (enterpriseId > 0) enterpriseIds.add(enterpriseId);
      for (const figure of record.values) metrics.add(figure.metric);
    }
    const current = new Map<string, CurrentFigure>();
    const written = new Set<number>();
    for (const figure of await findCurrentOfficialFigures(this.db, [...enterpriseIds], [...metrics], [...years])) {
      current.set(`${figure.enterprise_id}|${figure.year}|${figure.month}|${figure.metric}`, figure);
    }
    for (const { record, enterpriseId } of known) {
      const keyProgress = progress.get(this.progressKey(record)) as KeyProgress;
      const resolved: { metric: MetricId; value: bigint; month: number }[] = [];
      let yearFigures = false;
      for (const figure of record.values) {
        if (!figure.cumulative) continue;
        const own = this.ownValue(record, enterpriseId, figure.metric, figure.value, keyProgress, current);
        if (own === undefined) continue;
        if (own.month === 0) yearFigures = true;
        resolved.push({ metric: figure.metric, ...own });
      }
      for (const figure of record.values) {
        if (figure.cumulative) continue;
        // A row whose totals are the year's (1-12月 without the months before) gives the year's head counts too.
        const month = yearFigures && metricKinds.get(figure.metric) === "count" ? 0 : record.month;
        resolved.push({ metric: figure.metric, value: figure.value, month });
      }
      for (const { metric, value, month } of resolved) {
        const existing =
          current.size === 0 ? undefined : current.get(`${enterpriseId}|${record.year}|${month}|${metric}`);
        if (existing && BigInt(existing.value) === value) {
          this.summary.unchanged++;
          continue;
        }
        if (this.writing) {
          if (existing) this.writer.correct(existing.id, enterpriseId, record.year, month, metric, value);
          else this.writer.create(enterpriseId, record.year, month, metric, value);
          written.add(enterpriseId);
        }
        const action = existing ? "update" : "create";
        this.summary[action]++;
        if (this.changes.length < this.maxChanges) {
          this.changes.push({
            entity: "figure",
            row: record.row,
            creditCode: record.creditCode,
            enterpriseName: this.enterprises.get(record.creditCode)?.name ?? record.name ?? null,
            action,
            year: record.year,
            month,
            metric: metric,
            before: existing ? displayValue(metric, BigInt(existing.value)) : null,
            after: displayValue(metric, value),
          });
        }
      }
    }
    // Rows written before an error in this batch are rolled back with the rest, and so is their summary.
    if (this.writing) {
      await this.writer.flush();
      await refreshFigureSummaries(this.db, this.districtId, [...written]);
    }
  }

  /** The enterprises earlier batches registered (or planned to) from the file, among this batch's codes. */
  private async loadRegistrations(batch: FigureRecord[]): Promise<Map<string, Registration>> {
    const keys = [...new Set(batch.map((record) => REGISTRATION_KEY + record.creditCode))];
    const registrations = new Map<string, Registration>();
    for (const stored of await findImportProgress(this.db, this.progressTable, keys)) {
      registrations.set(stored.key.slice(REGISTRATION_KEY.length), JSON.parse(stored.rows) as Registration);
    }
    return registrations;
  }

  private async placesOfDistrict(): Promise<Places> {
    this.places ??= new Places(await findUnitsForTownMatching(this.db, this.districtId), this.chains?.plan);
    return this.places;
  }

  private columnOf(field: string): { column?: string; columnLetter?: string } {
    const column = this.parser?.layout.columns.find((c) => c.field.field === field);
    return column ? { column: column.header, columnLetter: column.letter } : {};
  }

  /**
   * Where a figures row places its enterprise (chain, industry code, town), read for registering it;
   * undefined, with the row's errors added, when it cannot be registered from the file.
   */
  private async placement(
    record: FigureRecord,
  ): Promise<{ chain: Chain; industryCode: string | null; town: { id: number; name: string } | null } | undefined> {
    const registration = record.registration;
    const prefix = `企业名录中没有统一社会信用代码为 ${record.creditCode} 的企业${record.name ? `（${record.name}）` : ""}，从文件登记时`;
    const errors: ImportError[] = (registration?.errors ?? []).map((error) => ({
      ...error,
      message: `${prefix}：${error.message}`,
    }));
    if (!record.name) {
      const nameColumn = this.columnOf("name");
      errors.push({
        row: record.row,
        field: "name",
        ...nameColumn,
        message: `${prefix}需要企业名称：${nameColumn.column ? "本行企业名称为空" : "文件中没有“企业名称”列"}`,
      });
    }
    const industryCode = registration?.industryCode ?? null;
    let chain: Chain | undefined;
    if (!this.chains) {
      errors.push({ row: record.row, field: "chain", message: `${prefix}：本区尚未加载行动方案，无法确定产业链` });
    } else {
      chain =
        registration?.chainId !== undefined
          ? this.chains.plan.chains.find((c) => c.id === registration.chainId)
          : industryCode !== null
            ? this.chains.byIndustryCode(industryCode)
            : this.chains.other;
      if (!chain && !registration?.errors.some((error) => error.field === "chain" || error.field === "industryCode")) {
        errors.push({
          row: record.row,
          field: "chain",
          message: `${prefix}无法确定产业链：请增加“产业链”列（可填：${this.chains.names.join("、")}）或“行业代码”列`,
        });
      }
    }
    let town: { id: number; name: string } | null = null;
    if (registration?.townName !== undefined) {
      const unit = (await this.placesOfDistrict()).match(registration.townName);
      if (unit) town = { id: unit.id, name: unit.name };
      else {
        errors.push({
          row: record.row,
          field: "town",
          ...this.columnOf("town"),
          message: `${prefix}：系统中没有名为“${registration.townName}”的乡镇（街道）`,
        });
      }
    }
    if (errors.length > 0 || !chain) {
      for (const error of errors) this.addError(error);
      return undefined;
    }
    return { chain, industryCode, town };
  }

  /** Registers (or, in a preview, plans to register) the enterprise a row names; undefined when it cannot. */
  private async register(record: FigureRecord): Promise<Registration | undefined> {
    const placement = await this.placement(record);
    if (!placement) return undefined;
    const { chain, industryCode, town } = placement;
    const name = record.name as string;
    this.unregisteredTotal++;
    let id = -this.unregisteredTotal;
    if (this.writing) {
      id = await insertEnterprise(this.db, {
        district_id: this.districtId,
        credit_code: record.creditCode,
        name,
        town_unit_id: town?.id ?? null,
        chain_id: chain.id,
        industry_code: industryCode,
        is_key: 0,
        leader_user_id: null,
        listing_stage: null,
        is_demo: 0,
        created_at: this.recordedAt,
        updated_at: this.recordedAt,
      });
      // The enterprise's own history starts here, as when it is entered by hand.
      await recordAudit(this.db, {
        districtId: this.districtId,
        actor: this.options.actor ?? { userId: null, label: "import" },
        action: "create",
        entityType: "enterprise",
        entityId: id,
        after: {
          creditCode: record.creditCode,
          name,
          townUnitId: town?.id ?? null,
          chainId: chain.id,
          industryCode,
          isKey: false,
          registeredFrom: this.fileName,
        },
      });
    }
    const after: EnterpriseFields = { name, chainId: chain.id };
    if (industryCode !== null) after.industryCode = industryCode;
    if (town) after.townUnitId = town.id;
    this.addChange("create", () => ({
      entity: "enterprise",
      row: record.row,
      creditCode: record.creditCode,
      action: "create",
      before: null,
      after,
    }));
    if (this.unregistered.length < (this.options.maxUnregistered ?? 1000)) {
      this.unregistered.push({
        row: record.row,
        creditCode: record.creditCode,
        name,
        industryCode,
        chain: { id: chain.id, name: chain.name, nameEn: chain.nameEn },
        town,
      });
    }
    return { row: record.row, creditCode: record.creditCode, id, name, chainId: chain.id, industryCode, town };
  }

  /** Whether a later row of an enterprise registered from the file places it where its first row did. */
  private async agreesWithRegistration(record: FigureRecord, registration: Registration): Promise<boolean> {
    const given = record.registration;
    if (!given) return true;
    const errors: ImportError[] = given.errors.map((error) => ({ ...error }));
    const differs = (field: string, what: string, first: string, now: string) =>
      errors.push({
        row: record.row,
        field,
        ...this.columnOf(field),
        message: `${what}与第${registration.row}行不一致（${record.creditCode} 从文件登记为${first}，本行为${now}）`,
      });
    if (given.industryCode !== undefined && given.industryCode !== registration.industryCode) {
      differs("industryCode", "行业代码", registration.industryCode ?? "空", given.industryCode);
    }
    if (given.chainId !== undefined && given.chainId !== registration.chainId) {
      differs("chain", "产业链", this.chainName(registration.chainId), this.chainName(given.chainId));
    }
    if (given.townName !== undefined) {
      const unit = (await this.placesOfDistrict()).match(given.townName);
      if (unit?.id !== registration.town?.id) {
        differs("town", "所属乡镇（街道）", registration.town?.name ?? "空", given.townName);
      }
    }
    for (const error of errors) this.addError(error);
    return errors.length === 0;
  }

  private chainName(id: string): string {
    return this.chains?.plan.chains.find((chain) => chain.id === id)?.name ?? id;
  }

  /**
   * The month's own value from a cumulative figure (本年累计, 1-N月): minus the previous month's
   * cumulative figure, from the row just before in the file, or the months stored so far. A 1-12月
   * figure whose months before are missing is the year's own figure (month 0), which is what targets
   * and rewards read for a year; with every month before it present it gives December's value.
   */
  private ownValue(
    record: FigureRecord,
    enterpriseId: number,
    metric: MetricId,
    value: bigint,
    keyProgress: KeyProgress,
    current: Map<string, CurrentFigure>,
  ): { value: bigint; month: number } | undefined {
    keyProgress.cumulative ??= {};
    const before = keyProgress.cumulative[metric];
    keyProgress.cumulative[metric] = [record.month, value.toString(), record.row];
    keyProgress.changed = true;
    if (record.month === 1) return { value, month: 1 };
    const label = METRICS.find((m) => m.metric === metric)?.label ?? metric;
    const column = this.parser?.layout.columns.find((c) => c.field.field === metric);
    const where = column ? { column: column.header, columnLetter: column.letter } : {};
    if (before) {
      const [month, previous, row] = before;
      if (month === record.month - 1) return { value: value - BigInt(previous), month: record.month };
      if (record.month === 12) return { value, month: 0 };
      this.addError({
        row: record.row,
        field: metric,
        ...where,
        message: `${label}为累计数，同一企业的各月应按月份顺序排列且不缺月：第${row}行是${month}月，本行是${record.month}月`,
      });
      return undefined;
    }
    let stored = 0n;
    const missing: number[] = [];
    for (let month = 1; month < record.month; month++) {
      const figure = current.get(`${enterpriseId}|${record.year}|${month}|${metric}`);
      if (figure) stored += BigInt(figure.value);
      else missing.push(month);
    }
    if (missing.length > 0 && record.month === 12) return { value, month: 0 };
    if (missing.length > 0) {
      this.addError({
        row: record.row,
        field: metric,
        ...where,
        message: `${label}为1-${record.month}月累计数，计算当月值需要此前各月的数据，但文件和系统中都缺少${missing.join("、")}月`,
      });
      return undefined;
    }
    return { value: value - stored, month: record.month };
  }

  private async applyRegisterBatch(batch: RegisterRecord[]): Promise<void> {
    const places = await this.placesOfDistrict();
    const existingIds = batch
      .map((record) => this.enterprises.get(record.creditCode)?.id)
      .filter((id): id is number => id !== undefined);
    const scaleYears = new Map<string, ScaleStatus>();
    for (const row of await findScaleYears(this.db, existingIds))
      scaleYears.set(`${row.enterprise_id}|${row.year}`, row.status);

    for (const record of batch) {
      const townUnitId = record.townName === undefined ? undefined : places.match(record.townName)?.id;
      const existing = this.enterprises.get(record.creditCode) ?? null;
      // A new enterprise without a 产业链 cell takes the chain of its industry code, else the plan's "other" chain.
      const chainId =
        record.chainId ??
        (existing
          ? undefined
          : (record.industryCode !== undefined ? this.chains?.byIndustryCode(record.industryCode) : this.chains?.other)
              ?.id);
      const rowErrors: ImportError[] = [];
      if (!existing && chainId === undefined) {
        rowErrors.push({
          row: record.row,
          field: "chain",
          ...this.columnOf("chain"),
          message: this.chains
            ? `无法确定新企业的产业链：请填写“产业链”（可填：${this.chains.names.join("、")}）或“行业代码”`
            : "本区尚未加载行动方案，无法确定新企业的产业链",
        });
      }
      if (record.townName !== undefined && townUnitId === undefined) {
        const column = this.parser?.layout.columns.find((c) => c.field.field === "town");
        rowErrors.push({
          row: record.row,
          field: "town",
          ...(column ? { column: column.header, columnLetter: column.letter } : {}),
          message: `系统中没有名为“${record.townName}”的乡镇（街道）`,
        });
      }
      if (
        record.entryYear !== undefined &&
        record.statusYear === record.entryYear &&
        record.scaleStatus !== undefined &&
        record.scaleStatus !== "above"
      ) {
        rowErrors.push({
          row: record.row,
          field: "entryYear",
          message: `纳入年份为${record.entryYear}年，但该年的规上状态不是“规上”`,
        });
      }
      if (rowErrors.length > 0) {
        for (const error of rowErrors) this.addError(error);
        continue;
      }
      const wanted: EnterpriseFields = {};
      if (record.name !== undefined) wanted.name = record.name;
      if (townUnitId !== undefined) wanted.townUnitId = townUnitId;
      if (chainId !== undefined) wanted.chainId = chainId;
      if (record.industryCode !== undefined) wanted.industryCode = record.industryCode;
      if (record.isKey !== undefined) wanted.isKey = record.isKey;
      if (record.listingStage !== undefined) wanted.listingStage = record.listingStage;

      let enterpriseId: number | undefined = existing?.id;
      if (!existing) {
        this.addChange("create", () => ({
          entity: "enterprise",
          row: record.row,
          creditCode: record.creditCode,
          action: "create",
          before: null,
          after: wanted,
        }));
        if (this.writing) {
          const row: Insertable<EnterpriseTable> = {
            district_id: this.districtId,
            credit_code: record.creditCode,
            name: record.name ?? record.creditCode,
            town_unit_id: townUnitId ?? null,
            chain_id: chainId as string,
            industry_code: record.industryCode ?? null,
            is_key: record.isKey ? 1 : 0,
            leader_user_id: null,
            listing_stage: record.listingStage ?? null,
            is_demo: 0,
            created_at: this.recordedAt,
            updated_at: this.recordedAt,
          };
          enterpriseId = await insertEnterprise(this.db, row);
        }
      } else {
        const before = enterpriseFields(existing);
        const changedKeys = (Object.keys(wanted) as (keyof EnterpriseFields)[]).filter(
          (key) => wanted[key] !== before[key],
        );
        if (changedKeys.length === 0) {
          this.summary.unchanged++;
        } else {
          const beforePart: EnterpriseFields = {};
          const afterPart: EnterpriseFields = {};
          for (const key of changedKeys) {
            Object.assign(beforePart, { [key]: before[key] });
            Object.assign(afterPart, { [key]: wanted[key] });
          }
          this.addChange("update", () => ({
            entity: "enterprise",
            row: record.row,
            creditCode: record.creditCode,
            action: "update",
            before: beforePart,
            after: afterPart,
          }));
          if (this.writing) {
            await updateEnterprise(this.db, existing.id, {
              ...(afterPart.name !== undefined ? { name: afterPart.name } : {}),
              ...(afterPart.townUnitId !== undefined ? { town_unit_id: afterPart.townUnitId } : {}),
              ...(afterPart.chainId !== undefined ? { chain_id: afterPart.chainId } : {}),
              ...(afterPart.industryCode !== undefined ? { industry_code: afterPart.industryCode } : {}),
              ...(afterPart.isKey !== undefined ? { is_key: afterPart.isKey ? 1 : 0 } : {}),
              ...(afterPart.listingStage !== undefined ? { listing_stage: afterPart.listingStage } : {}),
              updated_at: this.recordedAt,
            });
          }
        }
      }

      const statuses = new Map<number, ScaleStatus>();
      if (record.entryYear !== undefined) statuses.set(record.entryYear, "above");
      if (record.scaleStatus !== undefined && record.statusYear !== undefined) {
        statuses.set(record.statusYear, record.scaleStatus);
      }
      for (const [year, status] of [...statuses].sort((a, b) => a[0] - b[0])) {
        const before = existing ? (scaleYears.get(`${existing.id}|${year}`) ?? null) : null;
        if (before === status) {
          this.summary.unchanged++;
          continue;
        }
        this.addChange(before === null ? "create" : "update", () => ({
          entity: "scale_year",
          row: record.row,
          creditCode: record.creditCode,
          action: before === null ? "create" : "update",
          year,
          before,
          after: status,
        }));
        if (this.writing && enterpriseId !== undefined) {
          const row = { enterprise_id: enterpriseId, year, status };
          if (before === null) await insertScaleYear(this.db, row);
          else await updateScaleYear(this.db, row);
        }
      }
    }
  }
}

function enterpriseFields(row: EnterpriseRow): Required<EnterpriseFields> {
  return {
    name: row.name,
    townUnitId: row.town_unit_id,
    chainId: row.chain_id,
    industryCode: row.industry_code,
    isKey: row.is_key === 1,
    listingStage: row.listing_stage,
  };
}

/** The Chinese one-line summary the CLI prints and the UI shows after an import. */
export function describeImportResult(result: ImportResult): string {
  const { summary } = result;
  const label = IMPORT_KIND_LABELS[result.kind];
  const counts = `新增 ${summary.create} 项，更新 ${summary.update} 项，未变 ${summary.unchanged} 项`;
  if (summary.errors > 0) {
    return `${label}导入未执行：文件「${result.fileName}」有 ${summary.errors} 处错误，没有写入任何数据`;
  }
  return result.written
    ? `${label}导入完成：文件「${result.fileName}」共 ${summary.rows} 行，${counts}`
    : `${label}导入预览：文件「${result.fileName}」共 ${summary.rows} 行，将${counts}（未写入）`;
}
