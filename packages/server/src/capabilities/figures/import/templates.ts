import { exportWorkbookBuffer } from "../../../platform/exports/spreadsheet-cells";
import { newWorkbook, type TableColumn, writeTableSheet } from "../../../platform/exports/table-export";
import { currentYearInChina, MIN_YEAR } from "./cell-values";
import { fieldsOf, LISTING_STAGE_LABELS, METRICS } from "./columns";
import { IMPORT_KIND_LABELS, type ImportKind } from "./types";

export interface TemplateOptions {
  /** Names of the district's towns and streets, offered as a drop-down list in the register template. */
  towns?: string[];
  /** Names of the district's chains (its plan's), offered as a drop-down list and named in the help sheet. */
  chains?: string[];
  /** How many rows carry data validation (drop-down lists, number checks). Default 2000. */
  validatedRows?: number;
}

/** A column of a blank form: its number format "@" keeps codes as text, every character of them. */
type TemplateColumn = TableColumn<never>;

const TITLES: Record<ImportKind, string> = {
  annual: "企业年度主要经济指标",
  monthly: "企业月度主要经济指标",
  register: "企业名录",
};

function list(values: string[]): Record<string, unknown> {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    errorTitle: "请从下拉列表中选择",
    error: `可填：${values.join("、")}`,
  };
}

/** Whether a drop-down list can hold these values (Excel keeps at most 255 characters of an inline list). */
function fitsList(values: string[]): boolean {
  return values.length > 0 && values.join(",").length < 250;
}

/** Years from MIN_YEAR to the year the template is downloaded in: the import refuses years to come. */
function yearValidation() {
  const latest = currentYearInChina();
  return {
    type: "whole",
    operator: "between",
    allowBlank: false,
    formulae: [MIN_YEAR, latest],
    showErrorMessage: true,
    errorTitle: "年份无效",
    error: `请填写${MIN_YEAR}–${latest}之间的四位年份，如 2022`,
  };
}

const creditCodeValidation = {
  type: "textLength",
  operator: "equal",
  allowBlank: false,
  formulae: [18],
  showErrorMessage: true,
  errorTitle: "统一社会信用代码应为18位",
  error: "请填写18位统一社会信用代码（数字和大写字母）",
};

const amountValidation = {
  type: "decimal",
  operator: "between",
  allowBlank: true,
  formulae: [-1e12, 1e12],
  showErrorMessage: true,
  errorTitle: "应为数字",
  error: "请填写数字，不要带单位或千位分隔符；金额最多精确到分",
};

function columnsOf(kind: ImportKind, options: TemplateOptions): TemplateColumn[] {
  const creditCode: TemplateColumn = {
    header: "统一社会信用代码",
    width: 24,
    numFmt: "@",
    validation: creditCodeValidation,
    note: "18位，必填",
  };
  const name: TemplateColumn = { header: "企业名称", width: 32, note: kind === "register" ? "必填" : "可不填" };
  if (kind === "register") {
    const towns = options.towns ?? [];
    const chains = options.chains ?? [];
    return [
      creditCode,
      name,
      {
        header: "所属乡镇（街道）",
        width: 16,
        ...(fitsList(towns) ? { validation: list(towns) } : {}),
        note: "填系统中的乡镇（街道）名称",
      },
      {
        header: "产业链",
        width: 12,
        ...(fitsList(chains) ? { validation: list(chains) } : {}),
        note: "填本区行动方案中的产业链名称；留空时按行业代码归入产业链",
      },
      { header: "行业代码", width: 12, numFmt: "@", note: "GB/T 4754-2017，如 C2710 或 2710" },
      { header: "规上状态", width: 10, validation: list(["规上", "后备库", "其他"]) },
      { header: "状态年份", width: 10, validation: yearValidation(), note: "规上状态所属年份" },
      {
        header: "纳入年份",
        width: 10,
        validation: { ...yearValidation(), allowBlank: true },
        note: "进入规上企业名录的年份",
      },
      { header: "重点企业", width: 10, validation: list(["是", "否"]) },
      { header: "上市阶段", width: 12, validation: list(Object.keys(LISTING_STAGE_LABELS).slice(0, 7)) },
    ];
  }
  const period: TemplateColumn[] = [{ header: "年份", width: 8, validation: yearValidation() }];
  if (kind === "monthly") {
    period.push({
      header: "月份",
      width: 8,
      validation: {
        type: "whole",
        operator: "between",
        allowBlank: false,
        formulae: [1, 12],
        showErrorMessage: true,
        errorTitle: "月份无效",
        error: "请填写1–12的整数",
      },
      note: "当月数，不是累计数",
    });
  }
  const metrics: TemplateColumn[] = METRICS.filter((metric) => fieldsOf(kind).some((f) => f.metric === metric)).map(
    (metric) => ({
      header: metric.valueKind === "count" ? `${metric.label}（人）` : metric.label,
      width: Math.max(14, metric.label.length * 2 + 4),
      numFmt: metric.valueKind === "count" ? "0" : "0.00",
      validation:
        metric.valueKind === "count"
          ? { ...amountValidation, type: "whole", formulae: [0, 10_000_000], error: "请填写不小于0的整数" }
          : amountValidation,
    }),
  );
  return [creditCode, name, ...period, ...metrics];
}

