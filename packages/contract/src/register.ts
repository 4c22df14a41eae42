/**
 * The enterprise register (/api/enterprises*, /api/figures/:id/confirm) and the monitoring of key enterprises
 * (/api/monitoring/*): the list and one enterprise with its history, designations, listing, leaders' visits,
 * its own profile and its figures. The above-scale statuses, listing stages, designations and warning states
 * are the product's (packages/domain/src/register/vocabulary.ts); the industrial chains are the plan's.
 */
import {
  CHAIN_ID_PATTERN,
  CHAIN_ROLES,
  DESIGNATION_KINDS,
  DESIGNATION_LEVELS,
  ENTRY_METRICS as ENTRY_METRIC_LIST,
  LISTING_STAGES,
  SCALE_STATUSES,
  SERVICE_NOTE_KINDS,
  WARNING_STATUSES,
} from "@beizeng/domain/register/vocabulary";
import { z } from "zod";
import { DateText, FenText, pageOf, pageQueryFields, Timestamp } from "./common";
import { type FigureMetric, FigureViewSchema } from "./figures";

export {
  CHAIN_ROLES,
  type ChainRole,
  DESIGNATION_KINDS,
  DESIGNATION_LEVELS,
  type DesignationKind,
  type DesignationLevel,
  type EntryMetric,
  LISTING_STAGES,
  type ListingStage,
  SCALE_STATUSES,
  type ScaleStatus,
  SERVICE_NOTE_KINDS,
  type ServiceNoteKind,
  WARNING_STATUSES,
  type WarningStatus,
} from "@beizeng/domain/register/vocabulary";

/** The metrics entered by hand, each one of the figures' metrics (checked here, where both lists are known). */
export const ENTRY_METRICS = ENTRY_METRIC_LIST satisfies readonly FigureMetric[];

// ---------------------------------------------------------------- requests

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
/**
 * One of the district plan's chains, by its id. Only its form is checked here; the service checks it against the
 * caller's plan, which the contract does not know.
 */
const chain = z
  .string()
  .trim()
  .regex(CHAIN_ID_PATTERN, "产业链编号应为小写字母、数字和短横线，如 new-materials")
  .max(50);
const year = z.number().int().min(1990).max(2100);

export const EnterpriseFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  chain: chain.optional(),
  town: z.coerce.number().int().positive().optional(),
  status: z.enum(SCALE_STATUSES).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  designation: z.enum(DESIGNATION_KINDS).optional(),
  /** Holds this role in a chain (in the chain filtered by, and in the year filtered by, when given). */
  chainRole: z.enum(CHAIN_ROLES, { error: "链主骨干筛选应为链主型或骨干型" }).optional(),
  key: flag.optional(),
  listing: z.enum(LISTING_STAGES).optional(),
  /** Reserve-pool enterprises within this many 万元 of the above-scale revenue threshold. */
  reserveWithin: z.coerce.number().min(0).max(1_000_000).optional(),
  /** Only the enterprises assigned to me (a leader's own). */
  mine: flag.optional(),
});
export type EnterpriseFilter = z.infer<typeof EnterpriseFilterSchema>;

export const EnterpriseQuerySchema = EnterpriseFilterSchema.extend(pageQueryFields);
export type EnterpriseQueryReq = z.infer<typeof EnterpriseQuerySchema>;
/** The list's query as the web sends it: flags as text, numbers as numbers or text. */
export type EnterpriseQueryParams = z.input<typeof EnterpriseQuerySchema>;

const creditCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase());
const industryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-T]?\d{2,4}$/, "行业代码应为门类字母加2–4位数字（GB/T 4754-2017），如 C2710");

export const EnterpriseCreateSchema = z.object({
  creditCode,
  name: z.string().trim().min(1, "请填写企业名称").max(200),
  townUnitId: z.number().int().positive().nullable().optional(),
  chainId: chain,
  industryCode: industryCode.nullable().optional(),
  isKey: z.boolean().optional(),
  leaderUserId: z.number().int().positive().nullable().optional(),
});
export type EnterpriseCreateReq = z.input<typeof EnterpriseCreateSchema>;

