/**
 * Writes the .xlsx fixtures that reproduce what Microsoft Excel (2016 and later, Chinese locale)
 * and WPS Office (Kingsoft, 2019 and later) put in a workbook package: the zip entry order, the
 * XML of each part with its namespaces, shared strings as those programs write them, numbers as
 * they serialise them, styles with Chinese date formats. Neither program runs on Linux servers,
 * so the packages are written here part by part; see README.md beside this file for what each
 * file reproduces and what we could not verify.
 *
 *   npx tsx packages/server/test-fixtures/xlsx/office/make-office-fixtures.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import { withCheckCharacter } from "../../../../domain/src/credit-code";

const OUT = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Zip writer: entries in the order given, with the header fields each suite writes.

interface ZipStyle {
  /** General-purpose flags: Excel writes 0x0006 (deflate "super fast" bits). */
  flags: number;
  /** Sizes and CRC after the data (flag bit 3) rather than in the local header. */
  dataDescriptor: boolean;
  /** MS-DOS time and date of every entry (Excel writes 1980-01-01 00:00). */
  dosTime: number;
  dosDate: number;
}

const EXCEL_ZIP: ZipStyle = { flags: 0x0006, dataDescriptor: false, dosTime: 0x0000, dosDate: 0x0021 };
// 2023-03-01 09:30:00: an ordinary save time.
const WPS_ZIP: ZipStyle = {
  flags: 0x0008,
  dataDescriptor: true,
  dosTime: (9 << 11) | (30 << 5),
  dosDate: ((2023 - 1980) << 9) | (3 << 5) | 1,
};