const REGISTER_FROM_FILE =
  "名录中还没有的企业，可在导入时选择“从文件登记这些企业”：按企业名称登记，有“行业代码”列时按行业代码归入产业链，有“所属乡镇（街道）”列时登记其所在乡镇（街道）。";

function notesOf(kind: ImportKind, options: TemplateOptions): string[] {
  const chains = options.chains ?? [];
  return NOTES[kind].map((line) =>
    line === CHAINS_LINE
      ? chains.length > 0
        ? `产业链可填：${chains.join("、")}；留空时按行业代码（GB/T 4754-2017）归入产业链。重点企业填 是 或 否。`
        : "产业链填本区行动方案中的产业链名称；留空时按行业代码（GB/T 4754-2017）归入产业链。重点企业填 是 或 否。"
      : line,
  );
}

/** Where the register's help names the district's chains. */
const CHAINS_LINE = "{chains}";

const NOTES: Record<ImportKind, string[]> = {
  annual: [
    "每行一家企业一个年份；同一企业同一年份只能有一行。",
    "金额单位以第2行“单位：万元”为准（也可改为 千元 或 元，或在表头写明，如“营业收入（千元）”）。",
    "数字请直接填写，不要带单位或千位分隔符；金额换算成元后最多两位小数（精确到分）。",
    "留空的单元格表示没有该项数据，不会覆盖系统中已有的数值。",
    "没有“年份”列时，按表格上方标题中的年份读取（如“2022年度……”“2022年1-12月……”）。",
    "企业应已在企业名录中（先导入企业名录）。",
    REGISTER_FROM_FILE,
  ],
  monthly: [
    "每行一家企业一个月份；同一企业同一年份同一月份只能有一行。",
    "填写当月数。若填写1–N月累计数，请在表头写明“本年累计”或“1-N月”（如“营业收入（1-6月）”），系统以相邻两个月的累计数之差作为当月数。",
    "金额单位以第2行“单位：万元”为准（也可改为 千元 或 元，或在表头写明）。",
    "数字请直接填写，不要带单位或千位分隔符。",
    "没有“年份”“月份”列时，按表格上方标题中的报告期读取（如“2022年1-12月……”，标题为1-N月时各列为累计数；1-12月累计数在缺少此前各月时记为全年数）。",
    "企业应已在企业名录中（先导入企业名录）。",
    REGISTER_FROM_FILE,
  ],
  register: [
    "每行一家企业；统一社会信用代码和企业名称必填。",
    "已有企业按统一社会信用代码更新；留空的单元格不改变系统中已有的内容。",
    "规上状态（规上、后备库、其他）记入“状态年份”那一年；纳入年份记为该年“规上”。",
    CHAINS_LINE,
    "上市阶段可填：挂牌展示、股改、新三板、境内上市、境外上市。",
  ],
};

/** The downloadable .xlsx template of an import kind: title, unit line, frozen header, widths, checks. */
export async function buildImportTemplate(kind: ImportKind, options: TemplateOptions = {}): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.created = new Date(Date.UTC(2021, 0, 1));
  writeTableSheet<never>(workbook, {
    sheet: IMPORT_KIND_LABELS[kind],
    title: TITLES[kind],
    subtitle: kind === "register" ? "说明见“填写说明”工作表" : "单位：万元（从业人员：人）",
    formAligned: true,
    headerStyle: { filled: true, centred: true, wrapped: true },
    frozenColumns: 2,
    columns: columnsOf(kind, options),
    validatedRows: options.validatedRows ?? 2000,
  });

  const notes = workbook.addWorksheet("填写说明");
  notes.getColumn(1).width = 100;
  notes.addRow([`${TITLES[kind]} — 填写说明`]).font = { bold: true, size: 12 };
  for (const line of notesOf(kind, options)) notes.addRow([line]);
  notes.addRow([]);
  notes.addRow([
    "可识别的其他表头写法：统计局报表中的 本年累计、1-N月、上年同期、增速 等列均可直接导入（上年同期、增速列不导入）。",
  ]);

  return exportWorkbookBuffer(workbook);
}

export function templateFileName(kind: ImportKind): string {
  return `${TITLES[kind]}导入模板.xlsx`;
}
