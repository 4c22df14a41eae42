/**
 * What the office and the bureaus keep for the district as a whole: the yearly fixed-asset investment and its
 * manufacturing part (T-M5, entered by 区统计局), the list of enterprise-related service items and whether each
 * can be done online (T-M9), and the yearly rewards budget.
 *
 * Fixed figures, not drawn: the manufacturing share climbs from 38.8 % (2019) past the plan's 50 % in 2023,
 * and 44 of 46 service items are online (95.7 %: the 力争 100 % is not reached yet).
 */
import { parseAmountInUnit } from "@beizeng/domain/money";
import type { DemoInvestmentYear, DemoRewardBudget, DemoServiceItem } from "./generate";

const YUAN_PER_WAN = 10_000n;

/** 全社会固定资产投资 and 制造业投资 per year, in 万元 as the statistics bureau publishes them. */
const INVESTMENT_WAN: readonly [number, string, string][] = [
  [2019, "1286450.00", "498731.26"],
  [2020, "1312877.40", "531296.85"],
  [2021, "1421906.52", "618544.18"],
  [2022, "1538420.73", "729481.06"],
  [2023, "1657315.91", "845263.47"],
];

export function makeInvestmentYears(): DemoInvestmentYear[] {
  return INVESTMENT_WAN.map(([year, total, manufacturing]) => ({
    year,
    totalFen: parseAmountInUnit(total, YUAN_PER_WAN),
    manufacturingFen: parseAmountInUnit(manufacturing, YUAN_PER_WAN),
  }));
}

/** Item names per unit (the unit's name in the plan); items marked false can only be done at a counter. */
const SERVICE_ITEMS: readonly [string, readonly (string | [string, false])[]][] = [
  [
    "区市场监督管理局",
    [
      "企业设立登记",
      "企业变更登记",
      "企业注销登记",
      "食品生产许可",
      "工业产品生产许可证申请受理",
      "特种设备使用登记",
      ["计量器具强制检定", false],
    ],
  ],
  [
    "区税务局",
    [
      "发票领用",
      "增值税纳税申报",
      "企业所得税汇算清缴",
      "房产税城镇土地使用税申报",
      "出口退（免）税备案",
      "纳税信用证明开具",
    ],
  ],
  ["区行政服务中心", ["企业开办一件事", "工程建设项目联合审批", "水电气网报装联办", "印章刻制备案"]],
  ["区发改委", ["企业投资项目备案", "固定资产投资项目节能审查"]],
  ["区工信局", ["工业企业技术改造项目备案", "专精特新中小企业申报", "两化融合管理体系贯标申报"]],
  ["区统计局", ["规模以上工业企业入库申报", "统计联网直报账号开通"]],
  ["区商务局", ["外商投资企业信息报告", "对外贸易经营者备案登记", "招商引资项目政策兑现申请"]],
  ["区财政局", ["惠企资金兑付查询", "政府采购供应商注册"]],
  ["区金融办", ["企业上市挂牌辅导备案", "企业应急转贷资金申请"]],
  ["昌江生态环境局", ["建设项目环境影响评价审批", "排污许可证申领", ["危险废物转移联单审批", false]]],
  ["区应急管理局", ["安全生产标准化达标申请", "危险化学品经营许可", "生产安全事故应急预案备案"]],
  ["市自然资源和规划局昌江分局", ["建设用地规划许可", "建设工程规划许可", "企业不动产登记"]],
  ["区科技局", ["高新技术企业认定推荐", "科技型中小企业评价入库", "企业研发费用补助申请"]],
  ["区人社局", ["企业职工参保登记", "稳岗返还申请", "就业见习基地认定"]],
];

/** The service items, coded QYFW-001…; a unit missing from the plan leaves its items without a unit. */
export function makeServiceItems(unitCodeOf: (name: string) => string | null): DemoServiceItem[] {
  const items: DemoServiceItem[] = [];
  for (const [unitName, names] of SERVICE_ITEMS) {
    for (const entry of names) {
      const [name, online] = typeof entry === "string" ? [entry, true] : entry;
      items.push({
        code: `QYFW-${String(items.length + 1).padStart(3, "0")}`,
        name,
        unitCode: unitCodeOf(unitName),
        online,
      });
    }
  }
  return items;
}

/** The rewards budget of each plan year, set by the office at the start of the year. */
export function makeRewardBudgets(): DemoRewardBudget[] {
  return [
    { year: 2021, amountFen: 1_500n * 1_000_000n, note: "年初预算，区财政安排工业倍增奖励资金" },
    { year: 2022, amountFen: 1_800n * 1_000_000n, note: "年初预算，区财政安排工业倍增奖励资金" },
    { year: 2023, amountFen: 2_200n * 1_000_000n, note: "年初预算，区财政安排工业倍增奖励资金（含年中追加 200 万元）" },
  ];
}
