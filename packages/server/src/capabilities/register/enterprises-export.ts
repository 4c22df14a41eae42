/**
 * .xlsx exports of the enterprise list (with its filters) and of one enterprise's figures. The product's words
 * are labelled here; the chains are named as the district's plan names them.
 */
import type { ChainRoleEntry, EnterpriseFilter, EnterpriseSummary } from "@beizeng/contract/register";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { requireActivePlan } from "../../platform/plan/plan-reader";
import { CHAIN_ROLE_LABELS, chainLeaders } from "./chain-roles.service";
import { chainNameIn } from "./enterprise-chains";
import { getEnterprise, listEnterprises } from "./enterprises.service";
import { findUnitBrief } from "./enterprises-register.repository";

const EXPORT_LIMIT = 50_000;

/** Chinese labels for the export's headers and filter lines. */
const LABELS = {
  status: { above: "规上", reserve: "后备库", other: "其他" },
  listing: { display: "挂牌展示", shareholding: "股改", neeq: "新三板", domestic: "境内上市", overseas: "境外上市" },
  designation: {
    specialized: "专精特新",
    little_giant: "小巨人",
    single_champion: "单项冠军",
    integration: "两化融合",
  },
  level: { national: "国家级", provincial: "省级", municipal: "市级" },
  metric: {
    revenue: "营业收入",
    tax: "入库税收",
    output: "工业总产值",
    value_added: "工业增加值",
    profit: "利润总额",
    employees: "从业人员",
    fixed_asset_investment: "固定资产投资",
    manufacturing_investment: "其中制造业投资",
  },
  source: { import: "导入", entry: "录入", self_report: "企业自报", demo: "演示" },
} as const;

function label<T extends Record<string, string>>(labels: T, code: string | null | undefined): string {
  return code ? ((labels as Record<string, string>)[code] ?? code) : "";
}

export async function exportEnterpriseList(
  db: DbContext,
  user: AuthUser,
  filters: EnterpriseFilter,
  reply: FastifyReply,
) {
  const page = await listEnterprises(db, user, { ...filters, page: 1, pageSize: EXPORT_LIMIT });
  const { plan } = await requireActivePlan(db, user.districtId);
  const chainName = (chainId: string | undefined) => (chainId ? chainNameIn(plan, chainId) : "");
  const town = filters.town === undefined ? undefined : await findUnitBrief(db, filters.town);
  const buffer = await buildTableXlsx<EnterpriseSummary>({
    title: "企业名录",
    filters: [
      { label: "关键词", value: filters.q ?? "" },
      { label: "产业链", value: chainName(filters.chain) },
      { label: "乡镇（街道）", value: town?.name ?? "" },
      { label: "规上状态", value: label(LABELS.status, filters.status) },
      { label: "年份", value: filters.year ? String(filters.year) : "" },
      { label: "认定", value: label(LABELS.designation, filters.designation) },
      { label: "链主骨干", value: label(CHAIN_ROLE_LABELS, filters.chainRole) },
      { label: "重点企业", value: filters.key === undefined ? "" : filters.key ? "是" : "否" },
      { label: "上市进程", value: label(LABELS.listing, filters.listing) },
      { label: "距规上门槛", value: filters.reserveWithin === undefined ? "" : `${filters.reserveWithin} 万元以内` },
      { label: "挂点", value: filters.mine ? "本人挂点" : "" },
    ],
    columns: [
      { header: "企业名称", value: (e) => e.name, width: 32 },
      { header: "统一社会信用代码", value: (e) => e.creditCode, width: 22 },
      { header: "产业链", value: (e) => chainName(e.chainId) },
      { header: "乡镇（街道）", value: (e) => e.town?.name ?? "" },
      { header: "行业代码", value: (e) => e.industryCode ?? "" },
      { header: "规上状态", value: (e) => label(LABELS.status, e.scale?.status) },
      { header: "状态年份", value: (e) => e.scale?.year ?? null, kind: "count" },
      { header: "最新年度营业收入", value: (e) => e.latestRevenueFen, kind: "money" },
      { header: "距规上门槛", value: (e) => e.reserveDistanceFen, kind: "money" },
      { header: "重点企业", value: (e) => e.isKey },
      { header: "挂点领导", value: (e) => e.leader?.name ?? "" },
      { header: "上市进程", value: (e) => label(LABELS.listing, e.listingStage) },
    ],
    rows: page.items,
  });
  return sendDownload(reply, { fileName: "企业名录.xlsx", contentType: CONTENT_TYPES.xlsx, body: buffer });
}

export async function exportEnterpriseFigures(db: DbContext, user: AuthUser, id: number, reply: FastifyReply) {
  const enterprise = await getEnterprise(db, user, id);
  type Row = (typeof enterprise.figures)[number];
  const money = new Set([
    "revenue",
    "tax",
    "output",
    "value_added",
    "profit",
    "fixed_asset_investment",
    "manufacturing_investment",
  ]);
  const buffer = await buildTableXlsx<Row>({
    title: `${enterprise.name} 经营数据`,
    filters: [{ label: "统一社会信用代码", value: enterprise.creditCode }],
    columns: [
      { header: "年份", value: (f) => f.year, kind: "count" },
      { header: "月份", value: (f) => (f.month === 0 ? "全年" : `${f.month}月`) },
      { header: "指标", value: (f) => label(LABELS.metric, f.metric) },
      // Money in 万元 and counts side by side: one column each keeps the unit in the header.
      { header: "金额", value: (f) => (money.has(f.metric) ? f.value : null), kind: "money" },
      { header: "人数", value: (f) => (money.has(f.metric) ? null : f.value), kind: "count" },
      { header: "来源", value: (f) => label(LABELS.source, f.sourceKind) },
      { header: "来源文件或账号", value: (f) => f.sourceRef ?? "", width: 28 },
      { header: "正式数据", value: (f) => f.official },
      { header: "已更正", value: (f) => f.supersededBy !== null },
      { header: "记录时间", value: (f) => f.recordedAt, width: 24 },
    ],
    rows: enterprise.figures,
  });
  return sendDownload(reply, {
    fileName: `${enterprise.name}经营数据.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: buffer,
  });
}

/** A year's chain-leader and backbone enterprises, with the source of each designation. */
export async function exportChainRoles(db: DbContext, user: AuthUser, year: number | undefined, reply: FastifyReply) {
  const leaders = await chainLeaders(db, user, year);
  const buffer = await buildTableXlsx<ChainRoleEntry>({
    title: "产业链链主型、骨干型企业",
    filters: [{ label: "认定年度", value: leaders.year === null ? "尚无认定" : String(leaders.year) }],
    columns: [
      { header: "产业链", value: (r) => r.chainName },
      { header: "企业类型", value: (r) => CHAIN_ROLE_LABELS[r.role] },
      { header: "企业名称", value: (r) => r.enterprise.name, width: 32 },
      { header: "统一社会信用代码", value: (r) => r.enterprise.creditCode, width: 22 },
      { header: "认定年度", value: (r) => r.year, kind: "count" },
      { header: "认定来源", value: (r) => r.source, width: 40 },
    ],
    rows: leaders.entries,
  });
  return sendDownload(reply, {
    fileName: "产业链链主型骨干型企业.xlsx",
    contentType: CONTENT_TYPES.xlsx,
    body: buffer,
  });
}
