import type { UnitAnswer, UnitCreateReq, UnitList, UnitUpdateReq, UnitView } from "@beizeng/contract/units";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type Unit = UnitView;
export type UnitCreate = UnitCreateReq;
export type UnitUpdate = UnitUpdateReq;

const unitsKey = ["units"] as const;

/** The district's units (departments and places: towns, streets, zones). */
export function useUnits(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: unitsKey,
    queryFn: async () => (await api.get<UnitList>("/api/units")).items,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitCreate) => api.post<UnitAnswer>("/api/units", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitUpdate & { id: number }) => api.patch<UnitAnswer>(`/api/units/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
