import { z } from "zod";
import { pageQuerySchema } from "../../platform/http/validation";

const year = z.coerce.number().int().min(1990).max(2100);
const yuan = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, "金额应为以元为单位的数字，最多两位小数");
const STATUSES = ["computed", "confirmed", "reviewed", "approved", "paid", "rejected", "superseded"] as const;

export const StartBatchSchema = z.object({ year });
export const BatchQuerySchema = z.object({ year: year.optional() });

export const EntitlementQuerySchema = z.object({
  year: year.optional(),
  rule: z.string().trim().max(40).optional(),
  status: z.enum(STATUSES).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  changed: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
  q: z.string().trim().max(100).optional(),
  ...pageQuerySchema,
});

export const ConfirmSchema = z.object({
  accountName: z.string().trim().min(1, "请填写开户名").max(100),
  bankName: z.string().trim().min(1, "请填写开户银行").max(100),
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 -]{5,38}[0-9]$/, "银行账号应为 7 至 40 位数字（可含空格或短横线）")
    .transform((value) => value.replace(/[ -]/g, "")),
});

export const ReasonSchema = z.object({ reason: z.string().trim().min(2, "请填写原因（至少 2 个字）").max(500) });

export const ReviewSchema = z.object({
  amountYuan: yuan.optional(),
  note: z.string().trim().max(500).optional(),
});

export const PaySchema = z.object({
  voucherNo: z.string().trim().min(1, "请填写支付凭证号").max(60),
  paidOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "支付日期格式应为 2023-06-30")
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), "支付日期无效"),
});

export const YearParamSchema = z.object({ year });
export const BudgetSchema = z.object({ amountYuan: yuan, note: z.string().trim().max(200).optional() });
export const ForecastQuerySchema = z.object({ horizon: z.coerce.number().int().min(1).max(10).default(3) });
export const WhyNotQuerySchema = z.object({ enterpriseId: z.coerce.number().int().positive(), year: year.optional() });
export const CorrectionQuerySchema = z.object({ status: z.enum(["open", "accepted", "dismissed"]).optional() });
export const ResolveCorrectionSchema = z.object({
  decision: z.enum(["accepted", "dismissed"]),
  reason: z.string().trim().min(2, "请填写处理意见（至少 2 个字）").max(500),
});
export const PaymentListQuerySchema = z.object({ year: year.optional(), status: z.enum(STATUSES).optional() });
export const NoticeSchema = z.object({
  enterpriseId: z.number().int().positive(),
  year: z.number().int().min(1990).max(2100),
});
