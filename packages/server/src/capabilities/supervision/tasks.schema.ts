import { z } from "zod";

const isoDate = z.iso.date("必须是 YYYY-MM-DD 格式的日期");
const decimal = z.string().regex(/^\d+(\.\d{1,4})?$/, "必须是非负十进制数字，例如 12 或 3.5");

export const TaskQuerySchema = z.object({
  unit: z.coerce.number().int().positive().optional(),
  measure: z.string().max(20).optional(),
  color: z.enum(["green", "yellow", "red"]).optional(),
  asOf: isoDate.optional(),
});

export const TaskPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    ownerUnitId: z.number().int().positive().optional(),
    sharingUnitIds: z.array(z.number().int().positive()).max(60).optional(),
    cycle: z.enum(["once", "monthly", "quarterly", "yearly"]).optional(),
    dueDate: isoDate.nullable().optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    quantityUnit: z.enum(["yuan", "count", "share", "mu", "person", "event"]).nullable().optional(),
    quantityTarget: decimal.nullable().optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "至少要修改一个字段");

export const AsOfQuerySchema = z.object({ asOf: isoDate.optional() });
