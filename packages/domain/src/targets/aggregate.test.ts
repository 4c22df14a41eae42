/// <reference types="node" />

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { parsePlan } from "../plan/load";
import type { DeclaredFact, PlanFile, Target, TargetAggregate } from "../plan/schema";
import { aggregateIn } from "./aggregate";
import { computeTargets } from "./compute";
import { SnapshotIndex } from "./data-index";
import type { ScaleStatus, SnapshotEnterprise, SnapshotFigure, TargetSnapshot } from "./snapshot";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const PLAN_PATH = "plans/changjiang-2021-2023/plan.yaml";
const planText = readFileSync(`${repoRoot}${PLAN_PATH}`, "utf8");

const ELECTRICITY: DeclaredFact = {
  id: "electricityUse",
  name: "用电量",
  nameEn: "Electricity use",
  measure: "quantity",
  unitName: "千瓦时",
  unitNameEn: "kWh",
  period: "quarter",
};
const NEW_PRODUCTS: DeclaredFact = {
  id: "newProductOutput",
  name: "新产品产值",
  nameEn: "New product output",
  measure: "money",
  period: "year",
};

const plan: PlanFile = {
  ...parsePlan(planText, PLAN_PATH).plan,
  facts: [ELECTRICITY, NEW_PRODUCTS],
};

const WAN = 1_000_000n; // fen in one 万元

function enterprise(
  id: number,
  statuses: Record<number, ScaleStatus>,
  extra: Partial<SnapshotEnterprise> = {},
): SnapshotEnterprise {
  return {
    id,
    name: `企业${id}`,
    chainId: "biomedicine",
    town: "lvmeng-township",
    isKey: false,
    hasLeader: false,
    scale: Object.entries(statuses).map(([year, status]) => ({ year: Number(year), status })),
    ...extra,
  };
}

function figure(enterpriseId: number, metric: string, year: number, value: bigint): SnapshotFigure {
  return { enterpriseId, year, month: 0, metric, value };
}

function index(partial: Partial<TargetSnapshot>): SnapshotIndex {
  return new SnapshotIndex({
    asOf: { year: 2023, month: 12 },
    enterprises: [],
    figures: [],
    projects: [],
    listings: [],
    investment: [],
    onlineServices: [],
    ...partial,
  });
}

const ABOVE = { 2022: "above", 2023: "above" } as const;

const district = index({
  enterprises: [
    enterprise(1, ABOVE),
    enterprise(2, ABOVE, { chainId: "electronics" }),
    enterprise(3, { 2022: "reserve", 2023: "above" }, { town: "nianyushan-town" }),
    enterprise(4, { 2022: "reserve", 2023: "reserve" }),
  ],
  figures: [
    figure(1, "tax", 2022, 100n * WAN),
    figure(1, "tax", 2023, 120n * WAN),
    figure(2, "tax", 2022, 300n * WAN),
    figure(2, "tax", 2023, 330n * WAN),
    figure(3, "tax", 2023, 50n * WAN),
    figure(4, "tax", 2023, 7n * WAN),
    figure(1, "revenue", 2023, 1_000n * WAN),
    figure(2, "revenue", 2023, 3_000n * WAN),
    figure(3, "revenue", 2023, 1_000n * WAN),
    figure(4, "revenue", 2023, 200n * WAN),
  ],
  declaredFacts: [
    // Enterprise 1 reported all four quarters of 2023; enterprise 2 three of them.
    ...[1, 2, 3, 4].map((period) => ({
      enterpriseId: 1,
      factId: "electricityUse",
      year: 2023,
      period,
      value: 25_000_00n,
    })),
    ...[1, 2, 3].map((period) => ({ enterpriseId: 2, factId: "electricityUse", year: 2023, period, value: 1_000_00n })),
    { enterpriseId: 1, factId: "newProductOutput", year: 2023, period: 0, value: 80n * WAN },
    { enterpriseId: 3, factId: "newProductOutput", year: 2023, period: 0, value: 0n },
  ],
});

const aggregate = (written: Partial<TargetAggregate> & Pick<TargetAggregate, "op">): TargetAggregate => ({
  where: {},
  ...written,
});

