import { z } from "zod";

/** Amounts are typed in 万元 (the default) or 元 and converted exactly to fen by the service. */
export const SUPPORT_MONEY_UNITS = ["万元", "元"] as const;

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
  level: z.enum(["national", "provincial", "municipal"], { error: "级别应为国家级、省级或市级" }),
  purpose: z.enum(["project", "tech"], { error: "用途应为项目扶持或技术改造" }),
  amount: amount("扶持资金金额"),
  unit: z.enum(SUPPORT_MONEY_UNITS, { error: "金额单位应为万元或元" }).default("万元"),
  note: z.string().trim().max(500, "说明不超过500个字符").default(""),
});
export type GrantBody = z.infer<typeof GrantBodySchema>;

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

export const EventBodySchema = z.strictObject({
  kind: z.enum(["listed_move_in", "top500_settled"], {
    error: "事项应为“市外上市企业迁入”或“中国制造业500强落户”",
  }),
  year,
  note: z.string().trim().max(500, "说明不超过500个字符").default(""),
});
export type EventBody = z.infer<typeof EventBodySchema>;

export const EventCorrectionSchema = EventBodySchema.omit({ kind: true });
export type EventCorrection = z.infer<typeof EventCorrectionSchema>;

export const SUPPORT_LABELS = {
  level: { national: "国家级", provincial: "省级", municipal: "市级" },
  purpose: { project: "项目扶持", tech: "技术改造" },
  event: { listed_move_in: "市外上市企业迁入（工商注册地迁入）", top500_settled: "中国制造业500强落户" },
  sourceKind: { import: "导入", entry: "录入", self_report: "企业自报", demo: "演示" },
} as const;
