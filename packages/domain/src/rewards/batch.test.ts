import { describe, expect, test } from "vitest";
import { formatBatchErrors, formatJsonPath, parseRewardsBatch } from "./batch";
import { A, B } from "./testing/builders";

describe("parseRewardsBatch", () => {
  test("converts yuan strings to fen and drops absent fields", () => {
    const result = parseRewardsBatch({
      enterprises: [
        {
          creditCode: A,
          name: "甲",
          before: { maxRevenue: "3900000000", maxTax: null },
          years: [
            {
              year: 2021,
              aboveScale: true,
              revenue: "1234.56",
              tax: null,
              grants: [{ id: "g1", level: "national", purpose: "tech", amount: "0.05" }],
              techProjects: [],
              listing: "neeq",
            },
          ],
        },
      ],
      projects: [{ id: "p1", creditCode: B, plannedInvestment: "5000000000", introducedYear: 2021 }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.enterprises[0]).toEqual({
      creditCode: A,
      name: "甲",
      before: { maxRevenue: 390000000000n, maxTax: undefined },
      years: [
        {
          year: 2021,
          aboveScale: true,
          revenue: 123456n,
          grants: [{ id: "g1", level: "national", purpose: "tech", amount: 5n }],
          listing: "neeq",
        },
      ],
    });
    expect(result.input.projects).toEqual([
      { id: "p1", creditCode: B, plannedInvestment: 500000000000n, introducedYear: 2021 },
    ]);
  });

  test("projects may be absent", () => {
    const result = parseRewardsBatch({ enterprises: [] });
    expect(result.ok && result.input.projects).toEqual([]);
  });

  test("errors name JSON paths as EXCHANGE.md writes them", () => {
    const result = parseRewardsBatch({
      enterprises: [
        { creditCode: A, years: [] },
        { creditCode: B, years: [] },
        { creditCode: A.replace(/.$/, "0"), years: [] },
        { creditCode: B.slice(0, 17).concat("1"), years: [{ year: 2021 }, { year: 2022, revenue: "3,900" }] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatBatchErrors(result.errors)).toContain("enterprises[3].years[1].revenue: not a decimal");
    expect(result.errors.map((error) => error.path)).toContain("enterprises[2].creditCode");
  });

  test("formatJsonPath", () => {
    expect(formatJsonPath(["enterprises", 3, "years", 1, "revenue"])).toBe("enterprises[3].years[1].revenue");
    expect(formatJsonPath([])).toBe("(input)");
  });
});
