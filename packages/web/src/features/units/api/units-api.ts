import type { UnitAnswer, UnitCreateReq, UnitList, UnitsPlan, UnitUpdateReq, UnitView } from "@beizeng/contract/units";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type Unit = UnitView;
export type UnitCreate = UnitCreateReq;
export type UnitUpdate = UnitUpdateReq;
export type { UnitAnswer, UnitsPlan };

const unitsKey = ["units"] as const;

/** One query for the list and the plan version it follows, so that every reader shares the same answer. */
const unitListQuery = {
  queryKey: unitsKey,
  queryFn: () => api.get<UnitList>("/api/units"),
  staleTime: 5 * 60_000,
};

/** The district's units (departments and places: towns, streets, zones). */
export function useUnits(options: { enabled?: boolean } = {}) {
  return useQuery({ ...unitListQuery, select: (list: UnitList) => list.items, enabled: options.enabled ?? true });
}

/** The units with the plan version they follow: what a change of a place is made on. */
export function useUnitList() {
  return useQuery(unitListQuery);
}

/**
 * A change of a place is stored as the plan's next version, and the version can change whatever is read from the
 * plan (its page and history, the places other pages name and count), as a plan load does: all answers are refreshed.
 */
function useRefreshAfterPlanChange() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useCreateUnit() {
  const refresh = useRefreshAfterPlanChange();
  return useMutation({
    mutationFn: (body: UnitCreate) => api.post<UnitAnswer>("/api/units", body),
    onSuccess: refresh,
  });
}

export function useUpdateUnit() {
  const refresh = useRefreshAfterPlanChange();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitUpdate & { id: number }) => api.patch<UnitAnswer>(`/api/units/${id}`, body),
    onSuccess: refresh,
  });
}
