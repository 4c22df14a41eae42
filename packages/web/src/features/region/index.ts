/** A region (市/省) above its districts: its districts side by side, and the district its session reads. */
export { useRegion, useViewDistrict } from "./api/region-api";
export { RegionDistrictSwitch } from "./components/region-district-switch";
