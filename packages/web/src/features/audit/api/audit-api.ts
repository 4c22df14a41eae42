import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api, type Page, toPage } from "../../../shared/api/client";

export interface AuditEntry {
  id: number;
  seq: number;
  at: string;
  actor?: { userId: number | null; label: string };
  actorLabel?: string;
  action: string;
  entityType: string;
  entityId: string | number | null;
  /** The record before and after the change: JSON text or already parsed. */
  before?: unknown;
  after?: unknown;
  beforeJson?: string | null;
  afterJson?: string | null;
  hash?: string;
  prevHash?: string;
}

export interface AuditFilters {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The answer of the hash-chain check. */
export interface AuditVerification {
  ok: boolean;
  count: number;
  firstBroken?: { seq: number; id: number; reason: string; message: string };
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ["audit", filters],
    queryFn: async (): Promise<Page<AuditEntry>> =>
      toPage(await api.get<AuditEntry[] | { items: AuditEntry[]; total?: number }>("/api/audit", { ...filters })),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>("/api/audit/verify") });
}

/** Pretty JSON of a before/after snapshot, whether the server sent it as text or as an object. */
export function snapshotText(parsed: unknown, text: string | null | undefined): string | null {
  const value = parsed ?? text;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}
