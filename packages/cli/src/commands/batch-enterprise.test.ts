import { parseRewardsBatch } from "@beizeng/domain/rewards/batch";
import { code } from "@beizeng/domain/rewards/testing/builders";
import { describe, expect, test } from "vitest";
import { plainlyValidEnterprise } from "./batch-enterprise";

/** What the domain's schema makes of one enterprise, or null when it refuses it. */
function throughSchema(value: unknown) {
  const parsed = parseRewardsBatch({ enterprises: [value] });
  return parsed.ok ? parsed.input.enterprises[0] : null;
}

const full = {
  creditCode: code(1),
  name: "测试企业",
  before: { maxRevenue: "123.40", maxTax: null },
  years: [
    {
      year: 2021,
      aboveScale: true,
      newlyAboveScale: false,
      revenue: "1000000000",
      tax: "12.3",
      grants: [{ id: " g1 ", level: "national", purpose: "project", amount: "100.05" }],
      techProjects: [{ id: "t1", investment: "3000000", equipmentInvoices: "0.5", techFundsReceived: false }],
      listing: "neeq",
      listedRegistrationMovedIn: null,
      top500SettledIn: true,
    },
    { year: 2022, grants: [], techProjects: null, revenue: null },
  ],
};

/** Variants of `full`, each changed in one place; some are valid, some not. */
function variants(): unknown[] {
  const change = (patch: (copy: typeof full & Record<string, unknown>) => void) => {
    const copy = structuredClone(full) as typeof full & Record<string, unknown>;
    patch(copy);
    return copy;
  };
  const year = (copy: typeof full) => copy.years[0] as Record<string, unknown>;
  return [
    full,
    { creditCode: code(2), years: [] },
    change((c) => delete (c as Record<string, unknown>).name),
    change((c) => ((c as Record<string, unknown>).before = { maxRevenue: "1" })),
    change((c) => ((c as Record<string, unknown>).before = {})),
    change((c) => ((c as Record<string, unknown>).before = null)),
    change((c) => ((c as Record<string, unknown>).name = 5)),
    change((c) => ((c as Record<string, unknown>).creditCode = "91360200MA35A0001Y")),
    change((c) => ((c as Record<string, unknown>).extra = 1)),
    change((c) => ((c as Record<string, unknown>).years = {})),
    change((c) => (year(c).revenue = "1.234")),
    change((c) => (year(c).revenue = "-1")),
    change((c) => (year(c).revenue = "1e9")),
    change((c) => (year(c).revenue = 100)),
    change((c) => (year(c).revenue = " 100")),
    change((c) => (year(c).revenue = "1.230")),
    change((c) => (year(c).year = 2021.5)),
    change((c) => (year(c).year = 1899)),
    change((c) => (year(c).year = "2021")),
    change((c) => (year(c).aboveScale = "yes")),
    change((c) => (year(c).listing = "nasdaq")),
    change((c) => (year(c).listing = null)),
    change((c) => (year(c).unknown = true)),
    change((c) => (year(c).grants = [{ id: "", level: "national", purpose: "project", amount: "1" }])),
    change((c) => (year(c).grants = [{ id: "g", level: "district", purpose: "project", amount: "1" }])),
    change((c) => (year(c).grants = [{ id: "g", level: "national", purpose: "project" }])),
    change((c) => (year(c).grants = "none")),
    change((c) => (year(c).techProjects = [{ id: "t", investment: "1", equipmentInvoices: "1" }])),
    change((c) => ((c.years[1] as Record<string, unknown>).year = 2021)),
    change(
      (c) =>
        ((c.years[1] as Record<string, unknown>).grants = [
          { id: "g1", level: "national", purpose: "tech", amount: "1" },
        ]),
    ),
    change(
      (c) =>
        ((c.years[1] as Record<string, unknown>).techProjects = [
          { id: "t1", investment: "1", equipmentInvoices: "1", techFundsReceived: true },
        ]),
    ),
    JSON.parse('{"creditCode": "x", "years": [], "__proto__": {}}'),
    null,
    [],
    "enterprise",
  ];
}

describe("an enterprise read without the schema", () => {
  test("is exactly what the schema makes of it, or is left to the schema", () => {
    let readDirectly = 0;
    for (const value of variants()) {
      const direct = plainlyValidEnterprise(value);
      const schema = throughSchema(value);
      if (direct === null) continue;
      readDirectly++;
      expect(schema, JSON.stringify(value)).not.toBeNull();
      expect(direct).toEqual(schema);
      expect(JSON.stringify(direct, (_key, v) => (typeof v === "bigint" ? `${v}n` : v))).toBe(
        JSON.stringify(schema, (_key, v) => (typeof v === "bigint" ? `${v}n` : v)),
      );
    }
    expect(readDirectly).toBeGreaterThanOrEqual(8);
  });

  test("an ordinary enterprise is read directly, and anything the schema refuses is not", () => {
    expect(plainlyValidEnterprise(full)).not.toBeNull();
    for (const value of variants()) if (throughSchema(value) === null) expect(plainlyValidEnterprise(value)).toBeNull();
  });
});
