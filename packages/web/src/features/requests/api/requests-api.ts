import type { RequestRating, RequestStatus, RequestView } from "@beizeng/domain/requests/view";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { readUploadFile } from "../../../shared/api/uploads";

export type { RequestLight } from "@beizeng/domain/requests/categories";
export {
  REQUEST_STATUSES,
  type RequestChannel,
  type RequestRating,
  type RequestStatus,
} from "@beizeng/domain/requests/view";

/** A request as the API gives it (declared once, in the domain). */
export type EnterpriseRequest = RequestView;

export interface RequestTimelineEntry {
  id: number;
  kind: string;
  at: string;
  actor: string;
  unit: { id: number; name: string } | null;
  note: string;
  data: Record<string, unknown> | null;
}

/** A file attached to a request, downloadable at `/api/enterprise-request-attachments/:id`. */
export interface RequestAttachment {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  unit: { id: number; name: string } | null;
  createdAt: string;
  mayDelete: boolean;
}

export interface RequestDetail extends EnterpriseRequest {
  timeline: RequestTimelineEntry[];
  attachments: RequestAttachment[];
}

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

export interface RequestStats {
  total: number;
  byStatus: Record<RequestStatus, number>;
  overdue: number;
  red: number;
  unsatisfiedPending: number;
  rated: number;
  satisfied: number;
  byCategory: { category: string; count: number }[];
  byUnit: {
    unitId: number;
    unitName: string;
    total: number;
    open: number;
    overdue: number;
    answered: number;
    late: number;
    averageAnswerDays: number | null;
  }[];
}

export function useRequests(filters: RequestFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["requests", "list", filters, page, pageSize],
    queryFn: () =>
      api.get<{ items: EnterpriseRequest[]; total: number }>("/api/enterprise-requests", {
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

export interface SubmitRequestInput {
  enterpriseId?: number;
  category: string;
  title: string;
  content: string;
  contactName: string;
  contactPhone: string;
  serviceDayId?: number;
}

export const useSubmitRequest = () =>
  useRequestMutation((input: SubmitRequestInput) => api.post<RequestDetail>("/api/enterprise-requests", input));

export type RequestAction =
  | { action: "assign"; unitId: number; coUnitIds?: number[]; deadline?: string; note?: string }
  | { action: "accept" }
  | { action: "notes"; note: string }
  | { action: "answer"; answer: string }
  | { action: "rate"; rating: RequestRating; comment?: string }
  | { action: "reopen"; reason: string; unitId?: number; coUnitIds?: number[]; deadline?: string }
  | { action: "close"; note: string };

export const useRequestAction = (id: number) =>
  useRequestMutation(({ action, ...body }: RequestAction) =>
    api.post<RequestDetail>(`/api/enterprise-requests/${id}/${action}`, body),
  );

/** Attaches one file to the request; the detail, with its timeline, is refreshed. */
export function useAttachRequestFile(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api.post<{ id: number }>(`/api/enterprise-requests/${id}/attachments`, await readUploadFile(file)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests", "detail", id] }),
  });
}

export function useDeleteRequestFile(requestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete(`/api/enterprise-request-attachments/${attachmentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests", "detail", requestId] }),
  });
}

export interface ServiceDay {
  id: number;
  heldOn: string;
  theme: string;
  venue: string;
  note: string;
  units: { id: number; name: string }[];
  enterprises: { id: number; name: string }[];
  requestCount: number;
  closedCount: number;
}

export interface ServiceDayInput {
  heldOn: string;
  theme: string;
  venue?: string;
  note?: string;
  unitIds: number[];
  enterpriseIds: number[];
}

export function useServiceDays(enabled = true) {
  return useQuery({
    queryKey: ["requests", "service-days"],
    queryFn: () => api.get<{ items: ServiceDay[] }>("/api/service-days"),
    enabled,
  });
}

export function useServiceDay(id: number | null) {
  return useQuery({
    queryKey: ["requests", "service-day", id],
    queryFn: () => api.get<ServiceDay & { requests: EnterpriseRequest[] }>(`/api/service-days/${id}`),
    enabled: id !== null,
  });
}

export function useCreateServiceDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ServiceDayInput) => api.post<ServiceDay>("/api/service-days", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}

export function useUpdateServiceDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ServiceDayInput & { id: number }) =>
      api.put<ServiceDay>(`/api/service-days/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}

export function useDeleteServiceDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/service-days/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
}
