import { z } from "zod";
import { pageQuerySchema } from "../../http/validation";

export const EnterpriseQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  chain: z.enum(["biomedicine", "electronics", "aviation", "automotive", "other"]).optional(),
  town: z.coerce.number().int().positive().optional(),
  status: z.enum(["above", "reserve", "other"]).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  ...pageQuerySchema,
});
export type EnterpriseQueryReq = z.infer<typeof EnterpriseQuerySchema>;
