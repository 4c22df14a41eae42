import type { AuditLogVerification, AuditPage, AuditQuery } from "@beizeng/contract/audit";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { AuditEntry, CheckpointProblemReason } from "@beizeng/contract/audit";
export type AuditFilters = AuditQuery;
/** The answer of the check: the hash chain, and the signed checkpoints against the server's key. */
export type AuditVerification = AuditLogVerification;

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ["audit", filters],
    queryFn: () => api.get<AuditPage>("/api/audit", { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>("/api/audit/verify") });
}

/** Pretty JSON of a before/after snapshot (a snapshot recorded as JSON text is shown parsed). */
export function snapshotText(value: unknown): string | null {
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
