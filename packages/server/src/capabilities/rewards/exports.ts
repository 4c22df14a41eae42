/**
 * Documents of the rewards workflow: the payment list (.xlsx, amounts exact in 元) and the approval
 * notice (审批通知) of one enterprise for one year (.docx, GB/T 9704 layout: red issuer mark and rule,
 * document number with 〔〕, title in 2号 小标宋, body in 3号 仿宋, date in Arabic numerals, page
 * numbers "— 1 —" at the outer bottom corner, a table with caption, unit line and source).
 */
import { formatYuan } from "@beizeng/domain/money";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { Explanation } from "@beizeng/domain/rewards/types";
import { type AwardWorkflow, stepActorText } from "@beizeng/domain/rewards/workflow";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
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
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { buildXlsx } from "../../platform/exports/table-export";
import { renderStoredExplanations } from "./explanations";
import { findAllEntitlements, findEnterpriseBrief, insertNotice } from "./rewards.repository";
import { activePlan, callerOf, ruleCatalog, STATUS_LABELS, workflowPlan } from "./shared";
import { mayIssueNotice } from "./workflow";

export async function paymentListXlsx(
  db: DbContext,
  user: AuthUser,
  filter: { year?: number; status?: string },
): Promise<{ fileName: string; buffer: Buffer }> {
  const { plan } = await activePlan(db, user.districtId);
  const catalog = ruleCatalog(plan);
  const statuses = filter.status ? [filter.status] : ["approved", "paid"];
  const rows = await findAllEntitlements(db, { districtId: user.districtId, year: filter.year, statuses });
  const total = rows.reduce((sum, row) => (row.amount_fen === null ? sum : sum + BigInt(row.amount_fen)), 0n);
  type Line = { row: (typeof rows)[number]; number: number };
  const buffer = await buildXlsx<Line>({
    sheet: "奖励支付清单",
    title: `${plan.district.name}${filter.year ?? ""}${filter.year ? "年度" : ""}工业倍增奖励支付清单`,
    subtitle: "单位：元",
    formAligned: true,
    headerStyle: { centred: true },
    columns: [
      { header: "序号", value: (line) => line.number, kind: "count", width: 6 },
      { header: "企业名称", value: (line) => line.row.enterprise_name ?? "", width: 30 },
      { header: "统一社会信用代码", value: (line) => line.row.credit_code, width: 22 },
      { header: "奖励事项", value: (line) => catalog.get(line.row.rule_id)?.name ?? line.row.rule_id, width: 26 },
      { header: "条款", value: (line) => line.row.clause, width: 8 },
      { header: "年度", value: (line) => line.row.year, kind: "count", width: 8 },
      { header: "金额", value: (line) => line.row.amount_fen, kind: "yuan", numFmt: "0.00", width: 16 },
      { header: "状态", value: (line) => STATUS_LABELS[line.row.status] ?? line.row.status, width: 10 },
      { header: "开户名", value: (line) => line.row.bank_account_name ?? "", width: 28 },
      { header: "开户银行", value: (line) => line.row.bank_name ?? "", width: 24 },
      // Account numbers are text: a long digit string must not become a number in the sheet.
      { header: "银行账号", value: (line) => line.row.bank_account_no ?? "", width: 24 },
      { header: "支付凭证号", value: (line) => line.row.voucher_no ?? "", width: 16 },
      { header: "支付日期", value: (line) => line.row.paid_on ?? "", width: 12 },
    ],
    rows: rows.map((row, index) => ({ row, number: index + 1 })),
    totals: ["合计", "", "", "", "", "", total, `${rows.length} 项`],
  });
  return { fileName: `奖励支付清单${filter.year ? `-${filter.year}` : ""}.xlsx`, buffer };
}

// ---------------------------------------------------------------- approval notice

const MM = 56.7; // twips per millimetre
const FONT_TITLE = "方正小标宋简体";
const FONT_BODY = "仿宋_GB2312";
const FONT_HEADING = "黑体";
const FONT_PAGE = "宋体";
const RED = "FF0000";
const SIZE_2 = 44; // 2号 = 22 pt, in half-points
const SIZE_3 = 32; // 3号 = 16 pt
const SIZE_4 = 28; // 4号 = 14 pt
const SIZE_TABLE = 24; // 小4 = 12 pt, for the table

function run(text: string, font: string, size: number, extra: { bold?: boolean; color?: string } = {}) {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, ...extra });
}

