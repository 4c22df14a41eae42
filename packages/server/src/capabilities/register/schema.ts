import { z } from "zod";
import { pageQuerySchema } from "../../platform/http/validation";
import { MONEY_UNITS } from "../figures/index";
import { DESIGNATION_KINDS, DESIGNATION_LEVELS } from "./enterprise-register.table";
import { CHAIN_IDS, LISTING_STAGES, SCALE_STATUSES } from "./enterprises.table";

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const EnterpriseFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  chain: z.enum(["biomedicine", "electronics", "aviation", "automotive", "other"]).optional(),
  town: z.coerce.number().int().positive().optional(),
  status: z.enum(["above", "reserve", "other"]).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  designation: z.enum(DESIGNATION_KINDS).optional(),
  key: flag.optional(),
  listing: z.enum(LISTING_STAGES).optional(),
  /** Reserve-pool enterprises within this many 万元 of the above-scale revenue threshold. */
  reserveWithin: z.coerce.number().min(0).max(1_000_000).optional(),
  /** Only the enterprises assigned to me (a leader's own). */
  mine: flag.optional(),
});

export const EnterpriseQuerySchema = EnterpriseFilterSchema.extend(pageQuerySchema);
export type EnterpriseQueryReq = z.infer<typeof EnterpriseQuerySchema>;

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
  chainId: z.enum(CHAIN_IDS),
  industryCode: industryCode.nullable().optional(),
  isKey: z.boolean().optional(),
  leaderUserId: z.number().int().positive().nullable().optional(),
});

export const EnterpriseUpdateSchema = EnterpriseCreateSchema.partial();

export const ScaleYearParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const ScaleYearBodySchema = z.object({ status: z.enum(SCALE_STATUSES) });

export const DesignationBodySchema = z.object({
  kind: z.enum(DESIGNATION_KINDS),
  level: z.enum(DESIGNATION_LEVELS),
  year: z.number().int().min(1990).max(2100),
});
export const DesignationParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  designationId: z.coerce.number().int().positive(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

export const ListingEventBodySchema = z.object({
  stage: z.enum(LISTING_STAGES),
  date: isoDate,
  note: z.string().trim().max(500).optional(),
});

export const ServiceNoteBodySchema = z.object({
  kind: z.enum(["visit", "policy"]),
  date: isoDate,
  content: z.string().trim().min(1, "请填写内容").max(4000),
});

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

export const FigureBodySchema = z.object({
  year: z.number().int().min(1990).max(2100),
  month: z.number().int().min(0).max(12),
  metric: z.string().min(1).max(50),
  value: z.string().trim().min(1, "请填写数值").max(40),
  unit: z.enum(MONEY_UNITS).optional(),
});

export const WarningQuerySchema = z.object({
  status: z.enum(["open", "resolved"]).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
});

export const MonitoringSettingsSchema = z.object({
  revenueDropShare: z.string().trim().max(10),
});

/** Chinese labels for export headers and filter lines. */
export const LABELS = {
  chain: { biomedicine: "生物医药", electronics: "电子信息", aviation: "航空", automotive: "汽车", other: "其他" },
  status: { above: "规上", reserve: "后备库", other: "其他" },
  listing: { display: "挂牌展示", shareholding: "股改", neeq: "新三板", domestic: "境内上市", overseas: "境外上市" },
  designation: {
    specialized: "专精特新",
    little_giant: "小巨人",
    single_champion: "单项冠军",
    integration: "两化融合",
  },
  level: { national: "国家级", provincial: "省级", municipal: "市级" },
  metric: {
    revenue: "营业收入",
    tax: "入库税收",
    output: "工业总产值",
    value_added: "工业增加值",
    profit: "利润总额",
    employees: "从业人员",
    fixed_asset_investment: "固定资产投资",
    manufacturing_investment: "其中制造业投资",
  },
  source: { import: "导入", entry: "录入", self_report: "企业自报", demo: "演示" },
} as const;
