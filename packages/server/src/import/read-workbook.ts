import { Readable } from "node:stream";
import ExcelJS from "exceljs";

/** A worksheet row as exceljs gives it: `values[c]` is the raw value of column c (1-based). */
export interface RawRow {
  rowNumber: number;
  values: readonly unknown[];
}

/** Facts about the workbook learnt while streaming it. */
export interface WorkbookInfo {
  /** Whether the workbook counts days from 1904 (old Mac files): day serials then shift. */
  date1904: boolean;
  sheetName?: string;
}

/** Where a workbook comes from: bytes already in memory, or a path on disk (streamed). */
export type WorkbookSource = Buffer | Uint8Array | string;

function toStream(source: WorkbookSource): Readable | string {
  if (typeof source === "string") return source;
  return Readable.from([Buffer.isBuffer(source) ? source : Buffer.from(source)]);
}

interface ReaderInternals {
  properties?: { model?: { date1904?: boolean } };
  _parseSharedStrings(entry: AsyncIterable<unknown>): AsyncGenerator<unknown>;
}

/**
 * exceljs's streaming reader takes the phonetic reading of a shared string for the string itself:
 * Excel keeps the reading of text typed through a Japanese IME (`<si><t>景德镇富士精工有限公司</t>
 * <rPh sb="3" eb="7"><t>フジセイコウ</t></rPh></si>`), and the name read would be フジセイコウ.
 * The readings are removed before exceljs parses the shared strings (held in memory anyway).
 */
function ignorePhoneticReadings(reader: ReaderInternals): void {
  const parse = reader._parseSharedStrings.bind(reader);
  reader._parseSharedStrings = async function* (entry) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const xml = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
    yield* parse(Readable.from([Buffer.from(xml, "utf8")]));
  };
}

/**
 * Streams the rows of the first visible worksheet without loading the workbook: memory stays flat
 * however many rows the file has. Shared strings are cached (exceljs needs them to resolve cells);
 * styles are not read, so date cells arrive as day serials (see parsePeriodCell).
 */
export async function* streamFirstSheetRows(
  source: WorkbookSource,
  info: WorkbookInfo = { date1904: false },
): AsyncGenerator<RawRow, void, void> {
  for await (const rows of streamFirstSheetRowBatches(source, info)) yield* rows;
}

interface SheetEvent {
  eventType: string;
  value: unknown;
}

interface StreamedSheet {
  state?: string;
  name?: string;
  /** exceljs's own parse of the sheet: the events of each chunk of XML read (rows among them). */
  parse(): AsyncIterable<SheetEvent[]>;
}

/**
 * The same rows in the batches exceljs parses them in (one per chunk of the sheet's XML): a large
 * import takes them without paying for an await per row.
 */
export async function* streamFirstSheetRowBatches(
  source: WorkbookSource,
  info: WorkbookInfo = { date1904: false },
): AsyncGenerator<RawRow[], void, void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(toStream(source) as never, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  ignorePhoneticReadings(reader as unknown as ReaderInternals);
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as StreamedSheet;
    if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
    info.date1904 = (reader as unknown as ReaderInternals).properties?.model?.date1904 === true;
    info.sheetName = sheet.name;
    for await (const events of sheet.parse()) {
      const rows: RawRow[] = [];
      for (const event of events) {
        if (event.eventType !== "row") continue;
        const row = event.value as ExcelJS.Row;
        rows.push({ rowNumber: row.number, values: row.values as unknown[] });
      }
      if (rows.length > 0) yield rows;
    }
    return;
  }
}

/** Checks the first bytes: an .xlsx file is a zip archive ("PK\x03\x04"). */
export function looksLikeXlsx(bytes: Buffer | Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
