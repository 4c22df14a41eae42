/**
 * Files sent to the server (a report's evidence, a request's attachments): the types and size the server
 * accepts (`services/stored-files.ts` there), reading a file into the JSON the upload routes take, and its size
 * for display.
 */

/** The extensions the server accepts, for a file chooser's `accept`. */
export const UPLOAD_ACCEPT = ".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.txt";
/** The largest file the server accepts. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  dataBase64: string;
  sha256?: string;
}

/** Reads a file for upload: base64 content and, where the browser allows it, its sha256. */
export async function readUploadFile(file: File): Promise<UploadedFile> {
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  let sha256: string | undefined;
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
    sha256 = [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  }
  return { fileName: file.name, dataBase64: btoa(binary), sha256 };
}

/** A file's size as people read it: KB below a megabyte, MB with one decimal above. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
