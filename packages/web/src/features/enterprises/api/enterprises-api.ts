import type { FigureView } from "@beizeng/contract/figures";
import type { EnterpriseDetail, EnterprisePage, EnterpriseSummary, ScaleStatus } from "@beizeng/contract/register";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { EnterpriseDetail, EnterpriseSummary, ScaleStatus, ScaleYear } from "@beizeng/contract/register";
/** A figure: 0 = the whole year, 1..12 = that month's own value; fen for money, a count otherwise. */
export type Figure = FigureView;

/**
 * The list's filters as the page holds them: the Selects' values as text (the chain is one of the plan's),
 * checked by the contract's EnterpriseQuerySchema on the server.
 */
export interface EnterpriseFilters {
  q?: string;
  chain?: string;
  town?: string;
  status?: string;
  designation?: string;
  /** 链主型 or 骨干型, in any chain and year. */
  chainRole?: "leader" | "backbone" | undefined;
  key?: string;
  listing?: string;
  /** 万元 */
  reserveWithin?: number;
  mine?: string;
  page: number;
  pageSize: number;
}

export function useEnterprises(filters: EnterpriseFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: ["enterprises", filters],
    queryFn: () => api.get<EnterprisePage>("/api/enterprises", { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: ["enterprises", "detail", id],
    queryFn: () => api.get<EnterpriseDetail>(`/api/enterprises/${encodeURIComponent(id)}`),
  });
}

export function enterpriseTownName(enterprise: EnterpriseSummary): string | null {
  return enterprise.town?.name ?? null;
}

export function enterpriseStatus(enterprise: EnterpriseSummary): ScaleStatus | null {
  return enterprise.scale?.status ?? null;
}
