/**
 * Rules take a shorter way when no why-nots are asked for — those of the yearly figures alone (growth bands,
 * first-time tiers), and those of an event, a grant or a tech project without tiers: the same awards, tiers, keys and
 * explanations either way, at band boundaries, for figures beyond what doubles hold to the fen, with repeated
 * subjects and with prior grants.
 */
import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, B, enterprise, paid, run, type YearSpec } from "../testing/builders";
import { changjiangKindsPlan } from "../testing/plans";
import type { RewardResult } from "../types";

const plan = changjiangKindsPlan();

/** Every award as a line with its key and explanation. */
const awards = (result: RewardResult) =>
  result.entitlements.map(
    (entry) => `${entry.key} ${entry.ruleId} ${entry.tier} ${entry.amount} ${JSON.stringify(explanationOf(entry))}`,
  );

/** The same run with why-nots (the full way) and without (the short way); both paid lines returned. */
function bothWays(years: YearSpec[], alreadyGranted: string[] = []) {
  const enterprises = [enterprise(A, years), enterprise(B, years)];
  const full = run(plan, { enterprises, alreadyGranted });
  const short = run(plan, { enterprises, alreadyGranted, options: { whyNots: false } });
  expect(short.nonPayments).toEqual([]);
  expect(awards(short)).toEqual(awards(full));
  return short;
}

/** Growth from `previous` to `current` (yuan) in 2022, above scale. */
const growth = (previous: string, current: string) =>
  paid(
    bothWays([
      { year: 2021, aboveScale: true, revenue: previous },
      { year: 2022, aboveScale: true, revenue: current },
    ]),
    "R-GROWTH",
    A,
  ).filter((line) => line.startsWith("2022"));

describe("the yearly figures' rules without why-nots", () => {
  test("growth exactly at a band is not above it, one fen more is", () => {
    expect(growth("1000000000", "1050000000")).toEqual([]);
    expect(growth("1000000000", "1050000000.01")).toEqual(["2022 0.05 20000"]);
    expect(growth("1000000000", "1150000000.01")).toEqual(["2022 0.15 200000"]);
    expect(growth("1000000000", "850000000")).toEqual([]);
  });

  test("figures beyond what doubles hold to the fen: one fen decides", () => {
    // 1,000 and 100,000 billion yuan: far beyond what doubles hold to the fen once multiplied.
    expect(growth("1000000000000", "1080000000000")).toEqual(["2022 0.05 20000"]);
    expect(growth("1000000000000", "1080000000000.01")).toEqual(["2022 0.08 80000"]);
    expect(growth("100000000000000", "105000000000000")).toEqual([]);
    expect(growth("100000000000000", "105000000000000.01")).toEqual(["2022 0.05 20000"]);
    // Around 2^43 fen.
    expect(growth("87960930222.08", "92358976733.19")).toEqual(["2022 0.05 20000"]);
    expect(growth("87960930222.09", "92358976733.19")).toEqual([]);
  });

  test("first-time tiers: crossed in a plan year, once; a tier crossed before is not paid again", () => {
    const result = bothWays([
      { year: 2020, aboveScale: true, revenue: "6000000000", tax: "150000000" },
      { year: 2021, aboveScale: true, revenue: "12000000000", tax: "90000000" },
      { year: 2022, aboveScale: true, revenue: "31000000000", tax: "600000000" },
      { year: 2023, aboveScale: true, revenue: "32000000000", tax: "2000000000" },
    ]);
    expect(paid(result, "R-REV-MILESTONE", A)).toEqual(["2021 10000000000 2000000", "2022 30000000000 6000000"]);
    // Exactly at 20亿 is not above it: 10亿 is the tier crossed in 2023.
    expect(paid(result, "R-TAX-MILESTONE", A)).toEqual(["2022 500000000 5000000", "2023 1000000000 10000000"]);
  });

  test("prior grants are honoured the same way", () => {
    const years: YearSpec[] = [
      { year: 2021, aboveScale: true, revenue: "1000000000" },
      { year: 2022, aboveScale: true, revenue: "1200000000", tax: "600000000" },
      { year: 2023, aboveScale: true, revenue: "1300000000", tax: "700000000" },
    ];
    const result = bothWays(years, [`R-GROWTH|${A}|2022`, `R-TAX-MILESTONE|${A}|500000000`]);
    expect(paid(result, "R-GROWTH", A)).toEqual(["2023 0.08 80000"]);
    // 1亿 and 5亿 crossed in 2022, each paid: 5亿 was granted before.
    expect(paid(result, "R-TAX-MILESTONE", A)).toEqual(["2022 100000000 1000000"]);
    expect(paid(result, "R-GROWTH", B)).toEqual(["2022 0.15 200000", "2023 0.08 80000"]);
    expect(paid(result, "R-TAX-MILESTONE", B)).toEqual(["2022 100000000 1000000", "2022 500000000 5000000"]);
  });

  test("events, grants and tech projects: a grant listed twice, one outside the plan, re-entry, prior grants", () => {
    const grant = { id: "g1", level: "national" as const, purpose: "project" as const, amount: "1000000.05" };
    const result = bothWays(
      [
        { year: 2020, grants: [{ ...grant, id: "g0" }] },
        { year: 2021, newlyAboveScale: true, grants: [grant, { ...grant, id: "g2", amount: "0.02" }] },
        {
          year: 2022,
          listedRegistrationMovedIn: true,
          grants: [grant],
          techProjects: [
            { id: "t1", investment: "3000000", equipmentInvoices: "2000000.46", techFundsReceived: false },
          ],
        },
        { year: 2023, newlyAboveScale: true, listing: "neeq" },
      ],
      [`R-LISTED-MOVE|${B}`, `R-MATCH|${B}|g1`],
    );
    expect(paid(result, "R-MATCH", A)).toEqual(["2021 0.20 200000.01"]);
    expect(paid(result, "R-MATCH", B)).toEqual([]);
    expect(paid(result, "R-TECH", A)).toEqual(["2022 - 20000"]);
    expect(paid(result, "R-LISTED-MOVE", A)).toEqual(["2022 - 2000000"]);
    expect(paid(result, "R-LISTED-MOVE", B)).toEqual([]);
    expect(paid(result, "R-NEW-SCALE", A)).toEqual(["2021 - 30000"]);
  });
});
