/** Uploading and downloading stored files over HTTP: the upload's JSON shape and the download's headers. */
import type { FastifyReply } from "fastify";
import { z } from "zod";

/** One file in a JSON body: its name, its bytes in base64, and optionally the sender's sha256. */
export const uploadedFileSchema = z.strictObject({
  fileName: z.string().min(1, "请填写文件名").max(200, "文件名不能超过 200 个字符"),
  dataBase64: z.string().min(1, "文件为空"),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "校验值应为 64 位十六进制")
    .optional(),
});

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
