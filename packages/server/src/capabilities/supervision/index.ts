/** What other capabilities, the app and the command line use of this capability. */
export { assessmentRoutes } from "./assessment.routes";
export { supervisionFigures } from "./assessment.service";
export { bulletinsRoutes } from "./bulletins.routes";
export { issueBulletin, recordSummonsTalk } from "./bulletins.service";
export { reportsRoutes } from "./reports.routes";
export { runRemindersForAllDistricts } from "./reports.service";
export { sendWebhook } from "./robots.service";
export {
  registerTaskQuantitySource,
  type TaskQuantityComputation,
  type TaskQuantityQuery,
} from "./task-quantity-sources";
export { findTasks, insertReport } from "./tasks.repository";
export { tasksRoutes } from "./tasks.routes";
export { seedTasksFromPlan, todayInChina, updateTask } from "./tasks.service";
export type { TaskRow } from "./tasks.table";
export type { Period } from "./tasks-schedule";
export { periodsOf } from "./tasks-schedule";
export { type TasksWaiting, tasksWaitingFor } from "./tasks-waiting";
