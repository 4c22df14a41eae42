/**
 * The rows of a worksheet's XML, read straight from the XML parser's callbacks: the values of each
 * row are those exceljs's streaming reader gives as `row.values` (with styles and hyperlinks not
 * read, as the import reads them), without building its Row and Cell objects or an event object per
 * tag. The sheet is found and unzipped by read-workbook.ts, its shared strings parsed by exceljs's
 * WorkbookReader, and the XML is parsed by the parser exceljs itself uses (saxes), loaded from
 * exceljs's own dependencies so both read the same XML alike. `sheet-rows.test.ts` checks, cell
 * kind by cell kind, that the values are exceljs's own.
 */
import { createRequire } from "node:module";
import { PartContentError } from "./workbook-archive";

/** The part of saxes's parser used here (the instance exceljs depends on). */
interface XmlParser {
  on(event: "opentag", handler: (tag: { name: string; attributes: Record<string, string> }) => void): void;
  on(event: "closetag", handler: (tag: { name: string }) => void): void;
  on(event: "text", handler: (text: string) => void): void;
  on(event: "error", handler: (error: Error) => void): void;
  write(chunk: string): void;
  close(): void;
  // What the parser holds of a token not yet complete (saxes 5): text, a name, an entity, a
  // processing instruction's target, the attributes of an open tag.
  text: string;
  name: string;
  entity: string;
  piTarget: string;
  attribList: unknown[];
}

/**
 * Bounds on what one sheet may make the parser hold at once, far beyond any real sheet (a cell
 * holds at most 32,767 characters in Excel, a row at most 16,384 cells, SpreadsheetML nests a few
 * levels): without them, a sheet within the archive's limits could still be one text node or one
 * tag of hundreds of megabytes, or millions of nested tags, all held in memory by the parser.
 */
const MAX_PENDING_CHARACTERS = 1024 * 1024;
const MAX_ATTRIBUTES = 1000;
const MAX_DEPTH = 64;
const MAX_ROW_CHARACTERS = 8 * 1024 * 1024;

/** Checks what the parser holds between two chunks of XML against the bounds above. */
function checkPending(parser: XmlParser): void {
  const pending = parser.text.length + parser.name.length + parser.entity.length + parser.piTarget.length;
  if (pending > MAX_PENDING_CHARACTERS || parser.attribList.length > MAX_ATTRIBUTES) {
    throw new PartContentError("中有超过 1 MB 的单段文本或标签，不是正常的工作表");
  }
}

const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
const { SaxesParser } = requireFromExceljs("saxes") as { SaxesParser: new () => XmlParser };
const { xmlDecode } = requireFromExceljs("./lib/utils/utils") as { xmlDecode(text: string): string };
const colCache = requireFromExceljs("./lib/utils/col-cache") as {
  decodeAddress(ref: string): { col?: number };
};

/** A worksheet row: `values[c]` is the value of column c (1-based), as exceljs's `row.values`. */
export interface SheetRow {
  rowNumber: number;
  values: unknown[];
}

/** What a cell's text accumulates into: nothing, its formula, or its value. */
const NONE = 0;
const FORMULA = 1;
const VALUE = 2;

/** The highest column a sheet may have (XFD). */
const MAX_COLUMN = 16384;

/**
 * The column of a cell reference: "B12" → 2. References of the usual form are decoded here without
 * allocating; any other form is left to exceljs's decoder (which throws for what it cannot read).
 */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) throw new PartContentError("中有单元格缺少位置（r 属性）");
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  let digits = 0;
  for (; i < ref.length; i++, digits++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) break;
  }
  if (column > 0 && column <= MAX_COLUMN && digits > 0 && i === ref.length) return column;
  let decoded: number | undefined;
  try {
    decoded = colCache.decodeAddress(ref).col;
  } catch (error) {
    throw new PartContentError(`中有无法识别的单元格位置：${ref.slice(0, 20)}`, error);
  }
  if (decoded === undefined || !Number.isInteger(decoded) || decoded < 1 || decoded > MAX_COLUMN) {
    throw new PartContentError(`中有无法识别的单元格位置：${ref.slice(0, 20)}`);
  }
  return decoded;
}

function trimEmptyEnd(values: unknown[]): void {
  let end = values.length;
  while (end > 0 && values[end - 1] === undefined) end--;
  values.length = end;
}

/**
 * Streams the rows of one worksheet's XML in batches, one per chunk read (as exceljs's reader gives
 * its events). `sharedStrings` is the workbook's cached table (undefined when it has none).
 */
