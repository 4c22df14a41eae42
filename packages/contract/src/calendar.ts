/**
 * The official calendar (节假日与调休安排) the district's working-day limits count by: its years and days, a day
 * entered or corrected by the office, a year imported from the template or pasted as a list.
 */
import { OFFICIAL_DAY_KINDS, OFFICIAL_DAY_LIMITS } from "@beizeng/domain/calendar/official-calendar";
import { z } from "zod";
import { DateText, FilePart, Timestamp } from "./common";

const year = z.coerce
  .number({ error: "年度应为四位年份" })
  .int("年度应为四位年份")
  .min(2000, "年度应在 2000 至 2100 之间")
  .max(2100, "年度应在 2000 至 2100 之间");

export const OfficialDayKindSchema = z.enum(OFFICIAL_DAY_KINDS, { error: "类型应为“放假”或“调休上班”" });

export const OfficialDaySchema = z.strictObject({
  id: z.number().int(),
  year: z.number().int(),
  date: DateText,
  kind: OfficialDayKindSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
  source: z.string(),
  updatedAt: Timestamp,
});
export type OfficialDayView = z.infer<typeof OfficialDaySchema>;

/** One year of the calendar as the list of years shows it. */
export const OfficialYearSummarySchema = z.strictObject({
  year: z.number().int(),
  holidays: z.number().int().min(0),
  workdays: z.number().int().min(0),
  /** The notices its days come from. */
  sources: z.array(z.string()),
  /** Whether the year came with the product (the State Council's arrangement as published). */
  shipped: z.boolean(),
});

export const OfficialCalendarQuerySchema = z.strictObject({ year: year.optional() });

export const OfficialCalendarSchema = z.strictObject({
  /** The district's today (China Standard Time). */
  today: DateText,
  years: z.array(OfficialYearSummarySchema),
  /** The year whose days follow. */
  year: z.number().int(),
  days: z.array(OfficialDaySchema),
  /** This year, next year and the year shown when they have no entry: their limits count Monday to Friday. */
  missingYears: z.array(z.number().int()),
});
export type OfficialCalendar = z.infer<typeof OfficialCalendarSchema>;

export const OfficialDayInputSchema = z.strictObject({
  year,
  date: DateText,
  kind: OfficialDayKindSchema,
  name: z
    .string({ error: "请填写名称" })
    .trim()
    .min(1, "请填写名称（例如 春节、国庆节）")
    .max(OFFICIAL_DAY_LIMITS.name, `名称不能超过 ${OFFICIAL_DAY_LIMITS.name} 个字`),
  nameEn: z
    .string()
    .trim()
    .max(OFFICIAL_DAY_LIMITS.nameEn, `英文名称不能超过 ${OFFICIAL_DAY_LIMITS.nameEn} 个字符`)
    .nullable()
    .optional(),
  source: z
    .string({ error: "请填写来源" })
    .trim()
    .min(1, "请填写来源（发布安排的通知）")
    .max(OFFICIAL_DAY_LIMITS.source, `来源不能超过 ${OFFICIAL_DAY_LIMITS.source} 个字`),
});
export type OfficialDayInput = z.input<typeof OfficialDayInputSchema>;

const source = OfficialDayInputSchema.shape.source;

export const OfficialYearParamsSchema = z.strictObject({ year });

/** A year's list pasted as text, one date a line: `2027-01-01 放假 元旦`. It replaces the year's days. */
export const OfficialYearPasteSchema = z.strictObject({
  source,
  text: z.string({ error: "请粘贴日期清单" }).trim().min(1, "请粘贴日期清单").max(20_000, "清单过长"),
});
export type OfficialYearPaste = z.input<typeof OfficialYearPasteSchema>;

/** A year imported from the template: the workbook and the notice. It replaces the year's days. */
export const OfficialYearImportFormSchema = z.strictObject({
  file: FilePart.describe("节假日安排导入模板（.xlsx）"),
  source,
});
export const OfficialYearImportFieldsSchema = OfficialYearImportFormSchema.omit({ file: true });

export const OfficialYearImportedSchema = z.strictObject({
  year: z.number().int(),
  holidays: z.number().int().min(0),
  workdays: z.number().int().min(0),
  /** Days of the year there were before, now replaced. */
  replaced: z.number().int().min(0),
});
export type OfficialYearImported = z.infer<typeof OfficialYearImportedSchema>;

export const OfficialDayDeletedSchema = z.strictObject({ id: z.number().int(), deleted: z.literal(true) });
