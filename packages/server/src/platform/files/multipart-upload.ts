/**
 * Files sent as multipart/form-data (@fastify/multipart, registered by the app): the parts are read as they
 * arrive, each file counted against its limit as its bytes come in, so an oversized file is refused without the
 * server holding more than the limit, and no base64 copy is ever made. Refusals are Chinese and name the file or
 * the field: too large (413), not multipart (415), a file missing or a field unknown (400). A request cut off
 * mid-upload throws before anything reaches a service, so nothing is written.
 */
import "@fastify/multipart";
import { AttachmentFieldsSchema } from "@beizeng/contract/common";
import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../errors";
import { parseInput } from "../http/validation";
import { MAX_FILE_BYTES, type UploadedFileInput } from "./stored-files";

/** One file field a route takes: how many files at most and how large each may be. */
export interface FileFieldRule {
  /** What the file is, in Chinese, for the messages ("导入文件", "附件"). */
  label: string;
  maxFiles: number;
  maxBytes: number;
  /** At least one file must be sent in this field. */
  required: boolean;
}

export interface ReceivedFile {
  fileName: string;
  /** The type the client declared (the checks look at the bytes, not at this). */
  mimeType: string;
  bytes: Buffer;
}

export interface MultipartUpload {
  /** The text fields, as sent (the route parses them with its schema). */
  fields: Record<string, string>;
  files: Record<string, ReceivedFile[]>;
}

/** The largest workbook an import takes (the spreadsheet reader bounds what it inflates to). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** Text fields of a form are short: names, numbers, a report's text of a few thousand characters. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 40;

function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(message: string): AppError {
  return new AppError(413, "payload_too_large", message);
}

/** @fastify/multipart's and busboy's own errors, in the product's words. */
function uploadError(error: unknown, what: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_FILES_LIMIT") return tooLarge(`${what}：文件数量超过上限`);
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT") return tooLarge(`${what}：表单字段过多`);
  if (code === "FST_PROTO_VIOLATION") return badRequest(`${what}：表单字段名无效`);
  if (code === "FST_MP_PREMATURE_CLOSE" || (error as { message?: string }).message?.includes("aborted")) {
    return badRequest(`${what}：上传中断，文件没有完整送达，请重新上传`);
  }
  if (error instanceof Error && /multipart|boundary/i.test(error.message)) {
    return badRequest(`${what}：上传内容不是完整的 multipart/form-data 表单，请重新上传`);
  }
  return error;
}

/**
 * Reads a multipart request: its text fields and, per file field of `rules`, its files' bytes. The request's
 * whole size is bounded by the route's body limit (refused on its Content-Length before anything is read).
 */
export async function readMultipartUpload(
  request: FastifyRequest,
  rules: Record<string, FileFieldRule>,
  what: string,
): Promise<MultipartUpload> {
  const fieldNames = Object.keys(rules).join("、");
  if (!request.isMultipart()) {
    throw new AppError(
      415,
      "unsupported_media_type",
      `${what}：请以 multipart/form-data 表单上传文件（文件字段 ${fieldNames}）`,
    );
  }
  const requestLimit = request.routeOptions.bodyLimit ?? Number.POSITIVE_INFINITY;
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > requestLimit) {
    throw tooLarge(`${what}：上传内容过大，此接口最多接受 ${sizeInWords(requestLimit)}`);
  }
  const largestFile = Math.max(...Object.values(rules).map((rule) => rule.maxBytes));
  const totalFiles = Object.values(rules).reduce((sum, rule) => sum + rule.maxFiles, 0);
  const upload: MultipartUpload = { fields: {}, files: {} };
  let received = 0;
  try {
    const parts = request.parts({
      limits: {
        fileSize: largestFile,
        files: totalFiles,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: totalFiles + MAX_FIELDS,
      },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.valueTruncated) throw tooLarge(`${what}：字段 ${part.fieldname} 过长`);
        upload.fields[part.fieldname] = String(part.value);
        continue;
      }
      const rule = rules[part.fieldname];
      if (!rule) throw badRequest(`${what}：不接受文件字段 ${part.fieldname}，文件应放在字段 ${fieldNames}`);
      const list = upload.files[part.fieldname] ?? [];
      upload.files[part.fieldname] = list;
      if (list.length >= rule.maxFiles) throw tooLarge(`${what}：${rule.label}最多 ${rule.maxFiles} 个`);
      const name = part.filename || "未命名文件";
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        received += chunk.length;
        if (size > rule.maxBytes || part.file.truncated) {
          throw tooLarge(`${what}：${rule.label}「${name}」超过 ${sizeInWords(rule.maxBytes)} 的上限`);
        }
        if (received > requestLimit)
          throw tooLarge(`${what}：上传内容过大，此接口最多接受 ${sizeInWords(requestLimit)}`);
        chunks.push(chunk);
      }
      if (part.file.truncated) {
        throw tooLarge(`${what}：${rule.label}「${name}」超过 ${sizeInWords(rule.maxBytes)} 的上限`);
      }
      list.push({ fileName: name, mimeType: part.mimetype, bytes: Buffer.concat(chunks, size) });
    }
  } catch (error) {
    throw uploadError(error, what);
  }
  for (const [field, rule] of Object.entries(rules)) {
    if (rule.required && (upload.files[field]?.length ?? 0) === 0) {
      throw badRequest(`${what}：请选择要上传的${rule.label}（表单字段 ${field}）`, [
        { path: field, message: `缺少${rule.label}` },
      ]);
    }
  }
  return upload;
}

/** Whether the body is JSON: the older upload bodies (the file in base64), still taken for one release. */
export function isJsonBody(request: FastifyRequest): boolean {
  return request.headers["content-type"]?.startsWith("application/json") ?? false;
}

/** The attachment form (`file`, optional `sha256`): its one file as the stored-files check takes it. */
export async function readAttachmentForm(request: FastifyRequest, what: string): Promise<UploadedFileInput> {
  const upload = await readMultipartUpload(
    request,
    { file: { label: "附件", maxFiles: 1, maxBytes: MAX_FILE_BYTES, required: true } },
    what,
  );
  const { sha256 } = parseInput(AttachmentFieldsSchema, upload.fields, what);
  const [file] = upload.files.file ?? [];
  if (!file) throw badRequest(`${what}：请选择要上传的附件`);
  return { fileName: file.fileName, bytes: file.bytes, ...(sha256 ? { sha256 } : {}) };
}
