/**
 * Investment projects (/api/projects*, /api/project-blockers*, /api/fixed-asset-investment*): the pipeline's
 * projects, their stages, the problems holding them up (项目直通车), leaders' decisions, the import and the
 * district's yearly fixed-asset investment. Their vocabularies (stages, categories, schedule statuses, investors'
 * origins, the problems' categories and statuses) are the domain's.
 */
import { PROJECT_CATEGORIES } from "@beizeng/domain/projects/category";
import { PROJECT_STAGES, SCHEDULE_STATUSES } from "@beizeng/domain/projects/lifecycle";
import { BLOCKER_CATEGORIES, BLOCKER_STATUSES, PROJECT_ORIGINS } from "@beizeng/domain/projects/vocabulary";
import { z } from "zod";
import { DateText, FenText, FilePart, pageOf, pageQueryFields, Timestamp } from "./common";

export type { ProjectCategory } from "@beizeng/domain/projects/category";
export type { ProjectStage, ScheduleStatus } from "@beizeng/domain/projects/lifecycle";
export {
  BLOCKER_CATEGORIES,
  BLOCKER_STATUSES,
  type BlockerCategory,
  type BlockerStatus,
  PROJECT_ORIGINS,
  type ProjectOrigin,
} from "@beizeng/domain/projects/vocabulary";

// ---------------------------------------------------------------- requests

const stage = z.enum(PROJECT_STAGES, {
  error: `阶段应为 ${PROJECT_STAGES.join("、")} 之一`,
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD 格式");
const fen = z
  .union([z.string(), z.number().int()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{1,17}$/.test(value), "金额应为不小于0的整数（单位：分）")
  .transform((value) => BigInt(value));
const id = z.coerce.number().int().positive();
const text = (max: number, what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1")
  .optional();

export const ProjectQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  stage: stage.optional(),
  chain: z.string().max(40).optional(),
  leadUnit: id.optional(),
  leader: id.optional(),
  category: z.enum(PROJECT_CATEGORIES).optional(),
  status: z.enum(SCHEDULE_STATUSES).optional(),
  mine: flag,
  /** Export only: the empty template (headers without rows). */
  template: z.enum(["1", "true"]).optional(),
  ...pageQueryFields,
});
export type ProjectQueryReq = z.infer<typeof ProjectQuerySchema>;

/** The planned date of any stage, or null to clear it. */
const plannedDates = z.partialRecord(z.enum(PROJECT_STAGES), isoDate.nullable());

const origin = z.enum(PROJECT_ORIGINS, { error: "投资方类型应为 top500、listed 或 other" });

const projectFields = {
  code: z.string().trim().max(40, "项目编号不能超过 40 个字").optional(),
  name: text(200, "项目名称"),
  investor: text(200, "投资方"),
  chainId: z.string().min(1, "请选择产业链").max(40),
  plannedInvestmentFen: fen.refine((value) => value > 0n, "计划总投资应大于0"),
  completedInvestmentFen: fen.default(0n),
  manufacturing: z.boolean().default(false),
  sourceUnitId: id.nullable().default(null),
  origin: origin.default("other"),
  leadUnitId: id.nullable().default(null),
  leaderUserId: id.nullable().default(null),
  enterpriseId: id.nullable().default(null),
  location: z.string().trim().max(200).default(""),
  plannedDates: plannedDates.optional(),
};

export const CreateProjectSchema = z
  .object({ ...projectFields, stage: stage.optional(), reachedOn: isoDate.optional() })
  .strict();
/** What a project form sends (money as fen text); the server fills the defaults. */
export type CreateProjectReq = z.input<typeof CreateProjectSchema>;

export const UpdateProjectSchema = z
  .object({
    code: projectFields.code,
    name: projectFields.name.optional(),
    investor: projectFields.investor.optional(),
    chainId: projectFields.chainId.optional(),
    plannedInvestmentFen: fen.refine((value) => value > 0n, "计划总投资应大于0").optional(),
    completedInvestmentFen: fen.optional(),
    manufacturing: z.boolean().optional(),
    sourceUnitId: id.nullable().optional(),
    origin: z.enum(PROJECT_ORIGINS).optional(),
    leadUnitId: id.nullable().optional(),
    leaderUserId: id.nullable().optional(),
    enterpriseId: id.nullable().optional(),
    location: z.string().trim().max(200).optional(),
    plannedDates: plannedDates.optional(),
  })
  .strict();
export type UpdateProjectReq = z.input<typeof UpdateProjectSchema>;

export const MoveProjectSchema = z
  .object({
    stage,
    reachedOn: isoDate.optional(),
    reason: z.string().trim().max(500, "原因不能超过 500 个字").optional(),
  })
  .strict();
export type MoveProjectReq = z.input<typeof MoveProjectSchema>;

export const DecisionSchema = z.object({ decidedOn: isoDate.optional(), text: text(2000, "决策内容") }).strict();
export type DecisionReq = z.input<typeof DecisionSchema>;

export const BlockerSchema = z
  .object({
    category: z.enum(BLOCKER_CATEGORIES, {
      error: "问题类型应为 land（用地）、approval（审批）、utilities（水电气）、financing（融资）或 other（其他）",
    }),
    description: text(2000, "问题描述"),
    unitId: id,
    dueOn: isoDate,
  })
  .strict();
export type BlockerReq = z.input<typeof BlockerSchema>;

export const BlockerQuerySchema = z.object({
  status: z.enum(BLOCKER_STATUSES).optional(),
  unit: id.optional(),
  mine: flag,
  overdue: flag,
});
export type BlockerQueryReq = z.infer<typeof BlockerQuerySchema>;

export const BlockerActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("answer"), answer: text(2000, "答复内容") }).strict(),
  z.object({ action: z.literal("close"), answer: z.string().trim().max(2000).optional() }).strict(),
]);
export type BlockerActionReq = z.input<typeof BlockerActionSchema>;

