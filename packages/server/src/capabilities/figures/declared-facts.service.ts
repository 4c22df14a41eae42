/**
 * The values of the facts the plan declares (electricity use, land area, a recognition's level …): an
 * enterprise's values, entered and confirmed one at a time, and the plan's template imported all or nothing.
 * Who enters a fact: the office, the unit the plan says supplies it (or, when it names none, the units that
 * confirm figures), and an enterprise for itself (self-reported, unconfirmed until a supplier confirms).
 * Every change is audited; nothing here names a fact: the plan's `facts` section says what there is.
 */
import type {
  DeclaredFact as ContractFact,
  DeclaredFactBody,
  DeclaredFactConfirm,
  DeclaredFactsImported,
  DeclaredFactValue,
  EnterpriseDeclaredFacts,
} from "@beizeng/contract/declared-facts";
import {
  factPeriodLabel,
  factPeriods,
  factValueText,
  formatFactValue,
  readFactValue,
} from "@beizeng/domain/facts/declared-facts";
import type { DeclaredFact, PlanFile } from "@beizeng/domain/plan/schema";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutiesOfUnit } from "../../platform/auth/unit-duties";
import { findUnitOfAccount } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, forbidden, notFound } from "../../platform/errors";
import { buildXlsx, type TableColumn } from "../../platform/exports/table-export";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { streamFirstSheetRows } from "../../platform/spreadsheets/read-workbook";
import { enterpriseFor } from "../register/index";
import {
  confirmFactValue,
  enterpriseFactValues,
  enterpriseIdsByCode,
  findFactValue,
  writeFactValue,
} from "./declared-facts.repository";
import type { DeclaredFactValueRow } from "./declared-facts.table";
import { cellText, isBlank, toCellInput } from "./import/cell-values";

async function activePlan(db: DbContext, user: AuthUser): Promise<PlanFile | undefined> {
  return (await readActivePlan(db, user.districtId))?.plan;
}

function planFact(plan: PlanFile | undefined, id: string): DeclaredFact {
  const fact = plan?.facts.find((candidate) => candidate.id === id);
  if (fact === undefined) {
    const message = `计划未声明数据项“${id}”`;
    throw badRequest(message, [{ path: "fact", message }]);
  }
  return fact;
}

/**
 * The facts the caller supplies (enters and confirms): all for the office, the unit's own for a unit
 * (those naming it, or, with no supplier named, when it confirms figures), none for others.
 */
async function suppliedFacts(db: DbContext, user: AuthUser, plan: PlanFile | undefined): Promise<Set<string>> {
  const facts = plan?.facts ?? [];
  if (user.role === "office") return new Set(facts.map((fact) => fact.id));
  if (user.role !== "unit" || user.unitId === null) return new Set();
  const unit = await findUnitOfAccount(db, user.unitId);
  if (unit === undefined || unit.district_id !== user.districtId) return new Set();
  const confirms = dutiesOfUnit(plan, unit.code).includes("confirmFigures");
  return new Set(
    facts
      .filter((fact) => (fact.suppliedBy === undefined ? confirms : fact.suppliedBy === unit.code))
      .map((fact) => fact.id),
  );
}

function supplierWords(plan: PlanFile | undefined, fact: DeclaredFact): string {
  const unit = plan?.units.find((candidate) => candidate.id === fact.suppliedBy);
  return unit?.name ?? plan?.units.find((candidate) => candidate.kind === "office")?.name ?? "办公室";
}

function contractFact(plan: PlanFile | undefined, fact: DeclaredFact): ContractFact {
  const unit = plan?.units.find((candidate) => candidate.id === fact.suppliedBy);
  return {
    id: fact.id,
    name: fact.name,
    nameEn: fact.nameEn,
    measure: fact.measure,
    unitName: fact.unitName ?? null,
    unitNameEn: fact.unitNameEn ?? null,
    period: fact.period,
    suppliedBy: unit === undefined ? null : { name: unit.name, nameEn: unit.nameEn },
    categories: (fact.categories ?? []).map((category) => ({ ...category })),
  };
}

