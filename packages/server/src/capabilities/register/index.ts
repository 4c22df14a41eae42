/** What other capabilities, the app and the command line use of this capability. */

export { markChainRolesAsDemo } from "./chain-roles.repository";
export { addChainRole } from "./chain-roles.service";
export { checkEnterpriseChain } from "./enterprise-chains";
export type { ImportJobRow, ImportJobTable } from "./enterprise-register.table";
export { containsText, findEnterprise, findEnterprises } from "./enterprises.repository";
export { enterprisesRoutes } from "./enterprises.routes";
export { getEnterprise } from "./enterprises.service";
export type { EnterpriseRow, EnterpriseScaleYearTable, EnterpriseTable, ScaleStatus } from "./enterprises.table";
export { recomputeWarnings } from "./enterprises-monitoring.service";
export {
  findCurrentFigure,
  findFigure,
  findUnitBrief,
  insertFigureRow,
  markOfficial,
  markSuperseded,
} from "./enterprises-register.repository";
export { enterpriseFor } from "./enterprises-register.service";
