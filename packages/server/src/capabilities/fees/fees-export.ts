/** The fee list's tables as .xlsx: the items kept, a published version, the complaints and the inspections. */
import type { FeeComplaint, FeeInspection, FeeItem, PublishedFee } from "@beizeng/contract/fees";
import { groupedYuan } from "@beizeng/domain/money";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import {
  FEE_ITEM_STATUS_LABELS,
  listFeeComplaints,
  listFeeInspections,
  listFeeItems,
  publicFeeList,
} from "./fees.service";

const KIND_LABELS = { unlisted: "清单外收费", aboveStandard: "超标准收费" } as const;
const STATUS_LABELS: Record<string, string> = {
  submitted: "待交办",
  assigned: "待受理",
  accepted: "办理中",
  answered: "已答复",
  closed: "已办结",
};
const RESULT_LABELS = { compliant: "合规", violation: "发现违规" } as const;
const ACCOUNTABILITY_LABELS = {
  talk: "约谈",
  criticism: "通报批评",
  refund: "责令退费",
  referral: "移送纪检监察",
} as const;

/** Fen as exact yuan with separators: a charge is read to the fen, its column says 元. */
function yuanText(fen: string | null): string {
  return fen === null ? "" : groupedYuan(BigInt(fen));
}

async function send(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return sendDownload(reply, { fileName, contentType: CONTENT_TYPES.xlsx, body: buffer });
}

export async function exportFeeItems(db: DbContext, user: AuthUser, reply: FastifyReply) {
  const { items } = await listFeeItems(db, user);
  const buffer = await buildTableXlsx<FeeItem>({
    title: "涉企收费项目",
    columns: [
      { header: "收费项目", value: (r) => r.name, width: 28 },
      { header: "收费单位", value: (r) => r.chargingUnit, width: 22 },
      { header: "收费依据", value: (r) => r.legalBasis, width: 40 },
      { header: "收费标准", value: (r) => r.standard, width: 30 },
      { header: "生效日期", value: (r) => r.effectiveFrom },
      { header: "失效日期", value: (r) => r.effectiveTo ?? "" },
      { header: "状态", value: (r) => FEE_ITEM_STATUS_LABELS[r.status] },
    ],
    rows: items,
  });
  return send(reply, "涉企收费项目.xlsx", buffer);
}

export async function exportPublicFeeList(
  db: DbContext,
  query: { district?: string | undefined; version?: number | undefined; date?: string | undefined },
  reply: FastifyReply,
) {
  const list = await publicFeeList(db, query);
  const buffer = await buildTableXlsx<PublishedFee>({
    title: `${list.district.name}涉企收费清单`,
    filters: [
      {
        label: "版本",
        value: list.version ? `第 ${list.version.number} 版（${list.version.publishedOn} 发布）` : "尚未发布",
      },
    ],
    columns: [
      { header: "序号", value: (r) => r.position, kind: "count", width: 8 },
      { header: "收费项目", value: (r) => r.name, width: 28 },
      { header: "收费单位", value: (r) => r.chargingUnit, width: 22 },
      { header: "收费依据", value: (r) => r.legalBasis, width: 40 },
      { header: "收费标准", value: (r) => r.standard, width: 30 },
      { header: "生效日期", value: (r) => r.effectiveFrom },
      { header: "失效日期", value: (r) => r.effectiveTo ?? "" },
    ],
    rows: list.items,
  });
  return send(reply, "涉企收费清单.xlsx", buffer);
}

export async function exportFeeComplaints(db: DbContext, user: AuthUser, reply: FastifyReply) {
  const { items } = await listFeeComplaints(db, user);
  const buffer = await buildTableXlsx<FeeComplaint>({
    title: "涉企收费投诉",
    columns: [
      { header: "诉求编号", value: (r) => r.requestId, kind: "count", width: 10 },
      { header: "企业", value: (r) => r.enterprise.name, width: 28 },
      { header: "投诉类型", value: (r) => KIND_LABELS[r.kind] },
      { header: "收费名称", value: (r) => r.feeName, width: 24 },
      { header: "收费单位", value: (r) => r.chargedBy, width: 22 },
      { header: "收费金额（元）", value: (r) => yuanText(r.amountFen) },
      { header: "收费日期", value: (r) => r.chargedOn },
      { header: "清单标准", value: (r) => r.feeItem?.standard ?? "", width: 24 },
      { header: "主办单位", value: (r) => r.unit ?? "", width: 20 },
      { header: "办理时限", value: (r) => r.deadline ?? "" },
      { header: "状态", value: (r) => STATUS_LABELS[r.status] ?? "" },
      { header: "逾期天数", value: (r) => (r.overdueDays > 0 ? r.overdueDays : null), kind: "count" },
      { header: "答复", value: (r) => r.answer ?? "", width: 40 },
    ],
    rows: items,
  });
  return send(reply, "涉企收费投诉.xlsx", buffer);
}

export async function exportFeeInspections(db: DbContext, user: AuthUser, reply: FastifyReply) {
  const { items } = await listFeeInspections(db, user);
  const buffer = await buildTableXlsx<FeeInspection>({
    title: "涉企收费监督检查与问责",
    columns: [
      { header: "检查日期", value: (r) => r.inspectedOn },
      { header: "被检查单位", value: (r) => r.inspectedUnit, width: 22 },
      { header: "检查内容", value: (r) => r.scope, width: 30 },
      { header: "检查结论", value: (r) => RESULT_LABELS[r.result] },
      { header: "检查发现", value: (r) => r.findings, width: 40 },
      { header: "问责方式", value: (r) => (r.accountability ? ACCOUNTABILITY_LABELS[r.accountability] : "") },
      { header: "问责日期", value: (r) => r.accountabilityOn ?? "" },
      { header: "问责情况", value: (r) => r.accountabilityNote, width: 30 },
      { header: "退还金额（元）", value: (r) => yuanText(r.refundFen) },
      { header: "记录人", value: (r) => r.recordedBy },
    ],
    rows: items,
  });
  return send(reply, "涉企收费监督检查.xlsx", buffer);
}
