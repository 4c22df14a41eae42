/**
 * Units: the departments the plan names, and the places (towns, streets, development zones) the office keeps
 * (/api/units*). Unit kinds are the plan's vocabulary: a unit's kind is read from the plan format, not fixed here.
 * The plan is the one source of truth for units: an office's change of a place is saved as the plan's next version,
 * with the reason it gives.
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

/** Why the office changes a place: the reason of the plan version the change is saved as. */
const reason = z
  .string({ error: "请填写修改原因" })
  .trim()
  .min(1, "请填写修改原因")
  .max(500, "修改原因不能超过 500 字");

/**
 * The plan version the office's page showed ("planId@version", as the list gives it): when another version has
 * become current since, the change is refused (409) instead of overwriting it. Left out, the current one is used.
 */
const expectedCurrent = z.string().max(200).optional();

export const UnitCreateSchema = z
  .object({
    /** The place's id in the plan; left out, one is chosen (place-1, place-2 …). */
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, "单位代码须为小写字母开头的字母、数字或连字符")
      .optional(),
    name: z.string().trim().min(1, "请输入单位名称").max(100),
    nameEn: z.string().trim().min(1, "请输入英文名称").max(200),
    kind: placeKind,
    reason,
    expectedCurrent,
  })
  .strict();
export type UnitCreateReq = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().min(1).max(200).optional(),
    /** A town becoming a street, a park set up as its own zone: among the places only. */
    kind: placeKind.optional(),
    /** False takes the place out of the plan (refused while records still name it); true puts it back. */
    active: z.boolean().optional(),
    reason,
    expectedCurrent,
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

/** The plan version the units follow; null while the district has no plan. */
export const UnitsPlanSchema = z
  .strictObject({
    planId: z.string(),
    version: z.number().int(),
    /** "planId@version": what a change sends as `expectedCurrent`. */
    expectedCurrent: z.string(),
  })
  .nullable();
export type UnitsPlan = z.infer<typeof UnitsPlanSchema>;

export const UnitListSchema = z.strictObject({ items: z.array(UnitViewSchema), plan: UnitsPlanSchema });
export type UnitList = z.infer<typeof UnitListSchema>;

/** The unit created or changed, and the plan version the change was saved as (the current one when nothing changed). */
export const UnitAnswerSchema = z.strictObject({ unit: UnitViewSchema, plan: UnitsPlanSchema });
export type UnitAnswer = z.infer<typeof UnitAnswerSchema>;
