/**
 * Files users upload and the product keeps in the database (a report's evidence, a request's attachments):
 * the accepted types, the size limit, and the check every upload passes — the name, the type by extension and
 * by the file's leading bytes, the size and an optional checksum. Errors are Chinese and name the file.
 */
import { createHash } from "node:crypto";
import { badRequest } from "../errors";

/** The largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Accepted types: extension → content type and the file's leading bytes (null: any). */
const FILE_TYPES: Record<string, { contentType: string; magic: number[] | null }> = {
  pdf: { contentType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  png: { contentType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  jpeg: { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  doc: { contentType: "application/msword", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  xls: { contentType: "application/vnd.ms-excel", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  txt: { contentType: "text/plain; charset=utf-8", magic: null },
};

export const ACCEPTED_FILE_EXTENSIONS = Object.keys(FILE_TYPES);

export interface UploadedFileInput {
  fileName: string;
  /** The file's bytes, base64. */
  dataBase64: string;
  /** Optional sha256 (hex) computed by the sender; a mismatch refuses the upload. */
  sha256?: string;
}

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
  const bytes = Buffer.from(input.dataBase64, "base64");
  if (bytes.length === 0) throw badRequest(`${where}：文件为空`);
  if (bytes.length > MAX_FILE_BYTES) throw badRequest(`${where}：文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (type.magic && !type.magic.every((byte, i) => bytes[i] === byte)) {
    throw badRequest(`${where}：文件内容与扩展名 .${extension} 不符`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (input.sha256 && input.sha256.toLowerCase() !== sha256)
    throw badRequest(`${where}：校验值不符，文件可能在传输中损坏`);
  return { fileName, contentType: type.contentType, bytes, sha256 };
}
