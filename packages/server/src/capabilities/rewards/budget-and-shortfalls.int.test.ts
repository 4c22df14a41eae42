/**
 * A rule's yearly budget over all enterprises and shortfalls deducted from later awards, through the batch, on
 * SQLite and PostgreSQL: the budget is shared over the whole year (not per chunk), an award already paid keeps its
 * amount when the year is computed again and the others share what is left; a recovery settled by deduction is
 * taken off the enterprise's later awards, the rest carried to the next year, and a year computed again deducts
 * only what is still owed; the budget page counts it recovered only as later awards are reduced by it; the why-not
 * page and the calculator show one enterprise's award before the budget, with the year's ratio from its batch.
 */
import type { BudgetSummary, BudgetYear } from "@beizeng/contract/rewards";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import {
  computeRewardBatch,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  shippedPlan,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { loadPlanIntoDistrict } from "../plan/index";

interface EntitlementJson {
  id: number;
  ruleId: string;
  year: number;
  amountFen: string | null;
  status: string;
  enterpriseId: number | null;
}

/** The shipped plan with a budget on R-NEW-SCALE and deductions on R-GROWTH, as version 2. */
function planWithBudgetAndDeductions(): PlanFile {
  const plan = shippedPlan("changjiang-2021-2023");
  plan.version = 2;
  for (const rule of plan.rewards) {
    if (rule.kind !== "formula") continue;
    if (rule.id === "R-NEW-SCALE") rule.budgetPerYear = { amount: "40000", share: "proportional" };
    if (rule.id === "R-GROWTH") rule.deductShortfalls = true;
  }
  return plan;
}

describe.each(testDatabases())("budgets and shortfalls in the batch on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  const compute = (year: number) => computeRewardBatch(app, office, year);

  async function entitlements(year: number, ruleId: string): Promise<EntitlementJson[]> {
    const response = await app.inject({
      url: `/api/rewards/entitlements?pageSize=500&year=${year}`,
      headers: office.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as EntitlementJson[]).filter(
      (item) => item.ruleId === ruleId && item.status !== "superseded",
    );
  }

  const explanationOf = async (id: number) =>
    JSON.stringify((await app.inject({ url: `/api/rewards/entitlements/${id}`, headers: office.headers })).json());

  async function budgetYear(year: number): Promise<BudgetYear> {
    const response = await app.inject({ url: "/api/rewards/budget", headers: office.headers });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as BudgetSummary).years.find((item) => item.year === year)!;
  }

  /** R-GROWTH of a year on the budget page: paid net of what came back, repaid, deducted so far, still to deduct. */
  async function recoveredIn(year: number) {
    const rule = (await budgetYear(year)).byRule.find((item) => item.ruleId === "R-GROWTH")!;
    expect(rule.recoveredFen).toBe((BigInt(rule.repaidFen) + BigInt(rule.deductedFen)).toString());
    return { paid: rule.paidFen, repaid: rule.repaidFen, deducted: rule.deductedFen, toDeduct: rule.toDeductFen };
  }

  async function markPaid(id: number) {
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ status: "paid", workflow_step: null, voucher_no: "CZ-1", paid_on: "2024-01-10" })
      .where("id", "=", id)
      .execute();
  }

  async function revenue(year: number, yuan: bigint) {
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtA,
        enterprise_id: world.enterpriseA2,
        year,
        month: 0,
        metric: "revenue",
        value: yuan * 100n,
        source_kind: "import",
        source_ref: "统计局年报.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .execute();
  }

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    await loadPlanIntoDistrict(db, planWithBudgetAndDeductions(), SYSTEM_ACTOR, {
      effectiveYear: 2021,
      reason: "新进规模企业奖励设年度总额，增长奖励抵扣应退未退奖励",
    });
    app = await testApp(db);
    office = await loginAs(app, "office-a");
  });
  afterAll(async () => {
    // The batch's own waiter reads its job again after a pause (at most 250 ms): let it finish first.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await app?.close();
    await db?.close();
  });

  it("shares the year's budget over all enterprises, keeping an award already paid", async () => {
    // Only enterprise A entered in 2022: 3万 of a budget of 4万, paid in full.
    expect((await compute(2022)).status).toBe("done");
    const [first] = await entitlements(2022, "R-NEW-SCALE");
    expect(first?.amountFen).toBe("3000000");
    await markPaid(first!.id);

    // A2 turns out to have entered in 2022 too: 6万 asked of 4万. A's 3万 stays; A2 has the 1万 left.
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: world.enterpriseA2, year: 2021, status: "reserve" },
        { enterprise_id: world.enterpriseA2, year: 2022, status: "above" },
      ])
      .execute();
    const again = await compute(2022);
    expect(again.status).toBe("done");
    expect(again.summary.corrections).toBe(0);
    const lines = (await entitlements(2022, "R-NEW-SCALE"))
      .map((item) => `${item.enterpriseId === world.enterpriseA ? "A" : "A2"} ${item.amountFen} ${item.status}`)
      .sort();
    expect(lines).toEqual(["A 3000000 paid", "A2 1000000 computed"]);
    const second = (await entitlements(2022, "R-NEW-SCALE")).find((item) => item.enterpriseId === world.enterpriseA2)!;
    expect(await explanationOf(second.id)).toContain("其中已兑付 3 万元 不变，余下 1 万元");
  });

  it("shows one enterprise's award before the budget on the why-not page and the calculator, with the year's ratio", async () => {
    // A2's own scale history now starts in 2022, the district's in 2021: newly above scale in 2022 read alone too.
    await db.kysely
      .deleteFrom("enterprise_scale_years")
      .where("enterprise_id", "=", world.enterpriseA2)
      .where("year", "=", 2021)
      .execute();
    // 2022's batch stored its share: 6万 asked, A's 3万 paid stays, A2's 3万 shares the 1万 left (33.3333%).
    const why = await app.inject({
      url: `/api/rewards/why-not?enterpriseId=${world.enterpriseA2}&year=2022`,
      headers: office.headers,
    });
    expect(why.statusCode, why.body).toBe(200);
    const award = (
      why.json().entitlements as { ruleId: string; amountFen: string; budget?: Record<string, unknown> }[]
    ).find((item) => item.ruleId === "R-NEW-SCALE");
    expect(award?.amountFen).toBe("3000000");
    expect(award?.budget).toMatchObject({
      amountBeforeFen: "3000000",
      budgetFen: "4000000",
      group: null,
      sharedWith: [],
      year: 2022,
      batchComputed: true,
      keptFen: "1000000",
    });
    expect(award?.budget?.zh).toBe(
      "3 万元 为年度总额核减前的应奖金额：本项奖励设有年度总额 4 万元，由当年所有符合条件的企业按应奖金额比例分享；2022年批次中各企业应奖合计 6 万元，其中已兑付 3 万元 不变，超出部分按比例核减，比例 约 33.3333%（1 万元 ÷ 3 万元），按此比例本项为 1 万元。",
    );
    expect(award?.budget?.en).toContain("shared pro rata among all the enterprises that qualify that year");
    // A rule without a budget carries no note.
    expect(
      (why.json().entitlements as { ruleId: string; budget?: unknown }[]).some(
        (item) => item.ruleId !== "R-NEW-SCALE" && item.budget !== undefined,
      ),
    ).toBe(false);

    // The calculator on the enterprise's own figures says the same.
    const tried = await app.inject({
      method: "POST",
      url: "/api/rules/R-NEW-SCALE/try",
      headers: office.headers,
      payload: { year: 2022, enterpriseId: world.enterpriseA2 },
    });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json().amountFen).toBe("3000000");
    expect(tried.json().awards[0].budget).toMatchObject({ keptFen: "1000000", batchComputed: true });

    // A year no batch computed yet: the share is known once it is.
    const later = await app.inject({
      method: "POST",
      url: "/api/rules/R-NEW-SCALE/try",
      headers: office.headers,
      payload: { year: 2023, figures: { newlyAboveScale: true } },
    });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json().awards[0]).toMatchObject({
      amountFen: "3000000",
      budget: { batchComputed: false, keptFen: null },
    });
    expect(later.json().awards[0].budget.zh).toContain("2023年的分享比例在该年度奖励批次计算后确定");
    expect(later.json().awards[0].budget.en).toContain(
      "the share for 2023 is known once that year's reward batch is computed",
    );
  });

  it("deducts a recovery settled by deduction from the later awards, the rest from the year after", async () => {
    // A2 above scale 2020–2023 (its 2021 entry row replaced), revenue +20 %, +6 %, +16 %: 20万, 2万, 20万.
    await db.kysely.deleteFrom("enterprise_scale_years").where("enterprise_id", "=", world.enterpriseA2).execute();
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([2020, 2021, 2022, 2023].map((year) => ({ enterprise_id: world.enterpriseA2, year, status: "above" })))
      .execute();
    await revenue(2020, 100_000_000n);
    await revenue(2021, 120_000_000n);
    await revenue(2022, 127_200_000n);
    await revenue(2023, 147_552_000n);
    expect((await compute(2021)).status).toBe("done");
    const [growth2021] = (await entitlements(2021, "R-GROWTH")).filter((e) => e.enterpriseId === world.enterpriseA2);
    expect(growth2021?.amountFen).toBe("20000000");
    await markPaid(growth2021!.id);

    // Recovered in full, to be deducted from later awards.
    const recovered = await app.inject({
      method: "POST",
      url: `/api/rewards/entitlements/${growth2021!.id}/recover`,
      headers: office.headers,
      payload: {
        amountYuan: "200000",
        reason: "增长数据经核查有误",
        recoveredOn: "2024-02-01",
        documentNo: "昌工信追〔2024〕1号",
        settlement: "deduction",
      },
    });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(recovered.json().recoveries[0].settlement).toBe("deduction");
    // Nothing deducted yet: the 20万 is still owed, and the budget still bears it.
    expect(await recoveredIn(2021)).toEqual({ paid: "20000000", repaid: "0", deducted: "0", toDeduct: "20000000" });

    // 2022: 2万 due, all of it deducted (18万 left); 2023: 20万 due, 18万 deducted, 2万 paid.
    expect((await compute(2022)).status).toBe("done");
    const [growth2022] = (await entitlements(2022, "R-GROWTH")).filter((e) => e.enterpriseId === world.enterpriseA2);
    expect(growth2022?.amountFen).toBe("0");
    expect(await explanationOf(growth2022!.id)).toContain("尚余 18 万元 从以后年度奖励中抵扣");
    // 2022's award reduced by 2万 (all of it): 2万 recovered by deduction so far, 18万 carried forward.
    expect(await recoveredIn(2021)).toEqual({
      paid: "18000000",
      repaid: "0",
      deducted: "2000000",
      toDeduct: "18000000",
    });
    expect((await compute(2023)).status).toBe("done");
    const [growth2023] = (await entitlements(2023, "R-GROWTH")).filter((e) => e.enterpriseId === world.enterpriseA2);
    expect(growth2023?.amountFen).toBe("2000000");
    expect(await explanationOf(growth2023!.id)).toContain("从本项奖励中抵扣 18 万元，已抵扣完毕");
    // 2023's award reduced by the 18万 left (20万 down to 2万): recovered in full by deduction.
    expect(await recoveredIn(2021)).toEqual({ paid: "0", repaid: "0", deducted: "20000000", toDeduct: "0" });
    // A deduction counts only while the award it reduced stands: 2023's rejected, its 18万 is owed again.
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ status: "rejected" })
      .where("id", "=", growth2023!.id)
      .execute();
    expect(await recoveredIn(2021)).toEqual({
      paid: "18000000",
      repaid: "0",
      deducted: "2000000",
      toDeduct: "18000000",
    });
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ status: "computed" })
      .where("id", "=", growth2023!.id)
      .execute();

    // Computing 2023 again deducts the same (2022's deduction counted once), and 2022's stays.
    expect((await compute(2023)).status).toBe("done");
    expect(
      (await entitlements(2023, "R-GROWTH"))
        .filter((e) => e.enterpriseId === world.enterpriseA2)
        .map((e) => e.amountFen),
    ).toEqual(["2000000"]);
    expect((await compute(2022)).status).toBe("done");
    expect(
      (await entitlements(2022, "R-GROWTH"))
        .filter((e) => e.enterpriseId === world.enterpriseA2)
        .map((e) => e.amountFen),
    ).toEqual(["0"]);
  });

  it("counts a recovery repaid in cash at once, beside the deductions", async () => {
    const [paid2022] = (await entitlements(2022, "R-NEW-SCALE")).filter((e) => e.status === "paid");
    const repaid = await app.inject({
      method: "POST",
      url: `/api/rewards/entitlements/${paid2022!.id}/recover`,
      headers: office.headers,
      payload: {
        amountYuan: "10000",
        reason: "核查有误",
        recoveredOn: "2024-02-01",
        documentNo: "昌工信追〔2024〕3号",
      },
    });
    expect(repaid.statusCode, repaid.body).toBe(200);
    const year = await budgetYear(2022);
    const rule = year.byRule.find((item) => item.ruleId === "R-NEW-SCALE")!;
    expect([rule.paidFen, rule.repaidFen, rule.deductedFen, rule.toDeductFen, rule.recoveredFen]).toEqual([
      "2000000",
      "1000000",
      "0",
      "0",
      "1000000",
    ]);
    expect(year.repaidFen).toBe("1000000");
  });

  it("refuses a recovery settled by deduction where no rule of the plan deducts", async () => {
    const plan = planWithBudgetAndDeductions();
    plan.version = 3;
    for (const rule of plan.rewards) if (rule.kind === "formula") delete rule.deductShortfalls;
    await loadPlanIntoDistrict(db, plan, SYSTEM_ACTOR, { effectiveYear: 2021, reason: "取消抵扣" });
    const [paid] = await entitlements(2022, "R-NEW-SCALE");
    const response = await app.inject({
      method: "POST",
      url: `/api/rewards/entitlements/${paid!.id}/recover`,
      headers: office.headers,
      payload: {
        amountYuan: "100",
        reason: "核查有误",
        recoveredOn: "2024-02-01",
        documentNo: "昌工信追〔2024〕2号",
        settlement: "deduction",
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.body).toContain("从以后年度奖励中抵扣");
  });
});
