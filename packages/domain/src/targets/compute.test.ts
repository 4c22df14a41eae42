/// <reference types="node" />

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseYuan } from "../money";
import { type NoteMessage, renderNote } from "../notes/messages";
import { parsePlan } from "../plan/load";
import { contributionAnalysis } from "./analysis";
import { buildContext, computeTargets, type TargetProgress } from "./compute";
import { SnapshotIndex } from "./data-index";
import { aboveScaleChanges, SUPPORTED_METRICS } from "./metrics";
import type { ScaleStatus, SnapshotEnterprise, SnapshotFigure, SnapshotProject, TargetSnapshot } from "./snapshot";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const PLAN_PATH = "plans/changjiang-2021-2023/plan.yaml";
const plan = parsePlan(readFileSync(`${repoRoot}${PLAN_PATH}`, "utf8"), PLAN_PATH).plan;

const YI = 10_000_000_000n; // fen in one 亿元

function enterprise(
  id: number,
  statuses: Record<number, ScaleStatus>,
  extra: Partial<SnapshotEnterprise> = {},
): SnapshotEnterprise {
  return {
    id,
    name: `企业${id}`,
    chainId: "biomedicine",
    town: "licun",
    isKey: false,
    hasLeader: false,
    scale: Object.entries(statuses).map(([year, status]) => ({ year: Number(year), status })),
    ...extra,
  };
}

function revenue(enterpriseId: number, year: number, fen: bigint, month = 0): SnapshotFigure {
  return { enterpriseId, year, month, metric: "revenue", value: fen };
}

function project(
  id: number,
  yuan: string,
  introducedYear: number | null,
  extra: Partial<SnapshotProject> = {},
): SnapshotProject {
  return {
    id,
    name: `项目${id}`,
    chainId: "electronics",
    plannedInvestment: parseYuan(yuan),
    manufacturing: true,
    stage: "signed",
    introducedYear,
    isKey: false,
    hasLeader: false,
    ...extra,
  };
}

function snapshot(partial: Partial<TargetSnapshot>): TargetSnapshot {
  return {
    asOf: { year: 2023, month: 12 },
    enterprises: [],
    figures: [],
    projects: [],
    listings: [],
    investment: [],
    onlineServices: [],
    ...partial,
  };
}

