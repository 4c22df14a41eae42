import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export const DESIGNATION_KINDS = ["specialized", "little_giant", "single_champion", "integration"] as const;
export const DESIGNATION_LEVELS = ["national", "provincial", "municipal"] as const;
export const LISTING_STAGES = ["display", "shareholding", "neeq", "domestic", "overseas"] as const;
export const CHAIN_IDS = ["biomedicine", "electronics", "aviation", "automotive", "other"] as const;
/** Metrics entered by hand (the import reads more). */
export const ENTRY_METRICS = ["revenue", "tax", "output", "employees", "fixed_asset_investment"] as const;

export interface Designation {
  id: number;
  kind: string;
  level: string;
  year: number;
}
export interface ListingEvent {
  id: number;
  stage: string;
  date: string;
  note: string;
}
export interface ServiceNote {
  id: number;
  kind: "visit" | "policy";
  date: string;
  content: string;
  author: string | null;
  createdAt: string;
}
export interface Profile {
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  address: string;
  businessScope: string;
  updatedAt: string | null;
}
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface EnterpriseInput {
  creditCode?: string;
  name?: string;
  townUnitId?: number | null;
  chainId?: string;
  industryCode?: string | null;
  isKey?: boolean;
  leaderUserId?: number | null;
}

/** After any write, the list and the detail are read again. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["enterprises"] });
}

export function useCreateEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => api.post<{ id: number }>("/api/enterprises", input),
    onSuccess: invalidate,
  });
}

export function useUpdateEnterprise(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => api.patch<{ changed: string[] }>(`/api/enterprises/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useSetScaleYear(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ year, status }: { year: number; status: string | null }) =>
      status === null
        ? api.delete(`/api/enterprises/${id}/scale-years/${year}`)
        : api.put(`/api/enterprises/${id}/scale-years/${year}`, { status }),
    onSuccess: invalidate,
  });
}

export function useAddDesignation(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { kind: string; level: string; year: number }) =>
      api.post(`/api/enterprises/${id}/designations`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveDesignation(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (designationId: number) => api.delete(`/api/enterprises/${id}/designations/${designationId}`),
    onSuccess: invalidate,
  });
}

export function useAddListingEvent(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { stage: string; date: string; note?: string }) =>
      api.post(`/api/enterprises/${id}/listing-events`, input),
    onSuccess: invalidate,
  });
}

export function useAddServiceNote(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { kind: string; date: string; content: string }) =>
      api.post(`/api/enterprises/${id}/service-notes`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateProfile(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: Partial<Profile>) => api.patch(`/api/enterprises/${id}/profile`, input),
    onSuccess: invalidate,
  });
}

export function useEnterFigure(id: number) {
  const invalidate = useInvalidate();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { year: number; month: number; metric: string; value: string; unit?: string }) =>
      api.post<{ id: number; official: boolean }>(`/api/enterprises/${id}/figures`, input),
    onSuccess: () => {
      void invalidate();
      void client.invalidateQueries({ queryKey: ["monitoring"] });
    },
  });
}

export function useConfirmFigure() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (figureId: number) => api.post(`/api/figures/${figureId}/confirm`),
    onSuccess: invalidate,
  });
}

export function useEnterpriseHistory(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["enterprises", "history", id],
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/enterprises/${encodeURIComponent(id)}/history`),
  });
}

/** District leaders, for the assigned-leader field (the office reads accounts). */
export function useLeaders(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["users", "leaders"],
    queryFn: async () => {
      const body = await api.get<
        | { items?: { id: number; displayName: string; role: string }[] }
        | { id: number; displayName: string; role: string }[]
      >("/api/users");
      const users = Array.isArray(body) ? body : (body.items ?? []);
      return users.filter((user) => user.role === "leader");
    },
  });
}
