/// <reference types="node" />

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { parsePlan } from "../plan/load";
import type { PlanFile, TargetAggregate } from "../plan/schema";
import { SnapshotIndex } from "../targets/data-index";
import type { ScaleStatus, SnapshotEnterprise, SnapshotFigure } from "../targets/snapshot";
import { aggregateIndicatorValue } from "./aggregate-indicator";
import { rankUnits } from "./rank-units";
import { ratio } from "./ratio";
import { weightedScores } from "./weighted-score";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const PLAN_PATH = "plans/changjiang-2021-2023/plan.yaml";
const planText = readFileSync(`${repoRoot}${PLAN_PATH}`, "utf8");
const loaded = parsePlan(planText, PLAN_PATH).plan;

// 区工信局 leads biomedicine, 区发改委 electronics; the other chains have no lead unit.
const plan: PlanFile = {
  ...loaded,
  chains: loaded.chains.map((chain) =>
    chain.id === "biomedicine"
      ? { ...chain, leadUnits: ["industry-it-bureau"] }
      : chain.id === "electronics"
        ? { ...chain, leadUnits: ["development-reform-commission"] }
        : chain,
  ),
};

const WAN = 1_000_000n; // fen in one 万元
const LVMENG = { code: "lvmeng-township", kind: "town" };
const NIANYUSHAN = { code: "nianyushan-town", kind: "town" };
const INDUSTRY = { code: "industry-it-bureau", kind: "department" };
const REFORM = { code: "development-reform-commission", kind: "department" };
const RESOURCES = { code: "natural-resources-branch", kind: "department" };

function enterprise(
  id: number,
  statuses: Record<number, ScaleStatus>,
  chainId: string,
  town: string,
): SnapshotEnterprise {
  return {
    id,
    name: `企业${id}`,
    chainId,
    town,
    isKey: false,
    hasLeader: false,
    scale: Object.entries(statuses).map(([year, status]) => ({ year: Number(year), status })),
  };
}

const revenue = (enterpriseId: number, year: number, wan: bigint): SnapshotFigure => ({
  enterpriseId,
  year,
  month: 0,
  metric: "revenue",
  value: wan * WAN,
});

const ABOVE = { 2022: "above", 2023: "above" } as const;
const index = new SnapshotIndex({
  asOf: { year: 2023, month: 12 },
  enterprises: [
    enterprise(1, ABOVE, "biomedicine", "lvmeng-township"),
    enterprise(2, ABOVE, "electronics", "lvmeng-township"),
    enterprise(3, ABOVE, "biomedicine", "nianyushan-town"),
    enterprise(4, { 2022: "reserve", 2023: "above" }, "biomedicine", "nianyushan-town"),
    enterprise(5, { 2022: "reserve", 2023: "reserve" }, "biomedicine", "lvmeng-township"),
  ],
  figures: [
    revenue(1, 2022, 1_000n),
    revenue(1, 2023, 1_100n),
    revenue(2, 2022, 2_000n),
    revenue(2, 2023, 2_300n),
    revenue(3, 2022, 500n),
    revenue(3, 2023, 450n),
    // Enterprise 4 entered the directory in 2023 and has no 2022 revenue.
    revenue(4, 2023, 300n),
    revenue(5, 2022, 100n),
    revenue(5, 2023, 200n),
  ],
  projects: [],
  listings: [],
  investment: [],
  onlineServices: [],
});

const TOWN_GROWTH: TargetAggregate = {
  op: "growth",
  of: "revenue",
  where: { aboveScale: true, towns: "assessed" },
};
const CHAIN_REVENUE: TargetAggregate = { op: "sum", of: "revenue", where: { aboveScale: true, chains: "assessed" } };

