/**
 * Projects to and from .xlsx. Export writes the filtered list (category included, derived); import
 * reads a sheet of the same columns with the import pipeline's building blocks (streamed reading,
 * cell parsing, row-numbered Chinese errors) and is all or nothing: one bad row and nothing is
 * written, every bad row is reported with its row number and column.
 */
import type { ProjectImportResult, ProjectOrigin } from "@beizeng/contract/projects";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { PROJECT_CATEGORY_LABELS } from "@beizeng/domain/projects/category";
import {
  isIsoDate,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectStage,
  stageIndex,
} from "@beizeng/domain/projects/lifecycle";
import type { Actor } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest } from "../../platform/errors";
import { buildXlsx, type CellValue } from "../../platform/exports/table-export";
import { type RawRow, streamFirstSheetRows, WorkbookReadError } from "../../platform/spreadsheets/read-workbook";
import {
  type CellInput,
  cellText,
  columnLetter,
  formatImportError,
  type ImportError,
  isBlank,
  type MoneyUnit,
  normalizeHeader,
  normalizeText,
  parseLabelCell,
  parseMoneyCell,
  parseTextCell,
  toCellInput,
  YES_NO_LABELS,
  YUAN_PER_UNIT,
} from "../figures/index";
import { getActivePlan } from "../plan/index";
import { findDistrictUnits, findEnterprisesByCodes, findLeaders, findProjectByCode } from "./projects.repository";
import {
  applyProjectChanges,
  insertNewProject,
  moveProject,
  type NewProject,
  type ProjectListQuery,
  projectViews,
  todayInDistrict,
} from "./projects.service";
import { projectAccess, requireWrite } from "./projects-access";

type FieldKey =
  | "code"
  | "name"
  | "investor"
  | "chain"
  | "planned"
  | "completed"
  | "manufacturing"
  | "sourceUnit"
  | "origin"
  | "leadUnit"
  | "leader"
  | "enterprise"
  | "location"
  | "stage"
  | "reachedOn"
  | "plannedSigned"
  | "plannedConstruction"
  | "plannedProduction";

interface ColumnSpec {
  key: FieldKey;
  header: string;
  aliases: string[];
  required?: boolean;
  width: number;
}

/** The columns of the template and the export, in order. */
const COLUMNS: readonly ColumnSpec[] = [
  { key: "code", header: "项目编号", aliases: ["编号"], width: 14 },
  { key: "name", header: "项目名称", aliases: ["名称"], required: true, width: 30 },
  { key: "investor", header: "投资方", aliases: ["投资主体", "投资企业"], required: true, width: 26 },
  { key: "chain", header: "产业链", aliases: ["所属产业链"], required: true, width: 12 },
  {
    key: "planned",
    header: "计划总投资（万元）",
    aliases: ["计划总投资", "计划投资", "签约投资", "总投资"],
    required: true,
    width: 16,
  },
  { key: "completed", header: "已完成投资（万元）", aliases: ["已完成投资", "完成投资", "累计完成投资"], width: 16 },
  { key: "manufacturing", header: "制造业项目", aliases: ["是否制造业", "是否制造业项目", "制造业"], width: 10 },
  { key: "sourceUnit", header: "项目来源单位", aliases: ["来源单位", "引进单位"], width: 16 },
  { key: "origin", header: "投资方类型", aliases: ["投资方性质", "企业类型"], width: 12 },
  { key: "leadUnit", header: "牵头单位", aliases: ["责任单位"], width: 16 },
  { key: "leader", header: "挂点领导", aliases: ["挂点区领导", "区领导"], width: 14 },
  {
    key: "enterprise",
    header: "落地企业统一社会信用代码",
    aliases: ["统一社会信用代码", "落地企业信用代码"],
    width: 22,
  },
  { key: "location", header: "项目地点", aliases: ["地点", "落地地点", "建设地点"], width: 18 },
  { key: "stage", header: "项目阶段", aliases: ["阶段", "当前阶段"], width: 12 },
  { key: "reachedOn", header: "阶段到达日期", aliases: ["到达日期"], width: 14 },
  { key: "plannedSigned", header: "计划签约日期", aliases: [], width: 14 },
  { key: "plannedConstruction", header: "计划开工日期", aliases: [], width: 14 },
  { key: "plannedProduction", header: "计划投产日期", aliases: [], width: 14 },
];

const ORIGIN_LABELS: Record<string, ProjectOrigin> = {
  "500强": "top500",
  中国制造业500强: "top500",
  制造业500强: "top500",
  上市公司: "listed",
  上市企业: "listed",
  其他: "other",
  其它: "other",
};
const ORIGIN_NAMES: Record<ProjectOrigin, string> = { top500: "500强", listed: "上市公司", other: "其他" };