export const EnterpriseUpdateSchema = EnterpriseCreateSchema.partial();
export type EnterpriseUpdateReq = z.input<typeof EnterpriseUpdateSchema>;

export const ScaleYearParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const ScaleYearBodySchema = z.object({ status: z.enum(SCALE_STATUSES) });
export type ScaleYearBody = z.infer<typeof ScaleYearBodySchema>;

export const DesignationBodySchema = z.object({
  kind: z.enum(DESIGNATION_KINDS),
  level: z.enum(DESIGNATION_LEVELS),
  year,
});
export type DesignationBody = z.infer<typeof DesignationBodySchema>;

export const DesignationParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  designationId: z.coerce.number().int().positive(),
});

/** A chain role designated for a year, with where it comes from (the document or list that named it). */
export const ChainRoleBodySchema = z
  .object({
    chainId: z.string({ error: "请选择产业链" }).trim().min(1, "请选择产业链").pipe(chain),
    role: z.enum(CHAIN_ROLES, { error: "请选择企业类型（链主型或骨干型）" }),
    year: z.number({ error: "请填写认定年度" }).int("认定年度应为整数").min(1990, "认定年度不能早于 1990 年").max(2100),
    source: z
      .string({ error: "请填写认定来源" })
      .trim()
      .min(1, "请填写认定来源（如认定文件的文号）")
      .max(200, "认定来源不能超过 200 个字"),
  })
  .strict();
export type ChainRoleBody = z.input<typeof ChainRoleBodySchema>;

export const ChainRoleParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  chainRoleId: z.coerce.number().int().positive(),
});

/** The year the chains' leaders are shown for; absent: the latest year with a designation. */
export const ChainLeadersQuerySchema = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export type ChainLeadersQuery = z.input<typeof ChainLeadersQuerySchema>;

export const ListingEventBodySchema = z.object({
  stage: z.enum(LISTING_STAGES),
  date: DateText,
  note: z.string().trim().max(500).optional(),
});
export type ListingEventBody = z.infer<typeof ListingEventBodySchema>;

export const ServiceNoteBodySchema = z.object({
  kind: z.enum(SERVICE_NOTE_KINDS),
  date: DateText,
  content: z.string().trim().min(1, "请填写内容").max(4000),
});
export type ServiceNoteBody = z.infer<typeof ServiceNoteBodySchema>;

export const ProfileBodySchema = z.object({
  contactName: z.string().trim().max(50).optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, "联系电话只能包含数字、空格和 + - ( )")
    .optional(),
  contactEmail: z.union([z.literal(""), z.email("电子邮箱格式不正确")]).optional(),
  address: z.string().trim().max(200).optional(),
  businessScope: z.string().trim().max(2000).optional(),
});
export type ProfileBody = z.infer<typeof ProfileBodySchema>;

export const WarningQuerySchema = z.object({
  status: z.enum(WARNING_STATUSES).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
});
export type WarningQuery = z.infer<typeof WarningQuerySchema>;

export const MonitoringSettingsSchema = z.object({
  revenueDropShare: z.string().trim().max(10),
});
export type MonitoringSettingsBody = z.infer<typeof MonitoringSettingsSchema>;

// ---------------------------------------------------------------- responses

const person = z.strictObject({ id: z.number().int(), name: z.string() });

