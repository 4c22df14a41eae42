/** The district's plan as the other features and the app read it. */
export { usePlan } from "./api/plan-api";
