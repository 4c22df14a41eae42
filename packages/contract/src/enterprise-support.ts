/**
 * An enterprise's support grants (扶持资金), technical-transformation projects (技改项目) and reward events
 * (奖励相关事项): /api/enterprises/:id/support and the routes that add, correct and confirm them. A correction
 * never overwrites: the old row stays, superseded. The grants' levels and purposes and the events' kinds are
 * the product's.
 */
import { z } from "zod";
import { FenText, Timestamp } from "./common";

/** Amounts are typed in 万元 (the default) or 元 and converted exactly to fen by the server. */
export const SUPPORT_MONEY_UNITS = ["万元", "元"] as const;
export type SupportMoneyUnit = (typeof SUPPORT_MONEY_UNITS)[number];

export const GRANT_LEVELS = ["national", "provincial", "municipal"] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];

/** A grant for a project, or for a technical transformation. */
export const GRANT_PURPOSES = ["project", "tech"] as const;
export type GrantPurpose = (typeof GRANT_PURPOSES)[number];

/** A listed company moving its registration in (R-LISTED-MOVE), a top-500 manufacturer settling. */
export const ENTERPRISE_EVENT_KINDS = ["listed_move_in", "top500_settled"] as const;
export type EnterpriseEventKind = (typeof ENTERPRISE_EVENT_KINDS)[number];

// ---------------------------------------------------------------- requests

const FIRST_YEAR = 2000;

const year = z
  .number({ error: "请填写年度" })
  .int("年度应为整数")
  .min(FIRST_YEAR, `年度不能早于${FIRST_YEAR}年`)
  .refine((value) => value <= new Date().getFullYear(), "年度不能晚于今年");

const amount = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(40, `${label}过长`)
    .regex(/^\d+(\.\d+)?$/, `${label}应为不带千分位的非负数字，如 100 或 12.5`);

const code = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(100, `${label}不超过100个字符`);

export const GrantBodySchema = z.strictObject({
  code: code("扶持资金编号（文号）"),
  year,
  level: z.enum(GRANT_LEVELS, { error: "级别应为国家级、省级或市级" }),
  purpose: z.enum(GRANT_PURPOSES, { error: "用途应为项目扶持或技术改造" }),
  amount: amount("扶持资金金额"),
  unit: z.enum(SUPPORT_MONEY_UNITS, { error: "金额单位应为万元或元" }).default("万元"),
  note: z.string().trim().max(500, "说明不超过500个字符").default(""),
});
export type GrantBody = z.infer<typeof GrantBodySchema>;
/** A grant as the web sends it (the unit and note may be left out). */
export type GrantInput = z.input<typeof GrantBodySchema>;

export const TechProjectBodySchema = z.strictObject({
  code: code("技改项目编号"),
  name: z.string({ error: "请填写项目名称" }).trim().min(1, "请填写项目名称").max(200, "项目名称不超过200个字符"),
  year,
  investment: amount("技改投资额"),
  equipmentInvoices: amount("设备购置发票金额"),
  unit: z.enum(SUPPORT_MONEY_UNITS, { error: "金额单位应为万元或元" }).default("万元"),
  techFundsReceived: z.boolean({ error: "请选择是否获得国家、省、市级技术改造扶持资金" }),
});
export type TechProjectBody = z.infer<typeof TechProjectBodySchema>;
export type TechProjectInput = z.input<typeof TechProjectBodySchema>;

export const EventBodySchema = z.strictObject({
  kind: z.enum(ENTERPRISE_EVENT_KINDS, {
    error: "事项应为“市外上市企业迁入”或“中国制造业500强落户”",
  }),
  year,
  note: z.string().trim().max(500, "说明不超过500个字符").default(""),
});
export type EventBody = z.infer<typeof EventBodySchema>;
export type EventInput = z.input<typeof EventBodySchema>;

export const EventCorrectionSchema = EventBodySchema.omit({ kind: true });
export type EventCorrection = z.infer<typeof EventCorrectionSchema>;
export type EventCorrectionInput = z.input<typeof EventCorrectionSchema>;

// ---------------------------------------------------------------- responses

/** Where a row came from and whether it still counts. */
export const SupportProvenanceSchema = z.strictObject({
  id: z.number().int(),
  /** False for an enterprise's self-report until a responsible unit confirms it. */
  official: z.boolean(),
  sourceKind: z.string(),
  /** "区工信局：张三", or the enterprise account's name. */
  source: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: Timestamp,
  supersededBy: z.number().int().nullable(),
  /** Who corrected a superseded row, and when. */
  correctedBy: z.string().nullable(),
  correctedAt: Timestamp.nullable(),
});
export type SupportProvenance = z.infer<typeof SupportProvenanceSchema>;

export const GrantSchema = SupportProvenanceSchema.extend({
  code: z.string(),
  year: z.number().int(),
  level: z.enum(GRANT_LEVELS),
  purpose: z.enum(GRANT_PURPOSES),
  amountFen: FenText,
  note: z.string(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const TechProjectSchema = SupportProvenanceSchema.extend({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  investmentFen: FenText,
  equipmentInvoicesFen: FenText,
  techFundsReceived: z.boolean(),
});
export type TechProject = z.infer<typeof TechProjectSchema>;

export const RewardEventSchema = SupportProvenanceSchema.extend({
  kind: z.enum(ENTERPRISE_EVENT_KINDS),
  year: z.number().int(),
  note: z.string(),
});
export type RewardEvent = z.infer<typeof RewardEventSchema>;

/** The enterprise's grants, tech projects and events (corrected rows included), and what the caller may do. */
export const EnterpriseSupportSchema = z.strictObject({
  grants: z.array(GrantSchema),
  techProjects: z.array(TechProjectSchema),
  events: z.array(RewardEventSchema),
  /** Decided by the server from the plan's lead units. */
  access: z.strictObject({
    /** Enter and correct official grants and tech projects; confirm self-reports. */
    grants: z.boolean(),
    /** Enter and correct reward events. */
    events: z.boolean(),
    /** The enterprise's own account: submits grants and tech projects for confirmation. */
    selfReport: z.boolean(),
  }),
});
export type EnterpriseSupport = z.infer<typeof EnterpriseSupportSchema>;

/** A grant or tech project added: official, or a self-report awaiting confirmation. */
export const SupportAddedSchema = z.strictObject({ id: z.number().int(), official: z.boolean() });
export type SupportAdded = z.infer<typeof SupportAddedSchema>;

/** A grant or tech project corrected: the new row, and the one it superseded. */
export const SupportCorrectedSchema = z.strictObject({
  id: z.number().int(),
  superseded: z.number().int(),
  official: z.boolean(),
});
export type SupportCorrected = z.infer<typeof SupportCorrectedSchema>;

/** A self-report confirmed. */
export const SupportConfirmedSchema = z.strictObject({ id: z.number().int(), official: z.literal(true) });
export type SupportConfirmed = z.infer<typeof SupportConfirmedSchema>;

export const EventAddedSchema = z.strictObject({ id: z.number().int() });
export type EventAdded = z.infer<typeof EventAddedSchema>;

export const EventCorrectedSchema = z.strictObject({ id: z.number().int(), superseded: z.number().int() });
export type EventCorrected = z.infer<typeof EventCorrectedSchema>;
