/**
 * Cases of the Changjiang rules written in the shorthand kinds of earlier plan versions, run as the rules in the
 * language the loader expands them to (./shorthands.ts): the amounts, tiers and one-time keys are those the kinds'
 * own evaluators paid; the sentences are the language's.
 */
import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, enterprise, paid, reasons, run, whyNot, zh } from "../testing/builders";
import { changjiangKindsPlan, changjiangKindsWithParameter } from "../testing/plans";

const plan = changjiangKindsPlan();
const notBoth = changjiangKindsWithParameter("neeqThenListedPaidBoth", false);

describe("R-IPO: domestic 500万 / overseas 200万 / 新三板 50万, each kind once", () => {
  const neeqThenDomestic = enterprise(A, [
    { year: 2021, listing: "neeq" },
    { year: 2023, listing: "domestic" },
  ]);

  test("新三板 then a domestic IPO pays both by default", () => {
    const result = run(plan, { enterprises: [neeqThenDomestic] });
    expect(paid(result, "R-IPO")).toEqual(["2021 neeq 500000", "2023 domestic 5000000"]);
    const domestic = result.entitlements.find((entry) => entry.tier === "domestic");
    expect(explanationOf(domestic)?.parameters).toMatchInlineSnapshot(`
      [
        {
          "description": "先在新三板挂牌、后首发上市的企业是否两项奖励都给予（默认是）",
          "descriptionEn": "Whether an enterprise quoted on the NEEQ that later lists is paid both rewards (default yes)",
          "id": "neeqThenListedPaidBoth",
          "value": true,
        },
      ]
    `);
    expect(explanationOf(domestic)?.zh).toMatchInlineSnapshot(
      `"2023年，上市或挂牌，上市挂牌为“境内首发上市”，奖励 500 万元"`,
    );
  });

  test("with the parameter off, the later listing is not paid", () => {
    const result = run(notBoth, { enterprises: [neeqThenDomestic] });
    expect(paid(result, "R-IPO")).toEqual(["2021 neeq 500000"]);
    expect(reasons(result, "R-IPO")).toMatchInlineSnapshot(`
      [
        "2023 stackingExcluded",
      ]
    `);
  });

  test("with the parameter off, a 新三板 quotation before the plan (never paid) does not block the IPO reward", () => {
    const result = run(notBoth, {
      enterprises: [
        enterprise(A, [
          { year: 2018, listing: "neeq" },
          { year: 2022, listing: "domestic" },
        ]),
      ],
    });
    expect(paid(result, "R-IPO")).toEqual(["2022 domestic 5000000"]);
  });

  test("a kind reached before the plan is not paid again", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2019, listing: "overseas" },
          { year: 2022, listing: "overseas" },
        ]),
      ],
    });
    expect(paid(result, "R-IPO")).toEqual([]);
    expect(reasons(result, "R-IPO")).toMatchInlineSnapshot(`
      [
        "2019 outsidePlanPeriod",
        "2022 reachedBefore",
      ]
    `);
    expect(zh(whyNot(result, "R-IPO")[1])).toMatchInlineSnapshot(
      `"2022年“境外首发上市”已于2019年达到，不是首次，不奖励"`,
    );
  });

  test("domestic and overseas are different kinds; the same kind twice pays once", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, listing: "overseas" },
          { year: 2022, listing: "domestic" },
          { year: 2023, listing: "domestic" },
        ]),
      ],
    });
    expect(paid(result, "R-IPO")).toEqual(["2021 overseas 2000000", "2022 domestic 5000000"]);
  });

  test("a kind granted before is not paid; a 新三板 granted before counts for the parameter", () => {
    const result = run(notBoth, {
      enterprises: [enterprise(A, [{ year: 2022, listing: "domestic" }])],
      alreadyGranted: [{ ruleId: "R-IPO", creditCode: A, tier: "neeq" }],
    });
    expect(paid(result, "R-IPO")).toEqual([]);
    expect(reasons(result, "R-IPO")).toMatchInlineSnapshot(`
      [
        "2022 stackingExcluded",
      ]
    `);
  });
});
