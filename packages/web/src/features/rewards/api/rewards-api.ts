import {
  ENTITLEMENT_STATUSES as ALL_ENTITLEMENT_STATUSES,
  type EntitlementStatus,
  type EntitlementView,
} from "@beizeng/domain/rewards/workflow";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, getCsrfToken, type QueryParams, toQueryString } from "../../../shared/api/client";

export type { EntitlementStatus };
/** The statuses a user filters by (a superseded entitlement is history, not work). */
export const ENTITLEMENT_STATUSES = ALL_ENTITLEMENT_STATUSES.filter((status) => status !== "superseded");

/** The finance bureau's unit code in the plan: it approves and pays. */
export const FINANCE_UNIT_CODE = "finance-bureau";

export interface ExplanationFact {
  name: string;
  label: string;
  labelEn: string;
  year: number | null;
  value: string | null;
  source?: string;
}

export interface Explanation {
  ruleId: string;
  clause: string;
  quote: string;
  facts: ExplanationFact[];
  thresholds: { label: string; labelEn: string; value: string }[];
  arithmetic: string;
  parameters: { id: string; value: string | boolean | number; description: string; descriptionEn: string }[];
  zh: string;
  en: string;
  nextTier?: { zh: string; en: string };
}

export type Entitlement = EntitlementView;

export interface EntitlementDetail extends Entitlement {
  explanation: Explanation | null;
  quote: string;
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    reason: string | null;
    at: string;
  }[];
}

export interface Batch {
  id: number;
  year: number;
  status: "running" | "done" | "failed";
  progress: { done: number; total: number };
  summary: {
    entitlements: number;
    totalFen: string;
    created: number;
    changed: number;
    superseded: number;
    unchanged: number;
    corrections: number;
  } | null;
  errorMessage: string | null;
  computedAt: string;
  finishedAt: string | null;
}

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

export interface BudgetYear {
  year: number;
  budgetFen: string | null;
  note: string;
  paidFen: string;
  approvedFen: string;
  pendingFen: string;
  remainingFen: string | null;
  byRule: {
    ruleId: string;
    ruleName: string;
    paidFen: string;
    approvedFen: string;
    pendingFen: string;
    count: number;
  }[];
}

export interface Forecast {
  lastActualYear: number | null;
  outstandingFen: string;
  years: {
    year: number;
    withinPlan: boolean;
    totalFen: string;
    byRule: { ruleId: string; ruleName: string; totalFen: string; count: number }[];
  }[];
  method: string;
}

export interface Correction {
  id: number;
  entitlementId: number;
  enterpriseName: string | null;
  creditCode: string;
  ruleId: string;
  year: number;
  paidAmountFen: string;
  recomputedAmountFen: string | null;
  differenceFen: string;
  status: "open" | "accepted" | "dismissed";
  reason: string | null;
  createdAt: string;
}

export interface WhyNot {
  enterprise: { id: number; name: string; creditCode: string };
  year: number | null;
  entitlements: {
    key: string;
    ruleId: string;
    ruleName: string;
    year: number;
    amountFen: string | null;
    explanation?: Explanation;
  }[];
  nonPayments: {
    ruleId: string;
    ruleName: string;
    clause: string;
    reason: string;
    year: number | null;
    subjectId?: string;
    facts: ExplanationFact[];
    zh: string;
    en: string;
  }[];
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
    queryFn: () =>
      api.get<{ items: Entitlement[]; total: number }>("/api/rewards/entitlements", { ...filters } as QueryParams),
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
    queryFn: async () => (await api.get<{ items: Batch[] }>("/api/rewards/batches")).items,
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
  | { kind: "confirm"; accountName: string; bankName: string; accountNo: string }
  | { kind: "decline"; reason: string }
  | { kind: "review"; amountYuan?: string; note?: string }
  | { kind: "approve" }
  | { kind: "pay"; voucherNo: string; paidOn: string }
  | { kind: "reject"; reason: string };

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
  return useQuery({ queryKey: keys.budget, queryFn: () => api.get<{ years: BudgetYear[] }>("/api/rewards/budget") });
}

export function useSetBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, amountYuan, note }: { year: number; amountYuan: string; note?: string }) =>
      api.put<{ years: BudgetYear[] }>(`/api/rewards/budgets/${year}`, { amountYuan, note }),
    onSuccess: (data) => queryClient.setQueryData(keys.budget, data),
  });
}

export function useForecast() {
  return useQuery({ queryKey: keys.forecast, queryFn: () => api.get<Forecast>("/api/rewards/forecast") });
}

export function useCorrections() {
  return useQuery({
    queryKey: keys.corrections,
    queryFn: async () => (await api.get<{ items: Correction[] }>("/api/rewards/corrections")).items,
  });
}

export function useResolveCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: number; decision: "accepted" | "dismissed"; reason: string }) =>
      api.post<{ items: Correction[] }>(`/api/rewards/corrections/${id}/resolve`, { decision, reason }),
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
