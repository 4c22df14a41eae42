/**
 * Targets and forecasts, the leaders' dashboard and 数据大屏, the records behind a figure (drill-down), the
 * office's inputs for targets and the public board: requests, answers and the vocabularies they use.
 * Figures that may exceed a double (fen, counts, millionths) travel as decimal integer text.
 */
import { PROJECT_STAGES } from "@beizeng/domain/projects/lifecycle";
import { z } from "zod";
import { FenText, NoteMessageSchema, Timestamp } from "./common";

// ---- Vocabularies ----

/** A target's state: on track, slightly or clearly behind, an aspiration not yet reached, nothing to go on. */
export const TARGET_STATUSES = ["green", "yellow", "red", "aspiration-behind", "no-data"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** How a status was decided: the deadline has passed, a forecast of the deadline, the path to date, nothing. */
export const STATUS_BASES = ["final", "forecast", "path", "none"] as const;
export type StatusBasis = (typeof STATUS_BASES)[number];

/** What a target's figures count: money (fen), a count, or a share (millionths). */
export const TARGET_UNITS = ["yuan", "count", "share"] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** What a revenue forecast stands on: the complete year, its months to date, or the trend of past years. */
export const FORECAST_BASES = ["actual", "months", "trend"] as const;

/** The dashboard's charts, each exported as a spreadsheet by its name. */
export const DASHBOARD_CHARTS = [
  "cards",
  "revenueYears",
  "revenueByMonth",
  "byChain",
  "byTown",
  "projectFunnel",
  "reservePool",
] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** The dashboard's figures whose records can be listed (drill-down). */
export const RECORD_FIGURES = [
  "aboveScaleRevenue",
  "aboveScaleCount",
  "monthRevenue",
  "periodRevenue",
  "projects",
  "reserve",
] as const;
export type RecordFigure = (typeof RECORD_FIGURES)[number];

/** What a drill-down lists: enterprises, projects, or lines of a share. */
export const RECORD_KINDS = ["enterprises", "projects", "items"] as const;

/** The unit of a drill-down's total and values: money (fen) or a count. */
export const RECORD_UNITS = ["yuan", "count"] as const;

// ---- Requests ----

/** "2023-06": the month the figures are read as of; default the latest month of the data. */
export const AsOfMonthField = z
  .string()
  .regex(/^\d{4}-\d{1,2}$/, "应为 YYYY-MM，例如 2023-06")
  .optional();

export const TargetsQuerySchema = z.object({ asOf: AsOfMonthField });

export const TargetRecordsParamsSchema = z.object({ id: z.string().min(1).max(60) });
export const TargetRecordsQuerySchema = z.object({
  asOf: AsOfMonthField,
  year: z.coerce.number().int().min(1990).max(2100),
  format: z.enum(["json", "xlsx"]).default("json"),
});

const yuanText = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, "应为以元为单位的数字，最多两位小数");

export const InvestmentYearSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  totalYuan: yuanText.nullable(),
  manufacturingYuan: yuanText.nullable(),
});
export type InvestmentYearInput = z.input<typeof InvestmentYearSchema>;

export const OnlineServicesSchema = z.object({
  items: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(60),
        name: z.string().trim().min(1).max(200),
        unitId: z.number().int().positive().nullable().default(null),
        online: z.boolean(),
      }),
    )
    .max(5000),
});
export type OnlineServicesInput = z.input<typeof OnlineServicesSchema>;

export const BoardPublicationSchema = z.object({ published: z.boolean() });
export type BoardPublicationInput = z.input<typeof BoardPublicationSchema>;

export const DashboardQuerySchema = z.object({ asOf: AsOfMonthField });

export const DashboardRecordsQuerySchema = z.object({
  asOf: AsOfMonthField,
  figure: z.enum(RECORD_FIGURES),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  chain: z.string().max(40).optional(),
  // "" is the enterprises without a town.
  town: z.string().max(60).optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  format: z.enum(["json", "xlsx"]).default("json"),
});

