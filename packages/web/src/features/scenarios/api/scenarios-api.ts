import type {
  ScenarioComparison,
  ScenarioEditor,
  ScenarioInput,
  ScenarioList,
  ScenarioResult,
  ScenarioView,
} from "@beizeng/contract/reward-scenarios";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { ScenarioComparison, ScenarioEditor, ScenarioInput, ScenarioResult, ScenarioView };
export type ScenarioChange = ScenarioInput["changes"][number];

const keys = {
  all: ["reward-scenarios"] as const,
  editor: ["reward-scenarios", "editor"] as const,
  result: (id: number) => ["reward-scenarios", "result", id] as const,
  compare: (ids: readonly number[]) => ["reward-scenarios", "compare", ...ids] as const,
};

export function useScenarios() {
  return useQuery({
    queryKey: keys.all,
    queryFn: async () => (await api.get<ScenarioList>("/api/rewards/scenarios")).items,
  });
}

export function useScenarioEditor() {
  return useQuery({ queryKey: keys.editor, queryFn: () => api.get<ScenarioEditor>("/api/rewards/scenarios/editor") });
}

export function useScenarioResult(id: number | null) {
  return useQuery({
    queryKey: keys.result(id ?? 0),
    queryFn: () => api.get<ScenarioResult>(`/api/rewards/scenarios/${id}/result`),
    enabled: id !== null,
  });
}

export function useScenarioComparison(ids: readonly number[]) {
  return useQuery({
    queryKey: keys.compare(ids),
    queryFn: () => api.get<ScenarioComparison>("/api/rewards/scenarios/compare", { ids: ids.join(",") }),
    enabled: ids.length > 0,
  });
}

export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: ScenarioInput }) =>
      id === null
        ? api.post<ScenarioView>("/api/rewards/scenarios", input)
        : api.put<ScenarioView>(`/api/rewards/scenarios/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/api/rewards/scenarios/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
