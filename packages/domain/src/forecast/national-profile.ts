/**
 * The neutral default seasonal profile: the national series of all above-scale industrial enterprises'
 * revenue (国家统计局), stored as data in ./national-seasonal-profile.data.ts, which
 * `npm run -w @beizeng/bench forecast -- --write-profile` writes from the published series
 * (packages/domain/test-data/forecast/). A plan may name another profile.
 */
import { profileFromJson, type SeasonalProfile } from "./cumulative-series";
import { NATIONAL_SEASONAL_PROFILE } from "./national-seasonal-profile.data";

let cached: SeasonalProfile | undefined;

export function loadNationalProfile(): SeasonalProfile {
  cached ??= profileFromJson(NATIONAL_SEASONAL_PROFILE);
  return cached;
}