describe("an assessment indicator written as an aggregate", () => {
  it("grows a town's above-scale revenue over the same enterprises, naming those missing a year", () => {
    // 吕蒙乡: enterprises 1 and 2, (1,100 + 2,300) ÷ (1,000 + 2,000) − 1 = 400 ÷ 3,000 = 13.33 %.
    const lvmeng = aggregateIndicatorValue(plan, index, TOWN_GROWTH, LVMENG, 2023);
    expect(lvmeng.value).toEqual(ratio(400n * WAN, 3_000n * WAN));
    if (lvmeng.value === null) throw new Error("a value");
    expect(lvmeng.quantity.unit).toBe("share");
    expect(lvmeng.quantity.value).toBe(133_333n);
    expect(lvmeng.missing).toEqual([]);
    // 鲇鱼山镇: enterprise 3 fell from 500 to 450 (−10 %); enterprise 4 has no 2022 revenue and is named.
    const nianyushan = aggregateIndicatorValue(plan, index, TOWN_GROWTH, NIANYUSHAN, 2023);
    expect(nianyushan.value).toEqual(ratio(-50n * WAN, 500n * WAN));
    if (nianyushan.value === null) throw new Error("a value");
    expect(nianyushan.missing).toEqual(["企业4"]);
  });

  it("does not apply to a department when it names the assessed town", () => {
    expect(aggregateIndicatorValue(plan, index, TOWN_GROWTH, INDUSTRY, 2023)).toEqual({
      value: null,
      reason: "本指标只考核乡镇（街道）",
    });
  });

  it("sums the above-scale revenue of the chains a unit leads, and excludes a unit leading none", () => {
    // 区工信局 leads biomedicine: enterprises 1, 3 and 4 (5 is not above scale): 1,100 + 450 + 300 = 1,850 万元.
    const industry = aggregateIndicatorValue(plan, index, CHAIN_REVENUE, INDUSTRY, 2023);
    expect(industry.value).toEqual(ratio(1_850n * WAN));
    if (industry.value === null) throw new Error("a value");
    expect(industry.quantity).toEqual({ unit: "yuan", value: 1_850n * WAN });
    expect(industry.countsEnterprises).toBe(false);
    expect(aggregateIndicatorValue(plan, index, CHAIN_REVENUE, REFORM, 2023).value).toEqual(ratio(2_300n * WAN));
    const none = aggregateIndicatorValue(plan, index, CHAIN_REVENUE, RESOURCES, 2023);
    expect(none.value).toBeNull();
    if (none.value !== null) throw new Error("no value");
    expect(none.reason).toMatch(/未牵头产业链/);
  });

  it("counts a town's above-scale enterprises and their net increase on the year before", () => {
    const count: TargetAggregate = { op: "count", where: { aboveScale: true, towns: "assessed" } };
    const increase: TargetAggregate = { op: "increase", where: { aboveScale: true, towns: "assessed" } };
    expect(aggregateIndicatorValue(plan, index, count, LVMENG, 2023).value).toEqual(ratio(2n));
    expect(aggregateIndicatorValue(plan, index, count, NIANYUSHAN, 2023).value).toEqual(ratio(2n));
    // 吕蒙乡 kept its two; 鲇鱼山镇 went from one (enterprise 3) to two.
    expect(aggregateIndicatorValue(plan, index, increase, LVMENG, 2023).value).toEqual(ratio(0n));
    const gained = aggregateIndicatorValue(plan, index, increase, NIANYUSHAN, 2023);
    expect(gained.value).toEqual(ratio(1n));
    if (gained.value === null) throw new Error("a value");
    expect(gained.countsEnterprises).toBe(true);
  });

  it("has nothing to rank in a year without a directory", () => {
    const none = aggregateIndicatorValue(plan, index, TOWN_GROWTH, LVMENG, 2021);
    expect(none.value).toBeNull();
  });

  it("ranks and scores the towns: the one that shrank is last and earns no points", () => {
    const values = [LVMENG, NIANYUSHAN, INDUSTRY].map((unit) => {
      const found = aggregateIndicatorValue(plan, index, TOWN_GROWTH, unit, 2023);
      return found.value === null
        ? { unitId: unit.code, value: null, missingReason: found.reason }
        : { unitId: unit.code, value: found.value };
    });
    const ranking = rankUnits(values, "higher");
    expect(ranking.ranked.map((entry) => [entry.unitId, entry.rank])).toEqual([
      ["lvmeng-township", 1],
      ["nianyushan-town", 2],
    ]);
    expect(ranking.last).toEqual(["nianyushan-town"]);
    expect(ranking.excluded).toEqual([{ unitId: "industry-it-bureau", reason: "本指标只考核乡镇（街道）" }]);
    const scores = weightedScores([{ id: "town-growth", weight: "1", direction: "higher", values }]);
    expect(scores.map((score) => [score.unitId, score.score])).toEqual([
      ["lvmeng-township", "100.00"],
      ["nianyushan-town", "0.00"],
      ["industry-it-bureau", null],
    ]);
  });
});

