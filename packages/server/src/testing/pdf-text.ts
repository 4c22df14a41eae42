/**
 * Reads a PDF the way a reader's "copy text" does, with no tool outside Node: the embedded fonts' ToUnicode
 * maps turn the glyph codes the pages show back into text. Enough for the PDFs pdfkit writes (Type0 fonts,
 * Flate streams, text shown with Tj and TJ); tests use it to prove Chinese text is there and readable.
 */
import { inflateSync } from "node:zlib";

export interface PdfReading {
  /** The header's version, e.g. "1.3". */
  version: string;
  pageCount: number;
  /** Base names of the embedded fonts (subset prefix included), e.g. "ABCDEF+NotoSansHans-Regular". */
  embeddedFonts: string[];
  /** Every page's text, in drawing order, pages separated by a form feed. */
  text: string;
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

function readObjects(bytes: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const latin = bytes.toString("latin1");
  const pattern = /(\d+) 0 obj\s*/g;
  for (let match = pattern.exec(latin); match; match = pattern.exec(latin)) {
    const start = match.index + match[0].length;
    const end = latin.indexOf("endobj", start);
    const body = latin.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dictionary: body, stream: null });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    const dataStart = start + streamAt + (body[streamAt + 6] === "\r" ? 8 : 7);
    const dataEnd = latin.lastIndexOf("endstream", end);
    let data = bytes.subarray(dataStart, dataEnd);
    if (/\/Filter\s*\/FlateDecode/.test(dictionary)) data = inflateSync(data);
    objects.set(Number(match[1]), { dictionary, stream: data });
    pattern.lastIndex = end;
  }
  return objects;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap's code → text (bfchar entries and bfrange entries of both forms). */
function readCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (section[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(Number.parseInt(entry[1] ?? "", 16), utf16(entry[2] ?? ""));
    }
  }
  for (const section of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entries = (section[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g);
    for (const entry of entries) {
      const from = Number.parseInt(entry[1] ?? "", 16);
      const to = Number.parseInt(entry[2] ?? "", 16);
      const target = entry[3] ?? "";
      if (target.startsWith("[")) {
        const values = [...target.matchAll(/<([0-9a-fA-F]+)>/g)].map((value) => utf16(value[1] ?? ""));
        for (const [offset, value] of values.entries()) map.set(from + offset, value);
      } else {
        const first = utf16(target.slice(1, -1));
        for (let code = from; code <= to; code++) {
          map.set(code, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + code - from));
        }
      }
    }
  }
  return map;
}

function reference(dictionary: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary);
  return match ? Number(match[1]) : null;
}

export function readPdf(bytes: Buffer): PdfReading {
  const header = /^%PDF-(\d\.\d)/.exec(bytes.subarray(0, 16).toString("latin1"));
  if (!header) throw new Error("not a PDF: no %PDF- header");
  if (!bytes.subarray(-32).toString("latin1").includes("%%EOF")) throw new Error("not a PDF: no %%EOF at the end");
  const objects = readObjects(bytes);

  // Each font resource name (F1, F2, …) → its ToUnicode map.
  const cmaps = new Map<string, Map<number, string>>();
  const embeddedFonts: string[] = [];
  for (const object of objects.values()) {
    for (const entry of object.dictionary.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(entry[2]));
      const toUnicode = font ? reference(font.dictionary, "ToUnicode") : null;
      const stream = toUnicode === null ? null : objects.get(toUnicode)?.stream;
      if (stream) cmaps.set(entry[1] ?? "", readCMap(stream.toString("latin1")));
    }
    if (/\/Type\s*\/FontDescriptor/.test(object.dictionary) && /\/FontFile[23]?\s+\d+ 0 R/.test(object.dictionary)) {
      embeddedFonts.push(/\/FontName\s*\/([^\s/>]+)/.exec(object.dictionary)?.[1] ?? "");
    }
  }

  const pages = [...objects.values()].filter((object) => /\/Type\s*\/Page\b/.test(object.dictionary));
  const texts = pages.map((page) => {
    const contents = reference(page.dictionary, "Contents");
    const stream = contents === null ? null : objects.get(contents)?.stream;
    if (!stream) return "";
    let cmap = new Map<number, string>();
    let text = "";
    const show = (hex: string) => {
      for (let i = 0; i + 4 <= hex.length; i += 4)
        text += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
    };
    const operators = /\/(F\d+)\s+[\d.]+\s+Tf|\[((?:[^\]]*))\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g;
    for (const op of stream.toString("latin1").matchAll(operators)) {
      if (op[1]) cmap = cmaps.get(op[1]) ?? new Map();
      else if (op[2] !== undefined) for (const part of op[2].matchAll(/<([0-9a-fA-F]*)>/g)) show(part[1] ?? "");
      else if (op[3] !== undefined) show(op[3]);
      else text += "\n";
    }
    return text;
  });
  return { version: header[1] ?? "", pageCount: pages.length, embeddedFonts, text: texts.join("\f") };
}
