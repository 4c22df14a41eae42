import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sheetRowBatches } from "./sheet-rows";
import {
  openWorkbookArchive,
  PartContentError,
  partLabel,
  partReadError,
  type WorkbookArchive,
  WorkbookReadError,
  type WorkbookSource,
} from "./workbook-archive";

export { WorkbookReadError, type WorkbookSource };

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
 * The readings are removed from the shared strings' XML on its way to exceljs's parser.
 */
export function ignorePhoneticReadings(reader: ReaderInternals): void {
  const parse = reader._parseSharedStrings.bind(reader);
  reader._parseSharedStrings = (entry) => parse(Readable.from(checkedXmlPieces(entry, true)));
}

const PHONETIC_READING = /<rPh\b[\s\S]*?<\/rPh>/g;

/** Pieces of XML text parsed one at a time, each ending after a tag (never inside a character). */
const XML_PIECE = 64 * 1024;

/**
 * Bounds on the XML given to exceljs's parsers (relationships, workbook, shared strings), far
 * beyond real files: the most text held back at once (a reading not closed yet, a run without a
 * tag's end), the longest run between two tags (exceljs's parser holds a text node or a tag whole)
 * and the deepest nesting (its parser keeps a stack of open tags). Without them a part within the
 * archive's limits could still make the parser hold tens of megabytes of one text, or millions of
 * open tags.
 */
const MAX_HELD_BACK = 16 * XML_PIECE;
const MAX_DEPTH = 64;
const MARKUP = /<[/!?]?|\/>/g;

/**
 * The XML in pieces of about 64 KB, each ending after a tag, checked against the bounds above and,
 * for the shared strings, without their phonetic readings (what may be the start of a reading whose
 * end has not arrived yet is held back until it does). Pieces rather than the whole text: parsed in
 * one piece, every object the XML parser makes for it is alive at once and survives garbage
 * collection; V8 then allocates such objects straight in the old generation for the rest of the
 * import (the sheet's rows too), which costs a full collection every few thousand rows.
 */
async function* checkedXmlPieces(
  xml: AsyncIterable<unknown>,
  removePhoneticReadings: boolean,
): AsyncGenerator<string, void, void> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  // Characters since the last "<", and tags open, over the pieces given so far.
  let sinceMarkup = 0;
  let depth = 0;
  const tooLong = () => new PartContentError("中有超过 1 MB 的单段文本或标签，不是正常的工作簿");
  const check = (piece: string) => {
    // Where the last "<" of this piece is (0 before any): the run since it continues into the next piece.
    let last = 0;
    for (const match of piece.matchAll(MARKUP)) {
      if (match[0] === "/>") {
        depth--;
        continue;
      }
      if (sinceMarkup + match.index - last > MAX_HELD_BACK) throw tooLong();
      sinceMarkup = 0;
      last = match.index;
      if (match[0] === "</") depth--;
      else if (match[0] === "<" && ++depth > MAX_DEPTH) {
        throw new PartContentError(`中的标签嵌套超过 ${MAX_DEPTH} 层，不是正常的工作簿`);
      }
    }
    sinceMarkup += piece.length - last;
    if (sinceMarkup > MAX_HELD_BACK) throw tooLong();
  };
  for await (const chunk of xml) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (pending.length < XML_PIECE) continue;
    if (removePhoneticReadings) pending = pending.replace(PHONETIC_READING, "");
    const unclosed = removePhoneticReadings ? pending.lastIndexOf("<rPh") : -1;
    const end = pending.lastIndexOf(">", unclosed < 0 ? pending.length : unclosed) + 1;
    if (end > 0) {
      const piece = pending.slice(0, end);
      pending = pending.slice(end);
      check(piece);
      yield piece;
    }
    if (pending.length > MAX_HELD_BACK) throw tooLong();
  }
  pending += decoder.decode();
  if (removePhoneticReadings) pending = pending.replace(PHONETIC_READING, "");
  if (pending) {
    check(pending);
    yield pending;
  }
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
function sheetNumbersInTabOrder(reader: ReaderParts, archive: WorkbookArchive): string[] {
  const present = archive.partNames
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

/** The part being read: a failure is reported as a failure of that part. */
interface ReadingPosition {
  part?: string;
}

/**
 * exceljs's reader takes the archive's parts in the order they are stored and parks a sheet that
 * comes before the shared strings in a temporary file; its pass over the archive (unzipper's Parse)
 * now and then ends early on a busy machine, and the sheet is then read without its shared strings
 * or its workbook. Here the archive is opened by its central directory (workbook-archive.ts, which
 * also inflates every part under its size limits) and the parts are given to exceljs's own parsers
 * in the order they depend on each other: relationships, workbook, shared strings, then the sheets
 * in tab order — whatever order the file stores them in, with nothing written to disk.
 */
function readPartsInOrder(reader: ReaderParts, source: WorkbookSource, position: ReadingPosition): void {
  reader.parse = async function* parseInOrder() {
    const archive = await openWorkbookArchive(source);
    try {
      const open = (part: string) => {
        position.part = part;
        return archive.openPart(part);
      };
      const rels = await open("xl/_rels/workbook.xml.rels");
      if (rels) await reader._parseRels(Readable.from(checkedXmlPieces(rels, false)));
      const book = await open("xl/workbook.xml");
      if (book) await reader._parseWorkbook(Readable.from(checkedXmlPieces(book, false)));
      const strings = await open("xl/sharedStrings.xml");
      if (strings) yield* reader._parseSharedStrings(strings);
      for (const no of sheetNumbersInTabOrder(reader, archive)) {
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
  const position: ReadingPosition = {};
  readPartsInOrder(reader as unknown as ReaderParts, source, position);
  ignorePhoneticReadings(reader as unknown as ReaderInternals);
  const sheets = (reader as unknown as AsyncIterable<StreamedSheet>)[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await readingStep(position, () => sheets.next());
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
        const batch = await readingStep(position, () => batches.next());
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

/**
 * Runs one step of the reading, turning what it throws into a WorkbookReadError: in Chinese, naming
 * the part being read; what the library said is kept as its cause (for the log), never shown.
 */
async function readingStep<T>(position: ReadingPosition, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    if (position.part === undefined) throw new WorkbookReadError("文件已损坏，无法读取", error);
    if (error instanceof PartContentError) {
      throw new WorkbookReadError(`${partLabel(position.part)}${error.message}`, error.cause ?? error);
    }
    throw partReadError(position.part, error);
  }
}
