/**
 * An .xlsx file as the import opens it: a zip archive read by its central directory (yauzl), each
 * part inflated here under limits on its size and on how much it grew, so that a small file that
 * inflates to gigabytes (a "zip bomb") is refused before it fills the server's memory.
 *
 * The limits are checked twice: on the sizes the central directory declares, before anything is
 * inflated; and on the bytes actually inflated, while they stream, since the declared sizes are
 * written by whoever made the file. A part that inflates to more than its directory declares is
 * refused at that point. Every failure is a WorkbookReadError whose message is Chinese and names
 * the part; the library's own words stay in its `cause`, for the server's log.
 */
import { open } from "node:fs/promises";
import { pipeline, type Readable, Transform, type TransformCallback } from "node:stream";
import zlib from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";

/** Where a workbook comes from: bytes already in memory, or a path on disk. */
export type WorkbookSource = Buffer | Uint8Array | string;

export interface ArchiveLimits {
  /** The most parts an archive may list in its directory. */
  maxParts: number;
  /** The largest inflated size of one worksheet, in bytes (read as it streams). */
  maxSheetBytes: number;
  /** The largest inflated size of any other part, in bytes (exceljs parses the ones read whole). */
  maxPartBytes: number;
  /** The largest inflated size of all parts together, in bytes. */
  maxTotalBytes: number;
  /** The most a part may grow when inflated: inflated size ÷ compressed size. */
  maxRatio: number;
  /** Parts no larger than this (inflated) are not held to the ratio: short XML compresses extremely well. */
  ratioFreeBytes: number;
}

const MB = 1024 * 1024;

/**
 * Measured on real workbooks: the import benchmark's 100,000-row monthly file (bench/import) has a
 * sheet of 30.6 MB inflated from 5.2 MB (5.9 : 1) and shared strings of 0.7 MB (12.8 : 1); its
 * 400,000-row file a sheet of 126 MB (6.0 : 1); 100,000 identical rows 28 MB (9.3 : 1); the parts
 * of the office suites' files under test-fixtures/xlsx at most 7.9 : 1. XML whose every row differs
 * at least in its row number cannot compress much further, while a run of one byte deflates about
 * 1030 : 1. So a part may grow 100 times (ten times the most seen in a real file) once it is over
 * 1 MB. A worksheet may inflate to 256 MB: twice the 400,000-row sheet, and more than the 20 MB an
 * upload may have can hold at the ratios of real sheets. Any other part to 64 MB: the shared strings,
 * the largest of them, are 2.9 MB in the 400,000-row file, and they are parsed into memory whole. All
 * parts together to 512 MB.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxParts: 10_000,
  maxSheetBytes: 256 * MB,
  maxPartBytes: 64 * MB,
  maxTotalBytes: 512 * MB,
  maxRatio: 100,
  ratioFreeBytes: 1 * MB,
};

/**
 * The file could not be read as a workbook: not a zip archive, a damaged one, one that is not an
 * Excel workbook, one over the limits, or XML that cannot be parsed. The message is for the user
 * (Chinese, naming the part); the cause, when there is one, is what the library said (for the log).
 */
export class WorkbookReadError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "WorkbookReadError";
  }
}

/**
 * A part's content is not what a workbook holds (XML that cannot be parsed, a cell without its
 * position, text or nesting far beyond any real sheet). The message is Chinese and completes a
 * sentence about the part ("…不是有效的 XML"); the reader names the part in front of it.
 */
export class PartContentError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "PartContentError";
  }
}

/** The parts every Excel workbook has: without them the file is some other zip archive. */
const REQUIRED_PARTS = ["[Content_Types].xml", "xl/workbook.xml"];

const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

const PART_NAMES: Record<string, string> = {
  "[Content_Types].xml": "内容类型清单",
  "_rels/.rels": "文件关系",
  "xl/workbook.xml": "工作簿结构",
  "xl/_rels/workbook.xml.rels": "工作簿关系",
  "xl/sharedStrings.xml": "共享文本",
  "xl/styles.xml": "样式",
};

/** A part named for the user: what it holds, then its path in the archive. */
export function partLabel(part: string): string {
  if (SHEET_PART.test(part)) return `工作表数据（${part}）`;
  const name = PART_NAMES[part];
  return name ? `${name}（${part}）` : `部件 ${part}`;
}

