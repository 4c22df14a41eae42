import { isValidCreditCode } from "@beizeng/domain/credit-code";
import { PROJECT_STAGES, scheduleState } from "@beizeng/domain/projects/lifecycle";
import { describe, expect, it } from "vitest";
import {
  ABOVE_SCALE_THRESHOLD_FEN,
  DEMO_NAME_PREFIX,
  type DemoDataset,
  generateDemoData,
  splitAcrossMonths,
  summarizeDemoData,
} from "./generate";
import { replayMoves } from "./project-activity";

const units = [
  { code: "nianyushan", name: "鲇鱼山镇", kind: "town" },
  { code: "liyang", name: "丽阳镇", kind: "town" },
  { code: "xijiao", name: "西郊街道", kind: "street" },
  { code: "commerce", name: "区商务局", kind: "department" },
  { code: "industry", name: "区工信局", kind: "department" },
  { code: "development", name: "区发改委", kind: "department" },
  { code: "statistics", name: "区统计局", kind: "department" },
  { code: "taxation", name: "区税务局", kind: "department" },
  { code: "finance", name: "区财政局", kind: "department" },
  { code: "financial-affairs", name: "区金融办", kind: "department" },
  { code: "natural-resources", name: "市自然资源和规划局昌江分局", kind: "department" },
  { code: "ecology", name: "昌江生态环境局", kind: "department" },
  { code: "service-center", name: "区行政服务中心", kind: "department" },
];

