/**
 * Task quantities computed from records. A plan task naming a source (`quantityFrom`, its id declared in the
 * domain's `supervision/quantity-sources.ts`) takes each period's quantity from the capability that keeps the
 * records, not from what its unit types into a report. That capability registers the computation once, at module
 * load of its `index.ts` (as jobs are defined), and supervision calls it for every period of every such task.
 */
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { TASK_QUANTITY_SOURCES, type TaskQuantitySourceId } from "@beizeng/domain/supervision/quantity-sources";
import type { DbContext } from "../../platform/db/database";
import type { TaskRow } from "./tasks.table";
import { periodsOf } from "./tasks-schedule";

/** What a source is asked: the district, the task's owner unit, and the days of the period (both ends included). */
export interface TaskQuantityQuery {
  districtId: string;
  /** The unit that leads the task; a source may count only its records, or the district's (M1 counts the district's). */
  ownerUnitId: number;
  /** YYYY-MM-DD, the period's first and last day. */
  from: string;
  to: string;
}

/**
 * A source's computation: the quantity its records date within the period, in the source's measurement unit —
 * a whole number as bigint, or a non-negative decimal string with at most two places ("12.5" 亩).
 */
export type TaskQuantityComputation = (db: DbContext, query: TaskQuantityQuery) => Promise<bigint | string>;

const computations = new Map<TaskQuantitySourceId, TaskQuantityComputation>();

/** Registers how a source is computed; a second, different computation for the same id is a programming error. */
export function registerTaskQuantitySource(id: TaskQuantitySourceId, compute: TaskQuantityComputation): void {
  const existing = computations.get(id);
  if (existing && existing !== compute) throw new Error(`Task quantity source ${id} is registered twice`);
  computations.set(id, compute);
}

/** The source a task's quantity comes from, read from the plan task it was seeded from; null when it is typed in. */
export function quantitySourceOf(plan: PlanFile | null, task: Pick<TaskRow, "plan_task_id" | "measure_id">) {
  if (!plan || task.plan_task_id === null) return null;
  const measure = plan.measures.find((candidate) => candidate.id === task.measure_id);
  return measure?.tasks.find((candidate) => candidate.id === task.plan_task_id)?.quantityFrom ?? null;
}

function decimalText(value: bigint | string, id: string): string {
  if (typeof value === "bigint") {
    if (value < 0n) throw new Error(`Task quantity source ${id} computed a negative quantity`);
    return value.toString();
  }
  if (!/^\d+(\.\d{1,2})?$/.test(value)) throw new Error(`Task quantity source ${id} computed "${value}"`);
  return value.replace(/\.0+$/, "").replace(/(\.\d*[1-9])0$/, "$1");
}

/**
 * Each period's computed quantity (period key → decimal text) of a task whose quantity comes from records, for the
 * periods begun by `today`; null for a task whose quantity is typed into its reports.
 */
export async function computedQuantities(
  db: DbContext,
  plan: PlanFile | null,
  task: TaskRow,
  today: string,
): Promise<Map<string, string> | null> {
  const id = quantitySourceOf(plan, task);
  if (!id) return null;
  const compute = computations.get(id);
  if (!compute) throw new Error(`Task quantity source ${id} (${TASK_QUANTITY_SOURCES[id].en}) is not registered`);
  const quantities = new Map<string, string>();
  const periods = periodsOf({
    cycle: task.cycle,
    startDate: task.start_date,
    endDate: task.end_date,
    dueDate: task.due_date,
  });
  for (const period of periods) {
    if (period.start > today) continue;
    const value = await compute(db, {
      districtId: task.district_id,
      ownerUnitId: task.owner_unit_id,
      from: period.start,
      to: period.deadline,
    });
    quantities.set(period.key, decimalText(value, id));
  }
  return quantities;
}
