import { useCallback, useMemo } from "react";
import { useLanguage } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";

/**
 * A task's title in the chosen language. Tasks seeded from the plan take the plan's English title,
 * as long as the office has not retitled them (an edited title is shown as written).
 */
export function useTaskTitle(): (task: { planTaskId: string | null; title: string }) => string {
  const english = useLanguage().language === "en";
  const plan = usePlan({ enabled: english });
  const planTasks = useMemo(
    () => new Map((plan.data?.measures ?? []).flatMap((measure) => measure.tasks.map((task) => [task.id, task]))),
    [plan.data],
  );
  return useCallback(
    (task) => {
      if (!english || task.planTaskId === null) return task.title;
      const planned = planTasks.get(task.planTaskId);
      return planned?.titleEn && planned.title === task.title ? planned.titleEn : task.title;
    },
    [english, planTasks],
  );
}

/** A clause's title in the chosen language, from the plan (the task API gives the Chinese one). */
export function useClauseTitle(): (clauseId: string, chinese: string | null) => string | null {
  const english = useLanguage().language === "en";
  const plan = usePlan({ enabled: english });
  return useCallback(
    (clauseId, chinese) => {
      if (!english) return chinese;
      return plan.data?.clauses.find((clause) => clause.id === clauseId)?.titleEn ?? chinese;
    },
    [english, plan.data],
  );
}
