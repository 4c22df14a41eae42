import { z } from "zod";
import { asOfField } from "./targets.schema";

export const DashboardQuerySchema = z.object({ asOf: asOfField });

export const DashboardRecordsQuerySchema = z.object({
  asOf: asOfField,
  figure: z.enum(["aboveScaleRevenue", "aboveScaleCount", "monthRevenue", "periodRevenue", "projects", "reserve"]),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  chain: z.string().max(40).optional(),
  // "" is the enterprises without a town.
  town: z.string().max(60).optional(),
  stage: z.enum(["planning", "negotiation", "signed", "construction", "production"]).optional(),
  format: z.enum(["json", "xlsx"]).default("json"),
});

export const DashboardExportQuerySchema = z.object({
  asOf: asOfField,
  chart: z.enum(["cards", "revenueYears", "revenueByMonth", "byChain", "byTown", "projectFunnel", "reservePool"]),
});

export const PublicBoardQuerySchema = z.object({ district: z.string().max(20).optional() });
