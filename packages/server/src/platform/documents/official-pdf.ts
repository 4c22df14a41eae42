/**
 * The PDF renderer of an official document (`official-document.ts`), in the layout of GB/T 9704-2012 as
 * far as a PDF can follow it: A4, top margin 37 mm, binding margin 28 mm, text block 156 × 225 mm with a
 * 28.95 pt line pitch (22 lines); the red issuer mark and rule, the number, the title in 2号, body in 3号,
 * signature and date at the right, page numbers "— N —" in 4号 at the outer bottom corner, 7 mm under
 * the text block. The official typefaces (小标宋, 仿宋_GB2312, 楷体) are not free to ship, so the PDF embeds
 * the open Noto Serif SC (a subset of the glyphs used) from npm: its weights stand in for the typefaces
 * (decision 011). The .docx keeps naming the official typefaces, for Word on the office's machines.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import {
  chineseDate,
  columnWeights,
  type DocumentBlock,
  type DocumentTable,
  type OfficialDocument,
  sourceLine,
} from "./official-document";

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const TEXT_BOTTOM = PAGE.height - MARGINS.bottom;
const RED = "#FF0000";
/** 2号 22 pt, 3号 16 pt, 4号 14 pt; the issuer mark as the .docx sets it. */
const SIZE_2 = 22;
const SIZE_3 = 16;
const SIZE_4 = 14;
const SIZE_MARK = 36;
/** 22 lines in the 225 mm text block. */
const LINE_PITCH = (225 * MM) / 22;
const INDENT_2_CHARS = 2 * SIZE_3;
const CELL_PADDING = 4;

/** The weights of Noto Serif SC that stand in for the official typefaces. */
const FONT_FILES = {
  /** 仿宋 — body, addressees, signature, table cells. */
  body: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  /** 楷体 — second-level headings. */
  kai: "@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf",
  /** 小标宋 and 黑体 — issuer mark, title, first-level headings, captions, table headers. */
  bold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

const loadedFonts = new Map<FontName, fontkit.Font>();

/** A font read and parsed once per process (15 MB each); every document embeds its own subset. */
function fontOf(name: FontName): fontkit.Font {
  let font = loadedFonts.get(name);
  if (!font) {
    const file = createRequire(import.meta.url).resolve(FONT_FILES[name]);
    font = fontkit.create(readFileSync(file)) as fontkit.Font;
    loadedFonts.set(name, font);
  }
  return font;
}

type Pdf = PDFKit.PDFDocument;

/** The gap pdfkit adds under each line so that lines of `size` sit `pitch` apart. */
function lineGapFor(pdf: Pdf, font: FontName, size: number, pitch: number): number {
  pdf.font(font).fontSize(size);
  return Math.max(0, pitch - pdf.currentLineHeight(true));
}

function write(
  pdf: Pdf,
  text: string,
  font: FontName,
  size: number,
  options: PDFKit.Mixins.TextOptions & { pitch?: number; color?: string } = {},
) {
  const { pitch = LINE_PITCH, color = "black", ...textOptions } = options;
  const lineGap = lineGapFor(pdf, font, size, pitch);
  pdf.fillColor(color).text(text, MARGINS.left, pdf.y, { width: TEXT_WIDTH, lineGap, ...textOptions });
}

function head(pdf: Pdf, doc: OfficialDocument) {
  write(pdf, doc.issuerMark, "bold", SIZE_MARK, { align: "center", color: RED, pitch: SIZE_MARK * 1.4 });
  pdf.moveDown(0.3);
  if (doc.number) write(pdf, doc.number, "body", SIZE_3, { align: "center" });
  // The red rule under the number, as wide as the text block.
  const ruleY = pdf.y + 4 * MM;
  pdf
    .save()
    .lineWidth(1.5)
    .strokeColor(RED)
    .moveTo(MARGINS.left, ruleY)
    .lineTo(MARGINS.left + TEXT_WIDTH, ruleY)
    .stroke()
    .restore();
  // Two empty lines under the rule, then the title.
  pdf.y = ruleY + 2 * LINE_PITCH - SIZE_3;
  write(pdf, doc.title, "bold", SIZE_2, { align: "center", pitch: 35 });
  pdf.y += LINE_PITCH - SIZE_3;
  write(pdf, doc.addressees, "body", SIZE_3);
}

function block(pdf: Pdf, item: DocumentBlock) {
  switch (item.kind) {
    case "paragraph":
      return write(pdf, item.text, "body", SIZE_3, { indent: INDENT_2_CHARS });
    case "heading1":
      return write(pdf, item.text, "bold", SIZE_3, { indent: INDENT_2_CHARS });
    case "heading2":
      return write(pdf, item.text, "kai", SIZE_3, { indent: INDENT_2_CHARS });
    case "table":
      return table(pdf, item.table);
  }
}

function table(pdf: Pdf, spec: DocumentTable) {
  const weights = columnWeights(spec);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => (TEXT_WIDTH * w) / total);
  // Keep the caption with the table's first rows.
  if (pdf.y + LINE_PITCH * 3 > TEXT_BOTTOM) pdf.addPage();
  write(pdf, spec.caption, "bold", SIZE_3, { align: "center" });
  write(pdf, spec.unitLine, "body", SIZE_4, { align: "right", pitch: SIZE_4 * 1.6 });

  const cellOptions = (width: number) => ({ width: width - 2 * CELL_PADDING, align: "center" as const, lineGap: 1 });
  const heightOf = (cells: string[], font: FontName) => {
    pdf.font(font).fontSize(SIZE_4);
    const tallest = Math.max(...cells.map((text, i) => pdf.heightOfString(text || " ", cellOptions(widths[i] ?? 0))));
    return tallest + 2 * CELL_PADDING + 2;
  };
  const drawRow = (cells: string[], font: FontName) => {
    const height = heightOf(cells, font);
    const top = pdf.y;
    let x = MARGINS.left;
    cells.forEach((text, i) => {
      const width = widths[i] ?? 0;
      pdf.save().lineWidth(0.75).strokeColor("black").rect(x, top, width, height).stroke().restore();
      pdf.font(font).fontSize(SIZE_4);
      const textHeight = pdf.heightOfString(text || " ", cellOptions(width));
      pdf.fillColor("black").text(text, x + CELL_PADDING, top + (height - textHeight) / 2, cellOptions(width));
      x += width;
    });
    pdf.x = MARGINS.left;
    pdf.y = top + height;
  };
  drawRow(spec.header, "bold");
  for (const row of spec.rows) {
    // A row that would cross the text block's bottom starts a new page, under the header repeated.
    if (pdf.y + heightOf(row, "body") > TEXT_BOTTOM) {
      pdf.addPage();
      drawRow(spec.header, "bold");
    }
    drawRow(row, "body");
  }
  if (spec.source) write(pdf, sourceLine(spec.source), "body", SIZE_4, { pitch: SIZE_4 * 1.6 });
  pdf.y += SIZE_4 / 2;
}

