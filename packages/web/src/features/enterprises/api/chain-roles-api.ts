import type { ChainLeaders, ChainRoleBody, Created } from "@beizeng/contract/register";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { ChainLeaders, ChainRoleBody, ChainRoleView } from "@beizeng/contract/register";
export { CHAIN_ROLES } from "@beizeng/domain/register/vocabulary";

function useInvalidate() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ["enterprises"] });
    await client.invalidateQueries({ queryKey: ["chain-leaders"] });
  };
}

export function useAddChainRole(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ChainRoleBody) => api.post<Created>(`/api/enterprises/${id}/chain-roles`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveChainRole(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (chainRoleId: number) => api.delete(`/api/enterprises/${id}/chain-roles/${chainRoleId}`),
    onSuccess: invalidate,
  });
}

/** Each chain's leader and backbone enterprises of a year (the latest with a designation when none is asked). */
export function useChainLeaders(year?: number) {
  return useQuery({
    queryKey: ["chain-leaders", year ?? "latest"],
    queryFn: () => api.get<ChainLeaders>("/api/chain-leaders", year === undefined ? {} : { year }),
  });
}
