/**
 * Units: the departments the plan names, and the towns and streets the office keeps (/api/units*).
 * Unit kinds are the plan's vocabulary: a unit's kind is read from the plan format, not fixed here.
 */
import { unitSchema } from "@beizeng/domain/plan/schema";
import { z } from "zod";

// ---------------------------------------------------------------- requests

export const UnitCreateSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "单位代码须为小写字母开头的字母、数字或连字符"),
  name: z.string().trim().min(1, "请输入单位名称").max(100),
  nameEn: z.string().trim().min(1, "请输入英文名称").max(200),
  // The kinds the office may add; the plan will supply its unit kinds.
  kind: z.enum(["town", "street"], { error: "只能新增乡镇（town）或街道（street）" }),
});
export type UnitCreateReq = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().min(1).max(200).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UnitUpdateReq = z.infer<typeof UnitUpdateSchema>;

// ---------------------------------------------------------------- responses

export const UnitViewSchema = z.strictObject({
  id: z.number().int(),
  /** The unit's id as its plan declares it. */
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: unitSchema.shape.kind,
  /** Towns and streets the office may edit; departments the plan names are fixed. */
  editable: z.boolean(),
  active: z.boolean(),
});
export type UnitView = z.infer<typeof UnitViewSchema>;

export const UnitListSchema = z.strictObject({ items: z.array(UnitViewSchema) });
export type UnitList = z.infer<typeof UnitListSchema>;

/** The unit created or changed. */
export const UnitAnswerSchema = z.strictObject({ unit: UnitViewSchema });
export type UnitAnswer = z.infer<typeof UnitAnswerSchema>;
