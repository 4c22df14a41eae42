/** What other capabilities, the app and the command line use of this capability. */

export { computeAnswerHere, districtSummary, useAnswerComputer, warmUpLargeDistricts } from "./answers.service";
export { isAnswersWorkerData, runAnswersWorker, startAnswersWorker } from "./answers-worker";
export { dashboardRoutes } from "./dashboard.routes";
export { targetsRoutes } from "./targets.routes";
export { coverageOf, cutSnapshot, readDistrictRows, targetsResult } from "./targets.service";