export const DashboardExportQuerySchema = z.object({
  asOf: AsOfMonthField,
  chart: z.enum(DASHBOARD_CHARTS),
});

export const PublicBoardQuerySchema = z.object({ district: z.string().max(20).optional() });

// ---- Pieces of the answers ----

/** An integer as decimal text: fen, a count, or millionths of a share. */
const IntegerText = z.string().regex(/^-?\d+$/, "应为整数文本");

export const YearMonthSchema = z.object({ year: z.number().int(), month: z.number().int() });
export type YearMonth = z.infer<typeof YearMonthSchema>;

/** How many enterprises of the directory a month is summed over have reported it. */
export const MonthCoverageSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  directoryYear: z.number().int().nullable(),
  reported: z.number().int(),
  total: z.number().int(),
});
export type MonthCoverage = z.infer<typeof MonthCoverageSchema>;

/** The coverage of the month the figures stand at, the office's threshold, and a newer month still being reported. */
export const DataCoverageSchema = MonthCoverageSchema.extend({
  /** The office's threshold in thousandths of the directory; null: every enterprise. */
  thresholdPermille: z.number().int().nullable(),
  reached: z.boolean(),
  partialMonth: MonthCoverageSchema.nullable(),
});
export type DataCoverage = z.infer<typeof DataCoverageSchema>;

export const MonthCoverageSettingSchema = z.object({
  /** Thousandths of the directory (1–1000) that must have reported a month before the dashboards read it. */
  monthCoveragePermille: z.number().int().min(1).max(1000),
});
export type MonthCoverageSetting = z.infer<typeof MonthCoverageSettingSchema>;

/** A target's value: fen for money, a count, or a share in millionths (with its exact ratio when from data). */
export const TargetQuantitySchema = z.object({
  unit: z.enum(TARGET_UNITS),
  value: IntegerText,
  ratio: z.object({ numerator: IntegerText, denominator: IntegerText }).optional(),
});
export type TargetQuantity = z.infer<typeof TargetQuantitySchema>;

const CurrentValueSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  value: TargetQuantitySchema,
  complete: z.boolean(),
});

const NamedChainSchema = z.object({ id: z.string(), name: z.string() });
const TownSchema = z.object({ code: z.string(), name: z.string() });

// ---- GET /api/targets ----

export const GroupChangeSchema = z.object({
  /** Chain id or town code; "" when the enterprises have no town. */
  key: z.string(),
  change: IntegerText,
  from: IntegerText,
  to: IntegerText,
});
export type GroupChange = z.infer<typeof GroupChangeSchema>;

export const EnterpriseChangeSchema = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  chainId: z.string(),
  town: z.string().nullable(),
  /** fen for revenue, enterprises (−1, 0, +1) for counts. */
  change: IntegerText,
  from: IntegerText,
  to: IntegerText,
});
export type EnterpriseChange = z.infer<typeof EnterpriseChangeSchema>;

/** An enterprise's chance of being above scale at the deadline (candidates to enter, risks of leaving). */
export const EnterpriseOutlookSchema = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  /** Its scale status in the latest directory (the register's code). */
  status: z.string().nullable(),
  baseRevenue: FenText.nullable(),
  baseYear: z.number().int().nullable(),
  probabilityAtDeadline: z.number(),
  likelyYear: z.number().int().nullable(),
  /** Why the probability is what it is, in Chinese, and the same as a message. */
  note: z.string().nullable(),
  noteMessage: NoteMessageSchema.nullable(),
});
export type EnterpriseOutlook = z.infer<typeof EnterpriseOutlookSchema>;

