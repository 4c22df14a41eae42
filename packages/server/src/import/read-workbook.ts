import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import yauzl, { type Entry, type ZipFile } from "yauzl";
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
  /** The sheet's XML, as the archive's stream of its part. */
  iterator: AsyncIterable<unknown> & { destroy?: () => void };
}

/**
 * The file could not be read as a workbook: a damaged archive or XML exceljs does not understand.
 * Raised only for what happens inside the reading, never for errors of the code consuming the rows.
 */
export class WorkbookReadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "WorkbookReadError";
  }
}

/** The parts of exceljs's streaming reader this module drives (its own parsers of each part). */
interface ReaderParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<unknown>;
  parse(): AsyncGenerator<unknown>;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The sheets' part numbers in the workbook's tab order (by its relationships), else in number order. */
function sheetNumbersInTabOrder(reader: ReaderParts, parts: ReadonlyMap<string, Entry>): string[] {
  const present = [...parts.keys()]
    .map((name) => SHEET_PART.exec(name)?.[1])
    .filter((no): no is string => no !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  const ordered: string[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    const no = target === undefined ? undefined : /worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
    if (no !== undefined && present.includes(no) && !ordered.includes(no)) ordered.push(no);
  }
  for (const no of present) if (!ordered.includes(no)) ordered.push(no);
  return ordered;
}

async function openArchive(source: WorkbookSource): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false };
  if (typeof source === "string") return yauzl.openPromise(source, options);
  return yauzl.fromBufferPromise(Buffer.isBuffer(source) ? source : Buffer.from(source), options);
}

/**
 * exceljs's reader takes the archive's parts in the order they are stored and parks a sheet that
 * comes before the shared strings in a temporary file; its pass over the archive (unzipper's Parse)
 * now and then ends early on a busy machine, and the sheet is then read without its shared strings
 * or its workbook. Here the archive is opened by its central directory (yauzl) and the parts are
 * given to exceljs's own parsers in the order they depend on each other: relationships, workbook,
 * shared strings, then the sheets in tab order — whatever order the file stores them in, with
 * nothing written to disk.
 */
function readPartsInOrder(reader: ReaderParts, source: WorkbookSource): void {
  reader.parse = async function* parseInOrder() {
    const archive = await openArchive(source);
    try {
      const parts = new Map<string, Entry>();
      for await (const entry of archive.eachEntry()) parts.set(entry.fileName, entry);
      const open = (name: string) => {
        const entry = parts.get(name);
        return entry === undefined ? undefined : archive.openReadStreamPromise(entry);
      };
      const rels = await open("xl/_rels/workbook.xml.rels");
      if (rels) await reader._parseRels(rels);
      const book = await open("xl/workbook.xml");
      if (book) await reader._parseWorkbook(book);
      const strings = await open("xl/sharedStrings.xml");
      if (strings) yield* reader._parseSharedStrings(strings);
      for (const no of sheetNumbersInTabOrder(reader, parts)) {
        const sheet = await open(`xl/worksheets/sheet${no}.xml`);
        if (sheet) yield* reader._parseWorksheet(sheet, no);
      }
    } finally {
      archive.close();
    }
  };
}

/**
 * The same rows in batches, one per chunk of the sheet's XML: a large import takes them without
 * paying for an await per row. exceljs's parsers read the workbook, its relationships and the
 * shared strings (readPartsInOrder); the sheet's XML is read into row values by sheetRowBatches,
 * which relies on the options below (styles and hyperlinks not read).
 */
export async function* streamFirstSheetRowBatches(
  source: WorkbookSource,
  info: WorkbookInfo = { date1904: false },
): AsyncGenerator<RawRow[], void, void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source as never, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  readPartsInOrder(reader as unknown as ReaderParts, source);
  ignorePhoneticReadings(reader as unknown as ReaderInternals);
  const sheets = (reader as unknown as AsyncIterable<StreamedSheet>)[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await readingStep(() => sheets.next());
      if (next.done) return;
      const sheet = next.value;
      if (sheet.state === "hidden" || sheet.state === "veryHidden") {
        sheet.iterator.destroy?.();
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
      return;
    }
  } finally {
    // The other sheets are not opened; the archive is closed.
    await sheets.return?.(undefined);
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

/** Checks the first bytes: an .xlsx file is a zip archive ("PK\x03\x04"). */
export function looksLikeXlsx(bytes: Buffer | Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
