/** The enterprise requests as .xlsx, with the filters the page applied. */
import type { RequestQueryReq } from "@beizeng/contract/requests";
import { findRequestCategory } from "@beizeng/domain/requests/categories";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { beijingMinute, buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { listAllRequests, type RequestView } from "./enterprise-requests.service";

/** What a category the plan no longer has is called, rather than its bare id. */
const RETIRED_CATEGORY_LABEL = "已停用的类别";
export const STATUS_LABELS: Record<string, string> = {
  submitted: "待交办",
  assigned: "待受理",
  accepted: "办理中",
  answered: "已答复",
  closed: "已办结",
};
const RATING_LABELS: Record<string, string> = { satisfied: "满意", basically: "基本满意", unsatisfied: "不满意" };
const CHANNEL_LABELS: Record<string, string> = {
  enterprise: "企业提交",
  office: "办公室登记",
  leader: "挂点领导登记",
  service_day: "企业服务日",
};
const LIGHT_LABELS: Record<string, string> = { green: "正常", yellow: "黄色预警", red: "红色预警" };

/** A stored ISO instant as the district reads it: China time (UTC+8), to the minute. */
function chinaTime(iso: string | null): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : beijingMinute(new Date(ms));
}

export async function exportRequests(db: DbContext, user: AuthUser, query: RequestQueryReq, reply: FastifyReply) {
  const items = await listAllRequests(db, user, query);
  const categories = (await readActivePlan(db, user.districtId))?.plan.requestCategories ?? [];
  const categoryName = (id: string) => findRequestCategory(categories, id)?.name ?? RETIRED_CATEGORY_LABEL;
  const unitName =
    query.unit !== undefined ? (items.find((i) => i.unit?.id === query.unit)?.unit?.name ?? String(query.unit)) : "";
  const enterpriseName =
    query.enterprise !== undefined
      ? (items.find((i) => i.enterprise.id === query.enterprise)?.enterprise.name ?? String(query.enterprise))
      : "";
  const buffer = await buildTableXlsx<RequestView>({
    title: "企业诉求",
    filters: [
      { label: "状态", value: query.status ? (STATUS_LABELS[query.status] ?? query.status) : "" },
      { label: "类别", value: query.category ? categoryName(query.category) : "" },
      { label: "责任单位", value: unitName },
      { label: "企业", value: enterpriseName },
      { label: "逾期", value: query.overdue ? "仅逾期" : "" },
      { label: "评价", value: query.unsatisfied ? "不满意待处理" : "" },
      {
        label: "范围",
        value: query.mine ? (user.role === "leader" ? "挂点企业" : user.role === "unit" ? "本单位主办" : "") : "",
      },
      { label: "关键词", value: query.q ?? "" },
    ],
    columns: [
      { header: "编号", value: (r) => r.id, kind: "count", width: 8 },
      { header: "企业", value: (r) => r.enterprise.name, width: 28 },
      { header: "统一社会信用代码", value: (r) => r.enterprise.creditCode, width: 22 },
      { header: "类别", value: (r) => categoryName(r.category) },
      { header: "标题", value: (r) => r.title, width: 30 },
      { header: "诉求内容", value: (r) => r.content, width: 50 },
      { header: "来源", value: (r) => CHANNEL_LABELS[r.channel] ?? r.channel },
      { header: "提出时间", value: (r) => chinaTime(r.createdAt), width: 18 },
      { header: "主办单位", value: (r) => r.unit?.name ?? "", width: 20 },
      { header: "协办单位", value: (r) => r.coUnits.map((c) => c.name).join("、"), width: 24 },
      { header: "办理时限", value: (r) => r.deadline ?? "" },
      { header: "状态", value: (r) => STATUS_LABELS[r.status] ?? r.status },
      { header: "预警", value: (r) => (r.light ? LIGHT_LABELS[r.light] : "") },
      { header: "逾期天数", value: (r) => (r.overdueDays > 0 ? r.overdueDays : null), kind: "count" },
      { header: "答复", value: (r) => r.answer ?? "", width: 50 },
      { header: "答复时间", value: (r) => chinaTime(r.answeredAt), width: 18 },
      { header: "超时答复", value: (r) => (r.answeredAt ? r.answeredLate : null) },
      { header: "企业评价", value: (r) => (r.rating ? RATING_LABELS[r.rating] : "") },
      { header: "评价意见", value: (r) => r.ratingComment ?? "", width: 30 },
      { header: "重新交办次数", value: (r) => r.reopenCount, kind: "count" },
      { header: "办结时间", value: (r) => chinaTime(r.closedAt), width: 18 },
    ],
    rows: items,
  });
  return sendDownload(reply, { fileName: "企业诉求.xlsx", contentType: CONTENT_TYPES.xlsx, body: buffer });
}