describe("an aggregate indicator in the plan file", () => {
  const document = parse(planText) as Record<string, unknown>;
  const assessment = document.assessment as { indicators: Record<string, unknown>[] };
  const growthIndicator = {
    id: "town-revenue-growth",
    metric: "aggregate",
    name: "辖区规上企业营业收入增长",
    nameEn: "Revenue growth of the above-scale enterprises in the town",
    weight: "0.1",
    direction: "higher",
    aggregate: { op: "growth", of: "revenue", where: { aboveScale: true, towns: "assessed" } },
  };
  // The shipped four, their last weight lowered by the new indicator's 0.1.
  const shipped = assessment.indicators.map((indicator, position) =>
    position === 0 ? { ...indicator, weight: "0.3" } : indicator,
  );

  function load(indicator: Record<string, unknown>, changes: (copy: Record<string, unknown>) => void = () => {}) {
    const copy = structuredClone({ ...document, assessment: { indicators: [...shipped, indicator] } });
    changes(copy);
    try {
      return parsePlan(stringify(copy), PLAN_PATH).plan;
    } catch (error) {
      return String(error instanceof Error ? error.message : error);
    }
  }

  it("loads a town's growth, and a chain's sum when the chains name their lead units", () => {
    const plan = load(growthIndicator);
    if (typeof plan === "string") throw new Error(plan);
    expect(plan.assessment?.indicators.at(-1)?.aggregate?.where.towns).toBe("assessed");
    const withLeads = load(
      { ...growthIndicator, aggregate: { op: "sum", of: "revenue", where: { chains: "assessed" } } },
      (copy) => {
        const chains = copy.chains as Record<string, unknown>[];
        (chains[0] as Record<string, unknown>).leadUnits = ["industry-it-bureau"];
      },
    );
    if (typeof withLeads === "string") throw new Error(withLeads);
    expect(withLeads.chains[0]?.leadUnits).toEqual(["industry-it-bureau"]);
  });

  it("is refused at load naming the path: unknown item, chains without lead units, a missing definition", () => {
    expect(load({ ...growthIndicator, aggregate: { op: "growth", of: "steam" } })).toMatch(
      /assessment\.indicators\[4\]\.aggregate\.of.*未知的数据项“steam”/s,
    );
    expect(
      load({ ...growthIndicator, aggregate: { op: "sum", of: "revenue", where: { chains: "assessed" } } }),
    ).toMatch(/assessment\.indicators\[4\]\.aggregate\.where\.chains.*均未写 leadUnits/s);
    expect(load({ ...growthIndicator, aggregate: undefined })).toMatch(
      /assessment\.indicators\[4\]\.aggregate.*必须写明 aggregate/s,
    );
    expect(load({ ...growthIndicator, aggregate: { op: "growth", of: "revenue", where: { towns: "mine" } } })).toMatch(
      /assessment\.indicators\[4\]\.aggregate\.where\.towns.*assessed/s,
    );
    expect(
      load(growthIndicator, (copy) => {
        const chains = copy.chains as Record<string, unknown>[];
        (chains[1] as Record<string, unknown>).leadUnits = ["no-such-bureau"];
      }),
    ).toMatch(/chains\[1\]\.leadUnits\[0\].*no-such-bureau/s);
  });

  it("is refused in a target: only an indicator has an assessed unit", () => {
    const targets = document.targets as Record<string, unknown>[];
    const target = {
      ...(targets[0] as Record<string, unknown>),
      id: "T-TOWN",
      metric: "aggregate",
      unit: "share",
      value: "0.05",
      aggregate: { op: "growth", of: "revenue", where: { towns: "assessed" } },
    };
    expect(load(growthIndicator, (copy) => (copy.targets = [...targets, target]))).toMatch(
      /targets\[\d+\] \(G1\) aggregate\.where\.towns: towns: assessed 只用于考核指标/,
    );
  });
});
