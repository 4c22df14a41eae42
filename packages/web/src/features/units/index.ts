/** The units (departments and places) and their names in the chosen language, for the other features and the app. */
export { useUnits } from "./api/units-api";
export { useUnitName, useUnitNameByCode } from "./unit-names";