const STAGE_BY_LABEL: Record<string, ProjectStage> = Object.fromEntries(
  PROJECT_STAGES.flatMap((stage) => [
    [PROJECT_STAGE_LABELS[stage], stage],
    [PROJECT_STAGE_LABELS[stage].slice(0, 2), stage],
  ]),
);

const HEADER_INDEX = new Map<string, ColumnSpec>();
for (const column of COLUMNS) {
  for (const name of [column.header, ...column.aliases]) HEADER_INDEX.set(normalizeHeader(name).base, column);
}

interface MappedColumn {
  spec: ColumnSpec;
  columnNumber: number;
  header: string;
  unit: MoneyUnit;
}

interface ProjectRecord {
  row: number;
  code?: string;
  fields: NewProject;
  plannedDates: Partial<Record<ProjectStage, string>>;
}

/** A date cell: a real date, an Excel day serial, or text 2023-05-01, 2023/5/1, 2023年5月1日. */
function parseDateCell(cell: CellInput): { ok: true; value: string } | { ok: false; message: string } {
  if (cell.kind === "date") return { ok: true, value: cell.date.toISOString().slice(0, 10) };
  if (cell.kind === "number" && Number.isInteger(cell.value) && cell.value > 30000 && cell.value < 80000) {
    const date = new Date(Date.UTC(1899, 11, 30) + cell.value * 86_400_000);
    return { ok: true, value: date.toISOString().slice(0, 10) };
  }
  const text = normalizeText(cellText(cell));
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (match) {
    const iso = `${match[1]}-${(match[2] as string).padStart(2, "0")}-${(match[3] as string).padStart(2, "0")}`;
    if (isIsoDate(iso)) return { ok: true, value: iso };
  }
  return { ok: false, message: `无法识别的日期：${cellText(cell)}（应写作 2023-05-01）` };
}

function detectColumns(topRows: readonly RawRow[]): { headerRow: number; columns: MappedColumn[] } | ImportError {
  for (const row of topRows) {
    const columns: MappedColumn[] = [];
    for (let c = 1; c < row.values.length; c++) {
      const header = cellText(toCellInput(row.values[c]));
      if (!header) continue;
      const normalized = normalizeHeader(header);
      const spec = HEADER_INDEX.get(normalized.base);
      if (!spec || columns.some((column) => column.spec.key === spec.key)) continue;
      const unit = normalized.unit && normalized.unit !== "人" ? normalized.unit : "万元";
      columns.push({ spec, columnNumber: c, header, unit });
    }
    if (columns.some((column) => column.spec.key === "name") && columns.length >= 3) {
      const missing = COLUMNS.filter(
        (spec) => spec.required && !columns.some((column) => column.spec.key === spec.key),
      );
      if (missing.length > 0) {
        return { row: row.rowNumber, message: `缺少必填列：${missing.map((spec) => spec.header).join("、")}` };
      }
      return { headerRow: row.rowNumber, columns };
    }
  }
  return { row: 0, message: "未找到表头：前15行中没有包含“项目名称”等列名的行（请使用导出的表格或模板）" };
}

