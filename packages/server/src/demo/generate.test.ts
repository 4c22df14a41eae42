import { isValidCreditCode } from "@beizeng/domain/credit-code";
import { describe, expect, it } from "vitest";
import {
  ABOVE_SCALE_THRESHOLD_FEN,
  DEMO_NAME_PREFIX,
  type DemoDataset,
  generateDemoData,
  splitAcrossMonths,
  summarizeDemoData,
} from "./generate";

const units = [
  { code: "nianyushan", name: "鲇鱼山镇", kind: "town" },
  { code: "liyang", name: "丽阳镇", kind: "town" },
  { code: "xijiao", name: "西郊街道", kind: "street" },
  { code: "commerce", name: "区商务局", kind: "department" },
  { code: "industry", name: "区工信局", kind: "department" },
  { code: "development", name: "区发改委", kind: "department" },
];

const YI = 10_000_000_000n;
const WAN = 1_000_000n;
const dataset = generateDemoData({ units });

function annual(data: DemoDataset, creditCode: string, year: number, metric = "revenue") {
  return data.figures.find(
    (f) => f.creditCode === creditCode && f.year === year && f.month === 0 && f.metric === metric,
  )?.value;
}

function status(data: DemoDataset, creditCode: string, year: number) {
  return data.enterprises.find((e) => e.creditCode === creditCode)?.scaleYears.find((s) => s.year === year)?.status;
}

