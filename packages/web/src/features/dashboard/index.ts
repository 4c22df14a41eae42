/**
 * The district's figures as the targets page and the boards use them: the dashboard's data and types, its chart
 * options (light here, dark on the 数据大屏), target quantities as people read them, and the records behind a figure.
 */
export {
  type Dashboard,
  type DataCoverage,
  type NoteMessageJson,
  type QuantityJson,
  type RecordRequest,
  type TargetCard,
  type TargetStatus,
  useDashboard,
  type YearMonth,
} from "./api/dashboard-api";
export { DARK, funnelOption, groupOption, revenueByMonthOption, revenueYearsOption } from "./components/chart-options";
export { useCoverageTexts } from "./components/coverage";
export { formatGrowth, formatQuantity, percent, quantityNumber, STATUS_COLORS } from "./components/quantity";
export { RecordsDrawer } from "./components/records-drawer";
