import type { UserList } from "@beizeng/contract/accounts";
import type { FigureBody, FigureConfirmed, FigureEntered } from "@beizeng/contract/figures";
import type {
  Created,
  DesignationBody,
  EnterpriseCreateReq,
  EnterpriseHistory,
  EnterpriseUpdated,
  ListingEventAdded,
  ListingEventBody,
  ProfileBody,
  ProfileUpdated,
  ScaleStatus,
  ScaleYearSet,
  ServiceNoteBody,
} from "@beizeng/contract/register";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  Designation,
  EnterpriseHistoryEntry as HistoryEntry,
  ListingEvent,
  Profile,
  ServiceNote,
} from "@beizeng/contract/register";
/**
 * An enterprise's fields as the form sends them (all of them to create, the changed ones to edit); the chain is
 * one of the plan's, which the server checks.
 */
export type EnterpriseInput = Partial<EnterpriseCreateReq>;

/** After any write, the list and the detail are read again. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["enterprises"] });
}

export function useCreateEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => api.post<Created>("/api/enterprises", input),
    onSuccess: invalidate,
  });
}

export function useUpdateEnterprise(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EnterpriseInput) => api.patch<EnterpriseUpdated>(`/api/enterprises/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useSetScaleYear(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ year, status }: { year: number; status: ScaleStatus | null }) =>
      status === null
        ? api.delete<ScaleYearSet>(`/api/enterprises/${id}/scale-years/${year}`)
        : api.put<ScaleYearSet>(`/api/enterprises/${id}/scale-years/${year}`, { status }),
    onSuccess: invalidate,
  });
}

export function useAddDesignation(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: DesignationBody) => api.post<Created>(`/api/enterprises/${id}/designations`, input),
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
    mutationFn: (input: ListingEventBody) =>
      api.post<ListingEventAdded>(`/api/enterprises/${id}/listing-events`, input),
    onSuccess: invalidate,
  });
}

export function useAddServiceNote(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ServiceNoteBody) => api.post<Created>(`/api/enterprises/${id}/service-notes`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateProfile(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ProfileBody) => api.patch<ProfileUpdated>(`/api/enterprises/${id}/profile`, input),
    onSuccess: invalidate,
  });
}

export function useEnterFigure(id: number) {
  const invalidate = useInvalidate();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FigureBody) => api.post<FigureEntered>(`/api/enterprises/${id}/figures`, input),
    onSuccess: () => {
      void invalidate();
      void client.invalidateQueries({ queryKey: ["monitoring"] });
    },
  });
}

export function useConfirmFigure() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (figureId: number) => api.post<FigureConfirmed>(`/api/figures/${figureId}/confirm`),
    onSuccess: invalidate,
  });
}

export function useEnterpriseHistory(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["enterprises", "history", id],
    queryFn: () => api.get<EnterpriseHistory>(`/api/enterprises/${encodeURIComponent(id)}/history`),
  });
}

/** District leaders, for the assigned-leader field (the office reads accounts). */
export function useLeaders(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ["users", "leaders"],
    queryFn: async () => (await api.get<UserList>("/api/users")).items.filter((user) => user.role === "leader"),
  });
}
