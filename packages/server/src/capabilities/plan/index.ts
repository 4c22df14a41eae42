/** What other capabilities, the app and the command line use of this capability. */
export { planRoutes } from "./plan.routes";
export { getActivePlan, loadPlanIntoDistrict } from "./plan.service";
export { systemRoutes } from "./system.routes";
