import type { AttachmentForm } from "@beizeng/contract/common";
import type {
  AnswerReq,
  AssignReq,
  CloseReq,
  Deleted,
  NoteReq,
  RateReq,
  ReopenReq,
  RequestDetail,
  RequestFileAttached,
  RequestList,
  RequestStats,
  RequestStatus,
  RequestView,
  ServiceDayDetail,
  ServiceDayList,
  ServiceDayReq,
  ServiceDayView,
  SubmitRequestReq,
} from "@beizeng/contract/requests";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { sha256Of, uploadForm } from "../../../shared/api/uploads";

export type {
  RequestAttachment,
  RequestChannel,
  RequestDetail,
  RequestLight,
  RequestRating,
  RequestStats,
  RequestStatus,
  RequestTimelineEntry,
} from "@beizeng/contract/requests";
// Values from the domain, where each list is declared once (the contract's schemas stay out of the bundle).
export { REQUEST_RATINGS, REQUEST_STATUSES } from "@beizeng/domain/requests/view";

/** A request as the API gives it. */
export type EnterpriseRequest = RequestView;

export interface RequestFilters {
  status?: RequestStatus;
  category?: string;
  unit?: number;
  enterprise?: number;
  overdue?: boolean;
  unsatisfied?: boolean;
  mine?: boolean;
  q?: string;
}

export function useRequests(filters: RequestFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["requests", "list", filters, page, pageSize],
    queryFn: () =>
      api.get<RequestList>("/api/enterprise-requests", {
        ...filters,
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The counts over the requests that match the list's filters. */
export function useRequestStats(filters: RequestFilters, enabled: boolean) {
  return useQuery({
    queryKey: ["requests", "stats", filters],
    queryFn: () => api.get<RequestStats>("/api/enterprise-requests/stats", { ...filters }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: number) {
  return useQuery({
    queryKey: ["requests", "detail", id],
    queryFn: () => api.get<RequestDetail>(`/api/enterprise-requests/${id}`),
  });
}

/** Every change refreshes the lists, counts and details under ["requests"]. */
function useRequestMutation<Input>(mutationFn: (input: Input) => Promise<RequestDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}

export type SubmitRequestInput = SubmitRequestReq;

export const useSubmitRequest = () =>
  useRequestMutation((input: SubmitRequestInput) => api.post<RequestDetail>("/api/enterprise-requests", input));

export type RequestAction =
  | ({ action: "assign" } & AssignReq)
  | { action: "accept" }
  | ({ action: "notes" } & NoteReq)
  | ({ action: "answer" } & AnswerReq)
  | ({ action: "rate" } & RateReq)
  | ({ action: "reopen" } & ReopenReq)
  | ({ action: "close" } & CloseReq);

export const useRequestAction = (id: number) =>
  useRequestMutation(({ action, ...body }: RequestAction) =>
    api.post<RequestDetail>(`/api/enterprise-requests/${id}/${action}`, body),
  );

/** Attaches one file to the request; the detail, with its timeline, is refreshed. */
export function useAttachRequestFile(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form: AttachmentForm = { file, sha256: await sha256Of(file) };
      return api.upload<RequestFileAttached>(`/api/enterprise-requests/${id}/attachments`, uploadForm(form));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests", "detail", id] }),
  });
}

export function useDeleteRequestFile(requestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete<Deleted>(`/api/enterprise-request-attachments/${attachmentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests", "detail", requestId] }),
  });
}

export type ServiceDay = ServiceDayView;
export type ServiceDayInput = ServiceDayReq;

export function useServiceDays(enabled = true) {
  return useQuery({
    queryKey: ["requests", "service-days"],
    queryFn: () => api.get<ServiceDayList>("/api/service-days"),
    enabled,
  });
}

export function useServiceDay(id: number | null) {
  return useQuery({
    queryKey: ["requests", "service-day", id],
    queryFn: () => api.get<ServiceDayDetail>(`/api/service-days/${id}`),
    enabled: id !== null,
  });
}

export function useCreateServiceDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ServiceDayInput) => api.post<ServiceDayDetail>("/api/service-days", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}

export function useUpdateServiceDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ServiceDayInput & { id: number }) =>
      api.put<ServiceDayDetail>(`/api/service-days/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}

export function useDeleteServiceDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<Deleted>(`/api/service-days/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}