function contractValue(fact: DeclaredFact, row: DeclaredFactValueRow): DeclaredFactValue {
  return {
    fact: row.fact,
    year: row.year,
    period: row.period,
    text: factValueText(fact, row.value),
    shown: formatFactValue(fact, row.value, "zh"),
    shownEn: formatFactValue(fact, row.value, "en"),
    periodLabel: factPeriodLabel(fact, row.year, row.period, "zh"),
    periodLabelEn: factPeriodLabel(fact, row.year, row.period, "en"),
    sourceKind: row.source_kind as DeclaredFactValue["sourceKind"],
    sourceRef: row.source_ref,
    confirmed: row.confirmed_at !== null,
    recordedAt: row.recorded_at,
  };
}

/** An enterprise's values of the plan's declared facts, newest year first, and what the caller may do. */
export async function enterpriseDeclaredFacts(
  db: DbContext,
  user: AuthUser,
  enterpriseId: number,
): Promise<EnterpriseDeclaredFacts> {
  await enterpriseFor(db, user, enterpriseId, "enterprises.read");
  const plan = await activePlan(db, user);
  const facts = new Map((plan?.facts ?? []).map((fact) => [fact.id, fact]));
  const rows = await enterpriseFactValues(db, user.districtId, enterpriseId);
  const supplied = await suppliedFacts(db, user, plan);
  const values: DeclaredFactValue[] = [];
  for (const row of rows) {
    // A fact a later plan no longer declares keeps its rows, but is not shown.
    const fact = facts.get(row.fact);
    if (fact !== undefined) values.push(contractValue(fact, row));
  }
  return {
    facts: [...facts.values()].map((fact) => contractFact(plan, fact)),
    values,
    canEnter: facts.size > 0 && (supplied.size > 0 || user.role === "enterprise"),
    canConfirm: supplied.size > 0,
  };
}

function checkPeriod(fact: DeclaredFact, period: number): void {
  if (factPeriods(fact).includes(period)) return;
  const message =
    fact.period === "year"
      ? `${fact.name}按年度填报，期间应为全年`
      : `${fact.name}按${fact.period === "quarter" ? "季度（1–4）" : "月度（1–12）"}填报，期间 ${period} 无效`;
  throw badRequest(message, [{ path: "period", message }]);
}

/** Enters (or corrects) one value. A correction clears the earlier confirmation; the audit keeps the old value. */
export async function enterDeclaredFact(
  db: DbContext,
  user: AuthUser,
  enterpriseId: number,
  input: DeclaredFactBody,
  actor: Actor,
): Promise<DeclaredFactValue> {
  const plan = await activePlan(db, user);
  const fact = planFact(plan, input.fact);
  const period = input.period ?? 0;
  checkPeriod(fact, period);
  const reading = readFactValue(fact, input.value);
  if (!reading.ok) {
    const message = `${fact.name}：${reading.message}`;
    throw badRequest(message, [{ path: "value", message }]);
  }
  const selfReport = user.role === "enterprise";
  if (!selfReport && !(await suppliedFacts(db, user, plan)).has(fact.id))
    throw forbidden(`${fact.name}由${supplierWords(plan, fact)}填报`);
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, enterpriseId, "figures.enter", "只能填报本企业的数据");
    const key = { districtId: user.districtId, enterpriseId, fact: fact.id, year: input.year, period };
    const existing = await findFactValue(tx, key);
    const at = new Date().toISOString();
    const id = await writeFactValue(
      tx,
      key,
      { value: reading.value, sourceKind: selfReport ? "self_report" : "entry", sourceRef: null, at, by: user.id },
      existing,
    );
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: existing === undefined ? "create" : "update",
      entityType: "declared_fact_value",
      entityId: id,
      before: existing === undefined ? null : { ...auditKey(key), value: existing.value },
      after: { ...auditKey(key), value: reading.value, source: selfReport ? "self_report" : "entry" },
    });
    const row = await findFactValue(tx, key);
    return contractValue(fact, row!);
  });
}

