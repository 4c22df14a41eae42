/** What other capabilities, the app and the command line use of this capability. */
export { projectHistories } from "./budget";
export { startRewardBatch } from "./compute";
export { publishPublicity } from "./publicity";
export { rewardsRoutes } from "./rewards.routes";
export type { EnterpriseEventTable, EnterpriseGrantTable, SupportSourceKind, TechProjectTable } from "./rewards.table";
export { type RewardsWaitingAtStep, rewardsWaitingFor } from "./rewards-waiting";
export { rulePagesRoutes } from "./rule-pages.routes";
export {
  approveEntitlement,
  confirmEntitlement,
  listEntitlements,
  payEntitlement,
  rejectEntitlement,
  reviewEntitlement,
} from "./workflow";
