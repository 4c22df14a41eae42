/** Uploading and downloading stored files over HTTP: the upload's JSON shape and the download's headers. */
import type { FastifyReply } from "fastify";

/** One file in a JSON body (the contract's schema, under the name the upload routes use). */
export { UploadedFileSchema as uploadedFileSchema } from "@beizeng/contract/common";

/** A Content-Disposition header that carries a Chinese file name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a stored file as a download. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { file_name: string; content_type: string; sha256: string; content: Buffer },
) {
  return reply
    .header("content-type", file.content_type)
    .header("content-disposition", attachmentDisposition(file.file_name))
    .header("x-content-sha256", file.sha256)
    .send(file.content);
}
