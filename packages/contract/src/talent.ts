/**
 * The talent ledger (返乡人才台账, M13): returning talent kept by the unit the plan gives keepTalentLedger (towns add
 * their own people), their personal data masked for everyone else; enterprises' job posts; the matching of the
 * two with the reason of every point; recommendations and how they turned out (/api/talent/*).
 */
import { EDUCATION_LEVELS, JOB_POST_STATUSES, RECOMMENDATION_OUTCOMES } from "@beizeng/domain/talent/vocabulary";
import { z } from "zod";
import { DateText, FilePart, Timestamp } from "./common";

export {
  EDUCATION_LEVELS,
  type EducationLevel,
  JOB_POST_STATUSES,
  type JobPostStatus,
  RECOMMENDATION_OUTCOMES,
  type RecommendationOutcome,
} from "@beizeng/domain/talent/vocabulary";

const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default("");
const date = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`);
/** Monthly pay in whole 元: wages are posted and wished for in yuan, never as a fraction. */
const monthlyPay = (label: string) =>
  z
    .number({ error: `${label}应为以元为单位的整数` })
    .int(`${label}应为以元为单位的整数`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000, `${label}不能超过 1,000,000 元`);
const skillList = (label: string) =>
  z
    .array(z.string().trim().min(1, `${label}不能为空`).max(30, `每项${label}不能超过 30 个字`), {
      error: `请填写${label}`,
    })
    .max(20, `${label}至多 20 项`);
const unitId = (label: string) => z.string({ error: `请选择${label}` }).min(1, `请选择${label}`);

/** A unit (town, street, zone) as shown beside a record. */
export const PlaceSchema = z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() });
export type Place = z.infer<typeof PlaceSchema>;

// ---------------------------------------------------------------- people

export const TalentPersonInputSchema = z
  .object({
    name: text(30, "姓名"),
    phone: text(30, "手机号"),
    originTown: unitId("来源乡镇（街道）"),
    education: z.enum(EDUCATION_LEVELS, { error: "请选择学历" }),
    skills: skillList("技能特长"),
    experience: optionalText(500, "工作经历"),
    wishedWork: optionalText(100, "就业意向"),
    wishedPlace: z.string().min(1).nullable().default(null),
    wishedPay: monthlyPay("期望月薪").nullable().default(null),
    /** The day the person agreed to be kept in the ledger and recommended; null: not (yet) agreed. */
    consentOn: date("同意日期").nullable().default(null),
  })
  .strict();
export type TalentPersonInput = z.input<typeof TalentPersonInputSchema>;

export const TalentPersonSchema = z.strictObject({
  id: z.number().int(),
  /** In full for the keeper after a reveal only; otherwise masked (张*). */
  name: z.string(),
  /** Masked (138****1234) unless revealed. */
  phone: z.string(),
  masked: z.boolean(),
  originTown: PlaceSchema,
  education: z.enum(EDUCATION_LEVELS),
  skills: z.array(z.string()),
  experience: z.string(),
  wishedWork: z.string(),
  wishedPlace: PlaceSchema.nullable(),
  wishedPay: z.number().int().nullable(),
  consentOn: DateText.nullable(),
  /** Hired through a recommendation: no longer matched to posts. */
  placed: z.boolean(),
  recommendations: z.number().int(),
  /** The unit that recorded the person (the keeper, or a town). */
  recordedBy: PlaceSchema,
  recordedOn: DateText,
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type TalentPerson = z.infer<typeof TalentPersonSchema>;

export const TalentPeopleSchema = z.strictObject({
  people: z.array(TalentPersonSchema),
  /** The caller keeps the ledger (the unit the plan gives keepTalentLedger): edits, removes, reveals, recommends. */
  canKeep: z.boolean(),
  /** The caller may add people: the keeper (any town) or a town (its own people). */
  canAdd: z.boolean(),
  /** The towns the caller may record people of. */
  towns: z.array(PlaceSchema),
  /** Every place a post may be in or a person may wish to work in (towns, streets, zones). */
  places: z.array(PlaceSchema),
  /** The units the plan gives keepTalentLedger, by name. */
  keepers: z.array(z.string()),
});
export type TalentPeople = z.infer<typeof TalentPeopleSchema>;

/** A person's name and number in full, for the keeper; each reveal is audited. */
export const RevealedPersonSchema = z.strictObject({ id: z.number().int(), name: z.string(), phone: z.string() });
export type RevealedPerson = z.infer<typeof RevealedPersonSchema>;

/** The unmasked export is the keeper's only, and audited; everyone else's export is masked. */
export const TalentExportQuerySchema = z.object({ unmasked: z.enum(["0", "1"]).optional() });

export const TalentImportFormSchema = z.strictObject({
  file: FilePart.describe("返乡人才台账导入模板（.xlsx），至多 20 MB"),
});
export type TalentImportForm = z.input<typeof TalentImportFormSchema>;

export const TalentImportedSchema = z.strictObject({ rows: z.number().int(), people: z.number().int() });
export type TalentImported = z.infer<typeof TalentImportedSchema>;

// ---------------------------------------------------------------- job posts

export const JobPostInputSchema = z
  .object({
    /** The enterprise posting: an enterprise's own account leaves it out; the keeper names one of the register. */
    enterpriseId: z.number().int().positive().optional(),
    title: text(50, "岗位名称"),
    skills: skillList("技能要求"),
    payMin: monthlyPay("最低月薪"),
    payMax: monthlyPay("最高月薪"),
    place: unitId("工作地点"),
    headcount: z
      .number({ error: "招聘人数应为整数" })
      .int("招聘人数应为整数")
      .min(1, "招聘人数至少为 1")
      .max(10_000, "招聘人数不能超过 10,000"),
    description: optionalText(1000, "岗位说明"),
    status: z.enum(JOB_POST_STATUSES, { error: "岗位状态应为招聘中或已停止" }).default("open"),
  })
  .strict()
  .superRefine((post, context) => {
    if (post.payMin > post.payMax)
      context.addIssue({ code: "custom", path: ["payMax"], message: "最高月薪不能低于最低月薪" });
  });
export type JobPostInput = z.input<typeof JobPostInputSchema>;

export const JobPostSchema = z.strictObject({
  id: z.number().int(),
  enterprise: z.strictObject({ id: z.number().int(), name: z.string() }),
  title: z.string(),
  skills: z.array(z.string()),
  payMin: z.number().int(),
  payMax: z.number().int(),
  place: PlaceSchema,
  headcount: z.number().int(),
  description: z.string(),
  status: z.enum(JOB_POST_STATUSES),
  postedOn: DateText,
  recommended: z.number().int(),
  hired: z.number().int(),
  isDemo: z.boolean(),
});
export type JobPost = z.infer<typeof JobPostSchema>;

export const JobPostsSchema = z.strictObject({
  posts: z.array(JobPostSchema),
  /** The caller may post: an enterprise (its own) or the keeper (for any enterprise). */
  canPost: z.boolean(),
  places: z.array(PlaceSchema),
});
export type JobPosts = z.infer<typeof JobPostsSchema>;

// ---------------------------------------------------------------- matching

export const MatchReasonSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("skills"),
    matched: z.array(z.string()),
    asked: z.number().int(),
    points: z.number().int(),
  }),
  z.strictObject({ kind: z.literal("sameTown"), points: z.number().int() }),
  z.strictObject({ kind: z.literal("wishedPlace"), points: z.number().int() }),
  z.strictObject({ kind: z.literal("wishedWork"), word: z.string(), points: z.number().int() }),
  z.strictObject({
    kind: z.literal("pay"),
    wished: z.number().int().nullable(),
    payMax: z.number().int(),
    points: z.number().int(),
  }),
]);
export type MatchReason = z.infer<typeof MatchReasonSchema>;

const matchFields = {
  score: z.number().int(),
  reasons: z.array(MatchReasonSchema),
  payBelowWish: z.boolean(),
  /** How an earlier recommendation of this pair stands; null when none was made. */
  recommendation: z.enum(RECOMMENDATION_OUTCOMES).nullable(),
};

export const PostCandidatesSchema = z.strictObject({
  post: JobPostSchema,
  candidates: z.array(z.strictObject({ person: TalentPersonSchema, ...matchFields })),
  /** People who would match but have not agreed to be recommended: counted, not listed. */
  withoutConsent: z.number().int(),
});
export type PostCandidates = z.infer<typeof PostCandidatesSchema>;

export const PersonPostsSchema = z.strictObject({
  person: TalentPersonSchema,
  posts: z.array(z.strictObject({ post: JobPostSchema, ...matchFields })),
});
export type PersonPosts = z.infer<typeof PersonPostsSchema>;

// ---------------------------------------------------------------- recommendations

export const RecommendationInputSchema = z
  .object({
    postId: z.number({ error: "请选择岗位" }).int().positive(),
    personId: z.number({ error: "请选择人员" }).int().positive(),
    /** The person agreed to give this enterprise their name and number: the enterprise then reads them in full. */
    contactShared: z.boolean().default(false),
    note: optionalText(500, "推荐说明"),
  })
  .strict();
export type RecommendationInput = z.input<typeof RecommendationInputSchema>;

export const RecommendationOutcomeInputSchema = z
  .object({
    outcome: z.enum(["interviewed", "hired", "declined"], { error: "请选择结果（已面试、已录用或未录用）" }),
    on: date("结果日期"),
    note: optionalText(500, "结果说明"),
  })
  .strict();
export type RecommendationOutcomeInput = z.input<typeof RecommendationOutcomeInputSchema>;

export const RecommendationSchema = z.strictObject({
  id: z.number().int(),
  post: z.strictObject({ id: z.number().int(), title: z.string(), enterprise: z.string() }),
  /** null once the person was removed from the ledger (the recommendation stays, counted, under a masked name). */
  personId: z.number().int().nullable(),
  name: z.string(),
  phone: z.string(),
  masked: z.boolean(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  skills: z.array(z.string()),
  contactShared: z.boolean(),
  outcome: z.enum(RECOMMENDATION_OUTCOMES),
  recommendedOn: DateText,
  outcomeOn: DateText.nullable(),
  note: z.string(),
  /** The caller may record the next outcome (the keeper, or the enterprise of the post). */
  canRecord: z.boolean(),
  isDemo: z.boolean(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationsSchema = z.strictObject({ recommendations: z.array(RecommendationSchema) });
export type Recommendations = z.infer<typeof RecommendationsSchema>;

// ---------------------------------------------------------------- summary

export const TalentSummarySchema = z.strictObject({
  people: z.number().int(),
  consented: z.number().int(),
  placed: z.number().int(),
  openPosts: z.number().int(),
  openPositions: z.number().int(),
  recommended: z.number().int(),
  interviewed: z.number().int(),
  hired: z.number().int(),
});
export type TalentSummary = z.infer<typeof TalentSummarySchema>;

/** Removal of a person from the ledger on their request: why, as the audit log keeps it. */
export const TalentRemovalSchema = z.object({ reason: text(200, "删除原因") }).strict();
export type TalentRemoval = z.input<typeof TalentRemovalSchema>;
