import type {
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
  PayReq,
  ReasonReq,
  ResolveCorrectionReq,
  ReviewReq,
  RewardForecast,
  WhyNot,
} from "@beizeng/contract/rewards";
import { ENTITLEMENT_STATUSES as ALL_ENTITLEMENT_STATUSES } from "@beizeng/domain/rewards/workflow";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, getCsrfToken, type QueryParams, toQueryString } from "../../../shared/api/client";

export type {
  BudgetYear,
  EntitlementDetail,
  EntitlementStatus,
  Explanation,
  ExplanationFact,
  WhyNot,
} from "@beizeng/contract/rewards";
/** The statuses a user filters by (a superseded entitlement is history, not work). */
export const ENTITLEMENT_STATUSES = ALL_ENTITLEMENT_STATUSES.filter((status) => status !== "superseded");

/** The finance bureau's unit code in the plan: it approves and pays. */
export const FINANCE_UNIT_CODE = "finance-bureau";

export type Entitlement = EntitlementView;
export type Batch = BatchView;
export type Forecast = RewardForecast;
export type Correction = CorrectionView;

export interface EntitlementFilters {
  year?: number;
  rule?: string;
  status?: string;
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
  | ({ kind: "reject" } & ReasonReq);

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

/** Issues the approval notice (a POST: it takes a document number) and saves the .docx. */
export async function downloadNotice(enterpriseId: number, year: number, fileName: string): Promise<string> {
  const response = await fetch("/api/rewards/notices", {
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
