/** How the region's pages read a district's figures: quantities in their plan's unit, and the shares they compare. */
import { formatQuantity } from "../../dashboard";
import type { RegionDistrictOverview, RegionTarget } from "../api/region-api";

export type Language = "zh-CN" | "en";

const PLAN_UNIT_WORDS: Partial<Record<RegionTarget["planUnit"], { zh: string; en: string }>> = {
  mu: { zh: "亩", en: "mu" },
  person: { zh: "人", en: "people" },
  event: { zh: "次", en: "events" },
};

/** A target's quantity in its plan's own unit: money, a share, or a count of enterprises, 亩, people, events. */
export function quantityText(
  quantity: RegionTarget["target"] | null | undefined,
  planUnit: RegionTarget["planUnit"],
  metric: string,
  language: Language,
): string {
  const word = PLAN_UNIT_WORDS[planUnit];
  if (quantity && quantity.unit === "count" && word)
    return `${quantity.value} ${language === "en" ? word.en : word.zh}`;
  return formatQuantity(quantity, metric, language);
}

/** How many of a district's targets are on track (达标). */
export function onTrackCount(district: RegionDistrictOverview): number {
  return district.targets.filter((target) => target.status === "green").length;
}

/** The share of a district's targets on track, in whole percent; null without targets. */
export function onTrackPercent(district: RegionDistrictOverview): number | null {
  if (district.targets.length === 0) return null;
  return Math.round((onTrackCount(district) * 100) / district.targets.length);
}

/** Whether a district has any figure at all: a district just put into service has its plan and nothing else. */
export function hasFigures(district: RegionDistrictOverview): boolean {
  return district.latest !== null && district.coverage !== null && district.coverage.total > 0;
}

/** The share of the district's directory that reported its month, to a tenth of a percent; null without one. */
export function coveragePercent(district: RegionDistrictOverview): number | null {
  const coverage = district.coverage;
  if (!coverage || coverage.total === 0) return null;
  return Math.round((coverage.reported * 1000) / coverage.total) / 10;
}