/** Reads and checks every row; references (units, leaders, enterprises, chains) are resolved here. */
async function readProjectRows(
  db: DbContext,
  user: AuthUser,
  plan: PlanFile,
  source: Buffer,
): Promise<{ records: ProjectRecord[]; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const units = await findDistrictUnits(db, user.districtId);
  const leaders = await findLeaders(db, user.districtId);
  const unitByName = new Map(units.map((unit) => [normalizeText(unit.name), unit.id]));
  const leaderByName = new Map(leaders.map((leader) => [normalizeText(leader.display_name), leader.id]));
  const chainByName = new Map<string, string>();
  for (const chain of plan.chains) {
    for (const name of [chain.id, chain.name, chain.nameEn]) chainByName.set(normalizeText(name), chain.id);
  }
  const rows: RawRow[] = [];
  try {
    // The archive is opened and inflated under the import's limits (import/workbook-archive.ts).
    for await (const row of streamFirstSheetRows(source)) rows.push(row);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { records: [], errors: [{ row: 0, message: `无法读取文件：${error.message}` }] };
  }
  const layout = detectColumns(rows.slice(0, 15));
  if ("message" in layout) return { records: [], errors: [layout] };
  const records: ProjectRecord[] = [];
  const pendingCodes: { row: number; code: string; column: MappedColumn }[] = [];
  const seenCodes = new Map<string, number>();
  const creditCodes = new Map<string, { row: number; column: MappedColumn }[]>();
  for (const row of rows) {
    if (row.rowNumber <= layout.headerRow) continue;
    const cells = new Map<FieldKey, { cell: CellInput; column: MappedColumn }>();
    for (const column of layout.columns)
      cells.set(column.spec.key, { cell: toCellInput(row.values[column.columnNumber]), column });
    if ([...cells.values()].every(({ cell }) => isBlank(cell))) continue;
    const rowErrors: ImportError[] = [];
    const fail = (column: MappedColumn, message: string) =>
      rowErrors.push({
        row: row.rowNumber,
        column: column.header,
        columnLetter: columnLetter(column.columnNumber),
        field: column.spec.key,
        message,
      });
    const text = (key: FieldKey): string | undefined => {
      const entry = cells.get(key);
      if (!entry || isBlank(entry.cell)) return undefined;
      const parsed = parseTextCell(entry.cell);
      if (parsed.ok) return parsed.value;
      fail(entry.column, parsed.message);
      return undefined;
    };
    for (const spec of COLUMNS) {
      const entry = cells.get(spec.key);
      if (spec.required && entry && isBlank(entry.cell))
        fail(entry.column, `${spec.header.replace(/（.*/, "")}不能为空`);
    }
    const money = (key: FieldKey): bigint | undefined => {
      const entry = cells.get(key);
      if (!entry || isBlank(entry.cell)) return undefined;
      const parsed = parseMoneyCell(entry.cell, YUAN_PER_UNIT[entry.column.unit], entry.column.unit);
      if (!parsed.ok) {
        fail(entry.column, parsed.message);
        return undefined;
      }
      if (parsed.value < 0n) fail(entry.column, "金额不能为负数");
      return parsed.value;
    };
    const planned = money("planned");
    const completed = money("completed") ?? 0n;
    const lookup = <T>(key: FieldKey, table: Map<string, T>, what: string): T | null => {
      const value = text(key);
      if (value === undefined) return null;
      const found = table.get(normalizeText(value));
      const entry = cells.get(key);
      if (found === undefined && entry) fail(entry.column, `${what}“${value}”不存在`);
      return found ?? null;
    };
    const chainText = text("chain");
    const chainId = chainText === undefined ? undefined : chainByName.get(normalizeText(chainText));
    if (chainText !== undefined && chainId === undefined) {
      fail(
        cells.get("chain")!.column,
        `产业链“${chainText}”不在本区方案中（可填：${plan.chains.map((chain) => chain.name).join("、")}）`,
      );
    }
    let manufacturing = false;
    const manufacturingEntry = cells.get("manufacturing");
    if (manufacturingEntry && !isBlank(manufacturingEntry.cell)) {
      const parsed = parseLabelCell(manufacturingEntry.cell, YES_NO_LABELS, "是否制造业");
      if (parsed.ok) manufacturing = parsed.value;
      else fail(manufacturingEntry.column, parsed.message);
    }
    let origin: ProjectOrigin = "other";
    const originEntry = cells.get("origin");
    if (originEntry && !isBlank(originEntry.cell)) {
      const parsed = parseLabelCell(originEntry.cell, ORIGIN_LABELS, "投资方类型");
      if (parsed.ok) origin = parsed.value;
      else fail(originEntry.column, parsed.message);
    }
    let stage: ProjectStage = "planning";
    const stageEntry = cells.get("stage");
    if (stageEntry && !isBlank(stageEntry.cell)) {
      const parsed = parseLabelCell(stageEntry.cell, STAGE_BY_LABEL, "项目阶段");
      if (parsed.ok) stage = parsed.value;
      else fail(stageEntry.column, parsed.message);
    }
    const date = (key: FieldKey): string | undefined => {
      const entry = cells.get(key);
      if (!entry || isBlank(entry.cell)) return undefined;
      const parsed = parseDateCell(entry.cell);
      if (!parsed.ok) {
        fail(entry.column, parsed.message);
        return undefined;
      }
      return parsed.value;
    };
    const reachedOn = date("reachedOn");
    if (reachedOn !== undefined && reachedOn > todayInDistrict())
      fail(cells.get("reachedOn")!.column, `到达日期 ${reachedOn} 晚于今天`);
    const plannedDates: Partial<Record<ProjectStage, string>> = {};
    const signedOn = date("plannedSigned");
    const constructionOn = date("plannedConstruction");
    const productionOn = date("plannedProduction");
    if (signedOn) plannedDates.signed = signedOn;
    if (constructionOn) plannedDates.construction = constructionOn;
    if (productionOn) plannedDates.production = productionOn;
    const sourceUnitId = lookup("sourceUnit", unitByName, "单位");
    const leadUnitId = lookup("leadUnit", unitByName, "单位");
    const leaderUserId = lookup("leader", leaderByName, "区领导");
    const code = text("code");
    if (code !== undefined) {
      const first = seenCodes.get(code);
      if (first !== undefined) fail(cells.get("code")!.column, `项目编号 ${code} 与第${first}行重复`);
      else seenCodes.set(code, row.rowNumber);
      pendingCodes.push({ row: row.rowNumber, code, column: cells.get("code")!.column });
    }
    const creditCode = text("enterprise")?.toUpperCase();
    if (creditCode !== undefined) {
      const list = creditCodes.get(creditCode) ?? [];
      list.push({ row: row.rowNumber, column: cells.get("enterprise")!.column });
      creditCodes.set(creditCode, list);
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    records.push({
      row: row.rowNumber,
      ...(code !== undefined ? { code } : {}),
      plannedDates,
      fields: {
        ...(code !== undefined ? { code } : {}),
        name: text("name") ?? "",
        investor: text("investor") ?? "",
        chainId: chainId ?? "",
        plannedInvestmentFen: planned ?? 0n,
        completedInvestmentFen: completed,
        manufacturing,
        sourceUnitId,
        origin,
        leadUnitId,
        leaderUserId,
        enterpriseId: null,
        location: text("location") ?? "",
        stage,
        ...(reachedOn !== undefined ? { reachedOn } : {}),
        plannedDates,
      },
    });
  }
  // The enterprise a project became must be in the register (by its credit code).
  const enterprises = await findEnterprisesByCodes(db, user.districtId, [...creditCodes.keys()]);
  const enterpriseByCode = new Map(enterprises.map((enterprise) => [enterprise.credit_code, enterprise.id]));
  for (const [creditCode, uses] of creditCodes) {
    const id = enterpriseByCode.get(creditCode);
    for (const use of uses) {
      if (id === undefined) {
        errors.push({
          row: use.row,
          column: use.column.header,
          columnLetter: columnLetter(use.column.columnNumber),
          field: "enterprise",
          message: `统一社会信用代码 ${creditCode} 不在本区企业名录中`,
        });
      } else {
        const record = records.find((candidate) => candidate.row === use.row);
        if (record) record.fields.enterpriseId = id;
      }
    }
  }
  errors.sort(byRowAndColumn);
  return { records, errors };
}

function byRowAndColumn(a: ImportError, b: ImportError): number {
  const column = (error: ImportError) => (error.columnLetter ?? "").padStart(3, " ");
  return a.row - b.row || column(a).localeCompare(column(b));
}

function withText(errors: ImportError[]) {
  return errors.map((error) => ({ ...error, text: formatImportError(error) }));
}

/**
 * Imports projects: a row with the code of an existing project updates it (and moves it forward
 * when its stage is later), any other row creates one. Checked first, then written in one
 * transaction; any error and nothing is written.
 */
export async function importProjects(
  db: DbContext,
  user: AuthUser,
  source: Buffer,
  options: { dryRun: boolean },
  actor: Actor,
): Promise<ProjectImportResult> {
  const plan = await getActivePlan(db, user.districtId);
  requireWrite(await projectAccess(db, user, plan));
  const { records, errors } = await readProjectRows(db, user, plan, source);
  const result: ProjectImportResult = {
    ok: false,
    dryRun: options.dryRun,
    created: 0,
    updated: 0,
    moved: 0,
    rows: records.length,
    errors: [],
  };
  // Existing projects: a move back through an import is refused (it needs a reason, given in the app).
  const existing = new Map<number, Awaited<ReturnType<typeof findProjectByCode>>>();
  for (const record of records) {
    if (record.code === undefined) continue;
    const found = await findProjectByCode(db, user.districtId, record.code);
    existing.set(record.row, found);
    const toStage = record.fields.stage ?? "planning";
    if (found && stageIndex(toStage) < stageIndex(found.stage as ProjectStage)) {
      errors.push({
        row: record.row,
        column: "项目阶段",
        field: "stage",
        message: `项目 ${record.code} 当前为“${PROJECT_STAGE_LABELS[found.stage as ProjectStage]}”，导入不能退回阶段（请在系统中退回并填写原因）`,
      });
    }
  }
  if (errors.length > 0 || records.length === 0) {
    if (records.length === 0 && errors.length === 0) errors.push({ row: 0, message: "文件中没有项目数据" });
    result.errors = withText(errors.sort(byRowAndColumn));
    return result;
  }
  for (const record of records) {
    if (existing.get(record.row)) result.updated++;
    else result.created++;
  }
  if (options.dryRun) {
    result.ok = true;
    return result;
  }
  try {
    await inTransaction(db, async (tx) => {
      for (const record of records) {
        const found = existing.get(record.row);
        try {
          if (!found) {
            await insertNewProject(tx, user, plan, record.fields, actor);
            continue;
          }
          const { stage, reachedOn, ...fields } = record.fields;
          await applyProjectChanges(tx, user, plan, found.id, fields, actor);
          if (stage && stage !== found.stage) {
            await moveProject(tx, user, found.id, { stage, ...(reachedOn ? { reachedOn } : {}) }, actor);
            result.moved++;
          }
        } catch (error) {
          if (error instanceof AppError) throw new RowFailure({ row: record.row, message: error.message });
          throw error;
        }
      }
    });
  } catch (error) {
    if (error instanceof RowFailure) {
      result.created = 0;
      result.updated = 0;
      result.moved = 0;
      result.errors = withText([error.importError]);
      return result;
    }
    throw error;
  }
  result.ok = true;
  return result;
}

class RowFailure extends Error {
  constructor(readonly importError: ImportError) {
    super(importError.message);
  }
}

/** The filtered projects as an .xlsx workbook, in the import's columns plus the derived category. */
export async function exportProjects(
  db: DbContext,
  user: AuthUser,
  query: Omit<ProjectListQuery, "page" | "pageSize">,
  options: { template?: boolean } = {},
) {
  const plan = await getActivePlan(db, user.districtId);
  const views = options.template ? [] : await projectViews(db, user, query);
  const units = await findDistrictUnits(db, user.districtId);
  const unitName = (id: number | undefined) => units.find((unit) => unit.id === id)?.name ?? "";
  const chainName = (id: string) => plan.chains.find((chain) => chain.id === id)?.name ?? id;
  const enterpriseCodes = new Map<number, string>();
  const ids = views.map((view) => view.enterprise?.id).filter((id): id is number => id !== undefined);
  if (ids.length > 0) {
    const rows = await db.kysely
      .selectFrom("enterprises")
      .select(["id", "credit_code"])
      .where("id", "in", ids)
      .execute();
    for (const row of rows) enterpriseCodes.set(row.id, row.credit_code);
  }
  type View = (typeof views)[number];
  const plannedOn = (view: View, stage: ProjectStage) =>
    view.stages.find((entry) => entry.stage === stage)?.plannedOn ?? "";
  const cells: Record<FieldKey, (view: View) => CellValue> = {
    code: (view) => view.code,
    name: (view) => view.name,
    investor: (view) => view.investor,
    chain: (view) => chainName(view.chainId),
    planned: (view) => view.plannedInvestmentFen,
    completed: (view) => view.completedInvestmentFen,
    manufacturing: (view) => (view.manufacturing ? "是" : "否"),
    sourceUnit: (view) => unitName(view.sourceUnit?.id),
    origin: (view) => ORIGIN_NAMES[view.origin],
    leadUnit: (view) => unitName(view.leadUnit?.id),
    leader: (view) => view.leader?.name ?? "",
    enterprise: (view) => (view.enterprise ? (enterpriseCodes.get(view.enterprise.id) ?? "") : ""),
    location: (view) => view.location,
    stage: (view) => PROJECT_STAGE_LABELS[view.stage],
    reachedOn: (view) => view.stages.find((entry) => entry.stage === view.stage)?.reachedOn ?? "",
    plannedSigned: (view) => plannedOn(view, "signed"),
    plannedConstruction: (view) => plannedOn(view, "construction"),
    plannedProduction: (view) => plannedOn(view, "production"),
  };
  // The import's own columns, so that the file can be edited and imported again; amounts in 万元, unformatted.
  return buildXlsx<View>({
    sheet: "项目库",
    head: "list",
    columns: [
      ...COLUMNS.map((column) => ({
        header: column.header,
        value: cells[column.key],
        kind: column.key === "planned" || column.key === "completed" ? ("money" as const) : ("text" as const),
        width: column.width,
        numFmt: null,
      })),
      { header: "项目类别（自动）", value: (view) => PROJECT_CATEGORY_LABELS[view.category], width: 16 },
      { header: "引进年度", value: (view) => view.introducedYear ?? "", width: 10 },
      { header: "投产年度", value: (view) => view.productionYear ?? "", width: 10 },
    ],
    rows: views,
  });
}

export function decodeUpload(contentBase64: string): Buffer {
  const buffer = Buffer.from(contentBase64, "base64");
  if (buffer.length === 0) throw badRequest("上传的文件为空");
  return buffer;
}
