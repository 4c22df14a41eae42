import { z } from "zod";

const isoDate = z.iso.date("必须是 YYYY-MM-DD 格式的日期");

export const PeriodSchema = z.object({ from: isoDate, to: isoDate });

export const SummonsSchema = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  bulletinId: z.number().int().positive().nullable().optional(),
  indicatorId: z.string().trim().min(1).max(60),
  unitId: z.number().int().positive(),
  talkDate: isoDate,
  heldBy: z.string().trim().min(1, "请填写约谈人").max(200),
  attendees: z.string().trim().min(1, "请填写被约谈人").max(500),
  outcome: z.string().trim().min(2, "请填写约谈情况").max(5000),
});

export const YearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional() });
