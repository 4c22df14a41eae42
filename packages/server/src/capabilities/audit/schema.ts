import { z } from "zod";
import { pageQuerySchema } from "../../platform/http/validation";

export const AuditQuerySchema = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  ...pageQuerySchema,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
