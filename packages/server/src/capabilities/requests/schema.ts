import { REQUEST_CATEGORY_IDS } from "@beizeng/domain/requests/categories";
import { z } from "zod";
import { pageQuerySchema } from "../../platform/http/validation";
import { REQUEST_RATINGS, REQUEST_STATUSES } from "./enterprise-requests.table";

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD 格式");
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1")
  .optional();

const category = z.enum(REQUEST_CATEGORY_IDS, {
  error: `诉求类别应为 ${REQUEST_CATEGORY_IDS.join("、")} 之一`,
});

export const SubmitRequestSchema = z
  .object({
    enterpriseId: id.optional(),
    category,
    title: text(100, "诉求标题"),
    content: text(4000, "诉求内容"),
    contactName: text(50, "联系人"),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, "联系电话格式不正确"),
    serviceDayId: id.optional(),
  })
  .strict();

export const RequestQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  category: category.optional(),
  unit: id.optional(),
  enterprise: id.optional(),
  serviceDay: id.optional(),
  overdue: flag,
  unsatisfied: flag,
  mine: flag,
  q: z.string().trim().max(100).optional(),
});

export const RequestListQuerySchema = RequestQuerySchema.extend(pageQuerySchema);

export const AssignSchema = z
  .object({
    unitId: id,
    coUnitIds: z.array(id).max(10, "协办单位不能超过 10 个").optional(),
    deadline: isoDate.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

export const NoteSchema = z.object({ note: text(2000, "办理进展") }).strict();
export const AnswerSchema = z.object({ answer: text(4000, "答复内容") }).strict();
export const RateSchema = z
  .object({
    rating: z.enum(REQUEST_RATINGS, {
      error: "评价应为 satisfied（满意）、basically（基本满意）或 unsatisfied（不满意）",
    }),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();
export const ReopenSchema = z
  .object({
    reason: text(1000, "重新交办的理由"),
    unitId: id.optional(),
    coUnitIds: z.array(id).max(10).optional(),
    deadline: isoDate.optional(),
  })
  .strict();
export const CloseSchema = z.object({ note: text(1000, "办结说明") }).strict();

export const ServiceDaySchema = z
  .object({
    heldOn: isoDate,
    theme: text(100, "主题"),
    venue: z.string().trim().max(100).optional(),
    note: z.string().trim().max(2000).optional(),
    unitIds: z.array(id).max(50),
    enterpriseIds: z.array(id).max(200),
  })
  .strict();
