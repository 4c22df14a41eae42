/** What other capabilities, the app and the command line use of this capability. */

export { type BlockersWaiting, blockersWaitingFor } from "./blockers-waiting";
export { findBlockers } from "./projects.repository";
export { projectsRoutes } from "./projects.routes";
export { todayInDistrict } from "./projects.service";
export type { ProjectTable } from "./projects.table";
