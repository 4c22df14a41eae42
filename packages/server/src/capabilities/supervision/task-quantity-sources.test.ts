import type { PlanFile } from "@beizeng/domain/plan/schema";
import { describe, expect, it } from "vitest";
import type { DbContext } from "../../platform/db/database";
import {
  computedQuantities,
  quantitySourceOf,
  registerTaskQuantitySource,
  type TaskQuantityQuery,
} from "./task-quantity-sources";
import type { TaskRow } from "./tasks.table";

const plan = {
  measures: [
    {
      id: "M1",
      tasks: [
        { id: "M1-idle-land", quantityFrom: "land.idleAreaRecovered" },
        { id: "M1-zombie-enterprises", quantityFrom: "zombies.disposed" },
        { id: "M1-utilities" },
      ],
    },
  ],
} as unknown as PlanFile;

function task(planTaskId: string | null): TaskRow {
  return {
    id: 7,
    district_id: "d1",
    plan_task_id: planTaskId,
    measure_id: "M1",
    clause_id: "M1",
    title: "收回闲置用地",
    owner_unit_id: 3,
    cycle: "quarterly",
    start_date: "2021-07-08",
    end_date: "2021-12-31",
    due_date: null,
    quantity_unit: "mu",
    quantity_target: "10",
    note: "",
    created_at: "2021-07-08T00:00:00.000Z",
    updated_at: "2021-07-08T00:00:00.000Z",
  };
}

const db = {} as DbContext;

describe("task quantities computed from records", () => {
  it("reads the source from the plan task the task was seeded from", () => {
    expect(quantitySourceOf(plan, task("M1-idle-land"))).toBe("land.idleAreaRecovered");
    expect(quantitySourceOf(plan, task("M1-utilities"))).toBeNull();
    expect(quantitySourceOf(plan, task(null))).toBeNull();
    expect(quantitySourceOf(null, task("M1-idle-land"))).toBeNull();
  });

  it("asks the registered source for every period begun, with the period's days and the task's owner", async () => {
    const asked: TaskQuantityQuery[] = [];
    registerTaskQuantitySource("land.idleAreaRecovered", async (_db, query) => {
      asked.push(query);
      return query.from === "2021-07-01" ? "12.50" : 3n;
    });
    const quantities = await computedQuantities(db, plan, task("M1-idle-land"), "2021-10-15");
    expect(asked).toEqual([
      { districtId: "d1", ownerUnitId: 3, from: "2021-07-01", to: "2021-09-30" },
      { districtId: "d1", ownerUnitId: 3, from: "2021-10-01", to: "2021-12-31" },
    ]);
    expect([...(quantities ?? [])]).toEqual([
      ["2021-Q3", "12.5"],
      ["2021-Q4", "3"],
    ]);
    expect(await computedQuantities(db, plan, task("M1-utilities"), "2021-10-15")).toBeNull();
  });

  it("refuses a second computation for a source, one not registered, and a quantity that is not a decimal", async () => {
    expect(() => registerTaskQuantitySource("land.idleAreaRecovered", async () => 0n)).toThrow(/registered twice/);
    await expect(computedQuantities(db, plan, task("M1-zombie-enterprises"), "2021-10-15")).rejects.toThrow(
      /zombies\.disposed .* is not registered/,
    );
    registerTaskQuantitySource("zombies.disposed", async () => "1.5e3");
    await expect(computedQuantities(db, plan, task("M1-zombie-enterprises"), "2021-10-15")).rejects.toThrow(
      /computed "1\.5e3"/,
    );
  });
});
