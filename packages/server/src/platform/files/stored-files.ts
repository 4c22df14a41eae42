/**
 * Files users upload and the product keeps in the database (a report's evidence, a request's attachments):
 * the accepted types, the size limit, and the check every upload passes — the name, the type by extension,
 * by the file's leading bytes and by its structure (a PDF that ends, a PNG with its image header, an Office
 * document whose zip directory can be read and holds its main part), the size and an optional checksum.
 * Errors are Chinese and name the file.
 */
import { createHash } from "node:crypto";
import { badRequest } from "../errors";
import { zipDirectoryNames } from "./zip-directory";

/** The largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File (OLE2): Word 97-2003 and Excel 97-2003 documents. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A PDF ends with %%EOF; readers look for it in the last kilobyte (some writers add a line or two after it). */
function pdfProblem(bytes: Buffer): string | undefined {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  return tail.includes("%%EOF") ? undefined : "PDF 文件不完整（结尾没有 %%EOF 标记），可能没有下载或上传完整";
}

/** A PNG's first chunk is its image header, IHDR, of 13 bytes. */
function pngProblem(bytes: Buffer): string | undefined {
  const header = bytes.length >= 33 && bytes.readUInt32BE(8) === 13 && bytes.toString("latin1", 12, 16) === "IHDR";
  return header ? undefined : "PNG 图片已损坏（缺少图像头 IHDR）";
}

/** A JPEG ends its image with the marker FF D9 (cameras may add data after it). */
function jpegProblem(bytes: Buffer): string | undefined {
  return bytes.includes(Buffer.from([0xff, 0xd9]), 3)
    ? undefined
    : "JPEG 图片不完整（没有图像结束标记），可能没有下载或上传完整";
}

/** An Office document (.docx, .xlsx) is a zip archive whose directory lists its content types and its main part. */
function officeProblem(mainPart: string, kind: string): (bytes: Buffer) => string | undefined {
  return (bytes) => {
    const names = zipDirectoryNames(bytes);
    if (!names) return "文件不完整或已损坏：读不出压缩包的文件目录，可能没有下载或上传完整";
    if (!names.includes("[Content_Types].xml") || !names.includes(mainPart)) {
      return `不是有效的${kind}（压缩包中没有 ${mainPart}），可能是其他文件改了扩展名`;
    }
    return undefined;
  };
}

/** A Compound File has a header sector of 512 bytes. */
function compoundFileProblem(bytes: Buffer): string | undefined {
  return bytes.length >= 512 ? undefined : "文件不完整（比文件头还短），可能没有下载或上传完整";
}

/**
 * Accepted types: extension → content type, the file's leading bytes (null: any), and what else its
 * bytes must show (the problem, in Chinese, when they do not).
 */
const FILE_TYPES: Record<
  string,
  { contentType: string; magic: number[] | null; problem?: (bytes: Buffer) => string | undefined }
> = {
  pdf: { contentType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d], problem: pdfProblem },
  png: { contentType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], problem: pngProblem },
  jpg: { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff], problem: jpegProblem },
  jpeg: { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff], problem: jpegProblem },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: ZIP,
    problem: officeProblem("word/document.xml", " Word 文档"),
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: ZIP,
    problem: officeProblem("xl/workbook.xml", " Excel 工作簿"),
  },
  doc: { contentType: "application/msword", magic: COMPOUND_FILE, problem: compoundFileProblem },
  xls: { contentType: "application/vnd.ms-excel", magic: COMPOUND_FILE, problem: compoundFileProblem },
  txt: { contentType: "text/plain; charset=utf-8", magic: null },
};

export const ACCEPTED_FILE_EXTENSIONS = Object.keys(FILE_TYPES);

/** A file as it arrived: its bytes from a multipart form, or (the older JSON bodies, for one more release) base64. */
export type UploadedFileInput = { fileName: string; sha256?: string } & (
  | { bytes: Buffer }
  | {
      /** The file's bytes, base64. */
      dataBase64: string;
    }
);

export interface CheckedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

/** Checks one uploaded file; `index` numbers it in the error (附件 1, 附件 2, …). */
export function checkUploadedFile(input: UploadedFileInput, index: number): CheckedFile {
  const where = `附件 ${index + 1}（${input.fileName}）`;
  const fileName = input.fileName.replace(/[\\/]/g, "_").trim();
  if (!fileName || fileName.length > 200) throw badRequest(`${where}：文件名不能为空且不超过 200 个字符`);
  const extension = fileName.includes(".") ? (fileName.split(".").pop() ?? "").toLowerCase() : "";
  const type = FILE_TYPES[extension];
  if (!type) throw badRequest(`${where}：不支持的文件类型，允许 ${ACCEPTED_FILE_EXTENSIONS.join("、")}`);
  const bytes = "bytes" in input ? input.bytes : Buffer.from(input.dataBase64, "base64");
  if (bytes.length === 0) throw badRequest(`${where}：文件为空`);
  if (bytes.length > MAX_FILE_BYTES) throw badRequest(`${where}：文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (type.magic && !type.magic.every((byte, i) => bytes[i] === byte)) {
    throw badRequest(`${where}：文件内容与扩展名 .${extension} 不符`);
  }
  const problem = type.problem?.(bytes);
  if (problem) throw badRequest(`${where}：${problem}`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (input.sha256 && input.sha256.toLowerCase() !== sha256)
    throw badRequest(`${where}：校验值不符，文件可能在传输中损坏`);
  return { fileName, contentType: type.contentType, bytes, sha256 };
}
