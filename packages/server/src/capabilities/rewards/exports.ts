/**
 * The payment list of the rewards workflow (.xlsx, amounts exact in 元). The approval notice, an official
 * document, is `approval-notice.ts`.
 */
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildXlsx } from "../../platform/exports/table-export";
import { findAllEntitlements } from "./rewards.repository";
import { activePlan, ruleCatalog, STATUS_LABELS } from "./shared";

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
