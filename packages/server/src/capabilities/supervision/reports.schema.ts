import { z } from "zod";
import { uploadedFileSchema } from "../../platform/files/downloads";

export const ReportSchema = z.strictObject({
  period: z.string().trim().min(1).max(20),
  content: z.string().trim().min(2, "进度说明至少 2 个字").max(5000),
  quantity: z
    .string()
    .regex(/^\d+(\.\d{1,4})?$/, "必须是非负十进制数字，例如 12 或 3.5")
    .nullable()
    .optional(),
  attachments: z.array(uploadedFileSchema).default([]),
});

export const ReturnSchema = z.strictObject({ reason: z.string().trim().min(2, "退回原因至少 2 个字").max(1000) });

export const WebhookSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "必须是 http 或 https 地址" }).max(500),
  format: z.enum(["markdown", "text"]),
  enabled: z.boolean().default(true),
});
