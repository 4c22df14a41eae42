/** What other capabilities, the app and the command line use of this capability. */
export { regionOverview } from "./region-overview.service";
export { regionsRoutes } from "./regions.routes";
export {
  addDistrictsToRegion,
  createRegion,
  createRegionAccount,
  listRegions,
  type RegionSummary,
  removeDistrictFromRegion,
} from "./regions.service";
