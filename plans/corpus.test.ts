/**
 * The corpus plans pay what their clauses say, worked by hand from the clauses' own words: an amount at
 * each tier boundary, a cap reached, a gate failed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatYuan, parseYuan } from "../packages/domain/src/money";
import { parsePlan } from "../packages/domain/src/plan/load";
import { evaluateRewards } from "../packages/domain/src/rewards/engine";
import { code, enterprise, type YearSpec } from "../packages/domain/src/rewards/testing/builders";
import type { EnterpriseHistory } from "../packages/domain/src/rewards/types";

const plan = (name: string) =>
  parsePlan(readFileSync(join(__dirname, name, "plan.yaml"), "utf8"), `plans/${name}/plan.yaml`).plan;

type Spec = YearSpec & { money?: Record<string, string> };

/** An enterprise whose declared money facts are written in yuan. */
function withFacts(n: number, years: Spec[]): EnterpriseHistory {
  const history = enterprise(
    code(n),
    years.map(({ money, ...year }) => year),
  );
  return {
    ...history,
    years: history.years.map((year, index) => {
      const money = years[index]!.money;
      if (money === undefined) return year;
      return { ...year, facts: Object.fromEntries(Object.entries(money).map(([id, yuan]) => [id, parseYuan(yuan)])) };
    }),
  };
}

/** "ruleId year amount" for each enterprise numbered n. */
function paid(name: string, enterprises: EnterpriseHistory[]): string[] {
  const result = evaluateRewards(plan(name), { enterprises });
  return result.entitlements.map(
    (e) =>
      `${enterprises.findIndex((h) => h.creditCode === e.creditCode) + 1} ${e.ruleId} ${e.year} ${e.amount === null ? "null" : formatYuan(e.amount)}`,
  );
}

/** The stored documents (kept beside the plan drafter's tests), by the plan that encodes each. */
const DOCUMENTS: Record<string, string> = {
  "hohhot-2024-2026": "01-呼和浩特市.txt",
  "shengzhou-2023-2025": "02-嵊州市.txt",
  "xichong-2025-2027": "03-西充县.txt",
  "hanshou-2024-2026": "04-汉寿县.txt",
  "haicang-2020-2020": "05-海沧区.txt",
  "yishui-2022-2024": "06-沂水县.txt",
  "lanzhou-2021-2023": "08-兰州市.txt",
};

describe("the corpus plans' clauses", () => {
  it.each(Object.entries(DOCUMENTS))("%s quotes %s verbatim", (name, file) => {
    const document = readFileSync(
      join(__dirname, "../packages/domain/src/plan/draft/fixtures/corpus", file),
      "utf8",
    ).replace(/\s+/g, " ");
    for (const clause of plan(name).clauses) {
      // A fragment list (“…”“…”) and the mark of a cut-off copy are the plan's, not the document's.
      const pieces = clause.text
        .replace("[存储副本到此截断]", "")
        .split(/[“”]|……|\[奖励金额不在片段中\]/)
        .map((piece) => piece.replace(/\s+/g, " ").trim())
        .filter((piece) => piece.length > 0);
      for (const piece of pieces) expect(document, `${name} ${clause.id}`).toContain(piece);
    }
  });
});

