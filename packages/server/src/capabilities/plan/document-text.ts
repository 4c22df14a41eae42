/**
 * The text of an issued document as the plan drafter reads it: a .txt file as it is (UTF-8, or GB18030 as
 * older Chinese office software saves it), or a Word .docx file's body, one paragraph a line. A .docx is a zip
 * archive: its body, word/document.xml, is read by its central directory (yauzl) and inflated under a limit,
 * so that a small file inflating to gigabytes is refused; each paragraph's runs of text are joined.
 */
import zlib from "node:zlib";
import yauzl from "yauzl";
import { badRequest } from "../../platform/errors";

/** The largest document a draft is made from (a plan's text is a few hundred KB even as .docx). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** The most word/document.xml may inflate to. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The document's text, from its bytes and its name (.txt or .docx). Refusals are Chinese and name the file. */
export async function documentText(bytes: Buffer, fileName: string): Promise<string> {
  const lower = fileName.toLowerCase();
  if (bytes.length > MAX_DOCUMENT_BYTES) throw badRequest(`文件“${fileName}”过大：发文原文最多 10 MB`);
  if (lower.endsWith(".docx")) {
    if (!bytes.subarray(0, 4).equals(ZIP_MAGIC))
      throw badRequest(`文件“${fileName}”不是 Word 文档（.docx）：请另存为 .docx 或纯文本 .txt 后上传`);
    return docxText(bytes, fileName);
  }
  if (lower.endsWith(".txt")) {
    if (bytes.subarray(0, 4).equals(ZIP_MAGIC))
      throw badRequest(`文件“${fileName}”是压缩文件，不是纯文本：Word 文档请以 .docx 上传`);
    return plainText(bytes);
  }
  if (lower.endsWith(".doc") || lower.endsWith(".pdf") || lower.endsWith(".wps"))
    throw badRequest(`不能直接读取“${fileName}”：请把原文另存为 Word 文档（.docx）或复制为纯文本（.txt）后上传`);
  throw badRequest(`文件“${fileName}”的类型不受支持：发文原文须为 .txt 或 .docx`);
}

/** UTF-8 (with or without its mark); a file that is not valid UTF-8 is read as GB18030. */
function plainText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function docxText(bytes: Buffer, fileName: string): Promise<string> {
  const damaged = () => badRequest(`文件“${fileName}”已损坏，无法读取其正文：请在 Word 中重新保存后上传`);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: true });
  } catch {
    throw damaged();
  }
  const xml = await new Promise<string | null>((resolve, reject) => {
    zip.on("error", () => reject(damaged()));
    zip.on("end", () => resolve(null));
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName !== "word/document.xml") {
        zip.readEntry();
        return;
      }
      if (entry.uncompressedSize > MAX_BODY_BYTES) {
        reject(badRequest(`文件“${fileName}”的正文过大（解压后超过 64 MB）`));
        zip.close();
        return;
      }
      zip.openReadStream(entry, { decompress: false }, (error, stream) => {
        if (error || !stream) {
          reject(damaged());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const inflate = entry.compressionMethod === 8 ? zlib.createInflateRaw() : null;
        const source = inflate ? stream.pipe(inflate) : stream;
        source.on("data", (chunk: Buffer) => {
          size += chunk.length;
          // The directory's size is the writer's word; the bytes actually inflated are counted as they come.
          if (size > MAX_BODY_BYTES) {
            source.destroy();
            reject(badRequest(`文件“${fileName}”的正文过大（解压后超过 64 MB）`));
            return;
          }
          chunks.push(chunk);
        });
        source.on("error", () => reject(damaged()));
        source.on("end", () => {
          resolve(Buffer.concat(chunks).toString("utf8"));
          zip.close();
        });
      });
    });
    zip.readEntry();
  });
  if (xml === null) throw badRequest(`文件“${fileName}”不是 Word 文档：其中没有正文（word/document.xml）`);
  return bodyText(xml);
}

/** word/document.xml's paragraphs as lines: runs of text joined, tabs and line breaks kept. */
export function bodyText(xml: string): string {
  const body = /<w:body[\s>][\s\S]*<\/w:body>/.exec(xml)?.[0] ?? xml;
  const lines: string[] = [];
  for (const paragraph of body.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let line = "";
    for (const piece of paragraph[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:br\s[^>]*\/>/g)) {
      if (piece[1] !== undefined) line += decodeEntities(piece[1]);
      else if (piece[0].startsWith("<w:tab")) line += "\t";
      else line += "\n";
    }
    lines.push(line);
  }
  return lines.join("\n");
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity] ?? "";
  });
}
