/**
 * The names listed in a zip archive's central directory, read at once from the bytes in memory
 * (nothing is inflated): enough to tell an Office document (.docx, .xlsx) from a damaged file or
 * from another file renamed, when an upload is checked. Undefined when the directory cannot be
 * read: no end record, a directory outside the file, an entry or its local header out of place.
 */
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535 bytes. */
const END_RECORD = 22;
const MAX_COMMENT = 0xffff;

function endRecordAt(bytes: Buffer): number | undefined {
  const last = bytes.length - END_RECORD;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    // The record's comment must reach exactly to the end of the file.
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY && at + END_RECORD + bytes.readUInt16LE(at + 20) === bytes.length) {
      return at;
    }
  }
  return undefined;
}

export function zipDirectoryNames(bytes: Buffer): string[] | undefined {
  const end = endRecordAt(bytes);
  if (end === undefined) return undefined;
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: the sizes are in the zip64 end record, which a locator just before the end record points at.
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) return undefined;
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > locator || bytes.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY) return undefined;
    count = Number(bytes.readBigUInt64LE(record + 32));
    size = Number(bytes.readBigUInt64LE(record + 40));
    offset = Number(bytes.readBigUInt64LE(record + 48));
    directoryEnd = record;
  }
  if (offset + size > directoryEnd) return undefined;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > offset + size) return undefined;
    const local = bytes.readUInt32LE(at + 42);
    // In a zip64 archive the offset may be in the entry's extra field; otherwise its local header must be there.
    if (local !== 0xffffffff && (local + 30 > offset || bytes.readUInt32LE(local) !== LOCAL_HEADER)) return undefined;
    names.push(bytes.toString("utf8", at + 46, at + 46 + nameLength));
    at = next;
  }
  return names;
}
