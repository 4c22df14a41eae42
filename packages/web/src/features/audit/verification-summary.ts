/** What the audit page says about a verification: findings (why it failed), notes, and warnings. */
import type { MessageKey } from "../../shared/i18n/dictionary";
import type { Translate } from "../../shared/i18n/i18n";
import type { AuditVerification, CheckpointProblemReason } from "./api/audit-api";

/** The facts of a check the summary reads: the count, and whichever findings the check reported. */
export type VerificationFacts = Partial<AuditVerification> & Pick<AuditVerification, "count">;

const CHAIN_REASONS: Record<string, MessageKey> = {
  seq_gap: "audit.chainSeqGap",
  prev_hash_mismatch: "audit.chainPrevHash",
  hash_mismatch: "audit.chainHash",
};

const PROBLEM_MESSAGES: Record<CheckpointProblemReason, MessageKey> = {
  unknown_key: "audit.problemUnknownKey",
  bad_signature: "audit.problemBadSignature",
  digests_altered: "audit.problemDigestsAltered",
  entry_missing: "audit.problemEntryMissing",
  tail_missing: "audit.problemTailMissing",
  entry_changed: "audit.problemEntryChanged",
  head_changed: "audit.problemHeadChanged",
  missing_in_database: "audit.problemMissingInDatabase",
  differs_from_database: "audit.problemDiffers",
};

const PROBLEMS_SHOWN = 10;

export interface VerificationSummary {
  /** The count checked, then why the log no longer holds. */
  findings: string[];
  /** How far the log is anchored by signed checkpoints. */
  notes: string[];
  /** No checkpoint, or the newest far behind the log's end: entries an attacker could remove unseen. */
  warnings: string[];
}

export function summariseVerification(
  result: VerificationFacts,
  t: Translate,
  timeText: (value: string | null) => string,
): VerificationSummary {
  const problems = result.problems ?? [];
  const findings = [t("audit.verifyChecked", { count: result.count })];
  if (result.firstBroken) {
    const reason = CHAIN_REASONS[result.firstBroken.reason];
    findings.push(
      `${t("audit.verifyBrokenAt", { seq: result.firstBroken.seq })} ${reason ? t(reason) : result.firstBroken.message}`,
    );
  }
  if (result.firstMismatch && result.firstMismatch.seq !== result.firstBroken?.seq) {
    findings.push(t("audit.firstMismatch", { seq: result.firstMismatch.seq }));
  }
  for (const problem of problems.slice(0, PROBLEMS_SHOWN)) {
    findings.push(
      t(PROBLEM_MESSAGES[problem.reason], {
        seq: problem.checkpointSeq,
        entry: problem.entrySeq ?? problem.checkpointSeq,
        key: problem.keyId,
      }),
    );
  }
  if (problems.length > PROBLEMS_SHOWN) {
    findings.push(t("audit.problemsMore", { count: problems.length - PROBLEMS_SHOWN }));
  }
  const signed = (result.checkpoints?.database ?? 0) + (result.checkpoints?.file ?? 0);
  if (result.keyProblem && signed > 0) findings.push(t("audit.keyMissing"));
  if (problems.some((problem) => problem.reason === "unknown_key")) findings.push(t("audit.keyReplaced"));

  const notes: string[] = [];
  const warnings: string[] = [];
  for (const anchor of result.anchors ?? []) {
    if (anchor.anchoredSeq === 0) {
      // With checkpoints that failed, the findings already say why nothing is anchored.
      if (signed === 0) warnings.push(t("audit.anchorNone", { count: anchor.unanchored }));
      continue;
    }
    const time = timeText(anchor.anchoredAt);
    if (anchor.stale) {
      warnings.push(t("audit.anchorStale", { seq: anchor.anchoredSeq, time, count: anchor.unanchored }));
    } else {
      notes.push(t("audit.anchoredUpTo", { seq: anchor.anchoredSeq, time }));
      if (anchor.unanchored > 0) notes.push(t("audit.anchorPending", { count: anchor.unanchored }));
    }
  }
  return { findings, notes, warnings };
}