export async function* sheetRowBatches(
  xml: AsyncIterable<unknown>,
  sharedStrings: readonly unknown[] | undefined,
): AsyncGenerator<SheetRow[], void, void> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  let rows: SheetRow[] = [];

  let inRows = false;
  let row: SheetRow | undefined;
  let depth = 0;
  let rowCharacters = 0;
  // The open cell: its reference and type, and the text of its formula and value.
  let inCell = false;
  let ref: string | undefined;
  let type: string | undefined;
  let formula: string | undefined;
  let value: string | undefined;
  let current = NONE;

  parser.on("error", (e) => {
    error ??= new PartContentError("不是有效的 XML（文件可能已损坏）", e);
  });
  parser.on("opentag", (tag) => {
    if (++depth > MAX_DEPTH) throw new PartContentError(`中的标签嵌套超过 ${MAX_DEPTH} 层，不是正常的工作表`);
    switch (tag.name) {
      case "sheetData":
        inRows = true;
        break;
      case "row":
        if (inRows) {
          row = { rowNumber: Number.parseInt(tag.attributes.r as string, 10), values: [] };
          rowCharacters = 0;
        }
        break;
      case "c":
        if (row) {
          inCell = true;
          ref = tag.attributes.r;
          type = tag.attributes.t;
          formula = undefined;
          value = undefined;
          current = NONE;
        }
        break;
      case "f":
        if (inCell) {
          formula = "";
          current = FORMULA;
        }
        break;
      case "v":
      case "is":
      case "t":
        // An inline string's runs each start a new value: the last run is kept, as exceljs keeps it.
        if (inCell) {
          value = "";
          current = VALUE;
        }
        break;
      default:
        break;
    }
  });
  parser.on("text", (text) => {
    if (current === NONE) return;
    rowCharacters += text.length;
    if (rowCharacters > MAX_ROW_CHARACTERS) {
      throw new PartContentError(`中有一行的文本超过 ${MAX_ROW_CHARACTERS / 1024 / 1024} MB，不是正常的工作表`);
    }
    if (current === VALUE) value += text;
    else formula += text;
  });
  parser.on("closetag", (tag) => {
    depth--;
    switch (tag.name) {
      case "sheetData":
        inRows = false;
        break;
      case "row":
        if (row) rows.push(row);
        row = undefined;
        break;
      case "c":
        if (row && inCell) {
          const column = columnOf(ref);
          if (Number.isNaN(row.rowNumber)) throw new PartContentError("中有行缺少行号（r 属性）");
          if (formula !== undefined || value !== undefined) {
            const cellValue = cellValueOf(type, formula, value, sharedStrings);
            if (cellValue !== undefined && cellValue !== null) row.values[column] = cellValue;
            else if (row.values[column] !== undefined) {
              // A repeated cell that empties its column: exceljs leaves the column out of the row.
              delete row.values[column];
              trimEmptyEnd(row.values);
            }
          }
          inCell = false;
          current = NONE;
        }
        break;
      default:
        break;
    }
  });

  // One decoder for the whole sheet: a character split between two chunks is joined again.
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of xml) {
    parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    if (error) throw error;
    checkPending(parser);
    if (rows.length > 0) {
      yield rows;
      rows = [];
    }
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (rows.length > 0) yield rows;
}

/**
 * The value of one cell, as exceljs's Cell gives it with styles not read: a number (never a date),
 * a string, a boolean, a shared string's text or rich text, `{ error }`, or a formula as
 * `{ formula, result }` where, as in exceljs, a result that is 0, NaN or empty is left out (and a
 * formula whose text is empty, as in the cells sharing another cell's formula, keeps its result).
 */
function cellValueOf(
  type: string | undefined,
  formula: string | undefined,
  value: string | undefined,
  sharedStrings: readonly unknown[] | undefined,
): unknown {
  if (formula !== undefined) {
    const result = value === undefined ? undefined : type === "str" ? xmlDecode(value) : Number.parseFloat(value);
    if (formula === "") return value === undefined ? { formula } : { formula, result };
    return result ? { formula, result } : { formula };
  }
  const text = value as string;
  switch (type) {
    case "s": {
      const index = Number.parseInt(text, 10);
      return sharedStrings ? sharedStrings[index] : { sharedString: index };
    }
    case "inlineStr":
    case "str":
      return xmlDecode(text);
    case "e":
      return { error: text };
    case "b":
      return Number.parseInt(text, 10) !== 0;
    default:
      return Number.parseFloat(text);
  }
}
