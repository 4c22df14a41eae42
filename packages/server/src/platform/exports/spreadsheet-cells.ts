/**
 * Text that a spreadsheet would take for a formula, made inert before an export writes it
 * (OWASP, "CSV Injection"): names of enterprises, projects and requests, bank fields and every other
 * text typed by someone may begin with `=`, `+`, `-` or `@`.
 *
 * An .xlsx string cell is never evaluated when the file is opened (exceljs writes it as a shared
 * string, never as a formula), but the text comes back to life as soon as someone edits the cell
 * and presses Enter, or saves the sheet as CSV and opens that. So, as OWASP advises, such text is
 * written with a leading apostrophe — and still as a string cell. Numbers written as numbers
 * (negative ones included) are not text and are never touched.
 *
 * Every .xlsx the product writes goes through `exportWorkbookBuffer`; a CSV writer would pass each
 * text field through `neutraliseFormulaText`. A sheet named after typed text takes `worksheetName`.
 */
import ExcelJS from "exceljs";

/**
 * A text that starts a formula: a tab or carriage return first (OWASP's list), or `=`, `+`, `-`,
 * `@` as the first character after any white space (some CSV readers drop leading spaces before
 * they read a cell), in ASCII or full width (Chinese input methods type ＝＋－＠, and Excel in
 * East Asian languages reads a leading full-width ＝ as =).
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/u;

/** The text as it may be written into a spreadsheet: prefixed with `'` when it would start a formula. */
export function neutraliseFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The text an export neutralised, as it was typed: a file exported by the product and imported again
 * (a project list, say) gives back `-1+2`, not `'-1+2`. Only an apostrophe before what would start a
 * formula is dropped; any other leading apostrophe is the text's own.
 */
export function restoreNeutralisedText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Characters a sheet name may not hold, and the full-width forms written in their place. */
const SHEET_NAME_REPLACEMENTS: Record<string, string> = {
  ":": "：",
  "/": "／",
  "\\": "＼",
  "?": "？",
  "*": "＊",
  "[": "［",
  "]": "］",
};
const SHEET_NAME_LENGTH = 31;

/**
 * A sheet name made from any text (an enterprise's name in a title): the characters Excel refuses
 * become their full-width forms, apostrophes at either end are dropped, and it is cut to 31 characters.
 */
export function worksheetName(text: string): string {
  const replaced = text.replace(/[:/\\?*[\]]/g, (character) => SHEET_NAME_REPLACEMENTS[character] ?? "_");
  let cut = "";
  // Whole characters only: Excel counts UTF-16 units, and half a surrogate pair is no character.
  for (const character of replaced) {
    if (cut.length + character.length > SHEET_NAME_LENGTH) break;
    cut += character;
  }
  const trimmed = cut.replace(/^'+|'+$/g, "");
  return trimmed.trim() === "" || trimmed.toLowerCase() === "history" ? "数据" : trimmed;
}

/** Neutralises the text cells of every sheet, in place (numbers, dates and booleans are left as they are). */
function neutraliseWorkbookText(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.String) {
          cell.value = neutraliseFormulaText(cell.value as string);
        } else if (cell.type === ExcelJS.ValueType.RichText) {
          const value = cell.value as ExcelJS.CellRichTextValue;
          const text = value.richText.map((part) => part.text).join("");
          const [first, ...rest] = value.richText;
          if (first && neutraliseFormulaText(text) !== text)
            cell.value = { richText: [{ ...first, text: `'${first.text}` }, ...rest] };
        }
      });
    });
  });
}

/** The bytes of an exported .xlsx workbook, its text cells neutralised first: the one way exports write .xlsx. */
export async function exportWorkbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  neutraliseWorkbookText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