function writeZip(entries: [string, string][], style: ZipStyle): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(style.flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(style.dosTime, 10);
    local.writeUInt16LE(style.dosDate, 12);
    local.writeUInt32LE(style.dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(style.dataDescriptor ? 0 : packed.length, 18);
    local.writeUInt32LE(style.dataDescriptor ? 0 : data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const parts = [local, nameBytes, packed];
    if (style.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
      parts.push(descriptor);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(style.flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(style.dosTime, 12);
    central.writeUInt16LE(style.dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    for (const part of parts) {
      locals.push(part);
      offset += part.length;
    }
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// ---------------------------------------------------------------------------------------------
// Cells, shared strings and sheets.

type Suite = "excel" | "wps";

interface Run {
  text: string;
  font: string;
}

type Cell =
  | { kind: "string"; text: string; style?: number; phonetic?: { reading: string; from: number; to: number } }
  | { kind: "rich"; runs: Run[]; style?: number }
  /** `value` may be given as the exact text the suite writes in `<v>`. */
  | { kind: "number"; value: number | string; style?: number }
  | {
      kind: "formula";
      formula: string;
      cached: string;
      type?: "str" | "e" | "b";
      style?: number;
      shared?: SharedFormula;
    }
  | { kind: "error"; code: string; style?: number }
  | { kind: "boolean"; value: boolean; style?: number }
  /** A formatted cell with nothing in it (both suites write these for bordered tables). */
  | { kind: "blank"; style: number };

interface SharedFormula {
  index: number;
  /** Set on the first cell of the group: the range it covers. */
  ref?: string;
}

const str = (text: string, style?: number): Cell => ({ kind: "string", text, ...(style ? { style } : {}) });
const num = (value: number | string, style?: number): Cell => ({ kind: "number", value, ...(style ? { style } : {}) });
const blank = (style: number): Cell => ({ kind: "blank", style });

interface SheetSpec {
  name: string;
  state?: "hidden";
  rows: (Cell | null)[][];
  merges?: string[];
  columnWidths?: number[];
  frozenRows?: number;
  selected?: boolean;
  /** `<autoFilter>` (before the merged cells, as the schema orders them). */
  autoFilter?: string;
  /** `<dataValidations>` (after the merged cells and phonetic properties). */
  validations?: string;
  /** Excel's rows carry `spans` and x14ac:dyDescent; heights per row number. */
  rowHeights?: Record<number, number>;
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A `<t>` element; leading or trailing spaces need xml:space="preserve", as both suites write it. */
function textElement(text: string): string {
  const preserve = /^[\s\u3000]|[\s\u3000]$/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

/**
 * Excel writes a double with 17 significant digits, trailing zeros dropped: 52345.67 is stored
 * as 52345.669999999998 and 1.1 as 1.1000000000000001.
 */
function excelNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const [mantissa = "", exponent] = value.toPrecision(17).split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return exponent ? `${trimmed}E${exponent.startsWith("-") ? exponent : `+${exponent.replace("+", "")}`}` : trimmed;
}

class SharedStrings {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  uses = 0;

  constructor(private readonly suite: Suite) {}

  add(xml: string): number {
    this.uses++;
    let at = this.index.get(xml);
    if (at === undefined) {
      at = this.items.length;
      this.items.push(xml);
      this.index.set(xml, at);
    }
    return at;
  }

  itemOf(cell: Cell): string {
    // Chinese Excel closes every plain item with the phonetic properties of the default font.
    const phoneticPr = this.suite === "excel" ? '<phoneticPr fontId="1" type="noConversion"/>' : "";
    if (cell.kind === "string") {
      const reading = cell.phonetic
        ? `<rPh sb="${cell.phonetic.from}" eb="${cell.phonetic.to}">${textElement(cell.phonetic.reading)}</rPh>`
        : "";
      return `<si>${textElement(cell.text)}${reading}${phoneticPr}</si>`;
    }
    if (cell.kind === "rich") {
      const runs = cell.runs.map((run) => `<r>${runProperties(this.suite, run.font)}${textElement(run.text)}</r>`);
      return `<si>${runs.join("")}${phoneticPr}</si>`;
    }
    throw new Error("not a string cell");
  }

  xml(): string {
    return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.join("")}</sst>`;
  }
}

function runProperties(suite: Suite, font: string): string {
  const latin = font === "Times New Roman" || font === "Arial";
  const family = latin ? '<family val="1"/>' : '<charset val="134"/>';
  if (suite === "excel") {
    return `<rPr><sz val="11"/><color theme="1"/><rFont val="${font}"/>${family}${latin ? "" : '<scheme val="minor"/>'}</rPr>`;
  }
  return `<rPr><sz val="11"/><color rgb="FF000000"/><rFont val="${font}"/>${family}</rPr>`;
}

function cellXml(suite: Suite, ref: string, cell: Cell, strings: SharedStrings): string {
  const style = (s?: number) => (s ? ` s="${s}"` : suite === "wps" ? ' s="0"' : "");
  switch (cell.kind) {
    case "string":
    case "rich":
      return `<c r="${ref}"${style(cell.style)} t="s"><v>${strings.add(strings.itemOf(cell))}</v></c>`;
    case "number": {
      const text =
        typeof cell.value === "string" ? cell.value : suite === "excel" ? excelNumber(cell.value) : String(cell.value);
      return `<c r="${ref}"${style(cell.style)}><v>${text}</v></c>`;
    }
    case "formula": {
      const type = cell.type ? ` t="${cell.type}"` : "";
      const shared = cell.shared
        ? cell.shared.ref
          ? `<f t="shared" ref="${cell.shared.ref}" si="${cell.shared.index}">${escapeXml(cell.formula)}</f>`
          : `<f t="shared" si="${cell.shared.index}"/>`
        : `<f>${escapeXml(cell.formula)}</f>`;
      return `<c r="${ref}"${style(cell.style)}${type}>${shared}<v>${escapeXml(cell.cached)}</v></c>`;
    }
    case "error":
      return `<c r="${ref}"${style(cell.style)} t="e"><v>${cell.code}</v></c>`;
    case "boolean":
      return `<c r="${ref}"${style(cell.style)} t="b"><v>${cell.value ? 1 : 0}</v></c>`;
    case "blank":
      return `<c r="${ref}"${style(cell.style)}/>`;
  }
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function sheetXml(suite: Suite, sheet: SheetSpec, sheetIndex: number, strings: SharedStrings, calc: string[]): string {
  const width = Math.max(0, ...sheet.rows.map((row) => row.length));
  const lastRow = sheet.rows.length;
  const dimension = `<dimension ref="${width ? `A1:${columnName(width - 1)}${lastRow}` : "A1"}"/>`;
  const frozen = sheet.frozenRows
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozenRows + 1}" sqref="A${sheet.frozenRows + 1}"/>`
    : '<selection activeCell="A1" sqref="A1"/>';
  const selected = sheet.selected ? ' tabSelected="1"' : "";
  const views = `<sheetViews><sheetView${selected} workbookViewId="0">${frozen}</sheetView></sheetViews>`;
  const cols = sheet.columnWidths
    ? `<cols>${sheet.columnWidths
        .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
        .join("")}</cols>`
    : "";
  const rows = sheet.rows
    .map((row, r) => {
      const number = r + 1;
      const cells = row
        .map((cell, c) => {
          if (!cell) return "";
          const ref = `${columnName(c)}${number}`;
          if (cell.kind === "formula") calc.push(`<c r="${ref}" i="${sheetIndex}"/>`);
          return cellXml(suite, ref, cell, strings);
        })
        .join("");
      const height = sheet.rowHeights?.[number];
      if (suite === "excel") {
        const ht = height ? ` ht="${excelNumber(height)}" customHeight="1"` : "";
        return `<row r="${number}" spans="1:${width}"${ht} x14ac:dyDescent="0.25">${cells}</row>`;
      }
      const ht = height ? ` ht="${height}" customHeight="1"` : "";
      return `<row r="${number}"${ht} spans="1:${width}">${cells}</row>`;
    })
    .join("");
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const autoFilter = sheet.autoFilter ?? "";
  const validations = sheet.validations ?? "";
  const data = rows ? `<sheetData>${rows}</sheetData>` : "<sheetData/>";
  const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (suite === "excel") {
    return `${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{6C1D6F3A-2E4B-4F1C-9B7A-0000000000${String(sheetIndex).padStart(2, "0")}}">${dimension}${views}<sheetFormatPr defaultRowHeight="13.8" x14ac:dyDescent="0.25"/>${cols}${data}${autoFilter}${merges}<phoneticPr fontId="1" type="noConversion"/>${validations}${margins}<pageSetup paperSize="9" orientation="landscape"/></worksheet>`;
  }
  return `${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="${MC_NS}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><sheetPr/>${dimension}${views}<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="${Math.max(0, width - 1)}"/>${cols}${data}${autoFilter}${merges}${validations}${margins}<headerFooter/></worksheet>`;
}

// ---------------------------------------------------------------------------------------------
// Workbook-level parts.

interface WorkbookSpec {
  suite: Suite;
  sheets: SheetSpec[];
  date1904?: boolean;
  definedNames?: string;
  /** Custom number formats (id 176 and up) used by `cellXfs`. */
  numFmts: [number, string][];
  /** numFmtId of each cell style index after 0. */
  cellXfs: number[];
  title: string;
}

function stylesXml(spec: WorkbookSpec): string {
  const numFmts = spec.numFmts.length
    ? `<numFmts count="${spec.numFmts.length}">${spec.numFmts
        .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code).replace(/"/g, "&quot;")}"/>`)
        .join("")}</numFmts>`
    : "";
  const xfs = [0, ...spec.cellXfs]
    .map((id, i) => {
      const border = i === 0 ? 0 : 1;
      const applyNumber = id ? ' applyNumberFormat="1"' : "";
      return `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="${border}" xfId="0"${applyNumber}${border ? ' applyBorder="1"' : ""}/>`;
    })
    .join("");
  const thin =
    '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
  if (spec.suite === "excel") {
    return `${DECLARATION}<styleSheet xmlns="${MAIN_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">${numFmts}<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><sz val="9"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="${spec.cellXfs.length + 1}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  }
  return `${DECLARATION}<styleSheet xmlns="${MAIN_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">${numFmts}<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyFont="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="${spec.cellXfs.length + 1}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
}

function themeXml(): string {
  const colors = ["44546A", "E7E6E6", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"];
  const names = ["dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
  const scheme = names.map((n, i) => `<a:${n}><a:srgbClr val="${colors[i]}"/></a:${n}>`).join("");
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line =
    '<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>';
  return `${DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题​​"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>${scheme}</a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont><a:minorFont><a:latin typeface="等线"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line}${line}${line}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`;
}

function workbookXml(spec: WorkbookSpec): string {
  const activeTab = spec.sheets.findIndex((sheet) => sheet.selected);
  const sheets = spec.sheets
    .map(
      (sheet, i) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const names = spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : "";
  const tab = activeTab > 0 ? ` activeTab="${activeTab}"` : "";
  if (spec.suite === "excel") {
    const pr = spec.date1904
      ? '<workbookPr date1904="1" defaultThemeVersion="166925"/>'
      : '<workbookPr defaultThemeVersion="166925"/>';
    return `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>${pr}<mc:AlternateContent xmlns:mc="${MC_NS}"><mc:Choice Requires="x15"><x15ac:absPath url="D:\\统计\\2023\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{3B0F1C52-7D0A-4B47-8C6B-5E2A9F0D1E44}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-108" yWindow="-108" windowWidth="23256" windowHeight="12456"${tab} xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews><sheets>${sheets}</sheets>${names}<calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`;
  }
  const pr = spec.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>";
  return `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><fileVersion appName="xl" lastEdited="3" lowestEdited="5" rupBuild="9302"/>${pr}<bookViews><workbookView windowWidth="28800" windowHeight="12540"${tab}/></bookViews><sheets>${sheets}</sheets>${names}<calcPr calcId="144525"/></workbook>`;
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function contentTypes(spec: WorkbookSpec, hasCalcChain: boolean): string {
  const sheetTypes = spec.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  const calc = hasCalcChain
    ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
    : "";
  const custom =
    spec.suite === "wps"
      ? '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
      : "";
  return `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${calc}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>${custom}</Types>`;
}

function packageRels(suite: Suite): string {
  const custom =
    suite === "wps" ? `<Relationship Id="rId4" Type="${OD}/custom-properties" Target="docProps/custom.xml"/>` : "";
  return `${DECLARATION}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId3" Type="${OD}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${OD}/officeDocument" Target="xl/workbook.xml"/>${custom}</Relationships>`;
}

function workbookRels(spec: WorkbookSpec, hasCalcChain: boolean): string {
  const n = spec.sheets.length;
  const sheets = spec.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${OD}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .reverse()
    .join("");
  const calc = hasCalcChain ? `<Relationship Id="rId${n + 4}" Type="${OD}/calcChain" Target="calcChain.xml"/>` : "";
  return `${DECLARATION}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId${n + 2}" Type="${OD}/styles" Target="styles.xml"/><Relationship Id="rId${n + 1}" Type="${OD}/theme" Target="theme/theme1.xml"/>${sheets}<Relationship Id="rId${n + 3}" Type="${OD}/sharedStrings" Target="sharedStrings.xml"/>${calc}</Relationships>`;
}

function coreXml(suite: Suite, title: string): string {
  const author = suite === "excel" ? "统计科" : "Administrator";
  return `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>${author}</dc:creator><cp:lastModifiedBy>${author}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2023-02-27T01:12:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2023-03-01T01:30:00Z</dcterms:modified></cp:coreProperties>`;
}

function appXml(spec: WorkbookSpec): string {
  const names = spec.sheets.map((sheet) => `<vt:lpstr>${escapeXml(sheet.name)}</vt:lpstr>`).join("");
  const application =
    spec.suite === "excel" ? "Microsoft Excel" : "WPS Office_11.1.0.14309_F1E327BC-269C-435d-A152-05C5408002CA";
  const tail =
    spec.suite === "excel"
      ? "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>"
      : "";
  return `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${application}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${spec.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${spec.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>${tail}</Properties>`;
}

/** WPS adds its build number (2052 = the zh-CN locale) and an ICV identifier to every file it saves. */
function wpsCustomXml(): string {
  const fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
  return `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="${fmtid}" pid="2" name="ICV"><vt:lpwstr>8E2B1C4A9F3D4E6B8A7C5D3E1F2A4B6C_13</vt:lpwstr></property><property fmtid="${fmtid}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.14309</vt:lpwstr></property></Properties>`;
}

/**
 * Entry order. Excel: package parts, workbook, its relationships, then the worksheets BEFORE the
 * theme, styles and shared strings, calcChain, and the document properties last. WPS: document
 * properties first (custom.xml with them), workbook parts, and the package relationships and
 * [Content_Types].xml at the end.
 */
function buildPackage(spec: WorkbookSpec): Buffer {
  const strings = new SharedStrings(spec.suite);
  const calc: string[] = [];
  const sheets = spec.sheets.map((sheet, i) => sheetXml(spec.suite, sheet, i + 1, strings, calc));
  const hasCalcChain = spec.suite === "excel" && calc.length > 0;
  const sheetEntries = sheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]);
  const sst = DECLARATION + strings.xml();
  if (spec.suite === "excel") {
    return writeZip(
      [
        ["[Content_Types].xml", contentTypes(spec, hasCalcChain)],
        ["_rels/.rels", packageRels("excel")],
        ["xl/workbook.xml", workbookXml(spec)],
        ["xl/_rels/workbook.xml.rels", workbookRels(spec, hasCalcChain)],
        ...sheetEntries,
        ["xl/theme/theme1.xml", themeXml()],
        ["xl/styles.xml", stylesXml(spec)],
        ["xl/sharedStrings.xml", sst],
        ...(hasCalcChain
          ? [
              ["xl/calcChain.xml", `${DECLARATION}<calcChain xmlns="${MAIN_NS}">${calc.join("")}</calcChain>`] as [
                string,
                string,
              ],
            ]
          : []),
        ["docProps/core.xml", coreXml("excel", spec.title)],
        ["docProps/app.xml", appXml(spec)],
      ],
      EXCEL_ZIP,
    );
  }
  return writeZip(
    [
      ["docProps/app.xml", appXml(spec)],
      ["docProps/core.xml", coreXml("wps", spec.title)],
      ["docProps/custom.xml", wpsCustomXml()],
      ["xl/theme/theme1.xml", themeXml()],
      ["xl/styles.xml", stylesXml(spec)],
      ["xl/sharedStrings.xml", sst],
      ...sheetEntries,
      ["xl/workbook.xml", workbookXml(spec)],
      ["_rels/.rels", packageRels("wps")],
      ["xl/_rels/workbook.xml.rels", workbookRels(spec, false)],
      ["[Content_Types].xml", contentTypes(spec, false)],
    ],
    WPS_ZIP,
  );
}

// ---------------------------------------------------------------------------------------------
// The fixtures. Credit codes are synthetic, with valid check characters.

export const CODES = [1, 2, 3, 4, 5].map((i) => withCheckCharacter(`91360202MA36K1P0${i}`));
const [E1, E2, E3, E4, E5] = CODES as [string, string, string, string, string];

const FUJI = "景德镇富士精工有限公司";
const ABB: Run[] = [
  { text: "景德镇", font: "宋体" },
  { text: "ABB", font: "Times New Roman" },
  { text: "电气有限公司", font: "宋体" },
];
const BING = "景德镇丙医药有限公司";
const DING = "景德镇丁汽车部件有限公司";
const WU = "景德镇戊新材料有限公司";

// Excel cell styles used below (index → numFmtId): 1 general with border, 2 text "@" (49),
// 3 "0.00" (2), 4 yyyy"年"m"月" (57, built in for zh-CN), 5 yyyy"年" (custom 176), 6 0 (1).
const EXCEL_NUMFMTS: [number, string][] = [[176, 'yyyy"年"']];
const EXCEL_XFS = [0, 49, 2, 57, 176, 1];

function excelRegister(): WorkbookSpec {
  const dictionary: SheetSpec = {
    name: "数据字典",
    state: "hidden",
    rows: [
      [str("产业链"), str("规上状态"), str("上市阶段"), str("是否")],
      [str("生物医药"), str("规上"), str("挂牌展示"), str("是")],
      [str("电子信息"), str("后备"), str("股改"), str("否")],
      [str("航空"), str("规下"), str("新三板"), null],
      [str("汽车"), null, str("境内上市"), null],
      [str("其他"), null, str("境外上市"), null],
    ],
  };
  const rowNumber = (n: number, ref?: string): Cell => ({
    kind: "formula",
    formula: "ROW()-2",
    cached: String(n),
    style: 1,
    shared: { index: 0, ...(ref ? { ref } : {}) },
  });
  const register: SheetSpec = {
    name: "企业名录",
    selected: true,
    frozenRows: 2,
    columnWidths: [6, 22.77734375, 30.6640625, 14, 10, 10, 10, 10, 10, 10, 10],
    rowHeights: { 1: 27 },
    merges: ["A1:K1", "A9:K9"],
    rows: [
      [str("昌江区工业企业名录（2023年）")],
      [
        str("序号", 1),
        str("统一社会信用代码", 1),
        str("企业名称", 1),
        str("所属乡镇（街道）", 1),
        str("产业链", 1),
        str("行业代码", 1),
        str("规上状态", 1),
        str("状态年份", 1),
        str("纳入年份", 1),
        str("重点企业", 1),
        str("上市阶段", 1),
      ],
      [
        rowNumber(1, "A3:A7"),
        str(E1, 2),
        // A Japanese-invested enterprise's name typed through a Japanese IME: Excel keeps the reading.
        { kind: "string", text: FUJI, style: 1, phonetic: { reading: "フジセイコウ", from: 3, to: 7 } },
        str("鲇鱼山镇", 1),
        str("航空", 1),
        str("C3741", 2),
        str("规上", 1),
        num(2023, 1),
        num(44197, 5),
        str("是", 1),
        str("—", 1),
      ],
      [
        rowNumber(2),
        str(E2, 2),
        { kind: "rich", runs: ABB, style: 1 },
        str(" 丽阳镇 ", 1),
        str("电子信息", 1),
        num(3971, 6),
        str("后备", 1),
        num(2023, 1),
        blank(5),
        { kind: "boolean", value: false, style: 1 },
        blank(1),
      ],
      [
        rowNumber(3),
        str(E3, 2),
        str(BING, 1),
        str("鲇鱼山镇", 1),
        str("生物医药", 1),
        num(2710, 6),
        str("规上", 1),
        num(2023, 1),
        num(2019, 1),
        { kind: "boolean", value: true, style: 1 },
        str("股改", 1),
      ],
      [
        rowNumber(4),
        str(E4, 2),
        str(`${DING}\u3000`, 1),
        blank(1),
        str("汽车", 1),
        str("C3670", 2),
        str("规上", 1),
        num(2023, 1),
        str("2022年", 1),
        str("否", 1),
        blank(1),
      ],
      [
        rowNumber(5),
        str(E5, 2),
        str(WU, 1),
        str("丽阳镇", 1),
        str("其他", 1),
        num(3099, 6),
        str("规下", 1),
        num(2023, 1),
        blank(5),
        str("否", 1),
        blank(1),
      ],
      Array.from({ length: 11 }, () => blank(1)),
      [str("填表人：王芳　　审核人：李明　　填报日期：2023年3月1日")],
    ],
    validations:
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="E3:E1000"><formula1>数据字典!$A$2:$A$6</formula1></dataValidation><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="G3:G1000"><formula1>数据字典!$B$2:$B$4</formula1></dataValidation></dataValidations>',
  };
  return {
    suite: "excel",
    title: "企业名录",
    sheets: [dictionary, register],
    definedNames:
      '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">企业名录!$A$2:$K$7</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">企业名录!$1:$2</definedName><definedName name="产业链列表">数据字典!$A$2:$A$6</definedName>',
    numFmts: EXCEL_NUMFMTS,
    cellXfs: EXCEL_XFS,
  };
}

// 1900 date system serials: 2023-01-31 and 2023-02-28. The 1904 system counts 1462 days fewer.
const JAN_2023 = 44957;
const FEB_2023 = 44985;

function excelMonthly(date1904 = false): WorkbookSpec {
  const shift = date1904 ? 1462 : 0;
  const jan = JAN_2023 - shift;
  const feb = FEB_2023 - shift;
  const sum = (column: string, cached: string): Cell => ({
    kind: "formula",
    formula: `SUM(${column}4:${column}8)`,
    cached,
    style: 3,
  });
  const sheet: SheetSpec = {
    name: "1-2月",
    selected: true,
    frozenRows: 3,
    columnWidths: [22.77734375, 30.6640625, 12, 12, 12, 12, 12, 16],
    rowHeights: { 1: 27 },
    merges: ["A1:H1", "A10:H10"],
    rows: [
      [str("2023年1-2月规模以上工业企业主要经济指标")],
      [str("填报单位：昌江区统计局"), null, null, null, null, null, str("单位：万元")],
      [
        str("统一社会信用代码", 1),
        str("企业名称", 1),
        str("报告期", 1),
        str("营业收入", 1),
        str("入库税收", 1),
        str("利润总额", 1),
        // a line break typed with Alt+Enter
        str("从业人员\n（人）", 1),
        str("备注", 1),
      ],
      [str(E1, 2), str(FUJI, 1), num(jan, 4), num(1234.56, 3), num(56.78, 3), num(120.5, 3), num(356, 6), blank(1)],
      [
        str(E1, 2),
        str(FUJI, 1),
        { kind: "formula", formula: "EOMONTH(C4,1)", cached: String(feb), style: 4 },
        { kind: "formula", formula: "ROUND(D4*1.1,2)", cached: excelNumber(1358.02), style: 3 },
        num(1.1, 3),
        num(-12.5, 3),
        num(360, 6),
        str("含补报数", 1),
      ],
      [
        str(E2, 2),
        { kind: "rich", runs: ABB, style: 1 },
        num(jan, 4),
        num(88.8, 3),
        str("-", 1),
        blank(3),
        num(120, 6),
        blank(1),
      ],
      [
        str(E2, 2),
        {
          kind: "formula",
          formula: '"景德镇"&"ABB电气有限公司"',
          cached: "景德镇ABB电气有限公司",
          type: "str",
          style: 1,
        },
        num(feb, 4),
        num(90.12, 3),
        num(3.45, 3),
        num(0, 3),
        num(121, 6),
        blank(1),
      ],
      [str(E3, 2), str(BING, 1), num(feb, 4), num(52345.67, 3), num(1500.01, 3), num(3000, 3), num(88, 6), blank(1)],
      [
        str("合计", 1),
        blank(1),
        blank(1),
        sum("D", excelNumber(1234.56 + 1358.02 + 88.8 + 90.12 + 52345.67)),
        sum("E", excelNumber(56.78 + 1.1 + 3.45 + 1500.01)),
        sum("F", excelNumber(120.5 - 12.5 + 0 + 3000)),
        { kind: "formula", formula: "SUM(G4:G8)", cached: "1045", style: 6 },
        blank(1),
      ],
      [str("注：本表由昌江区统计局提供，数据截至2023年3月15日。")],
    ],
  };
  return {
    suite: "excel",
    title: "月报",
    date1904,
    sheets: [sheet],
    definedNames: '<definedName name="_xlnm.Print_Area" localSheetId="0">\'1-2月\'!$A$1:$H$10</definedName>',
    numFmts: EXCEL_NUMFMTS,
    cellXfs: EXCEL_XFS,
  };
}

// All digits, so that a user can type it as a number: Excel then keeps 15 significant digits.
export const DIGITS_ONLY_CODE = withCheckCharacter("12360202491234700");

function excelErrors(): WorkbookSpec {
  const sheet: SheetSpec = {
    name: "Sheet1",
    selected: true,
    rows: [
      [
        str("统一社会信用代码"),
        str("企业名称"),
        str("年份"),
        str("营业收入（万元）"),
        str("入库税收（万元）"),
        str("从业人员（人）"),
      ],
      [str(E1), str(FUJI), num(2022), num(100), num(10), num(50)],
      // typed as a number: the last three digits are gone, stored as Excel writes such a number
      [num("1.23602024912347E+17"), str("景德镇某事业单位"), num(2022), num(20), num(1), num(5)],
      [
        str(E2),
        { kind: "rich", runs: ABB },
        num(2022),
        { kind: "formula", formula: "D2/0", cached: "#DIV/0!", type: "e" },
        num(1),
        num(5),
      ],
      [str(E3), str(BING), num(2022), { kind: "error", code: "#REF!" }, num(1), num(5)],
      [str(E4), str(DING), str("二〇二二年"), num(30), num(1), num(5)],
      [str(E5), str(WU), num(2022), str("1,2345.6"), num(1), num(5)],
      [str(E1), str(FUJI), num(2021), num(90), { kind: "boolean", value: true }, num(48)],
      [str(E2), { kind: "rich", runs: ABB }, num(2021), num(80), num(8), num(12.5)],
      [
        str(E3),
        str(BING),
        num(2021),
        { kind: "formula", formula: "0.1+0.2", cached: excelNumber(0.1 + 0.2) },
        num(2),
        num(30),
      ],
    ],
  };
  return { suite: "excel", title: "年报（待核）", sheets: [sheet], numFmts: [], cellXfs: [] };
}

// WPS cell styles: 1 bordered general, 2 text "@", 3 "0.00", 4 yyyy"年"m"月"d"日" (custom 176), 5 "0".
function wpsAnnual(): WorkbookSpec {
  const sheet: SheetSpec = {
    name: "2022年报",
    selected: true,
    columnWidths: [6, 22, 30, 16, 12, 12, 12, 12, 14],
    rowHeights: { 1: 30 },
    merges: ["A1:I1", "A2:C2"],
    rows: [
      [str("2022年度规上工业企业主要指标（年报）")],
      [str("单位：千元")],
      [
        str("序号", 1),
        str("统一社会信用代码", 1),
        str("单位详细名称", 1),
        str("报告期", 1),
        str("营业收入", 1),
        str("税收", 1),
        str("工业总产值", 1),
        str("工业增加值", 1),
        str("期末从业人员（人）", 1),
      ],
      [
        num(1, 1),
        str(E1, 2),
        str(FUJI, 1),
        num(44926, 4),
        num(12345.6, 3),
        num(567.89, 3),
        num(23456, 3),
        num(5678.9, 3),
        num(356, 5),
      ],
      [
        num(2, 1),
        str(E2, 2),
        { kind: "rich", runs: ABB, style: 1 },
        str("2022年度", 1),
        num(888.8, 3),
        num(12.34, 3),
        num(1000, 3),
        blank(3),
        num(121, 5),
      ],
      [
        num(3, 1),
        str(E3, 2),
        str(BING, 1),
        num(44926, 4),
        num(52345.67, 3),
        num(1500.01, 3),
        num(60000, 3),
        num(15000, 3),
        num(88, 5),
      ],
      [
        num(4, 1),
        str(E4, 2),
        str(DING, 1),
        str("2022-12", 1),
        str("1,234.5", 1),
        str("-", 1),
        num(2000.5, 3),
        num(400, 3),
        num(64, 5),
      ],
      Array.from({ length: 9 }, () => blank(1)),
      [
        str("合计", 1),
        blank(1),
        blank(1),
        blank(1),
        { kind: "formula", formula: "SUM(E4:E8)", cached: String(12345.6 + 888.8 + 52345.67 + 1234.5), style: 3 },
        { kind: "formula", formula: "SUM(F4:F8)", cached: String(567.89 + 12.34 + 1500.01), style: 3 },
        { kind: "formula", formula: "SUM(G4:G8)", cached: String(23456 + 1000 + 60000 + 2000.5), style: 3 },
        { kind: "formula", formula: "SUM(H4:H8)", cached: String(5678.9 + 15000 + 400), style: 3 },
        { kind: "formula", formula: "SUM(I4:I8)", cached: String(356 + 121 + 88 + 64), style: 5 },
      ],
    ],
    autoFilter: '<autoFilter ref="A3:I7" etc:filterBottomFollowUsedRange="0"/>',
  };
  const empty: SheetSpec = { name: "Sheet2", rows: [] };
  return {
    suite: "wps",
    title: "",
    sheets: [sheet, empty],
    definedNames:
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'2022年报\'!$A$3:$I$7</definedName>',
    numFmts: [[176, 'yyyy"年"m"月"d"日"']],
    cellXfs: [0, 49, 2, 176, 1],
  };
}

const FIXTURES: [string, () => WorkbookSpec][] = [
  ["excel-register.xlsx", excelRegister],
  ["excel-monthly.xlsx", () => excelMonthly(false)],
  ["excel-mac-monthly-1904.xlsx", () => excelMonthly(true)],
  ["excel-errors.xlsx", excelErrors],
  ["wps-annual.xlsx", wpsAnnual],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, build] of FIXTURES) {
    const bytes = buildPackage(build());
    writeFileSync(path.join(OUT, name), bytes);
    console.log(`${name}\t${bytes.length} bytes`);
  }
}