function bodyParagraph(
  text: string,
  options: { indent?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    children: [run(text, FONT_BODY, SIZE_3)],
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: "exact" },
  });
}

/** The issuer: the leading group's office, named from the plan's units. */
function issuerName(plan: PlanFile): string {
  const group = plan.units.find((unit) => unit.kind === "leadership");
  const groupName = group?.aliases?.[0] ?? `${plan.district.name}${group?.name ?? "领导小组"}`;
  return `${groupName}办公室`;
}

/** The units that pay, as the plan's pay step names them (the units holding payRewards). */
function payerNames(plan: PlanFile, workflow: AwardWorkflow): string[] {
  const pay = workflow.steps.find((step) => step.kind === "pay");
  const text = pay ? stepActorText(plan, pay, "zh") : "";
  return text ? [text] : [];
}

/**
 * The steps an approved reward has been through, as the plan declares them, addressed to the enterprise:
 * "你单位确认、领导小组办公室审核、公示 7 天、区财政局审批". A step's name is used when it names its actor already.
 */
export function procedureText(plan: PlanFile, workflow: AwardWorkflow): string {
  const parts: string[] = [];
  for (const step of workflow.steps) {
    if (step.kind === "pay") continue;
    if (step.kind === "confirm") parts.push("你单位确认");
    else if (step.kind === "publicity") parts.push(`公示 ${step.days ?? 0} 天`);
    else {
      const actor = stepActorText(plan, step, "zh");
      parts.push(step.name.includes(actor) ? step.name : `${actor}${step.name}`);
    }
  }
  return parts.join("、");
}

/** "2023年7月7日" — Arabic numerals, no leading zeros. */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function explanationText(explanation: Explanation | null): string {
  if (!explanation) return "";
  return [explanation.zh, explanation.arithmetic].filter(Boolean).join("；");
}

function tableCell(text: string, options: { bold?: boolean; align?: "left" | "center" | "right"; width: number }) {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment:
          options.align === "right"
            ? AlignmentType.RIGHT
            : options.align === "left"
              ? AlignmentType.LEFT
              : AlignmentType.CENTER,
        children: [run(text, options.bold ? FONT_HEADING : FONT_BODY, SIZE_TABLE)],
      }),
    ],
  });
}

function pageFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: { ascii: FONT_PAGE, eastAsia: FONT_PAGE },
            size: SIZE_4,
          }),
        ],
      }),
    ],
  });
}

/**
 * The approval notice of an enterprise's approved (or paid) entitlements of a year. Issuing it
 * takes the next document serial of the year; the issue is audited.
 */
