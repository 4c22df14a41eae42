import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type Page, toPage } from "../../../shared/api/client";
import type { Designation, ListingEvent, Profile, ServiceNote } from "./register-api";

export type ScaleStatus = "above" | "reserve" | "other";

/** One enterprise as the list shows it. Money values arrive as fen (string or safe integer). */
export interface EnterpriseSummary {
  id: number;
  creditCode: string;
  name: string;
  townUnitId?: number | null;
  town?: { id: number; code?: string; name: string } | null;
  chainId: string;
  industryCode?: string | null;
  isKey?: boolean;
  listingStage?: string | null;
  isDemo?: boolean;
  /** The most recent above-scale status recorded. */
  scale?: { year: number; status: ScaleStatus } | null;
  leader?: { id: number; name: string } | null;
  /** Latest official annual revenue (fen). */
  latestRevenueFen?: string | null;
  /** For a reserve-pool enterprise: fen still missing to the above-scale threshold. */
  reserveDistanceFen?: string | null;
}

export interface ScaleYear {
  year: number;
  status: ScaleStatus;
}

export interface Figure {
  id: number;
  year: number;
  /** 0 = the whole year, 1..12 = that month's own value. */
  month: number;
  metric: string;
  value: string | number;
  sourceKind?: string;
  sourceRef?: string | null;
  official?: boolean;
  recordedAt?: string;
  recordedBy?: number | null;
  supersededBy?: number | null;
}

export interface EnterpriseDetail extends EnterpriseSummary {
  scaleHistory: ScaleYear[];
  figures: Figure[];
  thresholdFen?: string | null;
  designations?: Designation[];
  listingEvents?: ListingEvent[];
  serviceNotes?: ServiceNote[];
  profile?: Profile;
}

export interface EnterpriseFilters {
  q?: string;
  chain?: string;
  town?: string;
  status?: string;
  designation?: string;
  key?: string;
  listing?: string;
  /** 万元 */
  reserveWithin?: number;
  mine?: string;
  page: number;
  pageSize: number;
}

type ListPayload = EnterpriseSummary[] | { items: EnterpriseSummary[]; total?: number };
type DetailPayload =
  | (EnterpriseSummary & { scaleHistory?: ScaleYear[]; scaleYears?: ScaleYear[]; figures?: Figure[] })
  | { enterprise: EnterpriseSummary; scaleHistory?: ScaleYear[]; scaleYears?: ScaleYear[]; figures?: Figure[] };

export function useEnterprises(filters: EnterpriseFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: ["enterprises", filters],
    queryFn: async (): Promise<Page<EnterpriseSummary>> =>
      toPage(await api.get<ListPayload>("/api/enterprises", { ...filters })),
    placeholderData: keepPreviousData,
  });
}

/** Accepts the detail flat or wrapped as {enterprise, scaleHistory, figures}. */
export function toEnterpriseDetail(payload: DetailPayload): EnterpriseDetail {
  const base = "enterprise" in payload ? payload.enterprise : payload;
  return {
    ...payload,
    ...base,
    scaleHistory: [...(payload.scaleHistory ?? payload.scaleYears ?? [])].sort((a, b) => a.year - b.year),
    figures: payload.figures ?? [],
  };
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: ["enterprises", "detail", id],
    queryFn: async () => toEnterpriseDetail(await api.get<DetailPayload>(`/api/enterprises/${encodeURIComponent(id)}`)),
  });
}

export function enterpriseTownName(enterprise: EnterpriseSummary): string | null {
  return enterprise.town?.name ?? null;
}

export function enterpriseStatus(enterprise: EnterpriseSummary): ScaleStatus | null {
  return enterprise.scale?.status ?? null;
}
