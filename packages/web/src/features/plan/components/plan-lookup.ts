import type { Clause, PlanFile, PlanUnit } from "@beizeng/domain/plan/schema";

export interface PlanLookup {
  clause: (id: string) => Clause | undefined;
  unit: (id: string) => PlanUnit | undefined;
}

/** Finds clauses and units of a plan by id. */
export function createPlanLookup(plan: PlanFile): PlanLookup {
  const clauses = new Map(plan.clauses.map((clause) => [clause.id, clause]));
  const units = new Map(plan.units.map((unit) => [unit.id, unit]));
  return { clause: (id) => clauses.get(id), unit: (id) => units.get(id) };
}

/** Items grouped by a key, groups in the order they first appear. */
export function groupInOrder<T>(items: T[], keyOf: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()];
}