function tail(pdf: Pdf, doc: OfficialDocument) {
  pdf.y += LINE_PITCH;
  if (pdf.y + 2 * LINE_PITCH > TEXT_BOTTOM) pdf.addPage();
  // Signature and date at the right, four characters in from the text block's edge.
  const signatureWidth = TEXT_WIDTH - 2 * INDENT_2_CHARS;
  write(pdf, doc.signature, "body", SIZE_3, { align: "right", width: signatureWidth });
  write(pdf, chineseDate(doc.date), "body", SIZE_3, { align: "right", width: signatureWidth });
}

/** "— N —" in 4号, 7 mm under the text block: odd pages at the right, even pages at the left. */
function pageNumbers(pdf: Pdf) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const number = index + 1;
    // The number sits in the bottom margin: writing there must not start a page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font("body")
      .fontSize(SIZE_4)
      .fillColor("black")
      .text(`— ${number} —`, MARGINS.left + SIZE_4, TEXT_BOTTOM + 7 * MM, {
        width: TEXT_WIDTH - 2 * SIZE_4,
        align: number % 2 === 1 ? "right" : "left",
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}

/** Renders an official document as PDF bytes. */
export function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGINS,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: doc.title, Author: doc.signature, Creator: doc.signature },
  });
  // pdfkit takes a parsed fontkit font as it takes a file.
  for (const name of Object.keys(FONT_FILES) as FontName[]) pdf.registerFont(name, fontOf(name) as never);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  head(pdf, doc);
  for (const item of doc.body) block(pdf, item);
  tail(pdf, doc);
  pageNumbers(pdf);
  pdf.end();
  return done;
}
