/** What other capabilities, the app and the command line use of this capability. */
export { declaredFactFiguresOfDistrict, declaredFactValuesOfDistrict } from "./declared-facts.rewards";
export { declaredFactsRoutes } from "./declared-facts.routes";
export { confirmFigure, enterFigure } from "./enterprises-figures.service";
export {
  type FigureYearRow,
  figuresDataVersion,
  figureYears,
  rebuildFigureSummaries,
  refreshFigureSummaries,
} from "./figure-summaries.repository";
export type { DistrictDataVersionTable, FigureYearTable } from "./figure-summaries.table";
export type { FigureRow, FigureTable } from "./figures.table";
export type { CellInput } from "./import/cell-values";
export {
  cellText,
  isBlank,
  numberToDecimalString,
  parseLabelCell,
  parseMoneyCell,
  parseTextCell,
  toCellInput,
} from "./import/cell-values";
export { normalizeHeader, normalizeText, YES_NO_LABELS } from "./import/columns";
export type { ImportResult, ImportRunOptions } from "./import/import-service";
export { applyImport, describeImportResult, previewImport } from "./import/import-service";
export type { ImportError, ImportKind, MoneyUnit } from "./import/types";
export { columnLetter, formatImportError, IMPORT_KINDS, MONEY_UNITS, YUAN_PER_UNIT } from "./import/types";
export { listDistricts } from "./import.repository";
export { importsRoutes } from "./imports.routes";
