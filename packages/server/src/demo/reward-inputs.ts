/**
 * The inputs of the reward rules that the figures do not hold: support funds received (R-MATCH), technical-
 * transformation projects (R-TECH) and one-off events (R-LISTED-MOVE, R-500).
 *
 * Chosen to show each rule paying and not paying: grants of every level, two before the plan (not paid) and
 * one whose share ends in half a fen (rounded up); tech projects at exactly 300万 (paid, the threshold is
 * inclusive), one fen and one hundred yuan below it (not paid), and two that received tech funds (not paid,
 * their grants are listed too).
 */
import { parseYuan } from "@beizeng/domain/money";
import type {
  DemoEnterprise,
  DemoEnterpriseEvent,
  DemoGrant,
  DemoProject,
  DemoTechProject,
  GovernmentLevel,
} from "./generate";
import type { SeededRandom } from "./random";

/** Year, level and purpose of each grant; amounts are drawn per level. */
const GRANTS: readonly [number, GovernmentLevel, DemoGrant["purpose"]][] = [
  [2020, "provincial", "project"],
  [2020, "municipal", "tech"],
  [2021, "national", "project"],
  [2021, "provincial", "project"],
  [2021, "municipal", "project"],
  [2021, "provincial", "tech"],
  [2022, "national", "project"],
  [2022, "provincial", "project"],
  [2022, "municipal", "project"],
  [2022, "municipal", "project"],
  [2022, "municipal", "tech"],
  [2023, "national", "project"],
  [2023, "provincial", "project"],
  [2023, "provincial", "project"],
  [2023, "municipal", "project"],
  [2023, "municipal", "project"],
];

/** Amount ranges per level, in whole 百元 (hundreds of yuan). */
const GRANT_RANGES: Record<GovernmentLevel, [number, number]> = {
  national: [30_000, 120_000],
  provincial: [5_000, 50_000],
  municipal: [1_000, 15_000],
};

/** Issuers of funding documents per level (synthetic document numbers). */
const DOCUMENT_PREFIX: Record<GovernmentLevel, string> = {
  national: "财建",
  provincial: "赣财建",
  municipal: "景财企",
};

/** A municipal grant whose 10 % share is 33,670.505 元: the reward rounds it half-up to 33,670.51 元. */
const HALF_FEN_GRANT_YUAN = "336705.05";

export function makeGrants(random: SeededRandom, ranked: readonly DemoEnterprise[]): DemoGrant[] {
  const recipients = random.shuffled(ranked.slice(1, 36)).slice(0, 11);
  let serial = 10;
  return GRANTS.map(([year, level, purpose], index) => {
    const [from, to] = GRANT_RANGES[level];
    serial += random.int(3, 19);
    const isLast = index === GRANTS.length - 1;
    return {
      creditCode: recipients[index % recipients.length]!.creditCode,
      code: `${DOCUMENT_PREFIX[level]}〔${year}〕${serial}号`,
      year,
      level,
      purpose,
      amountFen: isLast ? parseYuan(HALF_FEN_GRANT_YUAN) : BigInt(random.int(from, to)) * 100n * 100n,
    };
  });
}

/** Year, investment (yuan) and whether the project received tech funds (then its enterprise has a tech grant). */
const TECH_PROJECTS: readonly [number, string, boolean][] = [
  [2020, "4500000.00", false],
  [2021, "3000000.00", false],
  [2021, "6800000.00", true],
  [2021, "12500000.00", false],
  [2022, "2999999.99", false],
  [2022, "3200000.00", false],
  [2022, "15000000.00", true],
  [2022, "8600000.00", false],
  [2023, "2999900.00", false],
  [2023, "4580000.00", false],
  [2023, "23000000.00", false],
];

const TECH_PROJECT_NAMES = [
  "数字化车间技术改造项目",
  "智能生产线技术改造项目",
  "节能降耗技术改造项目",
  "自动化仓储物流技术改造项目",
  "在线检测与质量追溯系统改造项目",
  "窑炉余热回收技术改造项目",
] as const;

/**
 * Tech-transformation projects; those that received tech funds belong to the enterprise holding a tech grant of
 * that year. Equipment invoices are 45–80 % of the investment, to the fen.
 */
export function makeTechProjects(
  random: SeededRandom,
  ranked: readonly DemoEnterprise[],
  grants: readonly DemoGrant[],
): DemoTechProject[] {
  const owners = random.shuffled(ranked.slice(2, 50));
  let next = 0;
  const serials = new Map<number, number>();
  return TECH_PROJECTS.map(([year, investmentYuan, techFundsReceived]) => {
    const techGrant = grants.find((g) => g.purpose === "tech" && g.year === year);
    const creditCode =
      techFundsReceived && techGrant ? techGrant.creditCode : owners[next++ % owners.length]!.creditCode;
    const investmentFen = parseYuan(investmentYuan);
    const invoicesFen = (investmentFen * BigInt(random.int(4_500, 8_000))) / 10_000n - BigInt(random.int(1, 99));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    return {
      creditCode,
      code: `JG${year}-${String(serial).padStart(2, "0")}`,
      name: random.pick(TECH_PROJECT_NAMES),
      year,
      investmentFen,
      equipmentInvoicesFen: invoicesFen,
      techFundsReceived,
    };
  });
}

/**
 * Two enterprises set up by investment projects: the subsidiary of a listed company that moved its registration
 * into the district, and a top-500 manufacturer's base (its project's investor is then a top-500 one).
 */
export function makeEnterpriseEvents(
  enterprises: readonly DemoEnterprise[],
  projects: readonly DemoProject[],
): DemoEnterpriseEvent[] {
  const linked = projects.filter((p) => p.enterpriseCreditCode !== null && p.productionYear !== null);
  const firstYear = (creditCode: string) => enterprises.find((e) => e.creditCode === creditCode)!.scaleYears[0]!.year;
  const events: DemoEnterpriseEvent[] = [];
  const listed = linked.find((p) => p.origin === "listed") ?? linked[0];
  if (listed) {
    events.push({
      creditCode: listed.enterpriseCreditCode!,
      kind: "listed_move_in",
      year: firstYear(listed.enterpriseCreditCode!),
      note: "上市公司将注册地迁入昌江区，在区内设立总部和生产基地",
    });
  }
  const top500 = linked.find((p) => p !== listed && p.manufacturing && p.productionYear === 2023);
  if (top500) {
    events.push({
      creditCode: top500.enterpriseCreditCode!,
      kind: "top500_settled",
      year: 2023,
      note: "中国制造业500强企业在区设立生产基地，奖励一企一策、一事一议",
    });
  }
  return events;
}
