/** What the app and the demo use of the talent ledger (返乡人才台账, M13). */
// Registers M13's task quantity sources with supervision when the capability is loaded.
import "./talent-quantities";

export { markTalentRecordsAsDemo as markTalentLedgerAsDemo } from "./talent.repository";
export { talentRoutes } from "./talent.routes";
export {
  addTalentPerson,
  postJob,
  recommendPerson,
  recordRecommendationOutcome,
} from "./talent.service";