function byId(results: TargetProgress[], id: string): TargetProgress {
  const found = results.find((result) => result.targetId === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}

/** Two enterprises: A above-scale throughout, B entering in 2022; 2023 revenue = 400亿 + extra fen. */
function g1Snapshot(extraFen: bigint): TargetSnapshot {
  return snapshot({
    enterprises: [
      enterprise(
        1,
        { 2020: "above", 2021: "above", 2022: "above", 2023: "above" },
        { chainId: "biomedicine", town: "licun" },
      ),
      enterprise(
        2,
        { 2020: "reserve", 2021: "reserve", 2022: "above", 2023: "above" },
        { chainId: "electronics", town: "liyang" },
      ),
    ],
    figures: [
      revenue(1, 2020, 200n * YI),
      revenue(2, 2020, 1n * YI),
      revenue(1, 2021, 240n * YI),
      revenue(1, 2022, 280n * YI),
      revenue(2, 2022, 50n * YI),
      revenue(1, 2023, 300n * YI),
      revenue(2, 2023, 100n * YI + extraFen),
    ],
  });
}

describe("the plan's metrics", () => {
  it("are all supported by the targets module, in both shipped plans", () => {
    for (const target of plan.targets) expect(SUPPORTED_METRICS).toContain(target.metric);
    const other = "plans/test-district-2024-2026/plan.yaml";
    const second = parsePlan(readFileSync(`${repoRoot}${other}`, "utf8"), other).plan;
    for (const target of second.targets) expect(SUPPORTED_METRICS).toContain(target.metric);
  });
});

describe("G1 总量突破: above-scale revenue", () => {
  it("exactly 400亿 does not break through (突破 read strictly), one fen more does", () => {
    const at = byId(computeTargets(plan, g1Snapshot(0n)), "G1");
    expect(at.current?.value.value).toBe(400n * YI);
    expect(at.comparison).toBe("gt");
    expect(at.comparisonParameter).toBe("milestoneComparison");
    expect(at.met).toBe(false);
    expect(at.statusBasis).toBe("final");
    expect(at.status).toBe("red");
    expect(at.gap?.value).toBe(0n);

    const above = byId(computeTargets(plan, g1Snapshot(1n)), "G1");
    expect(above.met).toBe(true);
    expect(above.status).toBe("green");
    expect(above.gap?.value).toBe(-1n);
  });

  it("reads 突破 as ≥ when the parameter says so", () => {
    const at = byId(computeTargets(plan, g1Snapshot(0n), { parameters: { milestoneComparison: "gte" } }), "G1");
    expect(at.comparison).toBe("gte");
    expect(at.met).toBe(true);
  });

  it("sums only enterprises above-scale that year; baseline and a geometric path to the target", () => {
    const g1 = byId(computeTargets(plan, g1Snapshot(0n)), "G1");
    // Enterprise 2 was in the reserve pool in 2020: its 1亿 does not count.
    expect(g1.baseline?.value).toBe(200n * YI);
    expect(g1.pathShape).toBe("geometric");
    expect(g1.path.map((point) => point.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(g1.path[0]?.value.value).toBe(200n * YI);
    expect(g1.path[3]?.value.value).toBe(400n * YI);
    // 200亿 · 2^(1/3) = 251.98亿, rounded to the yuan.
    const expected2021 = 200e8 * 2 ** (1 / 3);
    expect(Number(g1.path[1]?.value.value) / 100).toBeCloseTo(Math.round(expected2021), 0);
    expect((g1.path[1]?.value.value ?? 1n) % 100n).toBe(0n);
    expect(g1.actuals.map((entry) => [entry.year, entry.value.value])).toEqual([
      [2021, 240n * YI],
      [2022, 330n * YI],
      [2023, 400n * YI],
    ]);
  });

  it("splits the change since the baseline by chain, town and enterprise, and ranks the fall risks", () => {
    const g1 = byId(computeTargets(plan, g1Snapshot(0n)), "G1");
    const contribution = g1.contribution;
    expect(contribution?.total).toBe(200n * YI);
    // Equal changes sort by key, then by enterprise id.
    expect(contribution?.byChain).toEqual([
      { key: "biomedicine", change: 100n * YI, from: 200n * YI, to: 300n * YI },
      { key: "electronics", change: 100n * YI, from: 0n, to: 100n * YI },
    ]);
    expect(contribution?.byTown.map((group) => group.key)).toEqual(["licun", "liyang"]);
    expect(contribution?.topContributors.map((entry) => entry.enterpriseId)).toEqual([1, 2]);
    const risks = g1.fallRisks ?? [];
    expect(risks[0]?.enterpriseId).toBe(1);
    expect(risks[0]?.shareMillionths).toBe(750_000n);
    expect(risks[0]?.targetMetWithout).toBe(false);
  });

  it("in the deadline year, says what the remaining months must bring", () => {
    const months: SnapshotFigure[] = [];
    for (let month = 1; month <= 12; month++) {
      months.push(revenue(1, 2022, 20n * YI, month));
      if (month <= 9) months.push(revenue(1, 2023, 25n * YI, month));
    }
    const data = snapshot({
      asOf: { year: 2023, month: 9 },
      enterprises: [enterprise(1, { 2020: "above", 2021: "above", 2022: "above", 2023: "above" })],
      figures: [revenue(1, 2020, 200n * YI), revenue(1, 2021, 220n * YI), ...months],
    });
    const g1 = byId(computeTargets(plan, data), "G1");
    expect(g1.current?.year).toBe(2022);
    expect(g1.current?.value.value).toBe(240n * YI);
    expect(g1.yearToDate?.value.value).toBe(225n * YI);
    expect(g1.yearToDate?.samePeriodLastYear?.value).toBe(180n * YI);
    const remaining = g1.requiredGrowth?.remaining;
    // 400亿 + 1 fen − 225亿 over three months; last year's October–December brought 60亿.
    expect(remaining?.neededInRemaining).toBe(175n * YI + 1n);
    expect(remaining?.perMonth).toBe((175n * YI + 1n + 2n) / 3n);
    expect(remaining?.growthOverSamePeriod).toBeCloseTo(175 / 60 - 1, 6);
    expect(g1.requiredGrowth?.annualRate).toBeCloseTo(400 / 240 - 1, 6);
  });
});

describe("G3 主体突破: above-scale enterprises", () => {
  // Baseline 2020: 1, 2, 3 above. 2021: 4 enters, 3 exits. 2022: 5 and 6 enter. 2023: 3 re-enters, 1 exits.
  const data = snapshot({
    enterprises: [
      enterprise(1, { 2020: "above", 2021: "above", 2022: "above", 2023: "reserve" }),
      enterprise(2, { 2020: "above", 2021: "above", 2022: "above", 2023: "above" }, { chainId: "electronics" }),
      enterprise(3, { 2020: "above", 2021: "reserve", 2022: "reserve", 2023: "above" }),
      enterprise(4, { 2020: "reserve", 2021: "above", 2022: "above", 2023: "above" }, { town: "liyang" }),
      enterprise(5, { 2020: "other", 2022: "above", 2023: "above" }),
      enterprise(6, { 2022: "above", 2023: "above" }, { chainId: "aviation" }),
    ],
  });

  it("counts the net increase as entries minus exits since the baseline", () => {
    const results = computeTargets(plan, data);
    const net = byId(results, "G3-NET");
    expect(net.baseline?.value).toBe(0n);
    expect(net.current?.value.value).toBe(2n);
    expect(net.actuals.map((entry) => Number(entry.value.value))).toEqual([0, 2, 2]);
    expect(net.met).toBe(false);
    expect(net.status).toBe("red");
    const total = byId(results, "G3-TOTAL");
    expect(total.baseline?.value).toBe(3n);
    expect(total.current?.value.value).toBe(5n);
    // Linear path 3 → 50 over three years, rounded up: what is needed by then.
    expect(total.path.map((point) => Number(point.value.value))).toEqual([3, 19, 35, 50]);
  });

  it("lists the entries and exits year by year, and they add up to the net increase", () => {
    const net = byId(computeTargets(plan, data), "G3-NET");
    expect(net.contribution?.total).toBe(2n);
    expect(net.contribution?.byChain.find((group) => group.key === "electronics")?.change).toBe(0n);
    expect(net.contribution?.byChain.find((group) => group.key === "aviation")?.change).toBe(1n);
    const context = buildContext(plan, data);
    const changes = aboveScaleChanges(context.index, 2020, 2023);
    expect(changes).toEqual([
      { year: 2021, entered: [4], exited: [3] },
      { year: 2022, entered: [5, 6], exited: [] },
      { year: 2023, entered: [3], exited: [1] },
    ]);
    const entries = changes.reduce((sum, year) => sum + year.entered.length - year.exited.length, 0);
    expect(entries).toBe(2);
    const counted = contributionAnalysis(new SnapshotIndex(data), "count", 2020, 2023);
    expect(counted.topContributors.map((entry) => entry.enterpriseId)).toEqual([4, 5, 6]);
    expect(counted.largestDeclines.map((entry) => entry.enterpriseId)).toEqual([1]);
  });

  it("compares 突破50户 strictly: 50 is not enough, 51 is", () => {
    const many = (n: number) =>
      snapshot({
        enterprises: Array.from({ length: n }, (_, i) =>
          enterprise(i + 1, { 2020: i < 26 ? "above" : "reserve", 2023: "above" }),
        ),
      });
    expect(byId(computeTargets(plan, many(50)), "G3-TOTAL").met).toBe(false);
    expect(byId(computeTargets(plan, many(51)), "G3-TOTAL").met).toBe(true);
    // Net increase 51 − 26 = 25 ≥ 24.
    expect(byId(computeTargets(plan, many(51)), "G3-NET").met).toBe(true);
    expect(byId(computeTargets(plan, many(50)), "G3-NET").current?.value.value).toBe(24n);
    expect(byId(computeTargets(plan, many(50)), "G3-NET").met).toBe(true);
  });
});

describe("G2 and M2: projects by category", () => {
  const projects = [
    project(1, "5000000000", 2021), // exactly 50亿: a "50 project"
    project(2, "4999999999.99", 2021), // one fen short: a "20 project"
    project(3, "2000000000", 2022), // exactly 20亿: a "20 project"
    project(4, "1999999999.99", 2022), // one fen short of 20亿: neither, but ≥ 2000万
    project(5, "20000000", 2023), // exactly 2000万: counted by T-M2b
    project(6, "19999999.99", 2023), // one fen short: not counted
    project(7, "3000000000", 2020), // introduced before the plan: not counted
    project(8, "3000000000", 2023, { stage: "negotiation" }), // still negotiating: not introduced
  ];
  const results = computeTargets(plan, snapshot({ projects }));

  it("classifies at the thresholds (≥ 50亿, ≥ 20亿, ≥ 2000万), categories exclusive", () => {
    expect(byId(results, "G2-50").current?.value.value).toBe(1n);
    expect(byId(results, "G2-20").current?.value.value).toBe(2n);
    expect(byId(results, "T-M2b").current?.value.value).toBe(5n);
    expect(byId(results, "G2-50").status).toBe("green");
    expect(byId(results, "G2-20").status).toBe("red");
  });

  it("checks the yearly milestones (two 20 projects each year) as each year's own count", () => {
    const yearly = byId(results, "T-M2a").yearly;
    expect(yearly.map((entry) => [entry.year, Number(entry.actual?.value), entry.met])).toEqual([
      [2021, 1, false],
      [2022, 1, false],
      [2023, 0, false],
    ]);
    expect(byId(results, "T-M2a").path.map((point) => Number(point.value.value))).toEqual([0, 2, 4, 6]);
    expect(byId(results, "T-M2a").pathShape).toBe("milestones");
  });

  it("follows the threshold parameters", () => {
    const lowered = computeTargets(plan, snapshot({ projects }), { parameters: { project50Threshold: "4000000000" } });
    expect(byId(lowered, "G2-50").current?.value.value).toBe(2n);
    expect(byId(lowered, "G2-20").current?.value.value).toBe(1n);
  });
});

describe("aspirations (力争) and shares", () => {
  it("an aspiration behind at the deadline reads aspiration-behind, never red", () => {
    const behind = computeTargets(
      plan,
      snapshot({
        investment: [
          { year: 2020, total: 100n * YI, manufacturing: 30n * YI },
          { year: 2023, total: 100n * YI, manufacturing: 30n * YI },
        ],
      }),
    );
    expect(byId(behind, "T-M5").status).toBe("aspiration-behind");
    expect(byId(behind, "T-M5").met).toBe(false);
  });

  it("a share of exactly 50 % meets 50 %以上", () => {
    const exact = computeTargets(
      plan,
      snapshot({ investment: [{ year: 2023, total: 3n * YI + 1n, manufacturing: (3n * YI + 1n) / 2n + 1n }] }),
    );
    expect(byId(exact, "T-M5").met).toBe(true);
    const half = computeTargets(plan, snapshot({ investment: [{ year: 2023, total: 2n * YI, manufacturing: YI }] }));
    expect(byId(half, "T-M5").met).toBe(true);
    const short = computeTargets(
      plan,
      snapshot({ investment: [{ year: 2023, total: 2n * YI, manufacturing: YI - 1n }] }),
    );
    expect(byId(short, "T-M5").met).toBe(false);
  });

  it("listing stages and the range of 1–2 listings", () => {
    const results = computeTargets(
      plan,
      snapshot({
        listings: [
          { enterpriseId: 1, stage: "display", year: 2021 },
          { enterpriseId: 1, stage: "shareholding", year: 2022 },
          { enterpriseId: 2, stage: "display", year: 2020 },
          { enterpriseId: 3, stage: "display", year: 2023 },
          { enterpriseId: 3, stage: "display", year: 2022 },
        ],
      }),
    );
    expect(byId(results, "T-M7a").current?.value.value).toBe(2n);
    expect(byId(results, "T-M7b").current?.value.value).toBe(1n);
    const listed = byId(results, "T-M7c");
    expect(listed.current?.value.value).toBe(0n);
    expect(listed.upperValue?.value).toBe(2n);
    expect(listed.status).toBe("aspiration-behind");
  });

  it("help coverage counts key enterprises and key projects with a leader", () => {
    const results = computeTargets(
      plan,
      snapshot({
        asOf: { year: 2022, month: 6 },
        enterprises: [
          enterprise(1, {}, { isKey: true, hasLeader: true }),
          enterprise(2, {}, { isKey: true, hasLeader: false }),
          enterprise(3, {}, { isKey: false, hasLeader: false }),
        ],
        projects: [project(1, "100000000", 2021, { isKey: true, hasLeader: true })],
        onlineServices: [
          { id: "a", name: "企业开办", online: true },
          { id: "b", name: "项目审批", online: false },
        ],
      }),
    );
    const coverage = byId(results, "T-M10");
    expect(coverage.current?.value.ratio).toEqual({ numerator: 2n, denominator: 3n });
    expect(coverage.met).toBe(false);
    expect(coverage.status).toBe("yellow");
    expect(byId(results, "T-M9").current?.value.value).toBe(500_000n);
    expect(byId(results, "T-M9").status).toBe("aspiration-behind");
  });

  it("after the deadline, a register without history is judged as it stands", () => {
    const later = computeTargets(
      plan,
      snapshot({ asOf: { year: 2024, month: 3 }, enterprises: [enterprise(1, {}, { isKey: true, hasLeader: true })] }),
    );
    expect(byId(later, "T-M10").met).toBe(true);
    expect(byId(later, "T-M10").statusBasis).toBe("final");
    expect(byId(later, "T-M10").status).toBe("green");
  });
});

describe("status on the way", () => {
  const running = (net2021: number) =>
    snapshot({
      asOf: { year: 2022, month: 12 },
      enterprises: Array.from({ length: 10 + net2021 }, (_, i) =>
        enterprise(i + 1, { 2020: i < 10 ? "above" : "reserve", 2021: "above", 2022: "above" }),
      ),
    });

  it("green on the path, yellow a little behind, red far behind (path basis)", () => {
    // The path for G3-NET is 8, 16, 24: at the end of 2022, 16 are expected.
    expect(byId(computeTargets(plan, running(16)), "G3-NET").status).toBe("green");
    expect(byId(computeTargets(plan, running(13)), "G3-NET").status).toBe("yellow");
    expect(byId(computeTargets(plan, running(12)), "G3-NET").status).toBe("red");
    expect(byId(computeTargets(plan, running(12)), "G3-NET").statusBasis).toBe("path");
  });

  it("follows a forecast when one is given", () => {
    const forecast = (estimate: number, high: number) => ({
      "G3-NET": {
        estimate: { unit: "count" as const, value: BigInt(estimate) },
        low: { unit: "count" as const, value: BigInt(estimate - 3) },
        high: { unit: "count" as const, value: BigInt(high) },
      },
    });
    const data = running(12);
    expect(byId(computeTargets(plan, data, { forecasts: forecast(25, 28) }), "G3-NET").status).toBe("green");
    expect(byId(computeTargets(plan, data, { forecasts: forecast(22, 26) }), "G3-NET").status).toBe("yellow");
    expect(byId(computeTargets(plan, data, { forecasts: forecast(18, 21) }), "G3-NET").status).toBe("red");
    expect(byId(computeTargets(plan, data, { forecasts: forecast(18, 21) }), "G3-NET").statusBasis).toBe("forecast");
  });

  it("no data, no status", () => {
    const g1 = byId(computeTargets(plan, snapshot({})), "G1");
    expect(g1.status).toBe("no-data");
    expect(g1.notes[0]).toContain("缺少基期");
    expect(g1.noteMessages[0]).toEqual({ key: "target.baselineMissing", params: { year: g1.baselineYear } });
    expect(g1.noteMessages.map((message) => renderNote(message, "zh-CN"))).toEqual(g1.notes);
    expect(renderNote(g1.noteMessages[0] as NoteMessage, "en")).toBe(
      `No data for the baseline year (${g1.baselineYear})`,
    );
  });
});
