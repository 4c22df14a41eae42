import { z } from "zod";
import { IMPORT_KINDS, MONEY_UNITS } from "./import/types";

export const UploadQuerySchema = z.object({
  kind: z.enum(IMPORT_KINDS as ["annual", "monthly", "register"]),
  unit: z.enum(MONEY_UNITS as ["元", "千元", "万元", "亿元"]).default("万元"),
  fileName: z.string().trim().min(1).max(200).default("upload.xlsx"),
});

export const JobParamsSchema = z.object({ id: z.uuid("导入任务编号无效") });
export const TemplateParamsSchema = z.object({ kind: z.enum(IMPORT_KINDS as ["annual", "monthly", "register"]) });
export const JobQuerySchema = z.object({
  /** Wait up to this many seconds for a running job to finish before answering. */
  wait: z.coerce.number().min(0).max(30).optional(),
});
