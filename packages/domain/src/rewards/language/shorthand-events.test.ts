import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, B, enterprise, paid, reasons, run, whyNot, zh } from "../testing/builders";
import { changjiangKindsPlan, changjiangKindsWithParameter } from "../testing/plans";

// The shorthand kinds of earlier plan versions, run as the rules the loader expands them to (./shorthands.ts).

const plan = changjiangKindsPlan();

describe("R-NEW-SCALE: entering the above-scale directory, 3万 once per enterprise", () => {
  const history = enterprise(A, [
    { year: 2020, aboveScale: false },
    { year: 2021, aboveScale: true, newlyAboveScale: true },
    { year: 2022, aboveScale: false },
    { year: 2023, aboveScale: true, newlyAboveScale: true },
  ]);

  test("paid in the year of entry; re-entry after leaving is not paid by default", () => {
    const result = run(plan, { enterprises: [history] });
    expect(paid(result, "R-NEW-SCALE")).toEqual(["2021 - 30000"]);
    expect(reasons(result, "R-NEW-SCALE")).toEqual(["2023 alreadyPaidInPlan"]);
    expect(whyNot(result, "R-NEW-SCALE")[0]?.parameters.map((parameter) => parameter.id)).toEqual([
      "newAboveScaleReentryPaid",
    ]);
    expect(explanationOf(result.entitlements.find((entry) => entry.ruleId === "R-NEW-SCALE"))?.zh).toBe(
      "2021年，新进入规模企业名录库，奖励 3 万元",
    );
  });

  test("re-entry is paid again when the plan parameter says so", () => {
    const result = run(changjiangKindsWithParameter("newAboveScaleReentryPaid", true), { enterprises: [history] });
    expect(paid(result, "R-NEW-SCALE")).toEqual(["2021 - 30000", "2023 - 30000"]);
    expect(result.entitlements.map((entry) => entry.key).filter((key) => key.startsWith("R-NEW-SCALE"))).toEqual([
      `R-NEW-SCALE|${A}|2021`,
      `R-NEW-SCALE|${A}|2023`,
    ]);
  });

  test("an entry before the plan is not paid; a later entry under the plan is", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2019, newlyAboveScale: true },
          { year: 2020, aboveScale: false },
          { year: 2022, newlyAboveScale: true },
        ]),
      ],
    });
    expect(paid(result, "R-NEW-SCALE")).toEqual(["2022 - 30000"]);
    expect(reasons(result, "R-NEW-SCALE")).toEqual(["2019 outsidePlanPeriod"]);
  });

  test("granted before (another run) is not paid again", () => {
    const result = run(plan, {
      enterprises: [enterprise(A, [{ year: 2023, newlyAboveScale: true }])],
      alreadyGranted: [{ ruleId: "R-NEW-SCALE", creditCode: A, year: 2021 }],
    });
    expect(paid(result, "R-NEW-SCALE")).toEqual([]);
    expect(reasons(result, "R-NEW-SCALE")).toEqual(["2023 alreadyGranted"]);
  });

  test("no entry: the why-not says so", () => {
    const result = run(plan, { enterprises: [enterprise(B, [{ year: 2021, aboveScale: true }])] });
    expect(zh(whyNot(result, "R-NEW-SCALE")[0])).toBe("2021—2023年无“新进入规模企业名录库”的记录");
  });
});

describe("R-LISTED-MOVE: a listed company moving in, 200万 per enterprise", () => {
  test("paid once, in the year of the event", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2022, listedRegistrationMovedIn: true },
          { year: 2023, listedRegistrationMovedIn: true },
        ]),
      ],
    });
    expect(paid(result, "R-LISTED-MOVE")).toEqual(["2022 - 2000000"]);
    expect(reasons(result, "R-LISTED-MOVE")).toEqual(["2023 alreadyPaidInPlan"]);
  });

  test("an event outside the plan years is not paid", () => {
    const result = run(plan, { enterprises: [enterprise(A, [{ year: 2020, listedRegistrationMovedIn: true }])] });
    expect(paid(result, "R-LISTED-MOVE")).toEqual([]);
    expect(reasons(result, "R-LISTED-MOVE")).toEqual(["2020 outsidePlanPeriod"]);
  });

  test("granted before is not paid again", () => {
    const result = run(plan, {
      enterprises: [enterprise(A, [{ year: 2022, listedRegistrationMovedIn: true }])],
      alreadyGranted: [`R-LISTED-MOVE|${A}`],
    });
    expect(paid(result, "R-LISTED-MOVE")).toEqual([]);
  });
});

describe("R-500: a China top-500 manufacturer settling in, amount decided case by case", () => {
  test("recorded with amount null and no tier, never computed", () => {
    const result = run(plan, { enterprises: [enterprise(A, [{ year: 2021, top500SettledIn: true }])] });
    const entitlement = result.entitlements.find((entry) => entry.ruleId === "R-500");
    expect(entitlement?.amount).toBeNull();
    expect(entitlement?.tier).toBeNull();
    expect(entitlement?.year).toBe(2021);
    expect(entitlement?.clause).toBe("M2");
    expect(explanationOf(entitlement)?.zh).toContain("一事一议");
    expect(explanationOf(entitlement)?.quote).toContain("一企一策");
    expect(explanationOf(entitlement)?.quote).toContain("一事一议");
  });
});