const RevenueForecastDetailSchema = z.object({
  kind: z.literal("revenue"),
  level: z.number(),
  estimate: FenText,
  low: FenText,
  high: FenText,
  probabilityMet: z.number().nullable(),
  basis: z.enum(FORECAST_BASES),
  base: z
    .object({
      year: z.number().int(),
      value: FenText,
      throughMonth: z.number().int().nullable(),
      yearToDate: FenText.nullable(),
      pastShares: z.array(z.object({ year: z.number().int(), share: z.number(), enterprises: z.number().int() })),
    })
    .nullable(),
  trend: z
    .object({
      history: z.array(z.object({ year: z.number().int(), value: FenText })),
      meanLogGrowth: z.number(),
      logGrowthSd: z.number(),
      sdSource: z.enum(["data", "prior"]),
      horizon: z.number(),
    })
    .nullable(),
  notes: z.array(z.string()),
  noteMessages: z.array(NoteMessageSchema),
  /** The method backtested on the district's past years: mean absolute % error (a fraction) by months known. */
  measuredError: z.array(
    z.object({ throughMonth: z.number().int(), cases: z.number().int(), meanAbsolutePercentageError: z.number() }),
  ),
  /**
   * The seasonal profile standing in for months the district has no history of (the plan's, or the
   * national one); `carries`: the district has fewer than two past years, so the profile alone gives
   * the running year's share. Null when the year is not estimated from its months.
   */
  seasonalProfile: z
    .object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      source: z.string(),
      sourceEn: z.string(),
      origin: z.enum(["shipped", "plan"]),
      carries: z.boolean(),
    })
    .nullable()
    .optional(),
});

const AboveScaleForecastDetailSchema = z.object({
  kind: z.literal("aboveScale"),
  level: z.number(),
  statusLag: z.union([z.literal(0), z.literal(1)]),
  baselineCount: z.number().int().nullable(),
  expectedCount: z.number(),
  low: z.number(),
  high: z.number(),
  expectedNetIncrease: z.number().nullable(),
  netIncreaseLow: z.number().nullable(),
  netIncreaseHigh: z.number().nullable(),
  expectedEntries: z.number(),
  expectedExits: z.number(),
  candidates: z.array(EnterpriseOutlookSchema),
  exitRisks: z.array(EnterpriseOutlookSchema),
  notes: z.array(z.string()),
  noteMessages: z.array(NoteMessageSchema),
});

