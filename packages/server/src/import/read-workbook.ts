import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sheetRowBatches } from "./sheet-rows";

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

export interface ReaderInternals {
  properties?: { model?: { date1904?: boolean } };
  /** The shared strings, cached (sharedStrings: "cache"); undefined when the workbook has none. */
  sharedStrings?: unknown[];
  _parseSharedStrings(entry: AsyncIterable<unknown>): AsyncGenerator<unknown>;
}

/**
 * exceljs's streaming reader takes the phonetic reading of a shared string for the string itself:
 * Excel keeps the reading of text typed through a Japanese IME (`<si><t>景德镇富士精工有限公司</t>
 * <rPh sb="3" eb="7"><t>フジセイコウ</t></rPh></si>`), and the name read would be フジセイコウ.
 * The readings are removed before exceljs parses the shared strings (held in memory anyway).
 */
export function ignorePhoneticReadings(reader: ReaderInternals): void {
  const parse = reader._parseSharedStrings.bind(reader);
  reader._parseSharedStrings = async function* (entry) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const xml = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
    yield* parse(Readable.from(piecesOf(xml)));
  };
}

/** Pieces of XML text parsed one at a time, each ending after a tag (never inside a character). */
const XML_PIECE = 64 * 1024;

/**
 * The text in pieces of about 64 KB, as it would arrive from the archive. Parsed in one piece, every
 * object the XML parser makes for it is alive at once and survives garbage collection; V8 then
 * allocates such objects straight in the old generation for the rest of the import (the sheet's
 * rows too), which costs a full collection every few thousand rows.
 */
function piecesOf(xml: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < xml.length) {
    const close = xml.indexOf(">", start + XML_PIECE);
    const end = close < 0 ? xml.length : close + 1;
    pieces.push(xml.slice(start, end));
    start = end;
  }
  return pieces;
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

interface StreamedSheet {
  state?: string;
  name?: string;
  /** The sheet's XML: the zip entry, or the stream of the temporary file exceljs parked it in. */
  iterator: AsyncIterable<unknown> & { destroy?: () => void; on?: (event: "error", listener: () => void) => void };
}

/**
 * The file could not be read as a workbook: a damaged archive, XML exceljs does not understand,
 * or parts stored in an order its streaming reader cannot follow. Raised only for what happens
 * inside the reading, never for errors of the code consuming the rows.
 */
export class WorkbookReadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "WorkbookReadError";
  }
}

/**
 * A sheet that is not read is let go: when exceljs had to park it in a temporary file (its XML came
 * before the shared strings, as in files Excel writes), the file stream is closed so that exceljs can
 * delete the file as its iteration moves on.
 */
function discardSheet(sheet: StreamedSheet): void {
  // exceljs may delete the parked file before the stream has opened it: nothing is lost then.
  sheet.iterator.on?.("error", () => {});
  sheet.iterator.destroy?.();
}

/**
 * The same rows in batches, one per chunk of the sheet's XML (as exceljs's own parse gives them): a
 * large import takes them without paying for an await per row. exceljs finds the sheet, unzips it
 * and resolves the shared strings; its XML is read into row values by sheetRowBatches, which relies
 * on the options below (styles and hyperlinks not read). The rest of the archive is read through
 * (without parsing the other sheets) even when the caller stops early, so that exceljs removes the
 * temporary files it made; otherwise each import would leave a copy of its sheet in the temp folder.
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
  const sheets = (reader as unknown as AsyncIterable<StreamedSheet>)[Symbol.asyncIterator]();
  let finished = false;
  let current: StreamedSheet | undefined;
  try {
    while (true) {
      const next = await readingStep(() => sheets.next());
      if (next.done) return;
      const sheet = next.value;
      current = sheet;
      if (sheet.state === "hidden" || sheet.state === "veryHidden") {
        discardSheet(sheet);
        continue;
      }
      info.date1904 = (reader as unknown as ReaderInternals).properties?.model?.date1904 === true;
      info.sheetName = sheet.name;
      // The sheet's XML is read into row values directly (sheet-rows.ts), not through exceljs's
      // Row and Cell objects: the same values, at a fraction of the allocations.
      const sharedStrings = (reader as unknown as ReaderInternals).sharedStrings;
      const batches = sheetRowBatches(sheet.iterator, sharedStrings)[Symbol.asyncIterator]();
      while (true) {
        const batch = await readingStep(() => batches.next());
        if (batch.done) break;
        yield batch.value;
      }
      finished = true;
      break;
    }
  } finally {
    if (!finished && current) discardSheet(current);
    await drainRemainingSheets(sheets, finished);
  }
}

/** Runs one step of exceljs's reading, turning what it throws into a WorkbookReadError. */
async function readingStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new WorkbookReadError(error);
  }
}

async function drainRemainingSheets(sheets: AsyncIterator<StreamedSheet>, afterFullRead: boolean): Promise<void> {
  try {
    while (true) {
      const next = await sheets.next();
      if (next.done) return;
      discardSheet(next.value);
    }
  } catch (error) {
    // A fault further on in the archive does not undo rows already read in full; when the caller
    // stopped early the fault is theirs to ignore too, as they no longer want the rows.
    if (!afterFullRead) return;
    throw new WorkbookReadError(error);
  }
}

/** Checks the first bytes: an .xlsx file is a zip archive ("PK\x03\x04"). */
export function looksLikeXlsx(bytes: Buffer | Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
