import type {
  DeclaredFactBody,
  DeclaredFactConfirm,
  DeclaredFactValue,
  EnterpriseDeclaredFacts,
} from "@beizeng/contract/declared-facts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  DeclaredFact,
  DeclaredFactBody,
  DeclaredFactValue,
  EnterpriseDeclaredFacts,
} from "@beizeng/contract/declared-facts";

const key = (enterpriseId: number) => ["enterprises", "declared-facts", enterpriseId];

/** The plan's declared facts and this enterprise's values of them. */
export function useDeclaredFacts(enterpriseId: number) {
  return useQuery({
    queryKey: key(enterpriseId),
    queryFn: () => api.get<EnterpriseDeclaredFacts>(`/api/enterprises/${enterpriseId}/declared-facts`),
  });
}

export function useEnterDeclaredFact(enterpriseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DeclaredFactBody) =>
      api.put<DeclaredFactValue>(`/api/enterprises/${enterpriseId}/declared-facts`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: key(enterpriseId) }),
  });
}

export function useConfirmDeclaredFact(enterpriseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DeclaredFactConfirm) =>
      api.post<DeclaredFactValue>(`/api/enterprises/${enterpriseId}/declared-facts/confirm`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: key(enterpriseId) }),
  });
}
