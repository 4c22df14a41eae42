import type { PlanActivate, PlanActivated, PlanPreview, PlanText, PlanVersionList } from "@beizeng/contract/plan";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { PlanActivated, PlanPreview, PlanVersionList };
export type PlanVersion = PlanVersionList["items"][number];

/** Under the plan's own key, so that refreshing the plan refreshes its history too. */
const versionsKey = ["plan", "versions"] as const;

/** The stored versions of the district's plans, newest first (the office, leaders and the inspector). */
export function usePlanVersions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: versionsKey,
    queryFn: () => api.get<PlanVersionList>("/api/plan/versions"),
    enabled: options.enabled ?? true,
  });
}

/** What a plan file would change; nothing is stored. A plan that does not validate fails with its issues. */
export function usePreviewPlan() {
  return useMutation({
    mutationFn: (body: PlanText) => api.post<PlanPreview>("/api/plan/versions/preview", body),
  });
}

/**
 * The answers a new plan version can change, by the first part of their query key: the plan and its history,
 * the district's facts, the units (they follow the plan), and everything computed from the plan's targets,
 * rewards, parameters, chains, request categories and unit duties.
 */
const READ_FROM_THE_PLAN = new Set<unknown>([
  "plan",
  "meta",
  "units",
  "users",
  "targets",
  "target-inputs",
  "dashboard",
  "records",
  "board-publication",
  "public-board",
  "rewards",
  "assessment",
  "supervision",
  "tasks",
  "projects",
  "requests",
  "enterprises",
  "monitoring",
  "imports",
]);

export function refreshPlanReaders(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ predicate: (query) => READ_FROM_THE_PLAN.has(query.queryKey[0]) });
}

/**
 * Confirms a previewed plan as the current version, then refreshes every answer read from the plan. The refresh is
 * not awaited: the refreshed plan remounts the editor that asked (it is keyed by version), and a caller's own
 * success callback, which says so and moves to the history, must run while it is still mounted.
 */
export function useActivatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanActivate) => api.post<PlanActivated>("/api/plan/versions", body),
    onSuccess: () => {
      void refreshPlanReaders(queryClient);
    },
  });
}

/** The URL of one stored version as YAML. */
export function versionYamlPath(planId: string, version: number): string {
  return `/api/plan/versions/${encodeURIComponent(planId)}/${version}/yaml`;
}
