/**
 * Units: the departments the plan names, and the places (towns, streets, development zones) the office keeps
 * (/api/units*). Unit kinds are the plan's vocabulary: a unit's kind is read from the plan format, not fixed here.
 */
import { unitSchema } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import { z } from "zod";

const PLACE_KIND_MESSAGE = "只能是乡镇（town）、街道（street）或开发区/园区（zone）";
/** The kinds of unit the office keeps: the places an enterprise sits in. */
const placeKind = z
  .enum(UNIT_KINDS, { error: PLACE_KIND_MESSAGE })
  .refine((kind) => PLACE_UNIT_KINDS.includes(kind), PLACE_KIND_MESSAGE);

// ---------------------------------------------------------------- requests

export const UnitCreateSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "单位代码须为小写字母开头的字母、数字或连字符"),
  name: z.string().trim().min(1, "请输入单位名称").max(100),
  nameEn: z.string().trim().min(1, "请输入英文名称").max(200),
  kind: placeKind,
});
export type UnitCreateReq = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().min(1).max(200).optional(),
    /** A town becoming a street, a park set up as its own zone: among the places only. */
    kind: placeKind.optional(),
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
  /** Places (towns, streets, zones) the office may edit; departments the plan names are fixed. */
  editable: z.boolean(),
  active: z.boolean(),
});
export type UnitView = z.infer<typeof UnitViewSchema>;

export const UnitListSchema = z.strictObject({ items: z.array(UnitViewSchema) });
export type UnitList = z.infer<typeof UnitListSchema>;

/** The unit created or changed. */
export const UnitAnswerSchema = z.strictObject({ unit: UnitViewSchema });
export type UnitAnswer = z.infer<typeof UnitAnswerSchema>;
