/** What other capabilities, the app and the command line use of this capability. */
export { dashboardRoutes } from "./dashboard.routes";
export { targetsRoutes } from "./targets.routes";
export { coverageOf, cutSnapshot, readDistrictRows, targetsResult, warmUpLargeDistricts } from "./targets.service";
