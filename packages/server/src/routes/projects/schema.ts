import { z } from "zod";
import { pageQuerySchema } from "../../http/validation";

export const ProjectQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  stage: z.enum(["planning", "negotiation", "signed", "construction", "production"]).optional(),
  chain: z.string().max(40).optional(),
  leadUnit: z.coerce.number().int().positive().optional(),
  ...pageQuerySchema,
});
export type ProjectQueryReq = z.infer<typeof ProjectQuerySchema>;
