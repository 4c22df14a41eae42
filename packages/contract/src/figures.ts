/**
 * Figures and their spreadsheet import (/api/imports*): upload a workbook, follow its job while it is
 * previewed, apply it (all or nothing), download the templates. The kinds of import, the money units files
 * are written in, the figures' metrics and where a figure came from are the product's.
 */
import { IMPORT_KINDS, MONEY_UNITS } from "@beizeng/domain/figures/vocabulary";
import { z } from "zod";
import { FilePart, Timestamp } from "./common";

/** What a spreadsheet import loads, and the units money is written in: the domain's. */
export { IMPORT_KINDS, type ImportKind, MONEY_UNITS, type MoneyUnit } from "@beizeng/domain/figures/vocabulary";

/** The figures an enterprise has; the names are the `figures.metric` values. */
export const FIGURE_METRICS = [
  "revenue",
  "tax",
  "output",
  "value_added",
  "profit",
  "employees",
  "fixed_asset_investment",
  "manufacturing_investment",
] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/** Where a figure came from. */
export const FIGURE_SOURCE_KINDS = ["import", "entry", "self_report", "demo"] as const;
export type FigureSourceKind = (typeof FIGURE_SOURCE_KINDS)[number];

/** An import job's course: previewed in the background, then applied (or refused) in the background. */
export const IMPORT_JOB_STATUSES = ["previewing", "previewed", "applying", "applied", "rejected", "failed"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

// ---------------------------------------------------------------- requests

const importKind = z.enum(IMPORT_KINDS);

/** The upload's query: the workbook itself is the body (application/octet-stream). */
export const UploadQuerySchema = z.object({
  kind: importKind,
  unit: z.enum(MONEY_UNITS).default("万元"),
  fileName: z.string().trim().min(1).max(200).default("upload.xlsx"),
});
export type UploadQuery = z.input<typeof UploadQuerySchema>;
/** A figures import as a multipart form: what the file holds, its money unit and the workbook (its name is the part's). */
export const ImportUploadFieldsSchema = UploadQuerySchema.omit({ fileName: true });
export const ImportUploadFormSchema = ImportUploadFieldsSchema.extend({
  file: FilePart.describe("Excel 工作簿（.xlsx），至多 20 MB"),
});
export type ImportUploadForm = z.input<typeof ImportUploadFormSchema>;

export const JobParamsSchema = z.object({ id: z.uuid("导入任务编号无效") });
export const TemplateParamsSchema = z.object({ kind: importKind });
/**
 * Applying a previewed file. `registerEnterprises`: the enterprises the file names that are not in the register
 * are registered from it (code, name, industry code → the plan's chain, town) in the same all-or-nothing import;
 * without it a file naming such an enterprise is refused.
 */
export const ApplyImportBodySchema = z
  .object({ registerEnterprises: z.boolean().default(false) })
  .default({ registerEnterprises: false });
export type ApplyImportBody = z.input<typeof ApplyImportBodySchema>;

export const JobQuerySchema = z.object({
  /** Wait up to this many seconds for a running job to finish before answering. */
  wait: z.coerce.number().min(0).max(30).optional(),
});

/** One figure entered by hand (POST /api/enterprises/:id/figures): money in `unit`, a whole number for counts. */
export const FigureBodySchema = z.object({
  year: z.number().int().min(1990).max(2100),
  month: z.number().int().min(0).max(12),
  metric: z.string().min(1).max(50),
  value: z.string().trim().min(1, "请填写数值").max(40),
  unit: z.enum(MONEY_UNITS).optional(),
});
export type FigureBody = z.infer<typeof FigureBodySchema>;

// ---------------------------------------------------------------- responses

/** A figure as the enterprise's page shows it, corrections included. */
export const FigureViewSchema = z.strictObject({
  id: z.number().int(),
  year: z.number().int(),
  /** 0 = the whole year, 1..12 = that month's own value. */
  month: z.number().int().min(0).max(12),
  metric: z.enum(FIGURE_METRICS),
  /** Decimal text of an integer: fen for money, a count otherwise. */
  value: z.string().regex(/^-?\d+$/),
  sourceKind: z.enum(FIGURE_SOURCE_KINDS),
  /** The file, or the unit and account, it came from. */
  sourceRef: z.string().nullable(),
  official: z.boolean(),
  recordedAt: Timestamp,
  recordedBy: z.number().int().nullable(),
  /** The id of the row that corrected it; the old value stays visible. */
  supersededBy: z.number().int().nullable(),
});
export type FigureView = z.infer<typeof FigureViewSchema>;

/** A figure entered: official when staff entered it, a self-report otherwise; the row it corrected. */
export const FigureEnteredSchema = z.strictObject({
  id: z.number().int(),
  superseded: z.number().int().nullable(),
  official: z.boolean(),
});
export type FigureEntered = z.infer<typeof FigureEnteredSchema>;

/** A self-reported figure confirmed: now the official value, and the official row it replaced. */
export const FigureConfirmedSchema = z.strictObject({
  id: z.number().int(),
  superseded: z.number().int().nullable(),
});
export type FigureConfirmed = z.infer<typeof FigureConfirmedSchema>;

/**
 * One problem found in a file. `row` is the spreadsheet's own row number (1-based, as the office suite shows
 * it); `row` 0 means the file as a whole (no header found, unreadable file).
 */
export const ImportErrorSchema = z.strictObject({
  row: z.number().int().min(0),
  /** The header text of the column, as written in the file. */
  column: z.string().optional(),
  /** The column letter, e.g. "E". */
  columnLetter: z.string().optional(),
  /** The field the column was recognised as, e.g. "revenue". */
  field: z.string().optional(),
  /** In Chinese, for the user. */
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** Values of enterprise fields as a change shows them (only those the file gives, or that change). */
export const ImportEnterpriseFieldsSchema = z.strictObject({
  name: z.string().optional(),
  townUnitId: z.number().int().nullable().optional(),
  chainId: z.string().optional(),
  industryCode: z.string().nullable().optional(),
  isKey: z.boolean().optional(),
  listingStage: z.string().nullable().optional(),
});
export type ImportEnterpriseFields = z.infer<typeof ImportEnterpriseFieldsSchema>;

const changeOf = { row: z.number().int(), creditCode: z.string(), action: z.enum(["create", "update"]) };

/** What importing a row would change (the preview) or changed. */
export const ImportChangeSchema = z.discriminatedUnion("entity", [
  z.strictObject({
    entity: z.literal("figure"),
    ...changeOf,
    /** The enterprise's name in the register (or in the file, for one it would register); absent in older results. */
    enterpriseName: z.string().nullable().optional(),
    year: z.number().int(),
    month: z.number().int().min(0).max(12),
    metric: z.enum(FIGURE_METRICS),
    /** Yuan as a decimal string for money ("1234.56"), a whole number for counts. */
    before: z.string().nullable(),
    after: z.string(),
  }),
  z.strictObject({
    entity: z.literal("enterprise"),
    ...changeOf,
    before: ImportEnterpriseFieldsSchema.nullable(),
    after: ImportEnterpriseFieldsSchema,
  }),
  z.strictObject({
    entity: z.literal("scale_year"),
    ...changeOf,
    year: z.number().int(),
    // A scale status of the register (the register's contract reads this one's, not the other way round).
    before: z.string().nullable(),
    after: z.string(),
  }),
]);
export type ImportChange = z.infer<typeof ImportChangeSchema>;

export const ImportSummarySchema = z.strictObject({
  /** Data rows read (blank rows, totals and notes not counted). */
  rows: z.number().int().min(0),
  create: z.number().int().min(0),
  update: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  errors: z.number().int().min(0),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** An enterprise a figures file names that the register does not have, as the import registers it from the file. */
export const UnregisteredEnterpriseSchema = z.strictObject({
  /** The first row naming it. */
  row: z.number().int().min(1),
  creditCode: z.string(),
  name: z.string(),
  industryCode: z.string().nullable(),
  /** The plan's chain: named by the file's 产业链, or found by its industry code, else the plan's "other" chain. */
  chain: z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() }),
  /** The district's town, street or zone the file's 所属乡镇（街道） names. */
  town: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
});
export type UnregisteredEnterprise = z.infer<typeof UnregisteredEnterpriseSchema>;

export const ImportResultSchema = z.strictObject({
  kind: importKind,
  fileName: z.string(),
  /** True when the changes were committed (applied without errors). */
  written: z.boolean(),
  summary: ImportSummarySchema,
  /** The first changes (a preview lists up to a bound, the summary counts them all). */
  changes: z.array(ImportChangeSchema),
  errors: z.array(ImportErrorSchema),
  /** How the file was understood: header row, columns, units. Absent when no header was found. */
  layout: z
    .strictObject({
      headerRow: z.number().int(),
      sheetName: z.string().optional(),
      columns: z.array(z.strictObject({ letter: z.string(), header: z.string(), field: z.string() })),
      ignoredHeaders: z.array(z.string()),
      units: z.record(z.string(), z.string()),
      /** The report period a title above the table names ("2022年1-12月…"), read when a figures file has no period column. */
      title: z
        .strictObject({
          row: z.number().int().min(1),
          text: z.string(),
          year: z.number().int(),
          fromMonth: z.number().int().min(1).max(12).optional(),
          throughMonth: z.number().int().min(1).max(12).optional(),
        })
        .optional(),
    })
    .optional(),
  /**
   * Enterprises the file names that are not in the register (the first ones; `total` counts them all): applying
   * with `registerEnterprises` registers them. Absent when there are none.
   */
  unregistered: z
    .strictObject({ total: z.number().int().min(1), enterprises: z.array(UnregisteredEnterpriseSchema) })
    .optional(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** An import job: its file, its course and, once previewed or applied, its result. */
export const ImportJobSchema = z.strictObject({
  id: z.uuid(),
  kind: importKind,
  unit: z.enum(MONEY_UNITS),
  fileName: z.string(),
  fileSize: z.number().int().min(0),
  status: z.enum(IMPORT_JOB_STATUSES),
  rowsRead: z.number().int().min(0),
  /** Imports of the district ahead of this one while it waits its turn (one runs at a time); null once it runs. */
  ahead: z.number().int().min(0).nullable(),
  result: ImportResultSchema.nullable(),
  /** Why the job failed, in Chinese. */
  error: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