/** A size as the user reads it: 520 KB, 500 MB. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

const SAVE_AS_XLSX = "请用 Excel 或 WPS 打开后另存为 .xlsx 格式再导入";

/** Compound File (OLE2): the old .xls format, and also how Excel stores a password-protected workbook. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function leadingBytes(source: WorkbookSource, count: number): Promise<Uint8Array> {
  if (typeof source !== "string") return source.subarray(0, count);
  const handle = await open(source, "r");
  try {
    const head = Buffer.alloc(count);
    const { bytesRead } = await handle.read(head, 0, count, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Refuses what is plainly not an .xlsx file by its first bytes, with a message saying what it looks like. */
async function checkLeadingBytes(source: WorkbookSource): Promise<void> {
  const head = await leadingBytes(source, COMPOUND_FILE.length);
  if (head.length === COMPOUND_FILE.length && COMPOUND_FILE.every((byte, i) => head[i] === byte)) {
    throw new WorkbookReadError(
      `这是 Excel 97-2003 格式（.xls）的文件或设置了打开密码的工作簿，无法读取：请去掉密码，${SAVE_AS_XLSX}`,
    );
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new WorkbookReadError(`不是 .xlsx 工作簿（${SAVE_AS_XLSX}）`);
  }
}

function damagedDirectory(cause: unknown): WorkbookReadError {
  return new WorkbookReadError(
    "文件不完整或已损坏：读不出压缩包的文件目录（.xlsx 文件是一个 zip 压缩包；文件可能没有下载或上传完整）",
    cause,
  );
}

/** What a part's size breaks, by its declared or inflated size; undefined when within the limits. */
function overLimit(part: string, inflated: number, compressed: number, limits: ArchiveLimits): string | undefined {
  const sheet = SHEET_PART.test(part);
  const cap = sheet ? limits.maxSheetBytes : limits.maxPartBytes;
  if (inflated > cap) {
    return `文件中的${partLabel(part)}解压后达 ${formatSize(inflated)}，超过${sheet ? "一个工作表" : "单个部件"} ${formatSize(cap)} 的上限，未读取（请删去多余的行列，或拆成几个文件分别导入）`;
  }
  if (inflated > limits.ratioFreeBytes && inflated > compressed * limits.maxRatio) {
    const ratio = Math.round(inflated / Math.max(compressed, 1));
    return `文件中的${partLabel(part)}压缩比异常：${formatSize(compressed)} 解压后达 ${formatSize(inflated)}（约 ${ratio} 倍，上限 ${limits.maxRatio} 倍），不是正常的工作簿，未读取`;
  }
  return undefined;
}

function overTotal(limits: ArchiveLimits): string {
  return `文件解压后的内容超过 ${formatSize(limits.maxTotalBytes)} 的上限，未读取（请拆成几个文件分别导入）`;
}

/**
 * Counts the bytes a part inflates to and stops the stream (with a WorkbookReadError) as soon as
 * they pass the size its directory entry declares; at the end, fewer bytes than declared means a
 * damaged part. The declared sizes were held to the limits before anything was inflated (part by
 * part, ratio, and their sum), so the bytes themselves are held to the limits too, whatever the
 * directory says.
 */
class InflatedSizeGuard extends Transform {
  private inflated = 0;

  constructor(
    private readonly part: string,
    private readonly entry: Entry,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.inflated += chunk.length;
    if (this.inflated > this.entry.uncompressedSize) {
      done(
        new WorkbookReadError(
          `文件已损坏：${partLabel(this.part)}解压出的内容多于文件目录记载的 ${this.entry.uncompressedSize} 字节，已停止读取`,
        ),
      );
    } else done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.inflated < this.entry.uncompressedSize) {
      done(
        new WorkbookReadError(
          `文件已损坏：${partLabel(this.part)}解压后只有 ${this.inflated} 字节，少于文件目录记载的 ${this.entry.uncompressedSize} 字节`,
        ),
      );
    } else done();
  }
}

/** An opened workbook archive: its parts by name, each opened as a guarded stream of its inflated bytes. */
export interface WorkbookArchive {
  readonly partNames: readonly string[];
  has(part: string): boolean;
  /** The part's inflated bytes, or undefined when the archive has no such part. */
  openPart(part: string): Promise<Readable | undefined>;
  close(): void;
}

