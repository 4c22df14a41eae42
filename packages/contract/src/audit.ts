/**
 * The audit log (/api/audit*): a page of the district's entries, and the check of its hash chain and signed
 * checkpoints. The checkpoints, the public key and the log's export (.xlsx) download as files. See docs/audit.md.
 */
import { z } from "zod";
import { pageOf, pageQueryFields, Timestamp } from "./common";

/** Why an entry breaks the hash chain. */
export const AUDIT_BREAK_REASONS = ["seq_gap", "prev_hash_mismatch", "hash_mismatch"] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

/** Why a signed checkpoint no longer holds. */
export const CHECKPOINT_PROBLEM_REASONS = [
  "unknown_key",
  "bad_signature",
  "digests_altered",
  "entry_missing",
  "tail_missing",
  "entry_changed",
  "head_changed",
  "missing_in_database",
  "differs_from_database",
] as const;
export type CheckpointProblemReason = (typeof CHECKPOINT_PROBLEM_REASONS)[number];

// ---------------------------------------------------------------- requests

export const AuditQuerySchema = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  ...pageQueryFields,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The list's filters for its export (/api/audit/export): every entry they keep, newest first, not one page. */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ page: true, pageSize: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

// ---------------------------------------------------------------- responses

export const AuditEntrySchema = z.strictObject({
  id: z.number().int(),
  seq: z.number().int().min(1),
  at: Timestamp,
  actor: z.strictObject({ userId: z.number().int().nullable(), label: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The record before and after the change, as recorded (null where there was none). */
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A page of the district's audit log, newest first. */
export const AuditPageSchema = pageOf(AuditEntrySchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const CheckpointProblemSchema = z.strictObject({
  /** Where the checkpoint came from: the checkpoint table, or the auditor's copy. */
  source: z.enum(["database", "file"]),
  districtId: z.string(),
  checkpointSeq: z.number().int(),
  reason: z.enum(CHECKPOINT_PROBLEM_REASONS),
  /** The first entry that no longer matches what was signed, when the log is at fault. */
  entrySeq: z.number().int().nullable(),
  keyId: z.string(),
  message: z.string(),
});
export type CheckpointProblem = z.infer<typeof CheckpointProblemSchema>;

/** How far a district's chain is covered by signed checkpoints. */
export const AnchorStatusSchema = z.strictObject({
  districtId: z.string(),
  headSeq: z.number().int(),
  headAt: Timestamp,
  /** The newest entry a valid checkpoint vouches for (0: none). */
  anchoredSeq: z.number().int().min(0),
  anchoredAt: Timestamp.nullable(),
  /** Entries after it, which no checkpoint covers yet. */
  unanchored: z.number().int().min(0),
  /** The newest checkpoint is much older than the head (or there is none). */
  stale: z.boolean(),
});
export type AnchorStatus = z.infer<typeof AnchorStatusSchema>;

/** The whole check: the hash chain, then every checkpoint's signature and what it signed. */
export const AuditLogVerificationSchema = z.strictObject({
  ok: z.boolean(),
  /** Entries verified along the chain. */
  count: z.number().int().min(0),
  /** The first entry that breaks the chain; absent when the chain holds. */
  firstBroken: z
    .strictObject({
      districtId: z.string(),
      seq: z.number().int(),
      id: z.number().int(),
      reason: z.enum(AUDIT_BREAK_REASONS),
      message: z.string(),
    })
    .optional(),
  chainOk: z.boolean(),
  checkpoints: z.strictObject({
    database: z.number().int().min(0),
    file: z.number().int().min(0),
    verified: z.number().int().min(0),
  }),
  problems: z.array(CheckpointProblemSchema),
  /** The first entry (district, seq) that no longer matches, from the chain and the checkpoints. */
  firstMismatch: z.strictObject({ districtId: z.string(), seq: z.number().int(), message: z.string() }).nullable(),
  anchors: z.array(AnchorStatusSchema),
  trustedKeyIds: z.array(z.string()),
  /** Why no checkpoint signature could be checked (no key), in Chinese. */
  keyProblem: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type AuditLogVerification = z.infer<typeof AuditLogVerificationSchema>;
