/**
 * The seasonal profiles a plan may name for its forecasts (`forecast: { seasonalProfile: <id> }`), or
 * one it writes itself: twelve cumulative shares with their source. The profile stands in for the
 * years a district has no monthly history of; with none named, the national profile is used.
 *
 * Each shipped profile's numbers are data written from a published series (see the .data.ts files and
 * packages/domain/test-data/forecast/). The Shanghai series under test-data is not shipped as a profile:
 * its only complete year (2017) publishes months 6 and 12 alone, so ten of its eleven shares would be
 * interpolated, which says nothing about January–February.
 */
import { z } from "zod";
import { profileFromJson, type SeasonalProfile } from "./cumulative-series";
import { NATIONAL_SEASONAL_PROFILE } from "./national-seasonal-profile.data";

export interface NamedSeasonalProfile extends SeasonalProfile {
  nameEn: string;
  /** Who published the series the shares come from, in Chinese and English. */
  source: string;
  sourceEn: string;
  /** Shipped with the product, or written in the plan file. */
  origin: "shipped" | "plan";
}

export const DEFAULT_SEASONAL_PROFILE_ID = NATIONAL_SEASONAL_PROFILE.id;

const SHIPPED: readonly NamedSeasonalProfile[] = [
  {
    ...profileFromJson(NATIONAL_SEASONAL_PROFILE),
    nameEn: "China, revenue of all above-scale industrial enterprises (cumulative)",
    source: "国家统计局月度工业企业利润数据发布",
    sourceEn: "National Bureau of Statistics, monthly releases on industrial enterprises' profits",
    origin: "shipped",
  },
];

export function shippedSeasonalProfiles(): readonly NamedSeasonalProfile[] {
  return SHIPPED;
}

export function shippedSeasonalProfile(id: string): NamedSeasonalProfile | undefined {
  return SHIPPED.find((profile) => profile.id === id);
}

/** Spread used for a profile a plan writes itself, which carries no years to measure one from (about the nation's). */
const PLAN_PROFILE_SPREAD_SCALE = 0.025;

const text = (what: string) => z.string({ error: `必须是${what}` }).min(1, `${what}不能为空`);

/** A profile written in the plan: twelve cumulative shares (month 12 = 1) and where they come from. */
const inlineProfileSchema = z
  .strictObject({
    id: z.string({ error: "必须是季节规律编号" }).regex(/^[a-z0-9-]+$/, "季节规律编号必须是小写短横线格式"),
    name: text("季节规律名称"),
    nameEn: text("季节规律英文名称"),
    source: text("数据来源"),
    sourceEn: text("数据来源的英文说明"),
    shares: z
      .array(z.number({ error: "每月累计占全年比重必须是数字" }).positive("每月累计占全年比重必须大于0"), {
        error: "必须是12个月的累计占全年比重",
      })
      .length(12, "必须正好是12个月的累计占全年比重（1-1月到1-12月）"),
    /** Optional: how much years differ around the shares (log scale, per unit of remaining-year shape). */
    spreadScale: z.number().positive("离散程度必须大于0").max(1, "离散程度不应超过1").optional(),
  })
  .superRefine((profile, context) => {
    profile.shares.forEach((share, index) => {
      const previous = profile.shares[index - 1];
      if (index > 0 && previous !== undefined && share <= previous)
        context.addIssue({
          code: "custom",
          path: ["shares", index],
          message: `1-${index + 1}月的累计比重（${share}）必须大于1-${index}月的（${previous}）`,
        });
    });
    if (profile.shares.length === 12 && profile.shares[11] !== 1)
      context.addIssue({
        code: "custom",
        path: ["shares", 11],
        message: `1-12月的累计比重必须是1（全年），现为${profile.shares[11]}`,
      });
  });

type InlineProfile = z.infer<typeof inlineProfileSchema>;

const unknownIdMessage = (id: string) =>
  `没有编号为“${id}”的季节规律；可用：${SHIPPED.map((profile) => `${profile.id}（${profile.name}）`).join("、")}，或在计划中写出12个月的累计比重及其来源`;

/**
 * The plan's `forecast` entry: which seasonal profile its forecasts use, by id or written out. Checked
 * by hand rather than as a union, so that a wrong share is reported at its own path, not as "no form fits".
 */
export const planForecastSchema = z.strictObject({
  seasonalProfile: z.unknown().transform((input, context): string | InlineProfile => {
    if (typeof input === "string") {
      if (!shippedSeasonalProfile(input)) context.addIssue({ code: "custom", message: unknownIdMessage(input) });
      return input;
    }
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      context.addIssue({ code: "custom", message: "必须是季节规律编号，或写出12个月累计比重及其来源的季节规律" });
      return z.NEVER;
    }
    const parsed = inlineProfileSchema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          context.addIssue({
            code: "custom",
            path: [key],
            message: `未知字段“${key}”（字段名拼写有误，或该处不允许此字段）`,
          });
      } else context.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
    }
    return z.NEVER;
  }),
});

export type PlanForecast = z.infer<typeof planForecastSchema>;

/** The profile a plan's forecasts use: the one it names or writes, else the national default. */
export function seasonalProfileOf(plan: { forecast?: PlanForecast }): NamedSeasonalProfile {
  const named = plan.forecast?.seasonalProfile;
  if (named === undefined) return SHIPPED[0] as NamedSeasonalProfile;
  if (typeof named === "string") {
    const shipped = shippedSeasonalProfile(named);
    if (!shipped) throw new Error(`没有编号为“${named}”的季节规律`);
    return shipped;
  }
  return {
    id: named.id,
    name: named.name,
    nameEn: named.nameEn,
    source: named.source,
    sourceEn: named.sourceEn,
    shares: [...named.shares],
    spreadScale: named.spreadScale ?? PLAN_PROFILE_SPREAD_SCALE,
    years: [],
    outlierYears: [],
    interpolatedMonths: [],
    origin: "plan",
  };
}