describe("an aggregate of a fact over the enterprises a filter keeps", () => {
  it("sums a figure over the above-scale enterprises of the year, naming those without it", () => {
    const result = aggregateIn(
      plan,
      district,
      aggregate({ op: "sum", of: "tax", where: { aboveScale: true } }),
      "yuan",
      2023,
    );
    expect(result?.quantity).toEqual({ unit: "yuan", value: 500n * WAN });
    expect(result?.allFigures).toBe(true);
    const before = aggregateIn(
      plan,
      district,
      aggregate({ op: "sum", of: "tax", where: { aboveScale: true } }),
      "yuan",
      2022,
    );
    expect(before?.quantity.value).toBe(400n * WAN);
    const revenue2022 = aggregateIn(
      plan,
      district,
      aggregate({ op: "sum", of: "revenue", where: { aboveScale: true } }),
      "yuan",
      2022,
    );
    expect(revenue2022?.quantity.value).toBe(0n);
    expect(revenue2022?.missing).toEqual(["企业1", "企业2"]);
    expect(revenue2022?.allFigures).toBe(false);
  });

  it("filters by chain, town and key flag, every condition at once", () => {
    const electronics = aggregateIn(
      plan,
      district,
      aggregate({ op: "sum", of: "tax", where: { chains: ["electronics"] } }),
      "yuan",
      2023,
    );
    expect(electronics?.quantity.value).toBe(330n * WAN);
    const town = aggregateIn(
      plan,
      district,
      aggregate({ op: "count", where: { towns: ["nianyushan-town"], aboveScale: true } }),
      "count",
      2023,
    );
    expect(town?.quantity).toEqual({ unit: "count", value: 1n });
  });

  it("grows over the same enterprises in both years (同口径)", () => {
    const growth = aggregateIn(
      plan,
      district,
      aggregate({ op: "growth", of: "tax", where: { aboveScale: true } }),
      "share",
      2023,
    );
    // Enterprises 1 and 2 have both years: (120 + 330) ÷ (100 + 300) − 1 = 12.5 %; enterprise 3 has no 2022.
    expect(growth?.ratio).toEqual({ numerator: 50n * WAN, denominator: 400n * WAN });
    expect(growth?.quantity.value).toBe(125_000n);
    expect(growth?.missing).toEqual(["企业3"]);
  });

  it("takes a share of a part within a whole", () => {
    const chainShare = aggregateIn(
      plan,
      district,
      aggregate({ op: "share", of: "revenue", where: { chains: ["electronics"] }, within: { aboveScale: true } }),
      "share",
      2023,
    );
    expect(chainShare?.ratio).toEqual({ numerator: 3_000n * WAN, denominator: 5_000n * WAN });
    const countShare = aggregateIn(
      plan,
      district,
      aggregate({ op: "share", where: { aboveScale: true } }),
      "share",
      2023,
    );
    expect(countShare?.ratio).toEqual({ numerator: 3n, denominator: 4n });
  });

  it("reads a declared fact's year only when every period of it is in", () => {
    const electricity = aggregateIn(
      plan,
      district,
      aggregate({ op: "share", of: "electricityUse", where: { chains: ["biomedicine"] } }),
      "share",
      2023,
    );
    // Enterprise 2 lacks a quarter: it is named, and the whole is enterprise 1's 100,000 kWh.
    expect(electricity?.ratio).toEqual({ numerator: 100_000_00n, denominator: 100_000_00n });
    expect(electricity?.missing).toEqual(["企业2", "企业3", "企业4"]);
    const withNewProducts = aggregateIn(
      plan,
      district,
      aggregate({ op: "count", of: "newProductOutput", where: { aboveScale: true } }),
      "count",
      2023,
    );
    // Enterprise 3 reported zero: it is not counted; enterprise 2 reported nothing: named.
    expect(withNewProducts?.quantity.value).toBe(1n);
    expect(withNewProducts?.missing).toEqual(["企业2"]);
    const average = aggregateIn(
      plan,
      district,
      aggregate({ op: "average", of: "newProductOutput", where: { aboveScale: true } }),
      "yuan",
      2023,
    );
    expect(average?.quantity.value).toBe(40n * WAN);
  });

  it("has nothing to say of a year without a directory, or a share of nothing", () => {
    expect(
      aggregateIn(plan, district, aggregate({ op: "sum", of: "tax", where: { aboveScale: true } }), "yuan", 2021),
    ).toBeNull();
    expect(
      aggregateIn(plan, district, aggregate({ op: "share", of: "tax", where: { key: true } }), "share", 2021),
    ).toBeNull();
  });

  it("increases from a base year over each year's own enterprises (净增)", () => {
    // Above scale: 1 and 2 in 2022, 1, 2 and 3 in 2023.
    const net = aggregateIn(plan, district, aggregate({ op: "increase", where: { aboveScale: true } }), "count", 2023);
    expect(net?.quantity.value).toBe(1n);
    // Their tax: 120 + 330 + 50 = 500 万元 in 2023 against 100 + 300 = 400 万元 in 2022.
    const tax = aggregateIn(
      plan,
      district,
      aggregate({ op: "increase", of: "tax", where: { aboveScale: true } }),
      "yuan",
      2023,
      { baseYear: 2022 },
    );
    expect(tax?.quantity.value).toBe(100n * WAN);
    expect(tax?.missing).toEqual([]);
    // No directory of the base year: nothing to say.
    expect(
      aggregateIn(plan, district, aggregate({ op: "increase", where: { aboveScale: true } }), "count", 2023, {
        baseYear: 2021,
      }),
    ).toBeNull();
  });
});