describe("demo data", () => {
  it("is the same on every run", () => {
    const again = generateDemoData({ units });
    expect(again).toEqual(dataset);
    expect(generateDemoData({ units, seed: 7 }).enterprises[0]?.name).not.toBe(dataset.enterprises[0]?.name);
  });

  it("is sized like the district: about 30 above-scale enterprises with about 200亿 in 2020, a pool of about 60", () => {
    const year2020 = summarizeDemoData(dataset).find((row) => row.year === 2020)!;
    expect(year2020.above).toBe(30);
    expect(year2020.revenueYi).toBeGreaterThanOrEqual(190);
    expect(year2020.revenueYi).toBeLessThanOrEqual(210);
    expect(year2020.reserve).toBe(60);
    const reserve2020 = dataset.enterprises.filter((e) => status(dataset, e.creditCode, 2020) === "reserve");
    for (const enterprise of reserve2020)
      expect(annual(dataset, enterprise.creditCode, 2020)).toBeLessThan(ABOVE_SCALE_THRESHOLD_FEN);
    const close = reserve2020.filter((e) => annual(dataset, e.creditCode, 2020)! >= 1_500n * WAN);
    expect(close.length).toBeGreaterThanOrEqual(10);
  });

  it("has a heavy tail: a few large enterprises and many small ones", () => {
    const revenues = dataset.enterprises
      .filter((e) => status(dataset, e.creditCode, 2020) === "above")
      .map((e) => annual(dataset, e.creditCode, 2020)!)
      .sort((a, b) => (a < b ? 1 : -1));
    expect(revenues[0]).toBeGreaterThan(40n * YI);
    expect(revenues.filter((value) => value >= 10n * YI).length).toBeLessThanOrEqual(6);
    expect(revenues.filter((value) => value < YI).length).toBeGreaterThanOrEqual(8);
  });

  it("derives status from revenue, with entries and exits in 2019–2023", () => {
    const counts = summarizeDemoData(dataset).map((row) => row.above);
    expect(counts).toEqual([29, 30, 36, 44, 52]);
    for (const enterprise of dataset.enterprises) {
      for (const { year, status: yearStatus } of enterprise.scaleYears) {
        const above = annual(dataset, enterprise.creditCode, year)! >= ABOVE_SCALE_THRESHOLD_FEN;
        expect(yearStatus === "above").toBe(above);
      }
    }
    const exits = dataset.enterprises.filter((e) =>
      e.scaleYears.some((s, i) => i > 0 && s.status !== "above" && e.scaleYears[i - 1]?.status === "above"),
    );
    expect(exits.length).toBe(3);
  });

  it("has monthly figures 2021–2023 that sum exactly to the annual value", () => {
    const enterprise = dataset.enterprises[5]!;
    for (const year of [2021, 2022, 2023]) {
      for (const metric of ["revenue", "tax", "output"]) {
        const months = dataset.figures.filter(
          (f) => f.creditCode === enterprise.creditCode && f.year === year && f.metric === metric && f.month > 0,
        );
        expect(months).toHaveLength(12);
        expect(months.reduce((sum, f) => sum + f.value, 0n)).toBe(annual(dataset, enterprise.creditCode, year, metric));
      }
    }
    // Seasonality: February (Spring Festival) is below December.
    const feb = dataset.figures.find((f) => f.creditCode === enterprise.creditCode && f.year === 2022 && f.month === 2);
    const dec = dataset.figures.find(
      (f) => f.creditCode === enterprise.creditCode && f.year === 2022 && f.month === 12,
    );
    expect(feb!.value).toBeLessThan(dec!.value);
  });

  it("uses valid, unique credit codes and clearly synthetic, unique names", () => {
    const codes = new Set(dataset.enterprises.map((e) => e.creditCode));
    expect(codes.size).toBe(dataset.enterprises.length);
    for (const code of codes) expect(isValidCreditCode(code)).toBe(true);
    const names = [...dataset.enterprises.map((e) => e.name), ...dataset.projects.map((p) => p.name)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.startsWith(DEMO_NAME_PREFIX)).toBe(true);
  });

  it("places enterprises mostly on the Yuli platform towns and names key enterprises with leaders", () => {
    const onPlatform = dataset.enterprises.filter(
      (e) => e.townUnitCode === "nianyushan" || e.townUnitCode === "liyang",
    );
    expect(onPlatform.length / dataset.enterprises.length).toBeGreaterThan(0.6);
    const key = dataset.enterprises.filter((e) => e.isKey);
    expect(key.length).toBe(10);
    expect(key.filter((e) => e.leaderUsername === "demo-leader").length).toBe(6);
    expect(dataset.enterprises.filter((e) => e.listingStage !== null).length).toBeGreaterThanOrEqual(10);
  });

  it("has about 40 projects: one 50 project, 20 projects, and many of at least 2000万", () => {
    const planned = dataset.projects.map((p) => p.plannedInvestmentFen);
    expect(dataset.projects).toHaveLength(40);
    expect(planned.filter((v) => v >= 50n * YI).length).toBe(1);
    expect(planned.filter((v) => v >= 20n * YI).length).toBeGreaterThanOrEqual(3);
    expect(planned.filter((v) => v >= 2_000n * WAN).length).toBeGreaterThanOrEqual(25);
    const stages = new Set(dataset.projects.map((p) => p.stage));
    expect(stages).toEqual(new Set(["planning", "negotiation", "signed", "construction", "production"]));
    for (const project of dataset.projects) {
      expect(project.completedInvestmentFen).toBeLessThanOrEqual(project.plannedInvestmentFen);
      if (project.stage === "production") expect(project.productionYear).not.toBeNull();
      if (project.productionYear !== null)
        expect(project.productionYear).toBeGreaterThanOrEqual(project.introducedYear!);
    }
    const linked = dataset.projects.filter((p) => p.enterpriseCreditCode !== null);
    expect(linked.length).toBe(5);
  });

  it("has one account per role, the unit account in 区商务局 and two different enterprise accounts", () => {
    const roles = dataset.accounts.map((a) => a.role);
    expect(new Set(roles)).toEqual(new Set(["office", "leader", "unit", "inspector", "enterprise"]));
    expect(dataset.accounts.find((a) => a.role === "unit")?.unitCode).toBe("commerce");
    const enterpriseAccounts = dataset.accounts.filter((a) => a.role === "enterprise");
    expect(enterpriseAccounts).toHaveLength(2);
    expect(enterpriseAccounts[0]?.enterpriseCreditCode).not.toBe(enterpriseAccounts[1]?.enterpriseCreditCode);
    for (const account of dataset.accounts) expect(account.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);
  });
});

describe("splitAcrossMonths", () => {
  it("splits exactly, proportionally to the weights", () => {
    const parts = splitAcrossMonths(1_000n, [1, 1, 1]);
    expect(parts).toEqual([334n, 333n, 333n]);
    expect(splitAcrossMonths(12n, [0, 1, 2, 3]).reduce((a, b) => a + b, 0n)).toBe(12n);
    expect(splitAcrossMonths(12n, [0, 1, 2, 3])[0]).toBe(0n);
  });
});
