/** What other capabilities, the app and the command line use of this capability. */
export { findUnit, findUnitByCode, insertUnit, listUnitRows, updateUnitRow } from "./units.repository";
export { unitsRoutes } from "./units.routes";
