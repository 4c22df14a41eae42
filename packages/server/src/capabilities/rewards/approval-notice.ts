/**
 * The approval notice (审批通知) of an enterprise's approved (or paid) rewards of one year: an official document in
 * the GB/T 9704 layout (platform/documents), written once as content and printed as .docx or PDF. The issuer is the
 * plan's leading group's office, the procedure and the paying unit are the plan's award workflow's steps, each
 * reward is named as the plan names its rule, with its basis and arithmetic (amounts in 万元 as the reward's page
 * writes them), amounts exact in 元 with separators. Issuing takes the
 * next document number of the year (in Beijing time) and is audited, whichever the format.
 */
import { groupedYuan } from "@beizeng/domain/money";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { arithmeticForDisplay } from "@beizeng/domain/rewards/arithmetic-text";
import type { Explanation } from "@beizeng/domain/rewards/types";
import { type AwardWorkflow, stepActorText } from "@beizeng/domain/rewards/workflow";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { bodyParagraph, heading1, type OfficialDocument, tableBlock } from "../../platform/documents/official-document";
import { renderOfficialDocx } from "../../platform/documents/official-docx";
import { renderOfficialPdf } from "../../platform/documents/official-pdf";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { beijingDay } from "../../platform/exports/table-export";
import { renderStoredExplanations } from "./explanations";
import { findAllEntitlements, findEnterpriseBrief, insertNotice } from "./rewards.repository";
import { callerOf, workflowPlan } from "./shared";
import { mayIssueNotice } from "./workflow";

export type NoticeFormat = "docx" | "pdf";

/** The issuer: the leading group's office, named from the plan's units. */
export function issuerName(plan: PlanFile): string {
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

function explanationText(explanation: Explanation | null): string {
  if (!explanation) return "";
  return [explanation.zh, explanation.arithmetic && arithmeticForDisplay(explanation.arithmetic, "zh-CN")]
    .filter(Boolean)
    .join("；");
}

/**
 * Issues the approval notice of an enterprise's approved (or paid) entitlements of a year, as .docx or PDF: the
 * caller must be one who may issue it (the office, or the paying unit), the enterprise must have such rewards.
 */
export async function issueApprovalNotice(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  input: { enterpriseId: number; year: number; format?: NoticeFormat },
): Promise<{ fileName: string; buffer: Buffer; number: string }> {
  const context = await workflowPlan(db, user.districtId);
  const { plan, catalog, workflow } = context;
  if (!mayIssueNotice(context, await callerOf(db, user))) {
    const who = [issuerName(plan), ...payerNames(plan, workflow)].join("或");
    throw forbidden(`只有${who}可以出具审批通知`);
  }
  if (input.year < 1990 || input.year > 2100) throw badRequest("年度有误");
  const enterprise = await findEnterpriseBrief(db, user.districtId, input.enterpriseId);
  if (!enterprise) throw notFound("未找到该企业");
  const rows = await findAllEntitlements(db, {
    districtId: user.districtId,
    enterpriseId: enterprise.id,
    year: input.year,
    statuses: ["approved", "paid"],
  });
  if (rows.length === 0) throw conflict(`${enterprise.name} ${input.year} 年度尚无已审批的奖励，不能出具审批通知`);

  const today = beijingDay(new Date());
  const issueYear = Number(today.slice(0, 4));
  const serial = await inTransaction(db, async (tx) => {
    const issued = await insertNotice(tx, {
      district_id: user.districtId,
      year: issueYear,
      enterprise_id: enterprise.id,
      issued_by: user.id,
      issued_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "issue",
      entityType: "reward_notice",
      entityId: `${issueYear}-${issued}`,
      after: { enterpriseId: enterprise.id, year: input.year, entitlements: rows.map((row) => row.id) },
    });
    return issued;
  });

  const issuer = issuerName(plan);
  const number = `${plan.district.name.slice(0, 1)}倍办字〔${issueYear}〕${serial}号`;
  let total = 0n;
  for (const row of rows) if (row.amount_fen !== null) total += BigInt(row.amount_fen);
  const explanations = await renderStoredExplanations(
    db,
    user.districtId,
    rows.map((row) => row.explanation_json),
  );
  const bank = rows.find((row) => row.bank_account_no);
  const payer = payerNames(plan, workflow).join("、") || "财政部门";

  const document: OfficialDocument = {
    issuerMark: issuer,
    number,
    title: `关于兑现${enterprise.name}${input.year}年度工业倍增奖励的审批通知`,
    addressees: `${enterprise.name}：`,
    body: [
      bodyParagraph(
        `根据《${plan.title}》${plan.document.number ? `（${plan.document.number}）` : ""}的规定，经依据统计、税务等部门数据测算，并经${procedureText(plan, workflow)}，你单位 ${input.year} 年度应享受下列奖励，合计 ${groupedYuan(total)} 元。奖励实行免申即享，无需另行申请。`,
      ),
      heading1("一、奖励明细"),
      tableBlock({
        caption: `表  ${enterprise.name} ${input.year} 年度奖励明细`,
        unitLine: "单位：元",
        header: ["序号", "奖励事项", "条款", "依据与计算", "金额"],
        widths: [7, 23, 8, 37, 14],
        rows: [
          ...rows.map((row, index) => [
            String(index + 1),
            catalog.get(row.rule_id)?.name ?? row.rule_id,
            row.clause,
            explanationText(explanations[index] ?? null),
            row.amount_fen === null ? "—" : groupedYuan(BigInt(row.amount_fen)),
          ]),
          ["合计", "", "", `共 ${rows.length} 项`, groupedYuan(total)],
        ],
        source: `倍增平台奖励测算（统一社会信用代码 ${enterprise.credit_code}）`,
      }),
      heading1("二、资金拨付"),
      bodyParagraph(
        bank
          ? `奖励资金由${payer}拨付至你单位确认的账户（开户名：${bank.bank_account_name ?? ""}；开户银行：${bank.bank_name ?? ""}；账号：${bank.bank_account_no ?? ""}）。如账户信息有误，请及时在平台上更正。`
          : `请在平台上确认奖励并填写收款账户，奖励资金由${payer}拨付。`,
      ),
      bodyParagraph("特此通知。"),
    ],
    signature: issuer,
    date: today,
  };
  const format = input.format ?? "docx";
  const buffer = format === "pdf" ? await renderOfficialPdf(document) : await renderOfficialDocx(document);
  return { fileName: `审批通知-${enterprise.name}-${input.year}.${format}`, buffer, number };
}
