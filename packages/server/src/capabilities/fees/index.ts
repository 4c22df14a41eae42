/** What the app and the demo use of the fee list (涉企收费清单, M11). */
// Registers the M11 inspection task's quantity source with supervision when the capability is loaded.
import "./fees-quantities";

export { markFeeRecordsAsDemo as markFeeListAsDemo } from "./fees.repository";
export { feesRoutes } from "./fees.routes";
export {
  createFeeItem,
  fileFeeComplaint,
  publishFeeList,
  recordFeeInspection,
  updateFeeItemById,
} from "./fees.service";
