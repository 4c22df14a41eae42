import { z } from "zod";

/** "2023-06": the month the figures are read as of; default the latest month of the data. */
export const asOfField = z
  .string()
  .regex(/^\d{4}-\d{1,2}$/, "应为 YYYY-MM，例如 2023-06")
  .optional();

export const TargetsQuerySchema = z.object({ asOf: asOfField });

export const TargetRecordsParamsSchema = z.object({ id: z.string().min(1).max(60) });
export const TargetRecordsQuerySchema = z.object({
  asOf: asOfField,
  year: z.coerce.number().int().min(1990).max(2100),
  format: z.enum(["json", "xlsx"]).default("json"),
});

const yuanText = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, "应为以元为单位的数字，最多两位小数");

export const InvestmentYearSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  totalYuan: yuanText.nullable(),
  manufacturingYuan: yuanText.nullable(),
});

export const OnlineServicesSchema = z.object({
  items: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(60),
        name: z.string().trim().min(1).max(200),
        unitId: z.number().int().positive().nullable().default(null),
        online: z.boolean(),
      }),
    )
    .max(5000),
});

export const BoardPublicationSchema = z.object({ published: z.boolean() });
