import type {
  AttendanceReq,
  EventDetail,
  EventInput,
  EventList,
  EventReport,
  EventSummary,
  FeedbackReq,
  Invited,
  Registered,
  RegisterReq,
} from "@beizeng/contract/events";
import type { EnterprisePage } from "@beizeng/contract/register";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  EventDetail,
  EventInput,
  EventPhase,
  EventReport,
  EventSummary,
  FeedbackView,
  Invitation,
  Registration,
} from "@beizeng/contract/events";
// The lists from the domain, where each is declared once (the contract's schemas stay out of the bundle).
export { EVENT_KINDS } from "@beizeng/domain/events/vocabulary";

export function useEvents(year: number | undefined) {
  return useQuery({
    queryKey: ["events", "list", year ?? "all"],
    queryFn: () => api.get<EventList>("/api/events", year === undefined ? {} : { year }),
  });
}

export function useEvent(id: number | null) {
  return useQuery({
    queryKey: ["events", "detail", id],
    queryFn: () => api.get<EventDetail>(`/api/events/${id}`),
    enabled: id !== null,
  });
}

export function useEventReport(enabled: boolean) {
  return useQuery({
    queryKey: ["events", "report"],
    queryFn: () => api.get<EventReport>("/api/events/report"),
    enabled,
  });
}

/** Enterprises of the register matching a search, to invite. */
export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: ["events", "enterprises", q],
    queryFn: () => api.get<EnterprisePage>("/api/enterprises", { q, pageSize: 50 }),
  });
}

function useEventsMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["events"] });
      await client.invalidateQueries({ queryKey: ["todo"] });
    },
  });
}

export function useSaveEvent() {
  return useEventsMutation(({ id, input }: { id: number | null; input: EventInput }) =>
    id === null ? api.post<EventSummary>("/api/events", input) : api.put<EventSummary>(`/api/events/${id}`, input),
  );
}

export function useCancelEvent() {
  return useEventsMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<EventSummary>(`/api/events/${id}/cancel`, { reason }),
  );
}

export function useInvite() {
  return useEventsMutation(({ id, enterpriseIds }: { id: number; enterpriseIds: number[] }) =>
    api.post<Invited>(`/api/events/${id}/invitations`, { enterpriseIds }),
  );
}

export function useRegister() {
  return useEventsMutation(({ id, input }: { id: number; input: RegisterReq }) =>
    api.post<Registered>(`/api/events/${id}/registrations`, input),
  );
}

export function useWithdraw() {
  return useEventsMutation(({ id, registrationId }: { id: number; registrationId: number }) =>
    api.delete<void>(`/api/events/${id}/registrations/${registrationId}`),
  );
}

export function useDecline() {
  return useEventsMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<void>(`/api/events/${id}/decline`, { reason }),
  );
}

export function useMarkAttendance() {
  return useEventsMutation(({ id, input }: { id: number; input: AttendanceReq }) =>
    api.put<{ changed: number }>(`/api/events/${id}/attendance`, input),
  );
}

export function useGiveFeedback() {
  return useEventsMutation(({ id, input }: { id: number; input: FeedbackReq }) =>
    api.post<{ id: number }>(`/api/events/${id}/feedback`, input),
  );
}
