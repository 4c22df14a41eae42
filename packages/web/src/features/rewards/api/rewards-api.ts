import type {
  AwardWorkflowView,
  BatchList,
  BatchView,
  BudgetReq,
  BudgetSummary,
  ConfirmReq,
  CorrectionList,
  CorrectionView,
  EntitlementDetail,
  EntitlementList,
  EntitlementView,
  ObjectionList,
  ObjectionReceipt,
  ObjectionStatus,
  ObjectionView,
  PayReq,
  PublicityList,
  PublicityView,
  PublicObjectionReq,
  PublicPublicity,
  PublicPublicityList,
  PublishReq,
  ReasonReq,
  RecoveryReq,
  ResolveCorrectionReq,
  ResolveObjectionReq,
  ReviewReq,
  RewardForecast,
  WhyNot,
} from "@beizeng/contract/rewards";
import { ENTITLEMENT_STATUSES as ALL_ENTITLEMENT_STATUSES } from "@beizeng/domain/rewards/workflow";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, getCsrfToken, type QueryParams, toQueryString } from "../../../shared/api/client";

export type {
  AwardWorkflowView,
  BudgetYear,
  EntitlementDetail,
  EntitlementStatus,
  Explanation,
  ExplanationFact,
  ObjectionView,
  PublicEntry,
  PublicityView,
  PublicPublicity,
  WhyNot,
} from "@beizeng/contract/rewards";
/** The statuses a user filters by (a superseded entitlement is history, not work). */
export const ENTITLEMENT_STATUSES = ALL_ENTITLEMENT_STATUSES.filter((status) => status !== "superseded");

export type Entitlement = EntitlementView;
export type Batch = BatchView;
export type Forecast = RewardForecast;
export type Correction = CorrectionView;

export interface EntitlementFilters {
  year?: number;
  rule?: string;
  status?: string;
  /** The id of the plan's step the entitlements wait for. */
  step?: string;
  changed?: boolean;
  q?: string;
  enterpriseId?: number;
  page: number;
  pageSize: number;
}

const keys = {
  all: ["rewards"] as const,
  list: (filters: EntitlementFilters) => ["rewards", "entitlements", filters] as const,
  detail: (id: number) => ["rewards", "entitlement", id] as const,
  batch: (id: number) => ["rewards", "batch", id] as const,
  batches: ["rewards", "batches"] as const,
  budget: ["rewards", "budget"] as const,
  forecast: ["rewards", "forecast"] as const,
  corrections: ["rewards", "corrections"] as const,
  workflow: ["rewards", "workflow"] as const,
  publicities: ["rewards", "publicities"] as const,
  objections: (status?: ObjectionStatus) => ["rewards", "objections", status ?? "all"] as const,
  publicPublicities: (district?: string) => ["public-rewards", "list", district ?? ""] as const,
  publicPublicity: (id: number) => ["public-rewards", "one", id] as const,
  whyNot: (enterpriseId: number, year?: number) => ["rewards", "why-not", enterpriseId, year] as const,
};

export function useEntitlements(filters: EntitlementFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => api.get<EntitlementList>("/api/rewards/entitlements", { ...filters } as QueryParams),
    placeholderData: keepPreviousData,
  });
}

export function useEntitlement(id: number | null) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    queryFn: () => api.get<EntitlementDetail>(`/api/rewards/entitlements/${id}`),
    enabled: id !== null,
  });
}

export function useBatches() {
  return useQuery({
    queryKey: keys.batches,
    queryFn: async () => (await api.get<BatchList>("/api/rewards/batches")).items,
  });
}

/** A batch, polled every half second while it runs. */
export function useBatch(id: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.batch(id ?? 0),
    queryFn: async () => {
      const batch = await api.get<Batch>(`/api/rewards/batches/${id}`);
      if (batch.status !== "running") {
        void queryClient.invalidateQueries({ queryKey: ["rewards", "entitlements"] });
        void queryClient.invalidateQueries({ queryKey: keys.batches });
        void queryClient.invalidateQueries({ queryKey: keys.budget });
      }
      return batch;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === "running" || !query.state.data ? 500 : false),
  });
}

export function useStartBatch() {
  return useMutation({ mutationFn: (year: number) => api.post<Batch>("/api/rewards/batches", { year }) });
}

export type WorkflowAction =
  | ({ kind: "confirm" } & ConfirmReq)
  | ({ kind: "decline" } & ReasonReq)
  | ({ kind: "review" } & ReviewReq)
  | { kind: "approve" }
  | ({ kind: "pay" } & PayReq)
  | ({ kind: "reject" } & ReasonReq)
  | ({ kind: "recover" } & RecoveryReq);

