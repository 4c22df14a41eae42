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

/** Why a signed checkpoint no longer holds (see docs/audit.md). */
export type CheckpointProblemReason =
  | "unknown_key"
  | "bad_signature"
  | "digests_altered"
  | "entry_missing"
  | "tail_missing"
  | "entry_changed"
  | "head_changed"
  | "missing_in_database"
  | "differs_from_database";

export interface CheckpointProblem {
  source: "database" | "file";
  districtId: string;
  checkpointSeq: number;
  reason: CheckpointProblemReason;
  entrySeq: number | null;
  keyId: string;
  message: string;
}

/** How far a district's chain is covered by signed checkpoints. */
export interface AnchorStatus {
  districtId: string;
  headSeq: number;
  headAt: string;
  anchoredSeq: number;
  anchoredAt: string | null;
  unanchored: number;
  stale: boolean;
}

/** The answer of the check: the hash chain, and the signed checkpoints against the server's key. */
export interface AuditVerification {
  ok: boolean;
  count: number;
  firstBroken?: { seq: number; id: number; reason: string; message: string };
  chainOk?: boolean;
  checkpoints?: { database: number; file: number; verified: number };
  problems?: CheckpointProblem[];
  firstMismatch?: { districtId: string; seq: number; message: string } | null;
  anchors?: AnchorStatus[];
  trustedKeyIds?: string[];
  keyProblem?: string | null;
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