function auditKey(key: { enterpriseId: number; fact: string; year: number; period: number }) {
  return { enterpriseId: key.enterpriseId, fact: key.fact, year: key.year, period: key.period };
}

/** Confirms one value as its supplier (or the office). */
export async function confirmDeclaredFact(
  db: DbContext,
  user: AuthUser,
  enterpriseId: number,
  input: DeclaredFactConfirm,
  actor: Actor,
): Promise<DeclaredFactValue> {
  const plan = await activePlan(db, user);
  const fact = planFact(plan, input.fact);
  if (!(await suppliedFacts(db, user, plan)).has(fact.id))
    throw forbidden(`${fact.name}由${supplierWords(plan, fact)}确认`);
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, enterpriseId, "figures.confirm");
    const key = {
      districtId: user.districtId,
      enterpriseId,
      fact: fact.id,
      year: input.year,
      period: input.period ?? 0,
    };
    const existing = await findFactValue(tx, key);
    if (existing === undefined)
      throw notFound(`${fact.name}尚无${factPeriodLabel(fact, key.year, key.period, "zh")}的数值`);
    await confirmFactValue(tx, existing.id, new Date().toISOString(), user.id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "confirm",
      entityType: "declared_fact_value",
      entityId: existing.id,
      before: { ...auditKey(key), value: existing.value, confirmed: existing.confirmed_at !== null },
      after: { ...auditKey(key), value: existing.value, confirmed: true },
    });
    return contractValue(fact, (await findFactValue(tx, key))!);
  });
}

// ---------------------------------------------------------------- the template and its import

const CODE_HEADER = "统一社会信用代码";
const NAME_HEADER = "企业名称";
const YEAR_HEADER = "年度";
const PERIOD_HEADER = "期间";

/** A fact's column header: its name and, in brackets, what to write ("年用电量（千瓦时）", "智能工厂认定级别（省级/市级）"). */
function factHeader(fact: DeclaredFact): string {
  switch (fact.measure) {
    case "money":
      return `${fact.name}（元）`;
    case "quantity":
      return `${fact.name}（${fact.unitName ?? ""}）`;
    case "count":
      return `${fact.name}（个）`;
    case "category":
      return `${fact.name}（${(fact.categories ?? []).map((category) => category.name).join("/")}）`;
  }
}

/** The facts the caller may import, or a 403 when there are none. */
async function importableFacts(db: DbContext, user: AuthUser): Promise<{ plan: PlanFile; facts: DeclaredFact[] }> {
  const plan = await activePlan(db, user);
  if (plan === undefined || plan.facts.length === 0) throw badRequest("现行计划未声明需要导入的数据项");
  const supplied = await suppliedFacts(db, user, plan);
  const facts = plan.facts.filter((fact) => supplied.has(fact.id));
  if (facts.length === 0) throw forbidden("本单位不负责填报计划声明的数据项");
  return { plan, facts };
}

/** The template: one row per enterprise, year and period; a column per fact the caller supplies. */
export async function declaredFactsTemplate(db: DbContext, user: AuthUser): Promise<Buffer> {
  const { facts } = await importableFacts(db, user);
  const subYear = facts.some((fact) => fact.period !== "year");
  const columns: TableColumn<never>[] = [
    { header: CODE_HEADER, width: 24, note: "18 位统一社会信用代码，企业须已登记" },
    { header: NAME_HEADER, width: 28, note: "仅供核对，不导入" },
    { header: YEAR_HEADER, width: 10, note: "四位年份，例如 2024" },
    ...(subYear
      ? [
          {
            header: PERIOD_HEADER,
            width: 12,
            note: "按季度填报的写“第1季度”…“第4季度”，按月填报的写“1月”…“12月”，按年填报的留空",
          },
        ]
      : []),
    ...facts.map((fact) => ({
      header: factHeader(fact),
      width: 20,
      note:
        fact.measure === "category"
          ? `填写：${(fact.categories ?? []).map((category) => category.name).join("、")}`
          : fact.measure === "count"
            ? "整数"
            : "十进制数，最多两位小数",
    })),
  ];
  return buildXlsx({ sheet: "计划数据项", columns, rows: [], head: "list", headerStyle: { wrapped: true } });
}