describe("the corpus plans, worked by hand", () => {
  it("汉寿 产值增量奖: 5万 at 1亿, 0.5万 per further 1000万, at most 50万; net tax not below the year before", () => {
    const year = (outputValue: string, netTax: string) => ({ aboveScale: true, money: { outputValue, netTax } });
    const result = evaluateRewards(plan("hanshou-2024-2026"), {
      enterprises: [
        withFacts(1, [
          { year: 2023, ...year("500000000", "100") },
          { year: 2024, ...year("610000000", "100") },
        ]),
      ],
    });
    const explanation = result.entitlements[0]!.explanation!;
    // 5.5万: half (2.75万) to the legal representative, half to the enterprise.
    expect(explanation.wording.explanation(explanation).zh).toContain(
      "其中 2.75 万元（50%）奖给企业法定代表人或总部在外基地在汉的企业主要负责人，2.75 万元（50%）奖给企业",
    );
    const got = paid("hanshou-2024-2026", [
      withFacts(1, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("600000000", "100") },
      ]),
      withFacts(2, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("609999999.99", "100") },
      ]),
      withFacts(3, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("610000000", "100") },
      ]),
      withFacts(4, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("1500000000", "100") },
      ]),
      withFacts(5, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("3000000000", "100") },
      ]),
      withFacts(6, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("3000000000", "99.99") },
      ]),
      withFacts(7, [
        { year: 2023, ...year("500000000", "100") },
        { year: 2024, ...year("599999999.99", "100") },
      ]),
    ]);
    // 1亿 → 5万; 1.1亿 − 0.01 → still 5万; 1.1亿 → 5.5万; 10亿 → 5万 + 90 × 0.5万 = 50万; 25亿 → 50万 (cap);
    // net tax fell → nothing; just under 1亿 → nothing.
    expect(got).toEqual([
      "1 R-OUTPUT-GROWTH 2024 50000",
      "2 R-OUTPUT-GROWTH 2024 50000",
      "3 R-OUTPUT-GROWTH 2024 55000",
      "4 R-OUTPUT-GROWTH 2024 500000",
      "5 R-OUTPUT-GROWTH 2024 500000",
    ]);
  });

  it("海沧 跨越发展奖励: the band of 2019's output sets the gate and the split; 1000万 at most; the retained tax bounds the sum", () => {
    const output = (v2019: string, v2020: string, districtRetainedTax = "100000000"): Spec[] => [
      { year: 2019, money: { outputValue: v2019 } },
      { year: 2020, money: { outputValue: v2020, districtRetainedTax } },
    ];
    const got = paid("haicang-2020-2020", [
      // (一) 2亿 → 3.3亿 (+65%): 1.2亿 × 1% + 0.1亿 × 1.2% = 132万.
      withFacts(1, output("200000000", "330000000")),
      // (一) exactly +40%: 0.8亿 × 1% = 80万.
      withFacts(2, output("200000000", "280000000")),
      // (一) +39.5%: below the gate.
      withFacts(3, output("200000000", "279000000")),
      // (二) 5亿 → 6.5亿 (+30%, the gate of this band): 1.5亿 × 1% = 150万.
      withFacts(4, output("500000000", "650000000")),
      // (四) 20亿 → 30亿 (+50%): 4亿 × 1% + 6亿 × 1.2% = 400万 + 720万 = 1120万 → 1000万.
      withFacts(5, output("2000000000", "3000000000")),
      // Below 1亿 in 2019: no band.
      withFacts(6, output("99999999.99", "300000000")),
      // (六) the 132万 of (一) reduced to the district-retained tax of 50万.
      withFacts(7, output("200000000", "330000000", "500000")),
    ]);
    expect(got).toEqual([
      "1 R-LEAP-1 2020 1320000",
      "2 R-LEAP-1 2020 800000",
      "4 R-LEAP-2 2020 1500000",
      "5 R-LEAP-4 2020 10000000",
      "7 R-LEAP-1 2020 500000",
    ]);
  });

  it("西充 主营业务收入分档: the band's lower bound included, the upper not; growth required", () => {
    const years = (previous: string, current: string): YearSpec[] => [
      { year: 2024, revenue: previous },
      { year: 2025, revenue: current },
    ];
    const got = paid("xichong-2025-2027", [
      enterprise(code(1), years("4000000", "5000000")),
      enterprise(code(2), years("4000000", "9999999.99")),
      enterprise(code(3), years("4000000", "10000000")),
      enterprise(code(4), years("90000000", "100000000")),
      enterprise(code(5), years("100000000", "100000000")),
      enterprise(code(6), years("4000000", "4999999.99")),
    ]);
    expect(got).toEqual([
      "1 R-REVENUE-BANDS 2025 10000",
      "2 R-REVENUE-BANDS 2025 10000",
      "3 R-REVENUE-BANDS 2025 20000",
      "4 R-REVENUE-BANDS 2025 200000",
    ]);
  });

  it("兰州: 5万 a year for three years in the directory; 0.5% of last year's revenue, at most 10万", () => {
    const got = paid("lanzhou-2021-2023", [
      enterprise(code(1), [
        { year: 2021, aboveScale: true, newlyAboveScale: true },
        { year: 2022, aboveScale: true },
        { year: 2023, aboveScale: true },
      ]),
      enterprise(code(2), [
        { year: 2021, aboveScale: true, newlyAboveScale: true },
        { year: 2022, aboveScale: false },
        { year: 2023, aboveScale: true },
      ]),
      // 2021: 1500万 → 2000万 (+33.3%): in 2022, 0.5% × 2000万 = 10万, the cap exactly.
      enterprise(code(3), [{ year: 2020, revenue: "15000000" }, { year: 2021, revenue: "20000000" }, { year: 2022 }]),
      // 2021: 1300万 → 1700万 (+30.77%): in 2022, 0.5% × 1700万 = 8.5万.
      enterprise(code(4), [{ year: 2020, revenue: "13000000" }, { year: 2021, revenue: "17000000" }, { year: 2022 }]),
      // 2021: 1500万 → 1950万 is +30% exactly, not above it.
      enterprise(code(5), [{ year: 2020, revenue: "15000000" }, { year: 2021, revenue: "19500000" }, { year: 2022 }]),
    ]);
    expect(got).toEqual([
      "1 R-DIRECTORY-1 2021 50000",
      "1 R-DIRECTORY-2 2022 50000",
      "1 R-DIRECTORY-3 2023 50000",
      "2 R-DIRECTORY-1 2021 50000",
      "3 R-REVENUE-GROWTH 2022 100000",
      "4 R-REVENUE-GROWTH 2022 85000",
    ]);
  });

  it("沂水 设备投资: 1.5% from 500万, 1.8% from 3000万, 2% from 5000万, at most 100万", () => {
    const project = (id: string, equipmentInvoices: string) => ({
      id,
      investment: equipmentInvoices,
      equipmentInvoices,
      techFundsReceived: false,
    });
    const got = paid("yishui-2022-2024", [
      enterprise(code(1), [
        {
          year: 2022,
          techProjects: [
            project("p1", "5000000"),
            project("p2", "4999999.99"),
            project("p3", "30000000"),
            project("p4", "50000000"),
            project("p5", "60000000"),
          ],
        },
      ]),
    ]);
    // 500万 × 1.5% = 7.5万; below 500万 nothing; 3000万 × 1.8% = 54万; 5000万 × 2% = 100万; 6000万 × 2% = 120万 → 100万.
    expect(got).toEqual([
      "1 R-EQUIPMENT 2022 75000",
      "1 R-EQUIPMENT 2022 540000",
      "1 R-EQUIPMENT 2022 1000000",
      "1 R-EQUIPMENT 2022 1000000",
    ]);
  });

  it("沂水 专项资金: 2000万 a year for the three awards; 25 awards of 100万 are each cut to 80万", () => {
    const enterprises = Array.from({ length: 25 }, (_, index) =>
      enterprise(code(index + 1), [
        {
          year: 2022,
          techProjects: [
            { id: `p${index}`, investment: "50000000", equipmentInvoices: "50000000", techFundsReceived: false },
          ],
        },
      ]),
    );
    const result = evaluateRewards(plan("yishui-2022-2024"), { enterprises });
    // 5000万 × 2% = 100万 each, 2500万 asked of 2000万: 80 %, 80万 each, exactly 2000万 in all.
    expect(new Set(result.entitlements.map((entitlement) => entitlement.amount))).toEqual(new Set([80_000_000n]));
    expect(result.entitlements.reduce((sum, entitlement) => sum + entitlement.amount!, 0n)).toBe(2_000_000_000n);
    const explanation = result.entitlements[0]!.explanation!;
    expect(explanation.wording.explanation(explanation).zh).toContain(
      "技术改造奖补专项资金年度总额不超过 2000 万元：2022年各企业应奖合计 2500 万元，超出部分按比例核减，比例 80%（2000 万元 ÷ 2500 万元），本项应奖 100 万元，核定 80 万元",
    );
  });

  it("呼和浩特: 入规 10万、20万、30万 over three years; 新增产值 5亿 pays 50万, 50亿 300万", () => {
    const got = paid("hohhot-2024-2026", [
      enterprise(code(1), [
        { year: 2024, aboveScale: true, newlyAboveScale: true },
        { year: 2025, aboveScale: true },
        { year: 2026, aboveScale: true },
      ]),
      withFacts(2, [{ year: 2024, money: { outputValueIncrease: "500000000" } }]),
      withFacts(3, [{ year: 2024, money: { outputValueIncrease: "499999999.99" } }]),
      withFacts(4, [{ year: 2024, money: { outputValueIncrease: "5000000000" } }]),
    ]);
    expect(got).toEqual([
      "1 R-ENTRY-1 2024 100000",
      "1 R-ENTRY-2 2025 200000",
      "1 R-ENTRY-3 2026 300000",
      "2 R-OUTPUT-INCREASE 2024 500000",
      "4 R-OUTPUT-INCREASE 2024 3000000",
    ]);
  });
});
