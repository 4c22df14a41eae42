/** Uploading and downloading files over HTTP: the upload's JSON shape, and every download's headers. */
import type { FastifyReply } from "fastify";

/** One file in a JSON body (the contract's schema, under the name the upload routes use). */
export { UploadedFileSchema as uploadedFileSchema } from "@beizeng/contract/common";

/** The content types of the files the product writes. */
export const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  ndjson: "application/x-ndjson; charset=utf-8",
  pem: "application/x-pem-file; charset=utf-8",
} as const;

export interface Download {
  /** The name the user sees, Chinese included. */
  fileName: string;
  contentType: string;
  body: Buffer | string;
  /** The name for the rare client that cannot read `filename*`; by default the file name, other characters as "_". */
  asciiName?: string;
  /** Headers of this download besides the usual ones (a checksum, a document number). */
  headers?: Record<string, string>;
}

/**
 * A Content-Disposition header that carries a Chinese file name: `filename*` in UTF-8, percent-encoded
 * as RFC 5987 asks (which leaves fewer characters bare than encodeURIComponent), beside a plain
 * `filename` for old clients (RFC 6266).
 */
export function attachmentDisposition(fileName: string, asciiName?: string): string {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The one way a route sends a file: its content type, the file name (RFC 5987), no caching (a
 * download holds a district's data as of now) and its length.
 */
export function sendDownload(reply: FastifyReply, download: Download) {
  const body = typeof download.body === "string" ? Buffer.from(download.body, "utf8") : download.body;
  reply
    .header("content-type", download.contentType)
    .header("content-disposition", attachmentDisposition(download.fileName, download.asciiName))
    .header("cache-control", "no-store")
    .header("content-length", String(body.length));
  for (const [name, value] of Object.entries(download.headers ?? {})) reply.header(name, value);
  return reply.send(body);
}

/** Sends a stored file (an attachment) as a download, with its checksum. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { file_name: string; content_type: string; sha256: string; content: Buffer },
) {
  return sendDownload(reply, {
    fileName: file.file_name,
    contentType: file.content_type,
    body: file.content,
    headers: { "x-content-sha256": file.sha256 },
  });
}