const YI = 10_000_000_000n;
const WAN = 1_000_000n;
const TODAY = "2026-11-25";
const dataset = generateDemoData({ units, today: TODAY });
const PLAN_YEARS = [2021, 2022, 2023];

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
    const again = generateDemoData({ units, today: TODAY });
    expect(again).toEqual(dataset);
    expect(generateDemoData({ units, seed: 7 }).enterprises[0]?.name).not.toBe(dataset.enterprises[0]?.name);
  });

  it("keeps the register, figures and projects whatever the load date (the end-to-end tests name them)", () => {
    const later = generateDemoData({ units, today: "2031-03-02" });
    expect(later.enterprises).toEqual(dataset.enterprises);
    expect(later.figures).toEqual(dataset.figures);
    expect(later.projects).toEqual(dataset.projects);
    expect(dataset.enterprises.some((e) => e.name === "昌江演示·华澜原料药有限公司")).toBe(true);
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

  it("has key enterprises with a leader whose 2023 revenue fell more than 10 % in some months, the year unchanged", () => {
    const monthly = (creditCode: string, year: number, month: number) =>
      dataset.figures.find(
        (f) => f.creditCode === creditCode && f.year === year && f.month === month && f.metric === "revenue",
      )?.value ?? 0n;
    const falling = dataset.enterprises.filter(
      (e) =>
        e.isKey &&
        e.leaderUsername !== null &&
        Array.from({ length: 12 }, (_, i) => i + 1).some(
          (month) => monthly(e.creditCode, 2023, month) * 10n < monthly(e.creditCode, 2022, month) * 9n,
        ),
    );
    expect(falling.length).toBeGreaterThanOrEqual(2);
    for (const enterprise of falling) {
      let sum = 0n;
      for (let month = 1; month <= 12; month++) sum += monthly(enterprise.creditCode, 2023, month);
      expect(sum).toBe(annual(dataset, enterprise.creditCode, 2023));
    }
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

  it("has one account per role (the city's reader among them), the unit account in 区商务局, the bureaus' accounts and two enterprise accounts", () => {
    const roles = dataset.accounts.map((a) => a.role);
    expect(new Set(roles)).toEqual(new Set(["office", "leader", "unit", "inspector", "enterprise", "region"]));
    expect(dataset.accounts.find((a) => a.role === "unit")?.unitCode).toBe("commerce");
    const unitOf = (username: string) => dataset.accounts.find((a) => a.username === username)?.unitCode;
    expect(unitOf("demo-stats")).toBe("statistics");
    expect(unitOf("demo-tax")).toBe("taxation");
    expect(unitOf("demo-finance")).toBe("finance");
    expect(unitOf("demo-financial-affairs")).toBe("financial-affairs");
    const enterpriseAccounts = dataset.accounts.filter((a) => a.role === "enterprise");
    expect(enterpriseAccounts).toHaveLength(2);
    expect(enterpriseAccounts[0]?.enterpriseCreditCode).not.toBe(enterpriseAccounts[1]?.enterpriseCreditCode);
    for (const account of dataset.accounts) expect(account.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);
  });
});

describe("demo register records", () => {
  const enterprise = (creditCode: string) => dataset.enterprises.find((e) => e.creditCode === creditCode)!;

  it("dates every listing step, in order, ending at the enterprise's listing stage", () => {
    const order = ["display", "shareholding", "neeq", "domestic", "overseas"];
    const listed = dataset.enterprises.filter((e) => e.listingStage !== null);
    for (const e of listed) {
      const steps = dataset.listingEvents.filter((event) => event.creditCode === e.creditCode);
      expect(steps.at(-1)?.stage).toBe(e.listingStage);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]!.date > steps[i - 1]!.date).toBe(true);
        expect(order.indexOf(steps[i]!.stage)).toBeGreaterThan(order.indexOf(steps[i - 1]!.stage));
      }
    }
    expect(new Set(dataset.listingEvents.map((event) => event.creditCode)).size).toBe(listed.length);
    // Within the plan: display listings fall short of T-M7a's 18, six reforms meet T-M7b, one company lists.
    const inPlan = (stage: string) =>
      dataset.listingEvents.filter((e) => e.stage === stage && PLAN_YEARS.includes(Number(e.date.slice(0, 4))));
    expect(inPlan("display").length).toBeGreaterThanOrEqual(10);
    expect(inPlan("display").length).toBeLessThan(18);
    expect(inPlan("shareholding")).toHaveLength(6);
    expect(inPlan("domestic").length + inPlan("overseas").length).toBe(1);
  });

  it("has designations of every kind, a 小巨人 only after its 专精特新", () => {
    const kinds = new Set(dataset.designations.map((d) => d.kind));
    expect(kinds).toEqual(new Set(["specialized", "little_giant", "single_champion", "integration"]));
    expect(new Set(dataset.designations.map((d) => d.level))).toEqual(new Set(["national", "provincial", "municipal"]));
    for (const giant of dataset.designations.filter((d) => d.kind === "little_giant")) {
      const specialized = dataset.designations.find(
        (d) => d.kind === "specialized" && d.creditCode === giant.creditCode,
      );
      expect(specialized!.year).toBeLessThan(giant.year);
    }
    const keys = dataset.designations.map((d) => `${d.creditCode}|${d.kind}|${d.level}|${d.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("has the leader's notes on enterprises assigned to the leader, dated before the load date", () => {
    expect(dataset.serviceNotes.length).toBeGreaterThanOrEqual(2);
    for (const note of dataset.serviceNotes) {
      expect(enterprise(note.creditCode).leaderUsername).toBe(note.authorUsername);
      expect(note.notedOn < TODAY).toBe(true);
    }
  });
});

describe("demo project schedules", () => {
  it("reach each project's stage and years through moves the lifecycle allows", () => {
    for (const project of dataset.projects) {
      const schedule = dataset.projectSchedules.find((s) => s.projectCode === project.code)!;
      const replayed = replayMoves(schedule.moves);
      expect(replayed.stage).toBe(project.stage);
      if (project.stage !== "planning") {
        expect(replayed.introducedYear).toBe(project.introducedYear);
        expect(replayed.productionYear).toBe(project.productionYear);
      }
      for (const move of schedule.moves) expect(move.reachedOn <= "2023-12-31").toBe(true);
      for (const [index, stage] of PROJECT_STAGES.entries()) {
        const dates = schedule.dates.find((d) => d.stage === stage)!;
        expect(dates.reachedOn !== null).toBe(index <= PROJECT_STAGES.indexOf(project.stage));
      }
    }
    const back = dataset.projectSchedules.flatMap((s) => s.moves).filter((m) => m.reason !== null);
    expect(back.length).toBeGreaterThanOrEqual(1);
  });

  it("has some projects a little late, some more than 30 days late, most on time", () => {
    const states = dataset.projects.map((project) => {
      const schedule = dataset.projectSchedules.find((s) => s.projectCode === project.code)!;
      return scheduleState(project.stage, schedule.dates, TODAY).status;
    });
    expect(states.filter((s) => s === "yellow")).toHaveLength(2);
    expect(states.filter((s) => s === "red")).toHaveLength(3);
    expect(states.filter((s) => s === "green").length).toBeGreaterThan(10);
  });

  it("has open problems (some overdue), one answered, one closed, and the leader's decisions", () => {
    const open = dataset.blockers.filter((b) => b.status === "open");
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.filter((b) => b.dueOn < TODAY).length).toBeGreaterThanOrEqual(1);
    expect(dataset.blockers.some((b) => b.status === "answered" && b.answer)).toBe(true);
    expect(dataset.blockers.some((b) => b.status === "closed" && b.closedOn)).toBe(true);
    expect(dataset.decisions.length).toBeGreaterThanOrEqual(2);
    for (const decision of dataset.decisions) {
      expect(dataset.projects.find((p) => p.code === decision.projectCode)?.leaderUsername).toBe(
        decision.leaderUsername,
      );
    }
  });
});

describe("demo district inputs and reward inputs", () => {
  it("has fixed-asset investment per year whose manufacturing share crosses 50 % in 2023", () => {
    expect(dataset.investmentYears.map((row) => row.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    for (const row of dataset.investmentYears) {
      expect(row.manufacturingFen).toBeLessThanOrEqual(row.totalFen);
      const enterprisesInvested = dataset.figures
        .filter((f) => f.year === row.year && f.month === 0 && f.metric === "fixed_asset_investment")
        .reduce((sum, f) => sum + f.value, 0n);
      expect(row.manufacturingFen).toBeGreaterThan(enterprisesInvested);
    }
    const share = (year: number) => {
      const row = dataset.investmentYears.find((r) => r.year === year)!;
      return row.manufacturingFen * 2n >= row.totalFen;
    };
    expect(share(2020)).toBe(false);
    expect(share(2023)).toBe(true);
  });

  it("lists the service items with unique codes, almost all online", () => {
    const codes = dataset.serviceItems.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
    const offline = dataset.serviceItems.filter((item) => !item.online);
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.length * 10).toBeLessThan(dataset.serviceItems.length);
  });

  it("has grants of every level and purpose, some before the plan, with unique document numbers", () => {
    expect(new Set(dataset.grants.map((g) => g.level))).toEqual(new Set(["national", "provincial", "municipal"]));
    expect(new Set(dataset.grants.map((g) => g.purpose))).toEqual(new Set(["project", "tech"]));
    expect(dataset.grants.some((g) => g.year < 2021)).toBe(true);
    expect(new Set(dataset.grants.map((g) => g.code)).size).toBe(dataset.grants.length);
    // A municipal grant whose 10 % share is half a fen: the reward rounds it.
    expect(dataset.grants.some((g) => g.amountFen === 33_670_505n)).toBe(true);
  });

  it("has tech projects at and just below 300万, and tech-funded ones whose enterprise holds the tech grant", () => {
    const investments = dataset.techProjects.map((t) => t.investmentFen);
    expect(investments).toContain(300_000_000n);
    expect(investments).toContain(299_999_999n);
    for (const project of dataset.techProjects) {
      expect(project.equipmentInvoicesFen).toBeLessThan(project.investmentFen);
      if (!project.techFundsReceived) continue;
      const grant = dataset.grants.find(
        (g) => g.purpose === "tech" && g.year === project.year && g.creditCode === project.creditCode,
      );
      expect(grant).toBeDefined();
    }
    expect(new Set(dataset.techProjects.map((t) => t.code)).size).toBe(dataset.techProjects.length);
  });

  it("has a listed company moving in and a top-500 manufacturer settling, whose project is a top-500 one", () => {
    expect(dataset.enterpriseEvents.map((e) => e.kind).sort()).toEqual(["listed_move_in", "top500_settled"]);
    const top500 = dataset.enterpriseEvents.find((e) => e.kind === "top500_settled")!;
    expect(PLAN_YEARS).toContain(top500.year);
    const project = dataset.projects.find((p) => p.enterpriseCreditCode === top500.creditCode)!;
    expect(project.origin).toBe("top500");
    expect(project.manufacturing).toBe(true);
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
