/** What other capabilities, the app and the command line use of this capability. */
export { documentText } from "./document-text";
export { planRoutes } from "./plan.routes";
export { getActivePlan } from "./plan.service";
export { planDraftRoutes } from "./plan-draft.routes";
export {
  type LoadPlanOptions,
  type LoadPlanResult,
  loadPlanIntoDistrict,
  type PlanLoadPreview,
  parsePlanText,
  planToYaml,
  previewPlanLoad,
} from "./plan-versions.service";
export { systemRoutes } from "./system.routes";
