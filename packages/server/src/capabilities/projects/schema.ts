import { z } from "zod";
import { pageQuerySchema } from "../../platform/http/validation";

const stage = z.enum(["planning", "negotiation", "signed", "construction", "production"], {
  error: "阶段应为 planning、negotiation、signed、construction、production 之一",
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

export const ProjectQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  stage: stage.optional(),
  chain: z.string().max(40).optional(),
  leadUnit: id.optional(),
  leader: id.optional(),
  category: z.enum(["50", "20", "industrial", "other"]).optional(),
  status: z.enum(["green", "yellow", "red", "done"]).optional(),
  mine: z
    .enum(["true", "false", "1", "0"])
    .transform((value) => value === "true" || value === "1")
    .optional(),
  /** Export only: the empty template (headers without rows). */
  template: z.enum(["1", "true"]).optional(),
  ...pageQuerySchema,
});
export type ProjectQueryReq = z.infer<typeof ProjectQuerySchema>;

const plannedDates = z
  .object({
    planning: isoDate.nullable().optional(),
    negotiation: isoDate.nullable().optional(),
    signed: isoDate.nullable().optional(),
    construction: isoDate.nullable().optional(),
    production: isoDate.nullable().optional(),
  })
  .strict();

const projectFields = {
  code: z.string().trim().max(40, "项目编号不能超过 40 个字").optional(),
  name: text(200, "项目名称"),
  investor: text(200, "投资方"),
  chainId: z.string().min(1, "请选择产业链").max(40),
  plannedInvestmentFen: fen.refine((value) => value > 0n, "计划总投资应大于0"),
  completedInvestmentFen: fen.default(0n),
  manufacturing: z.boolean().default(false),
  sourceUnitId: id.nullable().default(null),
  origin: z.enum(["top500", "listed", "other"], { error: "投资方类型应为 top500、listed 或 other" }).default("other"),
  leadUnitId: id.nullable().default(null),
  leaderUserId: id.nullable().default(null),
  enterpriseId: id.nullable().default(null),
  location: z.string().trim().max(200).default(""),
  plannedDates: plannedDates.optional(),
};

export const CreateProjectSchema = z
  .object({ ...projectFields, stage: stage.optional(), reachedOn: isoDate.optional() })
  .strict();

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
    origin: z.enum(["top500", "listed", "other"]).optional(),
    leadUnitId: id.nullable().optional(),
    leaderUserId: id.nullable().optional(),
    enterpriseId: id.nullable().optional(),
    location: z.string().trim().max(200).optional(),
    plannedDates: plannedDates.optional(),
  })
  .strict();

export const MoveProjectSchema = z
  .object({
    stage,
    reachedOn: isoDate.optional(),
    reason: z.string().trim().max(500, "原因不能超过 500 个字").optional(),
  })
  .strict();

export const DecisionSchema = z.object({ decidedOn: isoDate.optional(), text: text(2000, "决策内容") }).strict();

export const BlockerSchema = z
  .object({
    category: z.enum(["land", "approval", "utilities", "financing", "other"], {
      error: "问题类型应为 land（用地）、approval（审批）、utilities（水电气）、financing（融资）或 other（其他）",
    }),
    description: text(2000, "问题描述"),
    unitId: id,
    dueOn: isoDate,
  })
  .strict();

export const BlockerQuerySchema = z.object({
  status: z.enum(["open", "answered", "closed"]).optional(),
  unit: id.optional(),
  mine: z
    .enum(["true", "false", "1", "0"])
    .transform((value) => value === "true" || value === "1")
    .optional(),
  overdue: z
    .enum(["true", "false", "1", "0"])
    .transform((value) => value === "true" || value === "1")
    .optional(),
});

export const BlockerActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("answer"), answer: text(2000, "答复内容") }).strict(),
  z.object({ action: z.literal("close"), answer: z.string().trim().max(2000).optional() }).strict(),
]);

export const StatsQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const InvestmentYearSchema = z
  .object({
    totalFen: fen,
    manufacturingFen: fen,
  })
  .strict();

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