export function useWorkflow(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: WorkflowAction) =>
      api.post<EntitlementDetail>(`/api/rewards/entitlements/${id}/${kind}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(keys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: ["rewards", "entitlements"] });
      void queryClient.invalidateQueries({ queryKey: keys.budget });
    },
  });
}

/** The plan's award workflow: its steps, who acts at each, and which are the reader's. */
export function useAwardWorkflow() {
  return useQuery({
    queryKey: keys.workflow,
    queryFn: () => api.get<AwardWorkflowView>("/api/rewards/workflow"),
    staleTime: 5 * 60_000,
  });
}

export function usePublicities(enabled = true) {
  return useQuery({
    queryKey: keys.publicities,
    queryFn: async () => (await api.get<PublicityList>("/api/rewards/publicities")).items,
    enabled,
  });
}

export function usePublish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishReq) => api.post<PublicityView>("/api/rewards/publicities", input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.publicities });
      void queryClient.invalidateQueries({ queryKey: ["rewards", "entitlements"] });
    },
  });
}

export function useObjections(status?: ObjectionStatus, enabled = true) {
  return useQuery({
    queryKey: keys.objections(status),
    queryFn: async () => (await api.get<ObjectionList>("/api/rewards/objections", { status })).items,
    enabled,
  });
}

export function useResolveObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ResolveObjectionReq & { id: number }) =>
      api.post<ObjectionView>(`/api/rewards/objections/${id}/resolve`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["rewards"] });
    },
  });
}

/** The publicities running today (no login). */
export function usePublicPublicities(district?: string) {
  return useQuery({
    queryKey: keys.publicPublicities(district),
    queryFn: async () => (await api.get<PublicPublicityList>("/api/public/rewards/publicities", { district })).items,
  });
}

/** One publicity as the public sees it (its list only while it runs). */
export function usePublicPublicity(id: number | null) {
  return useQuery({
    queryKey: keys.publicPublicity(id ?? 0),
    queryFn: () => api.get<PublicPublicity>(`/api/public/rewards/publicities/${id}`),
    enabled: id !== null,
  });
}

export function useFileObjection(publicityId: number) {
  return useMutation({
    mutationFn: (input: PublicObjectionReq) =>
      api.post<ObjectionReceipt>(`/api/public/rewards/publicities/${publicityId}/objections`, input),
  });
}

export function useBudget() {
  return useQuery({ queryKey: keys.budget, queryFn: () => api.get<BudgetSummary>("/api/rewards/budget") });
}

export function useSetBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, amountYuan, note }: BudgetReq & { year: number }) =>
      api.put<BudgetSummary>(`/api/rewards/budgets/${year}`, { amountYuan, note }),
    onSuccess: (data) => queryClient.setQueryData(keys.budget, data),
  });
}

export function useForecast() {
  return useQuery({ queryKey: keys.forecast, queryFn: () => api.get<Forecast>("/api/rewards/forecast") });
}

export function useCorrections() {
  return useQuery({
    queryKey: keys.corrections,
    queryFn: async () => (await api.get<CorrectionList>("/api/rewards/corrections")).items,
  });
}

export function useResolveCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: ResolveCorrectionReq & { id: number }) =>
      api.post<CorrectionList>(`/api/rewards/corrections/${id}/resolve`, { decision, reason }),
    onSuccess: (data) => queryClient.setQueryData(keys.corrections, data.items),
  });
}

export function useWhyNot(enterpriseId: number | null, year?: number) {
  return useQuery({
    queryKey: keys.whyNot(enterpriseId ?? 0, year),
    queryFn: () => api.get<WhyNot>("/api/rewards/why-not", { enterpriseId, year }),
    enabled: enterpriseId !== null,
  });
}

export function paymentListUrl(filters: { year?: number; status?: string }): string {
  return `/api/rewards/exports/payments.xlsx${toQueryString(filters)}`;
}

/** Issues the approval notice (a POST: it takes a document number) and saves it as Word (.docx) or PDF. */
export async function downloadNotice(
  enterpriseId: number,
  year: number,
  fileName: string,
  format: "docx" | "pdf" = "docx",
): Promise<string> {
  const response = await fetch(format === "pdf" ? "/api/rewards/notices.pdf" : "/api/rewards/notices", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", "x-csrf-token": getCsrfToken() ?? "" },
    body: JSON.stringify({ enterpriseId, year }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "http", body?.error?.message ?? "");
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
  return decodeURIComponent(response.headers.get("x-document-number") ?? "");
}
