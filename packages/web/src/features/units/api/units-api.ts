import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, toPage } from "../../../shared/api/client";

export type UnitKind = "leadership" | "office" | "department" | "town" | "street" | "discipline";

export interface Unit {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  editable: boolean;
  active: boolean;
}

export interface UnitCreate {
  code: string;
  name: string;
  nameEn: string;
  kind: "town" | "street";
}

export interface UnitUpdate {
  name?: string;
  nameEn?: string;
  active?: boolean;
}

const unitsKey = ["units"] as const;

/** The district's units (departments, towns, streets). */
export function useUnits(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: unitsKey,
    queryFn: async () => toPage(await api.get<Unit[] | { items: Unit[] }>("/api/units")).items,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitCreate) => api.post<Unit>("/api/units", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitUpdate & { id: number }) => api.patch<Unit>(`/api/units/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
