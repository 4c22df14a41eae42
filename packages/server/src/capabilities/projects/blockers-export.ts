/** The project problems (直通车) as .xlsx, with the filters the page applied. */
import type { BlockerCategory, BlockerQueryReq, BlockerStatus } from "@beizeng/contract/projects";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { beijingMinute, buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { listBlockers } from "./projects-blockers.service";

const CATEGORY_LABELS: Record<BlockerCategory, string> = {
  land: "用地",
  approval: "审批",
  utilities: "水电气",
  financing: "融资",
  other: "其他",
};
const STATUS_LABELS: Record<BlockerStatus, string> = { open: "待答复", answered: "已答复", closed: "已办结" };

type BlockerItem = Awaited<ReturnType<typeof listBlockers>>["items"][number];

/** A stored ISO instant as the district reads it: China time (UTC+8), to the minute. */
function chinaTime(iso: string | null): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : beijingMinute(new Date(ms));
}

export async function exportBlockers(db: DbContext, user: AuthUser, query: BlockerQueryReq, reply: FastifyReply) {
  const { items } = await listBlockers(db, user, query);
  const buffer = await buildTableXlsx<BlockerItem>({
    title: "项目问题",
    filters: [
      { label: "状态", value: query.status ? STATUS_LABELS[query.status] : "" },
      { label: "范围", value: query.mine && user.unitId !== null ? "本单位办理" : "" },
      { label: "逾期", value: query.overdue ? "仅逾期" : "" },
    ],
    columns: [
      { header: "项目编号", value: (b) => b.projectCode, width: 16 },
      { header: "项目名称", value: (b) => b.projectName, width: 32 },
      { header: "问题类型", value: (b) => CATEGORY_LABELS[b.category] },
      { header: "问题描述", value: (b) => b.description, width: 40 },
      { header: "责任单位", value: (b) => b.unit.name, width: 20 },
      { header: "办理时限", value: (b) => b.dueOn },
      { header: "逾期", value: (b) => b.overdue },
      { header: "状态", value: (b) => STATUS_LABELS[b.status] },
      { header: "答复", value: (b) => b.answer ?? "", width: 40 },
      { header: "答复时间", value: (b) => chinaTime(b.answeredAt), width: 18 },
      { header: "办结日期", value: (b) => b.closedOn ?? "" },
      { header: "提出时间", value: (b) => chinaTime(b.createdAt), width: 18 },
    ],
    rows: items,
  });
  return sendDownload(reply, { fileName: "项目问题.xlsx", contentType: CONTENT_TYPES.xlsx, body: buffer });
}
