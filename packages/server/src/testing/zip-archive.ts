/**
 * Zip archives written byte by byte for the tests of the archive limits: small on disk however large
 * their parts inflate, with the sizes in their directory true or made up. A long run of one byte is
 * deflated once per megabyte and the block repeated (a deflate stream may be cut into blocks that
 * each stand alone), so a part of 500 MB costs about 500 KB and no time to make.
 */
import zlib from "node:zlib";

/** A part's bytes: given whole, or `before`, then `run` repeated `times`, then `after`. */
export type PartBytes = string | Buffer | { before?: string; run: Buffer; times: number; after?: string };

export interface ZipPart {
  name: string;
  bytes: PartBytes;
  /** The uncompressed size written in the headers, when it is to differ from the true one. */
  declaredSize?: number;
  /** 8 (deflated, the default) or 0 (stored). */
  method?: 0 | 8;
}

function pieces(bytes: PartBytes): { data: Buffer; times: number }[] {
  if (typeof bytes === "string" || Buffer.isBuffer(bytes)) return [{ data: Buffer.from(bytes), times: 1 }];
  return [
    { data: Buffer.from(bytes.before ?? ""), times: 1 },
    { data: bytes.run, times: bytes.times },
    { data: Buffer.from(bytes.after ?? ""), times: 1 },
  ];
}

function deflated(parts: { data: Buffer; times: number }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { data, times } of parts) {
    const block = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    for (let i = 0; i < times; i++) blocks.push(block);
  }
  blocks.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return Buffer.concat(blocks);
}

/** The archive's bytes: local headers and data, the central directory, its end record. */
export function zipArchive(parts: readonly ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const content = pieces(part.bytes);
    const method = part.method ?? 8;
    const data =
      method === 8 ? deflated(content) : Buffer.concat(content.flatMap((p) => Array<Buffer>(p.times).fill(p.data)));
    let crc = 0;
    let size = 0;
    for (const { data: piece, times } of content) {
      for (let i = 0; i < times; i++) crc = zlib.crc32(piece, crc);
      size += piece.length * times;
    }
    const declared = part.declaredSize ?? size;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(declared, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, name, data);
    central.push(entry, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a one-sheet workbook around the given sheet XML (and shared strings, when given). */
export function workbookParts(sheet: Omit<ZipPart, "name">, sharedStrings?: Omit<ZipPart, "name">): ZipPart[] {
  const strings = sharedStrings
    ? `<Relationship Id="rId2" Type="${OFFICE}/sharedStrings" Target="sharedStrings.xml"/>`
    : "";
  return [
    {
      name: "[Content_Types].xml",
      bytes:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: "_rels/.rels",
      bytes: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      bytes: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      bytes: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>${strings}</Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", ...sheet },
    ...(sharedStrings ? [{ name: "xl/sharedStrings.xml", ...sharedStrings }] : []),
  ];
}

/** A sheet's XML around its rows. */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

const MEGABYTE_OF_SPACES = Buffer.alloc(1024 * 1024, 0x20);

/**
 * A workbook whose sheet is `megabytes` of spaces between two tags: a decompression bomb about a
 * thousandth of its inflated size. `declaredSize` writes a smaller size into its directory.
 */
export function bombWorkbook(megabytes: number, declaredSize?: number): Buffer {
  return zipArchive(
    workbookParts({
      bytes: {
        before: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`,
        run: MEGABYTE_OF_SPACES,
        times: megabytes,
        after: "</sheetData></worksheet>",
      },
      ...(declaredSize === undefined ? {} : { declaredSize }),
    }),
  );
}