/** What a failure while reading a part tells the user: the part, and that the file is damaged. */
export function partReadError(part: string, cause: unknown): WorkbookReadError {
  if (cause instanceof WorkbookReadError) return cause;
  return new WorkbookReadError(`文件已损坏：无法读取其中的${partLabel(part)}`, cause);
}

/**
 * Opens the archive by its central directory and checks it before any part is inflated: a zip
 * archive, at most `maxParts` parts each named once, an Excel workbook's parts present, no
 * encrypted part, only stored or deflated parts, and every declared size within the limits.
 */
export async function openWorkbookArchive(
  source: WorkbookSource,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<WorkbookArchive> {
  await checkLeadingBytes(source);
  let zip: ZipFile;
  try {
    const options = { lazyEntries: true, autoClose: false };
    zip =
      typeof source === "string"
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(Buffer.isBuffer(source) ? source : Buffer.from(source), options);
  } catch (error) {
    throw damagedDirectory(error);
  }
  try {
    if (zip.entryCount > limits.maxParts) {
      throw new WorkbookReadError(
        `文件的压缩包中有 ${zip.entryCount} 个部件，超过 ${limits.maxParts} 个的上限，不是正常的工作簿，未读取`,
      );
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        if (entries.has(entry.fileName)) {
          throw new WorkbookReadError(`文件已损坏：压缩包中的${partLabel(entry.fileName)}出现了两次`);
        }
        entries.set(entry.fileName, entry);
      }
    } catch (error) {
      throw error instanceof WorkbookReadError ? error : damagedDirectory(error);
    }
    checkDirectory(entries, limits);
    return guardedArchive(zip, entries);
  } catch (error) {
    zip.close();
    throw error;
  }
}

function checkDirectory(entries: ReadonlyMap<string, Entry>, limits: ArchiveLimits): void {
  const missing = REQUIRED_PARTS.filter((part) => !entries.has(part));
  if (missing.length > 0) {
    throw new WorkbookReadError(
      `不是 Excel 工作簿：压缩包中没有${missing.map(partLabel).join("、")}（可能是其他文件改成了 .xlsx 扩展名；${SAVE_AS_XLSX}）`,
    );
  }
  let total = 0;
  for (const [part, entry] of entries) {
    if (entry.isEncrypted()) {
      throw new WorkbookReadError(`文件中的${partLabel(part)}已加密，无法读取：请去掉密码，${SAVE_AS_XLSX}`);
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new WorkbookReadError(
        `文件中的${partLabel(part)}使用了不支持的压缩方式（${entry.compressionMethod}）：${SAVE_AS_XLSX}`,
      );
    }
    const problem = overLimit(part, entry.uncompressedSize, entry.compressedSize, limits);
    if (problem) throw new WorkbookReadError(problem);
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) throw new WorkbookReadError(overTotal(limits));
}

function guardedArchive(zip: ZipFile, entries: ReadonlyMap<string, Entry>): WorkbookArchive {
  return {
    partNames: [...entries.keys()],
    has: (part) => entries.has(part),
    async openPart(part) {
      const entry = entries.get(part);
      if (entry === undefined) return undefined;
      let raw: Readable;
      try {
        // The compressed bytes as stored: inflated here, behind the guard, never by yauzl unchecked.
        raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
      } catch (error) {
        throw partReadError(part, error);
      }
      const guard = new InflatedSizeGuard(part, entry);
      // An error in any stage (a damaged deflate stream, a limit passed) ends the guard with it,
      // and so reaches whoever reads the part; the stages before it are destroyed.
      const done = () => undefined;
      if (entry.compressionMethod === 8) pipeline(raw, zlib.createInflateRaw(), guard, done);
      else pipeline(raw, guard, done);
      return guard;
    },
    close: () => zip.close(),
  };
}

/**
 * Checks an uploaded workbook through and through without keeping anything: the directory as
 * openWorkbookArchive checks it, then every part inflated and counted (and thrown away), so that a
 * part whose directory entry lies about its size is found too. Throws a WorkbookReadError.
 */
export async function checkWorkbookArchive(
  source: WorkbookSource,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<void> {
  const archive = await openWorkbookArchive(source, limits);
  try {
    for (const part of archive.partNames) {
      try {
        const bytes = await archive.openPart(part);
        if (bytes) for await (const _chunk of bytes);
      } catch (error) {
        throw partReadError(part, error);
      }
    }
  } finally {
    archive.close();
  }
}