/** One enterprise as the list shows it. */
export const EnterpriseSummarySchema = z.strictObject({
  id: z.number().int(),
  /** 统一社会信用代码. */
  creditCode: z.string(),
  name: z.string(),
  town: z.strictObject({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  chainId: z.string(),
  industryCode: z.string().nullable(),
  isKey: z.boolean(),
  listingStage: z.enum(LISTING_STAGES).nullable(),
  leaderUserId: z.number().int().nullable(),
  isDemo: z.boolean(),
  /** The most recent above-scale status recorded. */
  scale: z.strictObject({ year: z.number().int(), status: z.enum(SCALE_STATUSES) }).nullable(),
  leader: person.nullable(),
  /** Latest official annual revenue in force. */
  latestRevenueFen: FenText.nullable(),
  /** For a reserve-pool enterprise: what is still missing to the above-scale revenue threshold (0 when reached). */
  reserveDistanceFen: FenText.nullable(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummarySchema>;

/** A page of the register, with the plan's above-scale revenue threshold (null without an active plan). */
export const EnterprisePageSchema = pageOf(EnterpriseSummarySchema).extend({ thresholdFen: FenText.nullable() });
export type EnterprisePage = z.infer<typeof EnterprisePageSchema>;

export const ScaleYearSchema = z.strictObject({ year: z.number().int(), status: z.enum(SCALE_STATUSES) });
export type ScaleYear = z.infer<typeof ScaleYearSchema>;

export const DesignationSchema = z.strictObject({
  id: z.number().int(),
  kind: z.enum(DESIGNATION_KINDS),
  level: z.enum(DESIGNATION_LEVELS),
  year: z.number().int(),
});
export type Designation = z.infer<typeof DesignationSchema>;

export const ChainRoleSchema = z.strictObject({
  id: z.number().int(),
  chainId: z.string(),
  /** The chain as the plan names it (its other chain's name for a chain the plan no longer lists). */
  chainName: z.string(),
  chainNameEn: z.string(),
  role: z.enum(CHAIN_ROLES),
  year: z.number().int(),
  source: z.string(),
  isDemo: z.boolean(),
});
export type ChainRoleView = z.infer<typeof ChainRoleSchema>;

export const ListingEventSchema = z.strictObject({
  id: z.number().int(),
  stage: z.enum(LISTING_STAGES),
  date: DateText,
  note: z.string(),
});
export type ListingEvent = z.infer<typeof ListingEventSchema>;

/** The contact fields the enterprise keeps up to date itself ("" where not given). */
export const ProfileSchema = z.strictObject({
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  address: z.string(),
  businessScope: z.string(),
  updatedAt: Timestamp.nullable(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const ServiceNoteSchema = z.strictObject({
  id: z.number().int(),
  kind: z.enum(SERVICE_NOTE_KINDS),
  date: DateText,
  content: z.string(),
  author: z.string().nullable(),
  createdAt: Timestamp,
});
export type ServiceNote = z.infer<typeof ServiceNoteSchema>;

/** One enterprise with its above-scale history, figures (corrections included) and register records. */
export const EnterpriseDetailSchema = EnterpriseSummarySchema.extend({
  thresholdFen: FenText.nullable(),
  /** Oldest first. */
  scaleHistory: z.array(ScaleYearSchema),
  figures: z.array(FigureViewSchema),
  designations: z.array(DesignationSchema),
  /** Newest year first. */
  chainRoles: z.array(ChainRoleSchema),
  /** Whether the caller designates chain roles (the office, or a unit the plan gives designateChainEnterprises). */
  canDesignateChainRoles: z.boolean(),
  listingEvents: z.array(ListingEventSchema),
  profile: ProfileSchema,
  /** Visits and 一企一策 notes: government staff only (empty for the enterprise's own account). */
  serviceNotes: z.array(ServiceNoteSchema),
});
export type EnterpriseDetail = z.infer<typeof EnterpriseDetailSchema>;

/** Every designation of a year across the register: the table behind the chains' leaders, and its export. */
export const ChainRoleEntrySchema = ChainRoleSchema.extend({
  enterprise: z.strictObject({ id: z.number().int(), name: z.string(), creditCode: z.string() }),
});
export type ChainRoleEntry = z.infer<typeof ChainRoleEntrySchema>;

/** Each chain of the plan with its leader (链主型) enterprises and backbone (骨干型) ones, for one year. */
export const ChainLeadersSchema = z.strictObject({
  /** The year shown; null when no enterprise was ever designated. */
  year: z.number().int().nullable(),
  /** Years with designations, newest first, to choose another from. */
  years: z.array(z.number().int()),
  chains: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      leaders: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
      backbones: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
    }),
  ),
  entries: z.array(ChainRoleEntrySchema),
  /** The units that designate them, by name (the office first). */
  designators: z.array(z.string()),
});
export type ChainLeaders = z.infer<typeof ChainLeadersSchema>;

/** Every audited change of one enterprise, newest first. */
export const EnterpriseHistorySchema = z.strictObject({
  items: z.array(
    z.strictObject({
      seq: z.number().int(),
      at: Timestamp,
      actor: z.string(),
      action: z.string(),
      entityType: z.string(),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export type EnterpriseHistory = z.infer<typeof EnterpriseHistorySchema>;
export type EnterpriseHistoryEntry = EnterpriseHistory["items"][number];

/** The record created (an enterprise, a designation, a visit note). */
export const CreatedSchema = z.strictObject({ id: z.number().int() });
export type Created = z.infer<typeof CreatedSchema>;

/** The enterprise changed, and the fields that changed (none when the edit changed nothing). */
export const EnterpriseUpdatedSchema = z.strictObject({ id: z.number().int(), changed: z.array(z.string()) });
export type EnterpriseUpdated = z.infer<typeof EnterpriseUpdatedSchema>;

/** A year's above-scale status as it now stands (null: removed). */
export const ScaleYearSetSchema = z.strictObject({ year: z.number().int(), status: z.enum(SCALE_STATUSES).nullable() });
export type ScaleYearSet = z.infer<typeof ScaleYearSetSchema>;

/** The listing event recorded, and the furthest stage the enterprise has now reached. */
export const ListingEventAddedSchema = z.strictObject({
  id: z.number().int(),
  listingStage: z.enum(LISTING_STAGES).nullable(),
});
export type ListingEventAdded = z.infer<typeof ListingEventAddedSchema>;

/** The profile fields that changed. */
export const ProfileUpdatedSchema = z.strictObject({ changed: z.array(z.string()) });
export type ProfileUpdated = z.infer<typeof ProfileUpdatedSchema>;

/** A key enterprise whose monthly revenue fell against the same month of last year by more than the threshold. */
export const WarningSchema = z.strictObject({
  id: z.number().int(),
  enterprise: z.strictObject({ id: z.number().int(), name: z.string(), creditCode: z.string() }),
  leader: person.nullable(),
  metric: z.string(),
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  currentFen: FenText,
  previousFen: FenText,
  /** The fall as a decimal share, 4 places ("0.1234"). */
  dropShare: z.string(),
  thresholdShare: z.string(),
  status: z.enum(WARNING_STATUSES),
  raisedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const WarningListSchema = z.strictObject({ items: z.array(WarningSchema), total: z.number().int().min(0) });
export type WarningList = z.infer<typeof WarningListSchema>;

export const MonitoringSettingsViewSchema = z.strictObject({
  /** Decimal share, e.g. "0.10": a fall of more than this raises a warning. */
  revenueDropShare: z.string(),
  updatedAt: Timestamp.nullable(),
});
export type MonitoringSettingsView = z.infer<typeof MonitoringSettingsViewSchema>;

/** The warnings recomputed: raised anew, resolved, open now. */
export const WarningsRecomputedSchema = z.strictObject({
  raised: z.number().int().min(0),
  resolved: z.number().int().min(0),
  open: z.number().int().min(0),
});
export type WarningsRecomputed = z.infer<typeof WarningsRecomputedSchema>;

/** The new threshold, and the warnings recomputed with it. */
export const MonitoringSettingsSavedSchema = WarningsRecomputedSchema.extend({ revenueDropShare: z.string() });
export type MonitoringSettingsSaved = z.infer<typeof MonitoringSettingsSavedSchema>;
