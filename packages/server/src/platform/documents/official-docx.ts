/**
 * The .docx renderer of an official document (`official-document.ts`), in the layout of GB/T 9704-2012 《党政机关公文格式》: A4, top margin 37 mm, binding
 * margin 28 mm, text block 156 × 225 mm, 22 lines of 28 characters; the red issuer mark and rule, the
 * document number 〔year〕N号, the title in 2号 小标宋, body in 3号 仿宋, headings 一、 in 黑体 and （一） in
 * 楷体, signature and date in Arabic numerals, page numbers "— N —" in 4号 宋体 at the outer bottom corner.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  chineseDate,
  columnWeights,
  type DocumentBlock,
  type DocumentTable,
  type OfficialDocument,
  sourceLine,
} from "./official-document";

const FONT_TITLE = "方正小标宋简体";
const FONT_BODY = "仿宋_GB2312";
const FONT_HEI = "黑体";
const FONT_KAI = "楷体_GB2312";
const FONT_SONG = "宋体";
const RED = "FF0000";
/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE_2 = 44;
const SIZE_3 = 32;
const SIZE_4 = 28;
/** 22 lines in the 225 mm text block: an exact line pitch of 28.95 pt. */
const LINE_PITCH = 579;
/** Two characters of 3号 text: the first-line indent of a body paragraph. */
const INDENT_2_CHARS = 640;

function run(text: string, font: string, size: number, extra: { bold?: boolean; color?: string } = {}) {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, ...extra });
}

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };

/** A line of 3号 text in `font` with a two-character first-line indent: the body and its headings alike. */
function indentedParagraph(text: string, font: string): Paragraph {
  return new Paragraph({ spacing: exact, indent: { firstLine: INDENT_2_CHARS }, children: [run(text, font, SIZE_3)] });
}

/** A block of the body as its paragraphs (and table). */
function blockOf(block: DocumentBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "paragraph":
      return [indentedParagraph(block.text, FONT_BODY)];
    case "heading1":
      return [indentedParagraph(block.text, FONT_HEI)];
    case "heading2":
      return [indentedParagraph(block.text, FONT_KAI)];
    case "table":
      return tableBlock(block.table);
  }
}

/** The text block's width: 156 mm. */
const TEXT_WIDTH = convertMillimetersToTwip(156);

function cell(text: string, width: number, bold = false) {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold ? FONT_HEI : FONT_BODY, SIZE_4)] }),
    ],
  });
}

/** A table with its caption (centred, 黑体), unit line (right) and source (below). */
function tableBlock(table: DocumentTable): (Paragraph | Table)[] {
  const weights = columnWeights(table);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact,
      children: [run(table.caption, FONT_HEI, SIZE_3)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(table.unitLine, FONT_BODY, SIZE_4)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: table.header.map((text, i) => cell(text, widths[i] ?? 0, true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, widths[i] ?? 0)) })),
      ],
    }),
  ];
  if (table.source) {
    blocks.push(new Paragraph({ children: [run(sourceLine(table.source), FONT_BODY, SIZE_4)] }));
  }
  return blocks;
}

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: { ascii: FONT_SONG, eastAsia: FONT_SONG, hAnsi: FONT_SONG },
            size: SIZE_4,
          }),
        ],
      }),
    ],
  });
}

/** Renders an official document as .docx bytes. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const head: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(doc.issuerMark, FONT_TITLE, 72, { color: RED })],
    }),
  ];
  // The number sits centred above the red rule (the rule is the number paragraph's bottom border).
  head.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      border: { bottom: { color: RED, style: BorderStyle.SINGLE, size: 12, space: 8 } },
      children: [run(doc.number, FONT_BODY, SIZE_3)],
    }),
  );
  head.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.title, FONT_TITLE, SIZE_2)],
    }),
    new Paragraph({ spacing: exact, children: [run(doc.addressees, FONT_BODY, SIZE_3)] }),
  );
  const tail = [
    new Paragraph({ spacing: exact, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: { right: INDENT_2_CHARS * 2 },
      children: [run(doc.signature, FONT_BODY, SIZE_3)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: { right: INDENT_2_CHARS * 2 },
      children: [run(chineseDate(doc.date), FONT_BODY, SIZE_3)],
    }),
  ];
  const document = new Document({
    title: doc.title,
    creator: doc.signature,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: { ascii: FONT_BODY, eastAsia: FONT_BODY, hAnsi: FONT_BODY }, size: SIZE_3 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(28),
            },
          },
        },
        // Odd pages carry the number at the right, even pages at the left: the outer corner.
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children: [...head, ...doc.body.flatMap(blockOf), ...tail],
      },
    ],
  });
  return Packer.toBuffer(document);
}