/** A period cell: blank for the year; 第2季度, Q2 or 2季度 for a quarter; 3月 or 2024-03 for a month; a bare number as the fact says. */
function readPeriodCell(text: string): { kind: "year" | "quarter" | "month" | "either"; period: number } | null {
  const written = text.replace(/\s/g, "");
  if (written === "" || written === "全年" || written === "年度") return { kind: "year", period: 0 };
  let match = /^(?:第)?([1-4])季度?$|^Q([1-4])$/i.exec(written);
  if (match !== null) return { kind: "quarter", period: Number(match[1] ?? match[2]) };
  match = /^(?:\d{4}[-/年])?(\d{1,2})月?$/.exec(written);
  if (match !== null && /月|[-/年]/.test(written)) {
    const month = Number(match[1]);
    return month >= 1 && month <= 12 ? { kind: "month", period: month } : null;
  }
  if (/^\d{1,2}$/.test(written)) return { kind: "either", period: Number(written) };
  return null;
}

function columnName(index: number): string {
  let name = "";
  for (let number = index; number > 0; number = Math.floor((number - 1) / 26))
    name = String.fromCharCode(65 + ((number - 1) % 26)) + name;
  return name;
}

interface PendingValue {
  enterpriseId: number;
  fact: DeclaredFact;
  year: number;
  period: number;
  value: string;
}

/**
 * Imports the plan's template, all or nothing: every problem is listed with its row and column (第3行 D列
 * （年用电量）：不是十进制数) and nothing is written; otherwise every value is written, each change audited.
 */
