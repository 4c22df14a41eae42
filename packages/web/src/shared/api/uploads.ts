/**
 * Files sent to the server (a report's evidence, a request's attachments, workbooks to import): the types and
 * size the server accepts (`platform/files/stored-files.ts` there), the multipart form the upload routes take,
 * and a file's size for display.
 */

/** The extensions the server accepts, for a file chooser's `accept`. */
export const UPLOAD_ACCEPT = ".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.txt";
/** The largest file the server accepts. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** A form's value: text, a file, several files under one name, or nothing (left out). */
type FormValue = string | File | File[] | undefined;

/**
 * A multipart form of the contract's form schemas (`*Form` types): the browser streams each file from disk,
 * never as base64.
 */
export function uploadForm(values: Record<string, FormValue>): FormData {
  const form = new FormData();
  // Text fields first: the server reads them before the files arrive.
  const entries = Object.entries(values).sort(
    ([, a], [, b]) => Number(typeof a !== "string") - Number(typeof b !== "string"),
  );
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string") form.append(name, item);
      else form.append(name, item, item.name);
    }
  }
  return form;
}

/** A file's sha256 in hex, where the browser allows it (secure contexts); the server checks it on arrival. */
export async function sha256Of(file: File): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A file's size as people read it: KB below a megabyte, MB with one decimal above. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