export const StatsQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const InvestmentYearSchema = z
  .object({
    totalFen: fen,
    manufacturingFen: fen,
  })
  .strict();
export type InvestmentYearReq = z.input<typeof InvestmentYearSchema>;

export const YearParamSchema = z.object({
  year: z.coerce.number().int().min(2000, "年份不正确").max(2100, "年份不正确"),
});

export const ImportSchema = z
  .object({
    fileName: z.string().max(200).optional(),
    contentBase64: z.string().min(1, "请上传文件").max(28_000_000, "文件过大"),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type ImportReq = z.input<typeof ImportSchema>;
/** The project import as a multipart form: the workbook and whether to check it only. */
export const ProjectImportFormSchema = z.strictObject({
  file: FilePart.describe("项目库工作簿（.xlsx），至多 20 MB"),
  dryRun: z.enum(["true", "false"]).default("false"),
});
export type ProjectImportForm = z.input<typeof ProjectImportFormSchema>;
export const ProjectImportFieldsSchema = ProjectImportFormSchema.omit({ file: true });

// ---------------------------------------------------------------- responses

const count = z.number().int().min(0);
const year = z.number().int();
const IdName = z.strictObject({ id: z.number().int(), name: z.string() });

export const StageDatesSchema = z.strictObject({
  stage: z.enum(PROJECT_STAGES),
  plannedOn: DateText.nullable(),
  reachedOn: DateText.nullable(),
});
export type StageDates = z.infer<typeof StageDatesSchema>;

/** An investment project: category and schedule derived (never entered), investment as fen text. */
export const ProjectViewSchema = z.strictObject({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  investor: z.string(),
  chainId: z.string(),
  plannedInvestmentFen: FenText,
  completedInvestmentFen: FenText,
  /** Derived from the planned investment with the plan's thresholds. */
  category: z.enum(PROJECT_CATEGORIES),
  manufacturing: z.boolean(),
  sourceUnit: IdName.nullable(),
  origin: z.enum(PROJECT_ORIGINS),
  leadUnit: IdName.nullable(),
  leader: IdName.nullable(),
  enterprise: IdName.nullable(),
  location: z.string(),
  stage: z.enum(PROJECT_STAGES),
  /** The planned and reached date of every stage, in order. */
  stages: z.array(StageDatesSchema),
  schedule: z.strictObject({
    status: z.enum(SCHEDULE_STATUSES),
    lateStage: z.enum(PROJECT_STAGES).nullable(),
    daysLate: count,
  }),
  introducedYear: year.nullable(),
  /** The year the project reached 建成投产: the rewards engine pays R-PROJ in this year. */
  productionYear: year.nullable(),
  openBlockers: count,
  overdueBlockers: count,
  isDemo: z.boolean(),
});
export type ProjectView = z.infer<typeof ProjectViewSchema>;

export const ProjectListSchema = pageOf(ProjectViewSchema);
export type ProjectList = z.infer<typeof ProjectListSchema>;

/** A problem holding a project up, assigned to a unit with a due date. */
export const BlockerViewSchema = z.strictObject({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  category: z.enum(BLOCKER_CATEGORIES),
  description: z.string(),
  unit: IdName,
  dueOn: DateText,
  status: z.enum(BLOCKER_STATUSES),
  /** Still waiting for the unit's answer after the due date. */
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  closedOn: DateText.nullable(),
  createdAt: Timestamp,
});
export type BlockerView = z.infer<typeof BlockerViewSchema>;

export const BlockerListSchema = z.strictObject({ items: z.array(BlockerViewSchema), total: count });
export type BlockerList = z.infer<typeof BlockerListSchema>;

/** A decision a district leader logged on a project assigned to them. */
export const DecisionViewSchema = z.strictObject({
  id: z.number().int(),
  decidedOn: DateText,
  text: z.string(),
  author: z.string(),
  createdAt: Timestamp,
});
export type DecisionView = z.infer<typeof DecisionViewSchema>;

export const StageMoveViewSchema = z.strictObject({
  id: z.number().int(),
  /** Null for the stage the project was created in. */
  fromStage: z.enum(PROJECT_STAGES).nullable(),
  toStage: z.enum(PROJECT_STAGES),
  reachedOn: DateText,
  /** Given when the project moved back. */
  reason: z.string().nullable(),
  movedBy: z.string(),
  movedAt: Timestamp,
});
export type StageMoveView = z.infer<typeof StageMoveViewSchema>;

/** One project with its moves between stages, its problems and its leader's decisions. */
export const ProjectDetailSchema = z.strictObject({
  project: ProjectViewSchema,
  moves: z.array(StageMoveViewSchema),
  blockers: z.array(BlockerViewSchema),
  decisions: z.array(DecisionViewSchema),
  canWrite: z.boolean(),
  canDecide: z.boolean(),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

/** A unit as the project forms offer it (its kind is the plan's). */
const UnitOption = z.strictObject({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() });

/** What the project forms offer: units, leaders, the caller's rights and the category thresholds. */
export const ProjectOptionsSchema = z.strictObject({
  canWrite: z.boolean(),
  canEnterInvestment: z.boolean(),
  /** The units that run the pipeline (may write projects besides the office). */
  pipelineUnits: z.array(UnitOption),
  units: z.array(UnitOption),
  leaders: z.array(IdName),
  /** The minimum planned investment of each category, as decimal yuan text; null when the plan has none. */
  thresholds: z.strictObject({
    fifty: z.string().nullable(),
    twenty: z.string().nullable(),
    industrial: z.string().nullable(),
  }),
});
export type ProjectOptions = z.infer<typeof ProjectOptionsSchema>;

/** A decimal number as text ("0.3500", "12"). */
const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/);

/** What the pipeline counts toward the plan's project targets in a year. */
export const ProjectStatsSchema = z.strictObject({
  year,
  introducedByYear: z.array(z.strictObject({ year, counts: z.record(z.enum(PROJECT_CATEGORIES), count) })),
  targets: z.array(
    z.strictObject({
      id: z.string(),
      clause: z.string(),
      name: z.string(),
      nameEn: z.string(),
      metric: z.string(),
      unit: z.string(),
      target: DecimalText,
      deadline: DateText,
      /** Cumulative from the plan's start to the year for counts; the year's own share for a share. */
      actual: DecimalText.nullable(),
      yearlyTarget: DecimalText.nullable(),
      thisYear: count.nullable(),
      projectIds: z.array(z.number().int()),
    }),
  ),
  funnel: z.array(z.strictObject({ stage: z.enum(PROJECT_STAGES), count, plannedInvestmentFen: FenText })),
  manufacturing: z.strictObject({
    year,
    totalFen: FenText.nullable(),
    manufacturingFen: FenText.nullable(),
    share: DecimalText.nullable(),
    /** Completed investment of the pipeline's manufacturing projects to date, for comparison. */
    pipelineCompletedFen: FenText,
  }),
});
export type ProjectStats = z.infer<typeof ProjectStatsSchema>;

/** A year's fixed-asset investment as entered, its manufacturing part, and that part's share. */
export const InvestmentYearViewSchema = z.strictObject({
  year,
  totalFen: FenText,
  manufacturingFen: FenText,
  share: DecimalText.nullable(),
  updatedAt: Timestamp,
});
export type InvestmentYearView = z.infer<typeof InvestmentYearViewSchema>;

export const InvestmentYearsSchema = z.strictObject({ canEdit: z.boolean(), items: z.array(InvestmentYearViewSchema) });
export type InvestmentYears = z.infer<typeof InvestmentYearsSchema>;

/** The year saved. */
export const InvestmentYearSavedSchema = z.strictObject({ year, totalFen: FenText, manufacturingFen: FenText });
export type InvestmentYearSaved = z.infer<typeof InvestmentYearSavedSchema>;

/** A bad row of an imported sheet, with its Chinese message and the whole sentence naming row and column. */
export const ImportRowErrorSchema = z.strictObject({
  row: count,
  column: z.string().optional(),
  columnLetter: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
  text: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** The import's outcome: applied or not (all or nothing), what it did, and every bad row. */
export const ProjectImportResultSchema = z.strictObject({
  ok: z.boolean(),
  dryRun: z.boolean(),
  created: count,
  updated: count,
  moved: count,
  rows: count,
  errors: z.array(ImportRowErrorSchema),
});
export type ProjectImportResult = z.infer<typeof ProjectImportResultSchema>;
