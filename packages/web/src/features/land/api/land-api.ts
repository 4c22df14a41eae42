import type {
  Parcel,
  ParcelInput,
  ParcelList,
  ParcelQuery,
  ParcelStep,
  ZombieCase,
  ZombieCaseInput,
  ZombieCriteria,
  ZombieCriteriaInput,
  ZombieDisposalInput,
  ZombieList,
} from "@beizeng/contract/land";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  Parcel,
  ParcelInput,
  ParcelList,
  ParcelStatus,
  ParcelUse,
  ZombieCase,
  ZombieCriterion,
  ZombieDisposal,
  ZombieSuggestion,
} from "@beizeng/contract/land";
// The lists from the domain, where each is declared once (the contract's schemas stay out of the bundle).
export { PARCEL_STATUSES, PARCEL_USES, ZOMBIE_CRITERIA, ZOMBIE_DISPOSALS } from "@beizeng/domain/land/vocabulary";

export function useParcels(query: ParcelQuery) {
  return useQuery({
    queryKey: ["land", "parcels", query],
    queryFn: () => api.get<ParcelList>("/api/land/parcels", query),
  });
}

export function useSaveParcel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: ParcelInput }) => {
      if (id === null) return api.post<Parcel>("/api/land/parcels", input);
      const { status: _status, ...update } = input;
      return api.put<Parcel>(`/api/land/parcels/${id}`, update);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["land"] }),
  });
}

export function useStepParcel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: number; step: ParcelStep }) =>
      api.post<Parcel>(`/api/land/parcels/${id}/step`, step),
    onSuccess: () => client.invalidateQueries({ queryKey: ["land"] }),
  });
}

export function useZombies() {
  return useQuery({ queryKey: ["land", "zombies"], queryFn: () => api.get<ZombieList>("/api/zombies") });
}

export function useRecordZombieCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ZombieCaseInput) => api.post<ZombieCase>("/api/zombies", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["land"] }),
  });
}

export function useRecordDisposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: ZombieDisposalInput }) =>
      api.post<ZombieCase>(`/api/zombies/${id}/disposal`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["land"] }),
  });
}

export function useSetZombieCriteria() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ZombieCriteriaInput) => api.put<ZombieCriteria>("/api/zombies/criteria", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["land"] }),
  });
}
