/**
 * The talent ledger's tables as .xlsx: the people (masked, or in full for the keeper who asks, that export
 * audited), the job posts and the recommendations (as the caller reads them).
 */
import type { JobPost, Recommendation, TalentPerson } from "@beizeng/contract/talent";
import { EDUCATION_WORDS } from "@beizeng/domain/talent/vocabulary";
import type { FastifyReply } from "fastify";
import type { Actor } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { listJobPosts, listRecommendations, OUTCOME_WORDS, talentPeopleForExport } from "./talent.service";

async function send(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return sendDownload(reply, { fileName, contentType: CONTENT_TYPES.xlsx, body: buffer });
}

export async function exportTalentPeople(
  db: DbContext,
  user: AuthUser,
  unmasked: boolean,
  actor: Actor,
  reply: FastifyReply,
) {
  const { people, full } = await talentPeopleForExport(db, user, unmasked, actor);
  const buffer = await buildTableXlsx<TalentPerson>({
    title: "返乡人才台账",
    filters: [{ label: "个人信息", value: full ? "完整（已记入审计日志）" : "已脱敏" }],
    columns: [
      { header: "姓名", value: (r) => full?.get(r.id)?.name ?? r.name, width: 10 },
      { header: "手机号", value: (r) => full?.get(r.id)?.phone ?? r.phone, width: 14 },
      { header: "来源乡镇（街道）", value: (r) => r.originTown.name, width: 14 },
      { header: "学历", value: (r) => EDUCATION_WORDS[r.education][0], width: 10 },
      { header: "技能特长", value: (r) => r.skills.join("、"), width: 28 },
      { header: "工作经历", value: (r) => r.experience, width: 36 },
      { header: "就业意向", value: (r) => r.wishedWork, width: 20 },
      { header: "意向地点", value: (r) => r.wishedPlace?.name ?? "", width: 14 },
      { header: "期望月薪（元）", value: (r) => r.wishedPay, kind: "count", width: 12 },
      { header: "同意日期", value: (r) => r.consentOn ?? "未同意", width: 12 },
      { header: "已录用", value: (r) => (r.placed ? "是" : "否"), width: 8 },
      { header: "推荐次数", value: (r) => r.recommendations, kind: "count", width: 8 },
      { header: "登记单位", value: (r) => r.recordedBy.name, width: 16 },
      { header: "登记日期", value: (r) => r.recordedOn, width: 12 },
    ],
    rows: people,
  });
  return send(reply, full ? "返乡人才台账（完整）.xlsx" : "返乡人才台账.xlsx", buffer);
}

export async function exportJobPosts(db: DbContext, user: AuthUser, reply: FastifyReply) {
  const { posts } = await listJobPosts(db, user);
  const buffer = await buildTableXlsx<JobPost>({
    title: "企业岗位信息",
    columns: [
      { header: "企业", value: (r) => r.enterprise.name, width: 28 },
      { header: "岗位", value: (r) => r.title, width: 20 },
      { header: "技能要求", value: (r) => r.skills.join("、"), width: 28 },
      { header: "最低月薪（元）", value: (r) => r.payMin, kind: "count", width: 12 },
      { header: "最高月薪（元）", value: (r) => r.payMax, kind: "count", width: 12 },
      { header: "工作地点", value: (r) => r.place.name, width: 14 },
      { header: "招聘人数", value: (r) => r.headcount, kind: "count", width: 8 },
      { header: "状态", value: (r) => (r.status === "open" ? "招聘中" : "已停止"), width: 8 },
      { header: "发布日期", value: (r) => r.postedOn, width: 12 },
      { header: "已推荐", value: (r) => r.recommended, kind: "count", width: 8 },
      { header: "已录用", value: (r) => r.hired, kind: "count", width: 8 },
      { header: "岗位说明", value: (r) => r.description, width: 36 },
    ],
    rows: posts,
  });
  return send(reply, "企业岗位信息.xlsx", buffer);
}

export async function exportRecommendations(db: DbContext, user: AuthUser, actor: Actor, reply: FastifyReply) {
  const { recommendations } = await listRecommendations(db, user, actor);
  const buffer = await buildTableXlsx<Recommendation>({
    title: "岗位推荐记录",
    columns: [
      { header: "企业", value: (r) => r.post.enterprise, width: 28 },
      { header: "岗位", value: (r) => r.post.title, width: 20 },
      { header: "姓名", value: (r) => r.name, width: 10 },
      { header: "手机号", value: (r) => r.phone, width: 14 },
      { header: "学历", value: (r) => (r.education ? EDUCATION_WORDS[r.education][0] : ""), width: 10 },
      { header: "技能特长", value: (r) => r.skills.join("、"), width: 28 },
      { header: "推荐日期", value: (r) => r.recommendedOn, width: 12 },
      { header: "结果", value: (r) => OUTCOME_WORDS[r.outcome], width: 10 },
      { header: "结果日期", value: (r) => r.outcomeOn ?? "", width: 12 },
      { header: "说明", value: (r) => r.note, width: 36 },
    ],
    rows: recommendations,
  });
  return send(reply, "岗位推荐记录.xlsx", buffer);
}
