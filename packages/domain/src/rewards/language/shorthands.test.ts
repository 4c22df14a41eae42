/**
 * Each shorthand kind of earlier plan versions expands into the rule the shipped plan writes in the rule
 * language: the same subject, event, conditions, tiers, categories, rates, amounts and one-time key. The
 * amounts each pays are those the kinds' own evaluators paid (./shorthand-*.test.ts, and the benchmark's
 * parity test against the frozen evaluators over a generated district).
 */
import { describe, expect, test } from "vitest";
import type { FormulaReward } from "../../plan/schema";
import { changjiangKindsPlan, changjiangPlan } from "../testing/plans";

/** What a rule computes, without its words. */
function computation(rule: FormulaReward) {
  return {
    per: rule.per,
    event: rule.event?.test ?? null,
    when: rule.when.map((condition) => condition.test),
    paidYear: rule.paidYear ?? null,
    years: rule.years,
    amount: rule.amount ?? null,
    caseByCase: rule.caseByCase ?? null,
    percentOf: rule.percentOf ?? null,
    rate: rule.rate ?? null,
    byCategory:
      rule.byCategory === undefined
        ? null
        : {
            of: rule.byCategory.of,
            firstTime: rule.byCategory.firstTime,
            tier: rule.byCategory.tier,
            values: rule.byCategory.values.map((value) => ({
              is: value.is,
              amount: value.amount ?? null,
              rate: value.rate ?? null,
              notAfter: value.notAfter ?? null,
            })),
          },
    tiers: rule.tiers ?? null,
    rounding: rule.rounding,
    once: rule.once,
    oncePerYearParameter: rule.oncePerYearParameter ?? null,
  };
}

describe("the shorthand kinds expanded at load", () => {
  const expanded = changjiangKindsPlan().rewards;
  const written = changjiangPlan().rewards;

  test("every kind becomes a rule in the rule language", () => {
    expect(expanded.map((rule) => rule.kind)).toEqual(expanded.map(() => "formula"));
    expect(expanded.map((rule) => rule.id)).toEqual(written.map((rule) => rule.id));
  });

  test.each(written.map((rule) => [rule.id, rule] as const))(
    "%s computes what the plan writes in the language",
    (id, rule) => {
      const found = expanded.find((candidate) => candidate.id === id);
      expect(found && computation(found)).toEqual(computation(rule));
    },
  );

  test("a rule keeps its id, clause, quote and names as written", () => {
    for (const rule of expanded) {
      const same = written.find((candidate) => candidate.id === rule.id);
      expect([rule.clause, rule.quote, rule.name, rule.nameEn]).toEqual([
        same?.clause,
        same?.quote,
        same?.name,
        same?.nameEn,
      ]);
    }
  });
});