export async function approvalNoticeDocx(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  input: { enterpriseId: number; year: number },
): Promise<{ fileName: string; buffer: Buffer; number: string }> {
  const context = await workflowPlan(db, user.districtId);
  if (!mayIssueNotice(context, await callerOf(db, user))) {
    const who = [issuerName(context.plan), ...payerNames(context.plan, context.workflow)].join("或");
    throw forbidden(`只有${who}可以出具审批通知`);
  }
  const enterprise = await findEnterpriseBrief(db, user.districtId, input.enterpriseId);
  if (!enterprise) throw notFound("未找到该企业");
  const { plan, catalog, workflow } = context;
  const rows = await findAllEntitlements(db, {
    districtId: user.districtId,
    enterpriseId: enterprise.id,
    year: input.year,
    statuses: ["approved", "paid"],
  });
  if (rows.length === 0) throw conflict(`${enterprise.name} ${input.year} 年度尚无已审批的奖励，不能出具审批通知`);
  if (input.year < 1990 || input.year > 2100) throw badRequest("年度有误");

  const now = new Date();
  const serial = await inTransaction(db, async (tx) => {
    const issued = await insertNotice(tx, {
      district_id: user.districtId,
      year: now.getFullYear(),
      enterprise_id: enterprise.id,
      issued_by: user.id,
      issued_at: now.toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "issue",
      entityType: "reward_notice",
      entityId: `${now.getFullYear()}-${issued}`,
      after: { enterpriseId: enterprise.id, year: input.year, entitlements: rows.map((row) => row.id) },
    });
    return issued;
  });
  const issuer = issuerName(plan);
  const number = `${plan.district.name.slice(0, 1)}倍办字〔${now.getFullYear()}〕${serial}号`;
  let total = 0n;
  for (const row of rows) if (row.amount_fen !== null) total += BigInt(row.amount_fen);
  const explanations = await renderStoredExplanations(
    db,
    user.districtId,
    rows.map((row) => row.explanation_json),
  );

  const widths = [700, 2300, 800, 3700, 1340]; // twips, 156 mm text block ≈ 8845
  const tableRows = [
    new TableRow({
      tableHeader: true,
      children: ["序号", "奖励事项", "条款", "依据与计算", "金额"].map((text, index) =>
        tableCell(text, { bold: true, width: widths[index]! }),
      ),
    }),
    ...rows.map(
      (row, index) =>
        new TableRow({
          children: [
            tableCell(String(index + 1), { width: widths[0]! }),
            tableCell(catalog.get(row.rule_id)?.name ?? row.rule_id, { align: "left", width: widths[1]! }),
            tableCell(row.clause, { width: widths[2]! }),
            tableCell(explanationText(explanations[index] ?? null), { align: "left", width: widths[3]! }),
            tableCell(row.amount_fen === null ? "—" : formatYuan(BigInt(row.amount_fen)), {
              align: "right",
              width: widths[4]!,
            }),
          ],
        }),
    ),
    new TableRow({
      children: [
        tableCell("合计", { bold: true, width: widths[0]! }),
        tableCell("", { width: widths[1]! }),
        tableCell("", { width: widths[2]! }),
        tableCell(`共 ${rows.length} 项`, { align: "left", width: widths[3]! }),
        tableCell(formatYuan(total), { bold: true, align: "right", width: widths[4]! }),
      ],
    }),
  ];
  const bank = rows.find((row) => row.bank_account_no);
  const payer = payerNames(plan, workflow).join("、") || "财政部门";

  const document = new Document({
    creator: issuer,
    title: "审批通知",
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        // Page numbers at the outer corner: right on odd pages, left on even ones.
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [run(issuer, FONT_TITLE, 60, { color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(number, FONT_BODY, SIZE_3)],
            border: { bottom: { color: RED, style: BorderStyle.SINGLE, size: 12, space: 8 } },
            spacing: { after: 600 },
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, line: 700, lineRule: "exact" },
            children: [run(`关于兑现${enterprise.name}${input.year}年度工业倍增奖励的审批通知`, FONT_TITLE, SIZE_2)],
          }),
          bodyParagraph(`${enterprise.name}：`, { indent: false, alignment: AlignmentType.LEFT }),
          bodyParagraph(
            `根据《${plan.title}》${plan.document.number ? `（${plan.document.number}）` : ""}的规定，经依据统计、税务等部门数据测算，并经${procedureText(plan, workflow)}，你单位 ${input.year} 年度应享受下列奖励，合计 ${formatYuan(total)} 元。奖励实行免申即享，无需另行申请。`,
          ),
          new Paragraph({
            spacing: { before: 200, line: 560, lineRule: "exact" },
            children: [run("一、奖励明细", FONT_HEADING, SIZE_3)],
            indent: { firstLine: 640 },
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(`表  ${enterprise.name} ${input.year} 年度奖励明细`, FONT_HEADING, SIZE_TABLE)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run("单位：元", FONT_BODY, SIZE_TABLE)] }),
          new Table({ rows: tableRows, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } }),
          new Paragraph({
            children: [
              run(`资料来源：倍增平台奖励测算（统一社会信用代码 ${enterprise.credit_code}）`, FONT_BODY, SIZE_TABLE),
            ],
          }),
          new Paragraph({
            spacing: { before: 200, line: 560, lineRule: "exact" },
            children: [run("二、资金拨付", FONT_HEADING, SIZE_3)],
            indent: { firstLine: 640 },
          }),
          bodyParagraph(
            bank
              ? `奖励资金由${payer}拨付至你单位确认的账户（开户名：${bank.bank_account_name ?? ""}；开户银行：${bank.bank_name ?? ""}；账号：${bank.bank_account_no ?? ""}）。如账户信息有误，请及时在平台上更正。`
              : `请在平台上确认奖励并填写收款账户，奖励资金由${payer}拨付。`,
          ),
          bodyParagraph("特此通知。"),
          new Paragraph({ spacing: { before: 800 }, children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 640 },
            children: [run(issuer, FONT_BODY, SIZE_3)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 640 },
            children: [run(chineseDate(now), FONT_BODY, SIZE_3)],
          }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return { fileName: `审批通知-${enterprise.name}-${input.year}.docx`, buffer: Buffer.from(buffer), number };
}