describe("a plan's target written as an aggregate", () => {
  const taxTarget: Target = {
    id: "T-TAX",
    clause: plan.targets[0]!.clause,
    quote: plan.targets[0]!.quote,
    name: "规上工业企业入库税收",
    nameEn: "Tax paid by above-scale industrial enterprises",
    metric: "aggregate",
    aggregate: { op: "sum", of: "tax", where: { aboveScale: true } },
    unit: "yuan",
    comparison: "gte",
    value: "4500000",
    baselineYear: 2022,
    deadline: "2023-12-31",
    aspiration: false,
    yearly: [],
    options: {},
  };

  it("is computed as the built-in metrics are: actuals, baseline, met after the deadline", () => {
    const [progress] = computeTargets({ ...plan, targets: [taxTarget] }, district.snapshot);
    expect(progress?.baseline?.value).toBe(400n * WAN);
    expect(progress?.current?.value.value).toBe(500n * WAN);
    expect(progress?.met).toBe(true);
  });

  function planWithTarget(target: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const document = parse(planText) as Record<string, unknown>;
    const targets = document.targets as Record<string, unknown>[];
    return parsePlan(stringify({ ...document, ...extra, targets: [...targets, target] }), PLAN_PATH);
  }

  const written = {
    id: "T-ELECTRIC",
    clause: "G1",
    quote: "到 2023年，规模以上工业企业年营业收入突破 400亿元",
    name: "用电量增长",
    nameEn: "Electricity use growth",
    metric: "aggregate",
    unit: "share",
    comparison: "gte",
    value: "0.05",
    baselineYear: 2020,
    deadline: "2023-12-31",
  };
  const facts = {
    facts: [
      {
        id: "electricityUse",
        name: "用电量",
        nameEn: "Electricity use",
        measure: "quantity",
        unitName: "千瓦时",
        unitNameEn: "kWh",
        period: "quarter",
      },
    ],
  };

  it("loads when what it aggregates is declared and fits its unit", () => {
    const loaded = planWithTarget(
      { ...written, aggregate: { op: "growth", of: "electricityUse", where: { aboveScale: true } } },
      facts,
    );
    expect(loaded.plan.targets.at(-1)?.aggregate?.op).toBe("growth");
  });

  it("is refused at load naming the field: unknown item, wrong unit, unknown chain, a quantity summed", () => {
    const messages = (target: Record<string, unknown>) => {
      try {
        planWithTarget(target, facts);
        return "loaded";
      } catch (error) {
        return String(error instanceof Error ? error.message : error);
      }
    };
    expect(messages({ ...written, aggregate: { op: "growth", of: "steam" } })).toMatch(
      /aggregate\.of.*未知的数据项“steam”/s,
    );
    expect(messages({ ...written, aggregate: { op: "sum", of: "tax" } })).toMatch(/unit.*unit 必须是 yuan/s);
    expect(messages({ ...written, aggregate: { op: "growth", of: "tax", where: { chains: ["textiles"] } } })).toMatch(
      /where\.chains\[0\].*产业链“textiles”/s,
    );
    expect(messages({ ...written, unit: "count", aggregate: { op: "sum", of: "electricityUse" } })).toMatch(
      /数量型数据项“electricityUse”只能求占比/,
    );
    expect(messages({ ...written })).toMatch(/必须写明 aggregate/);
    expect(messages({ ...written, metric: "aboveScaleRevenue", aggregate: { op: "count" } })).toMatch(
      /只有 metric: aggregate 的目标才写 aggregate/,
    );
  });
});