export async function importDeclaredFacts(
  db: DbContext,
  user: AuthUser,
  upload: { fileName: string; bytes: Buffer },
  actor: Actor,
): Promise<DeclaredFactsImported> {
  const { plan, facts: supplied } = await importableFacts(db, user);
  const byHeader = new Map<string, DeclaredFact>();
  for (const fact of plan.facts) {
    byHeader.set(fact.name, fact);
    byHeader.set(factHeader(fact), fact);
  }
  const suppliedIds = new Set(supplied.map((fact) => fact.id));
  const enterprises = await enterpriseIdsByCode(db, user.districtId);
  const problems: string[] = [];
  const pending: PendingValue[] = [];
  const seen = new Map<string, number>();
  const rowsRead = new Set<number>();
  let header: { code: number; year: number; period: number | null; facts: Map<number, DeclaredFact> } | null = null;

  for await (const row of streamFirstSheetRows(upload.bytes)) {
    // exceljs leaves the row sparse (column 0 and empty cells are holes).
    const cells = Array.from({ length: row.values.length }, (_, column) => toCellInput(row.values[column]));
    const text = (column: number) => cellText(cells[column] ?? toCellInput(null)).trim();
    if (header === null) {
      const codeColumn = cells.findIndex((cell) => cellText(cell).trim() === CODE_HEADER);
      if (codeColumn < 0) continue;
      const found = {
        code: codeColumn,
        year: -1,
        period: null as number | null,
        facts: new Map<number, DeclaredFact>(),
      };
      cells.forEach((cell, column) => {
        const name = cellText(cell).replace(/\s/g, "");
        if (name === "" || name === CODE_HEADER || name === NAME_HEADER) return;
        if (name === YEAR_HEADER) found.year = column;
        else if (name === PERIOD_HEADER) found.period = column;
        else {
          const fact = byHeader.get(name) ?? byHeader.get(name.replace(/（[^）]*）$/, ""));
          if (fact === undefined)
            problems.push(`第${row.rowNumber}行 ${columnName(column)}列：未知的列“${name}”（现行计划未声明此数据项）`);
          else if (!suppliedIds.has(fact.id))
            problems.push(
              `第${row.rowNumber}行 ${columnName(column)}列（${fact.name}）：由${supplierWords(plan, fact)}填报，本单位不能导入`,
            );
          else found.facts.set(column, fact);
        }
      });
      if (found.year < 0) problems.push(`第${row.rowNumber}行：缺少“${YEAR_HEADER}”列`);
      header = found;
      continue;
    }
    if (cells.every((cell) => isBlank(cell))) continue;
    rowsRead.add(row.rowNumber);
    const at = (column: number, name: string) => `第${row.rowNumber}行 ${columnName(column)}列（${name}）`;
    const code = text(header.code).toUpperCase();
    const enterpriseId = enterprises.get(code);
    if (enterpriseId === undefined) problems.push(`${at(header.code, CODE_HEADER)}：企业“${code}”未登记`);
    const yearText = header.year < 0 ? "" : text(header.year);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null || year < 1949 || year > 2200)
      problems.push(`${at(header.year, YEAR_HEADER)}：年度应为四位年份，实为“${yearText}”`);
    const periodText = header.period === null ? "" : text(header.period);
    const period = readPeriodCell(periodText);
    if (period === null && header.period !== null)
      problems.push(`${at(header.period, PERIOD_HEADER)}：无法识别的期间“${periodText}”`);
    for (const [column, fact] of header.facts) {
      const cell = cells[column] ?? toCellInput(null);
      if (isBlank(cell)) continue;
      const where = at(column, fact.name);
      if (period !== null && period.kind !== "either" && period.kind !== fact.period) {
        const wanted = { year: "全年（期间留空）", quarter: "季度", month: "月份" }[fact.period];
        problems.push(`${where}：${fact.name}按${wanted}填报，与本行期间“${periodText || "全年"}”不符`);
        continue;
      }
      if (period !== null && !factPeriods(fact).includes(period.period)) {
        problems.push(`${where}：期间“${periodText}”对${fact.name}无效`);
        continue;
      }
      const reading = readFactValue(fact, cellText(cell));
      if (!reading.ok) {
        problems.push(`${where}：${reading.message}`);
        continue;
      }
      if (enterpriseId === undefined || year === null || period === null) continue;
      const key = `${enterpriseId}|${fact.id}|${year}|${period.period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push(`${where}：与第${earlier}行重复（同一企业、年度和期间）`);
        continue;
      }
      seen.set(key, row.rowNumber);
      pending.push({ enterpriseId, fact, year, period: period.period, value: reading.value });
    }
  }
  if (header === null) problems.push(`找不到表头：第一行应有“${CODE_HEADER}”“${YEAR_HEADER}”和数据项的列`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `（另有 ${problems.length - shown.length} 处）` : "";
    throw badRequest(
      `导入未执行，文件「${upload.fileName}」有 ${problems.length} 处错误${more}：${shown.join("；")}`,
      shown.map((message) => ({ path: "file", message })),
    );
  }
  return inTransaction(db, async (tx) => {
    const at = new Date().toISOString();
    for (const value of pending) {
      const key = {
        districtId: user.districtId,
        enterpriseId: value.enterpriseId,
        fact: value.fact.id,
        year: value.year,
        period: value.period,
      };
      const existing = await findFactValue(tx, key);
      const id = await writeFactValue(
        tx,
        key,
        { value: value.value, sourceKind: "import", sourceRef: upload.fileName, at, by: user.id },
        existing,
      );
      await recordAudit(tx, {
        districtId: user.districtId,
        actor,
        action: existing === undefined ? "create" : "update",
        entityType: "declared_fact_value",
        entityId: id,
        before: existing === undefined ? null : { ...auditKey(key), value: existing.value },
        after: { ...auditKey(key), value: value.value, source: "import", file: upload.fileName },
      });
    }
    return {
      rows: rowsRead.size,
      values: pending.length,
      enterprises: new Set(pending.map((value) => value.enterpriseId)).size,
    };
  });
}