export const TargetDetailSchema = z.object({
  targetId: z.string(),
  clause: z.string(),
  /** The sentence of the clause stating the target, verbatim. */
  quote: z.string(),
  clauseText: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  metric: z.string(),
  unit: z.enum(TARGET_UNITS),
  comparison: z.enum(["gt", "gte"]),
  comparisonParameter: z.string().nullable(),
  aspiration: z.boolean(),
  baselineYear: z.number().int(),
  deadlineYear: z.number().int(),
  target: TargetQuantitySchema,
  upperValue: TargetQuantitySchema.nullable(),
  baseline: TargetQuantitySchema.nullable(),
  pathShape: z.enum(["geometric", "linear", "milestones"]),
  path: z.array(z.object({ year: z.number().int(), value: TargetQuantitySchema })),
  actuals: z.array(
    z.object({
      year: z.number().int(),
      value: TargetQuantitySchema,
      complete: z.boolean(),
      missing: z.array(z.string()),
    }),
  ),
  current: CurrentValueSchema.nullable(),
  pathNow: TargetQuantitySchema.nullable(),
  gap: TargetQuantitySchema.nullable(),
  met: z.boolean().nullable(),
  status: z.enum(TARGET_STATUSES),
  statusBasis: z.enum(STATUS_BASES),
  yearly: z.array(
    z.object({
      year: z.number().int(),
      target: TargetQuantitySchema,
      actual: TargetQuantitySchema.nullable(),
      met: z.boolean().nullable(),
    }),
  ),
  yearToDate: z
    .object({
      year: z.number().int(),
      throughMonth: z.number().int(),
      value: TargetQuantitySchema,
      samePeriodLastYear: TargetQuantitySchema.nullable(),
      missing: z.array(z.string()),
    })
    .nullable(),
  requiredGrowth: z
    .object({
      fromYear: z.number().int(),
      fromValue: FenText,
      deadlineYear: z.number().int(),
      neededValue: FenText,
      annualRate: z.number().nullable(),
      monthlyRate: z.number().nullable(),
      remaining: z
        .object({
          year: z.number().int(),
          throughMonth: z.number().int(),
          yearToDate: FenText,
          remainingMonths: z.number().int(),
          neededInRemaining: FenText,
          perMonth: FenText,
          samePeriodLastYear: FenText.nullable(),
          growthOverSamePeriod: z.number().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  contribution: z
    .object({
      metric: z.enum(["revenue", "count"]),
      fromYear: z.number().int(),
      toYear: z.number().int(),
      total: IntegerText,
      byChain: z.array(GroupChangeSchema),
      byTown: z.array(GroupChangeSchema),
      topContributors: z.array(EnterpriseChangeSchema),
      largestDeclines: z.array(EnterpriseChangeSchema),
      missingRevenue: z.array(z.string()),
    })
    .nullable(),
  fallRisks: z
    .array(
      z.object({
        enterpriseId: z.number().int(),
        name: z.string(),
        chainId: z.string(),
        town: z.string().nullable(),
        revenue: FenText,
        shareMillionths: IntegerText,
        marginOverThreshold: FenText,
        changeOverPreviousYear: FenText.nullable(),
        targetMetWithout: z.boolean().nullable(),
      }),
    )
    .nullable(),
  /** Missing data and readings, in Chinese; `noteMessages` holds them as messages, one for one. */
  notes: z.array(z.string()),
  noteMessages: z.array(NoteMessageSchema),
  forecast: z
    .object({
      estimate: TargetQuantitySchema,
      low: TargetQuantitySchema,
      high: TargetQuantitySchema,
      detail: z.discriminatedUnion("kind", [RevenueForecastDetailSchema, AboveScaleForecastDetailSchema]).nullable(),
    })
    .nullable(),
});
export type TargetDetail = z.infer<typeof TargetDetailSchema>;

/**
 * Set when the answer was computed at an older version of the district's data and a newer one is being computed (a
 * large district answers at once rather than after its computation); absent otherwise.
 */
const Refreshing = z.literal(true).optional();

export const TargetListSchema = z.object({
  refreshing: Refreshing,
  asOf: YearMonthSchema,
  latest: YearMonthSchema.nullable(),
  dataVersion: z.number().int(),
  plan: z.object({ id: z.string(), title: z.string(), version: z.number().int() }),
  chains: z.array(NamedChainSchema),
  towns: z.array(TownSchema),
  notes: z.array(z.string()),
  noteMessages: z.array(NoteMessageSchema),
  targets: z.array(TargetDetailSchema),
});
export type TargetList = z.infer<typeof TargetListSchema>;

// ---- The office's inputs, the board's publication ----

export const TargetInputsSchema = z.object({
  investment: z.array(z.object({ year: z.number().int(), totalFen: FenText, manufacturingFen: FenText })),
  onlineServices: z.array(
    z.object({ code: z.string(), name: z.string(), unitId: z.number().int().nullable(), online: z.boolean() }),
  ),
});
export type TargetInputs = z.infer<typeof TargetInputsSchema>;

export const BoardPublicationViewSchema = z.object({
  districtId: z.string(),
  districtName: z.string(),
  published: z.boolean(),
  updatedAt: Timestamp.nullable(),
});
export type BoardPublication = z.infer<typeof BoardPublicationViewSchema>;

export const BoardPublishedSchema = z.object({ published: z.boolean() });
export type BoardPublished = z.infer<typeof BoardPublishedSchema>;

// ---- GET /api/dashboard ----

export const TargetCardSchema = z.object({
  targetId: z.string(),
  clause: z.string(),
  name: z.string(),
  nameEn: z.string(),
  quote: z.string(),
  metric: z.string(),
  unit: z.enum(TARGET_UNITS),
  comparison: z.enum(["gt", "gte"]),
  aspiration: z.boolean(),
  deadlineYear: z.number().int(),
  target: TargetQuantitySchema,
  upperValue: TargetQuantitySchema.nullable(),
  baseline: TargetQuantitySchema.nullable(),
  current: CurrentValueSchema.nullable(),
  gap: TargetQuantitySchema.nullable(),
  met: z.boolean().nullable(),
  status: z.enum(TARGET_STATUSES),
  statusBasis: z.enum(STATUS_BASES),
  /** Share of the way from baseline to target (1 = reached); null when unknown. */
  progress: z.number().nullable(),
  forecast: z
    .object({
      estimate: TargetQuantitySchema,
      low: TargetQuantitySchema,
      high: TargetQuantitySchema,
      level: z.number(),
      probabilityMet: z.number().nullable(),
      basis: z.enum(FORECAST_BASES).nullable(),
    })
    .nullable(),
});
export type TargetCard = z.infer<typeof TargetCardSchema>;

/** Above-scale revenue of a chain or town: this period against the same period a year before. */
export const DashboardGroupRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  current: FenText,
  /** The same enterprises' figure a year before: those that reported this period. */
  previous: FenText,
  enterprises: z.number().int(),
  /** Enterprises of the group that reported this period. */
  reported: z.number().int(),
});
export type DashboardGroupRow = z.infer<typeof DashboardGroupRowSchema>;

export const DashboardSchema = z.object({
  refreshing: Refreshing,
  asOf: YearMonthSchema,
  latest: YearMonthSchema.nullable(),
  coverage: DataCoverageSchema,
  dataVersion: z.number().int(),
  plan: z.object({ id: z.string(), title: z.string(), titleEn: z.string() }),
  chains: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
  towns: z.array(TownSchema),
  notes: z.array(z.string()),
  noteMessages: z.array(NoteMessageSchema),
  cards: z.array(TargetCardSchema),
  revenueYears: z.array(
    z.object({ year: z.number().int(), actual: FenText, complete: z.boolean(), path: FenText.nullable() }),
  ),
  revenueByMonth: z.object({
    year: z.number().int(),
    throughMonth: z.number().int(),
    directoryYear: z.number().int().nullable(),
    enterprises: z.number().int(),
    months: z.array(
      z.object({
        month: z.number().int(),
        current: FenText.nullable(),
        previous: FenText.nullable(),
        reported: z.number().int(),
      }),
    ),
    yearToDate: FenText,
    samePeriodLastYear: FenText,
    /** The enterprises with every month to date in both years, and their sums: what 同比 compares. */
    comparable: z.object({ enterprises: z.number().int(), yearToDate: FenText, samePeriodLastYear: FenText }),
    /** 同比 growth of the same enterprises, in millionths; null without last year's months. */
    growthMillionths: IntegerText.nullable(),
  }),
  byChain: z.array(DashboardGroupRowSchema),
  byTown: z.array(DashboardGroupRowSchema),
  projectFunnel: z.array(
    z.object({ stage: z.enum(PROJECT_STAGES), count: z.number().int(), plannedInvestment: FenText }),
  ),
  reservePool: z.object({
    directoryYear: z.number().int().nullable(),
    /** The deadline year once its directory is known: the pool's outcome is fact, not forecast. */
    settledYear: z.number().int().nullable(),
    count: z.number().int(),
    expectedEntries: z.number().nullable(),
    likelyByDeadline: z.number().int(),
    top: z.array(
      z.object({
        enterpriseId: z.number().int(),
        name: z.string(),
        chainId: z.string(),
        revenueLastYear: FenText.nullable(),
        lastYear: z.number().int(),
        probabilityAtDeadline: z.number().nullable(),
        likelyYear: z.number().int().nullable(),
      }),
    ),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---- The records behind a figure (GET /api/dashboard/records, GET /api/targets/:id/records) ----

export const EnterpriseRecordSchema = z.object({
  enterpriseId: z.number().int(),
  /** The enterprise's page in the web app. */
  link: z.string(),
  name: z.string(),
  creditCode: z.string(),
  chainId: z.string(),
  chainName: z.string(),
  townName: z.string(),
  /** A scale status code, or a Chinese text (an entry, an exit, a listing year) with its message. */
  status: z.string().nullable(),
  statusMessage: NoteMessageSchema.optional(),
  value: IntegerText.nullable(),
  previous: IntegerText.nullable(),
});
export type EnterpriseRecord = z.infer<typeof EnterpriseRecordSchema>;

export const ProjectRecordSchema = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  chainId: z.string(),
  chainName: z.string(),
  stage: z.string(),
  plannedInvestment: FenText,
  introducedYear: z.number().int().nullable(),
  enterpriseId: z.number().int().nullable(),
});
export type ProjectRecord = z.infer<typeof ProjectRecordSchema>;

/** A line of a share's records: Chinese texts, with their messages where they are not names. */
export const RecordItemSchema = z.object({
  name: z.string(),
  value: z.string(),
  nameMessage: NoteMessageSchema.optional(),
  valueMessage: NoteMessageSchema.optional(),
});
export type RecordItem = z.infer<typeof RecordItemSchema>;

/** The records behind a figure: the Chinese title and notes, each with its message, and their total. */
export const RecordSetSchema = z.object({
  title: z.string(),
  titleMessage: NoteMessageSchema,
  kind: z.enum(RECORD_KINDS),
  /** The figure the records add up to (fen for money; a count otherwise). */
  total: IntegerText,
  unit: z.enum(RECORD_UNITS),
  /** What each enterprise's value holds: revenue in fen, or what it adds to a count (+1, −1); default: unit. */
  valueUnit: z.enum(RECORD_UNITS).optional(),
  enterprises: z.array(EnterpriseRecordSchema).optional(),
  projects: z.array(ProjectRecordSchema).optional(),
  items: z.array(RecordItemSchema).optional(),
  notes: z.array(z.string()),
  noteMessages: z.array(NoteMessageSchema),
});
export type RecordSet = z.infer<typeof RecordSetSchema>;

// ---- GET /api/public/board ----

/** One target on the public board: aggregate figures only, as integer text in the target's unit. */
export const PublicBoardTargetSchema = z.object({
  targetId: z.string(),
  clause: z.string(),
  name: z.string(),
  nameEn: z.string(),
  metric: z.string(),
  unit: z.enum(TARGET_UNITS),
  aspiration: z.boolean(),
  deadlineYear: z.number().int(),
  target: IntegerText.nullable(),
  baseline: IntegerText.nullable(),
  current: z.object({ year: z.number().int(), month: z.number().int(), value: IntegerText.nullable() }).nullable(),
  status: z.enum(TARGET_STATUSES),
  statusBasis: z.enum(STATUS_BASES),
  progress: z.number().nullable(),
  forecast: z
    .object({ estimate: IntegerText.nullable(), low: IntegerText.nullable(), high: IntegerText.nullable() })
    .nullable(),
});
export type PublicBoardTarget = z.infer<typeof PublicBoardTargetSchema>;

export const PublicBoardSchema = z.object({
  refreshing: Refreshing,
  district: z.object({ id: z.string(), name: z.string() }),
  plan: z.object({ title: z.string(), titleEn: z.string() }),
  asOf: YearMonthSchema,
  coverage: DataCoverageSchema,
  targets: z.array(PublicBoardTargetSchema),
});
export type PublicBoard = z.infer<typeof PublicBoardSchema>;

/** GET /api/public/board: the board when the office publishes it; otherwise a plain "not published" (not an error). */
export const PublicBoardAnswerSchema = z.union([
  PublicBoardSchema.extend({ published: z.literal(true) }),
  z.object({ published: z.literal(false) }),
]);
export type PublicBoardAnswer = z.infer<typeof PublicBoardAnswerSchema>;
