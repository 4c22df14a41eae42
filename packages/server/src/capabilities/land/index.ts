/** What the app and the demo use of the land module (M1 地块与僵尸企业); importing it registers the M1 tasks' quantities. */
import "./land-quantities";

export { markLandRecordsAsDemo } from "./land.repository";
export { landRoutes } from "./land.routes";
export { createParcels, recordZombieCase, recordZombieDisposal, stepParcel } from "./land.service";
