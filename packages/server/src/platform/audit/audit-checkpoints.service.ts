/**
 * Signed checkpoints of the audit chain's heads. The hash chain alone cannot see its own tail cut
 * off, nor a chain whose hashes were all recomputed after an edit; a checkpoint signed with a key
 * kept outside the database fixes the hash of an entry at a point in time, and each checkpoint also
 * carries a short digest of every entry it covers, so that a later mismatch names the entry.
 * Checkpoints are stored in the database, written to the server log and exported for an auditor to
 * keep: `verify` checks them all (docs/audit.md).
 */
import { createHash, sign, verify } from "node:crypto";
import type {
  AnchorStatus,
  AuditLogVerification,
  CheckpointProblem,
  CheckpointProblemReason,
} from "@beizeng/contract/audit";
import { z } from "zod";
import type { DbContext } from "../db/database";
import {
  auditBatch,
  auditChainHeads,
  auditCheckpointKeyIds,
  auditHashesInRange,
  insertAuditCheckpoint,
  latestAuditCheckpoints,
  listAuditCheckpoints,
  newestAuditCheckpointKeyId,
} from "./audit.repository";
import { auditEntryHash, GENESIS_HASH, verifyAuditChain } from "./audit.service";
import {
  type AuditSigningKey,
  attachAuditSigningKey,
  openOrCreateAuditSigningKey,
  type TrustedAuditKey,
} from "./audit-key";
import type { AuditCheckpointRow } from "./audit-log.table";
import { canonicalJson } from "./canonical-json";

const CHECKPOINT_FORMAT = "beizeng-audit-checkpoint/1";
/** Hex digits of each entry's hash a checkpoint keeps: enough to name the entry that changed. */
export const ENTRY_DIGEST_LENGTH = 16;
/** A long run of new entries is signed in several checkpoints, so that none grows large. */
export const MAX_ENTRIES_PER_CHECKPOINT = 5000;
/** Checkpoints are taken hourly; a head this much younger than the newest checkpoint is reported. */
export const STALE_CHECKPOINT_MS = 2 * 60 * 60_000;

export interface AuditCheckpoint {
  districtId: string;
  /** The previous checkpoint's seq (0 for the first); the checkpoint covers fromSeq + 1 … seq. */
  fromSeq: number;
  seq: number;
  /** The hash of the entry at seq when signed. */
  hash: string;
  at: string;
  keyId: string;
  /** The first 16 hex digits of each covered entry's hash, concatenated; absent in a server log line. */
  entryDigests?: string;
  /** sha256 of entryDigests: what the signature covers. */
  entryDigestsSha256: string;
  /** Ed25519, base64. */
  signature: string;
}

/** What the server log carries of a checkpoint: everything signed, without the digest list. */
export type AuditCheckpointLogLine = Omit<AuditCheckpoint, "entryDigests">;

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function signedBytes(checkpoint: Omit<AuditCheckpoint, "signature" | "entryDigests">): Buffer {
  return Buffer.from(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      districtId: checkpoint.districtId,
      fromSeq: checkpoint.fromSeq,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      at: checkpoint.at,
      keyId: checkpoint.keyId,
      entryDigestsSha256: checkpoint.entryDigestsSha256,
    }),
    "utf8",
  );
}

export function signAuditCheckpoint(
  key: AuditSigningKey,
  fields: { districtId: string; fromSeq: number; seq: number; hash: string; at: string; entryDigests: string },
): AuditCheckpoint {
  const unsigned = {
    districtId: fields.districtId,
    fromSeq: fields.fromSeq,
    seq: fields.seq,
    hash: fields.hash,
    at: fields.at,
    keyId: key.keyId,
    entryDigestsSha256: sha256Hex(fields.entryDigests),
  };
  const signature = sign(null, signedBytes(unsigned), key.privateKey).toString("base64");
  return { ...unsigned, entryDigests: fields.entryDigests, signature };
}

function signatureHolds(checkpoint: AuditCheckpoint, key: TrustedAuditKey): boolean {
  try {
    return verify(null, signedBytes(checkpoint), key.publicKey, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    return false;
  }
}

export function checkpointFromRow(row: AuditCheckpointRow): AuditCheckpoint {
  return {
    districtId: row.district_id,
    fromSeq: row.from_seq,
    seq: row.seq,
    hash: row.hash,
    at: row.at,
    keyId: row.key_id,
    entryDigests: row.entry_digests,
    entryDigestsSha256: sha256Hex(row.entry_digests),
    signature: row.signature,
  };
}

export function checkpointLogLine(checkpoint: AuditCheckpoint): AuditCheckpointLogLine {
  const { entryDigests: _list, ...line } = checkpoint;
  return line;
}

/** One line of the export (JSON Lines): the whole checkpoint, digest list included. */
export function checkpointJsonLine(checkpoint: AuditCheckpoint): string {
  return JSON.stringify({
    districtId: checkpoint.districtId,
    fromSeq: checkpoint.fromSeq,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    at: checkpoint.at,
    keyId: checkpoint.keyId,
    entryDigestsSha256: checkpoint.entryDigestsSha256,
    signature: checkpoint.signature,
    entryDigests: checkpoint.entryDigests,
  });
}

export async function exportAuditCheckpoints(db: DbContext, districtId?: string): Promise<AuditCheckpoint[]> {
  return (await listAuditCheckpoints(db, districtId)).map(checkpointFromRow);
}

// ---------------------------------------------------------------------------------------------
// Taking checkpoints

/**
 * Opens the signing key (creating it on first use) and attaches it to the database handle for the
 * routes. Warns when the checkpoints already stored were signed by another key: the key was lost and
 * made anew, or replaced; those checkpoints then verify only with the old public key.
 */
export async function prepareAuditSigningKey(
  db: DbContext,
  file: string,
): Promise<{ key: AuditSigningKey; created: boolean; warnings: string[] }> {
  const opened = openOrCreateAuditSigningKey(file);
  const otherKeys = (await auditCheckpointKeyIds(db)).filter((keyId) => keyId !== opened.key.keyId);
  const newestKeyId = await newestAuditCheckpointKeyId(db);
  if (newestKeyId !== undefined && newestKeyId !== opened.key.keyId) {
    opened.warnings.push(
      opened.created
        ? `审计签名密钥文件 ${file} 不存在，已新建（指纹 ${opened.key.keyId}）；但数据库中已有由其他密钥（指纹 ${otherKeys.join("、")}）签署的检查点：原密钥丢失或被移走，这些检查点只能用原公钥校验`
        : `审计签名密钥（${file}，指纹 ${opened.key.keyId}）不是签署最新检查点的密钥（指纹 ${newestKeyId}）：密钥被更换`,
    );
  }
  attachAuditSigningKey(db, opened.key);
  return opened;
}

export interface CheckpointRun {
  created: AuditCheckpoint[];
  /** Districts whose head was already signed. */
  upToDate: { districtId: string; seq: number }[];
  /** Districts whose chain no longer agrees with what was signed: nothing new is signed over it. */
  refused: { districtId: string; seq: number; message: string }[];
}

/**
 * Signs the head of each district's chain that advanced since its last checkpoint. The entries since
 * that checkpoint (all of them, for the first) are checked first: a chain that no longer holds, or no
 * longer reaches what was signed, is refused rather than signed over.
 */
export async function takeAuditCheckpoints(
  db: DbContext,
  key: AuditSigningKey,
  options: { districtId?: string; now?: () => Date; maxEntriesPerCheckpoint?: number } = {},
): Promise<CheckpointRun> {
  const settings = {
    now: options.now ?? (() => new Date()),
    maxEntries: options.maxEntriesPerCheckpoint ?? MAX_ENTRIES_PER_CHECKPOINT,
  };
  const run: CheckpointRun = { created: [], upToDate: [], refused: [] };
  for (const head of await auditChainHeads(db, options.districtId)) {
    await checkpointDistrict(db, key, { districtId: head.district_id, seq: head.seq }, settings, run);
  }
  return run;
}

async function newestOwnCheckpoint(
  db: DbContext,
  key: AuditSigningKey,
  districtId: string,
): Promise<AuditCheckpoint | undefined> {
  const trusted: TrustedAuditKey = { publicKey: key.publicKey, keyId: key.keyId, source: key.file };
  // Checkpoints by another key (a replaced key) are passed over: this key vouches only for its own.
  for (const row of await latestAuditCheckpoints(db, districtId, 20)) {
    const checkpoint = checkpointFromRow(row);
    if (checkpoint.keyId === key.keyId && signatureHolds(checkpoint, trusted)) return checkpoint;
  }
  return undefined;
}

async function checkpointDistrict(
  db: DbContext,
  key: AuditSigningKey,
  head: { districtId: string; seq: number },
  settings: { now: () => Date; maxEntries: number },
  run: CheckpointRun,
): Promise<void> {
  const { districtId } = head;
  const base = await newestOwnCheckpoint(db, key, districtId);
  const refuse = (seq: number, why: string) =>
    run.refused.push({
      districtId,
      seq,
      message: `区县 ${districtId} 第 ${seq} 条${why}，不签署新检查点 / not signing a new checkpoint`,
    });
  if (base && base.seq > head.seq) {
    refuse(head.seq + 1, `起的记录已不存在，而检查点已签署到第 ${base.seq} 条：末尾的记录被删除`);
    return;
  }
  if (base && base.seq === head.seq) {
    const [row] = await auditHashesInRange(db, districtId, base.seq - 1, base.seq, 1);
    if (row?.hash === base.hash) run.upToDate.push({ districtId, seq: head.seq });
    else refuse(base.seq, "与上一个检查点签署时不符：记录被修改或替换");
    return;
  }

  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  if (base) {
    const [row] = await auditHashesInRange(db, districtId, base.seq - 1, base.seq, 1);
    if (row?.hash !== base.hash) {
      refuse(base.seq, row ? "与上一个检查点签署时不符：记录被修改或替换" : "已不存在：记录被删除");
      return;
    }
    prevSeq = base.seq;
    prevHash = base.hash;
  }
  let chunkStart = prevSeq;
  let digests = "";
  const at = settings.now().toISOString();
  while (prevSeq < head.seq) {
    const batch = await auditBatch(db, { districtId, after: { districtId, seq: prevSeq }, limit: 1000 });
    if (batch.length === 0) {
      refuse(prevSeq + 1, "已不存在：记录被删除");
      return;
    }
    for (const row of batch) {
      if (row.seq > head.seq) break;
      if (row.seq !== prevSeq + 1) {
        refuse(prevSeq + 1, "已不存在：记录被删除");
        return;
      }
      if (row.prev_hash !== prevHash) {
        refuse(row.seq, "与上一条记录的哈希不衔接：记录被删除、替换或重排");
        return;
      }
      if (auditEntryHash(row) !== row.hash) {
        refuse(row.seq, "内容与哈希不符：记录被修改");
        return;
      }
      digests += row.hash.slice(0, ENTRY_DIGEST_LENGTH);
      prevSeq = row.seq;
      prevHash = row.hash;
      if (row.seq - chunkStart === settings.maxEntries || row.seq === head.seq) {
        const checkpoint = signAuditCheckpoint(key, {
          districtId,
          fromSeq: chunkStart,
          seq: row.seq,
          hash: row.hash,
          at,
          entryDigests: digests,
        });
        const id = await insertAuditCheckpoint(db, {
          district_id: districtId,
          from_seq: checkpoint.fromSeq,
          seq: checkpoint.seq,
          hash: checkpoint.hash,
          at: checkpoint.at,
          key_id: checkpoint.keyId,
          entry_digests: digests,
          signature: checkpoint.signature,
        });
        // Undefined: another process signed the same head a moment earlier.
        if (id !== undefined) run.created.push(checkpoint);
        chunkStart = row.seq;
        digests = "";
      }
    }
  }
}

/** Where the periodic job reports: one structured line per checkpoint, and any refusal. */
export interface AuditCheckpointSink {
  checkpoint(line: AuditCheckpointLogLine): void;
  problem(message: string): void;
}

/** The server's log when it writes one (JSON lines), else standard output and error. */
export function auditCheckpointSink(
  log: {
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  } | null,
): AuditCheckpointSink {
  if (log) {
    return {
      checkpoint: (line) => log.info({ auditCheckpoint: line }, "audit checkpoint"),
      problem: (message) => log.error({ auditCheckpointRefused: message }, message),
    };
  }
  return {
    checkpoint: (line) =>
      process.stdout.write(
        `${JSON.stringify({ time: new Date().toISOString(), msg: "audit checkpoint", auditCheckpoint: line })}\n`,
      ),
    problem: (message) => process.stderr.write(`${message}\n`),
  };
}

/** The periodic job: checkpoints every district whose chain advanced and reports each to the sink. */
export async function runAuditCheckpoints(db: DbContext, key: AuditSigningKey, sink: AuditCheckpointSink) {
  const run = await takeAuditCheckpoints(db, key);
  for (const checkpoint of run.created) sink.checkpoint(checkpointLogLine(checkpoint));
  for (const refusal of run.refused) sink.problem(refusal.message);
  return run;
}

// ---------------------------------------------------------------------------------------------
// Reading an auditor's copy

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `应为 ${length} 位十六进制`);

const CheckpointLineSchema = z
  .object({
    districtId: z.string().min(1, "不能为空"),
    fromSeq: z.number().int().min(0),
    seq: z.number().int().min(1),
    hash: hex(64),
    at: z.string().min(1, "不能为空"),
    keyId: z.string().min(1, "不能为空"),
    entryDigests: z
      .string()
      .regex(/^[0-9a-f]*$/, "应为十六进制")
      .optional(),
    entryDigestsSha256: hex(64).optional(),
    signature: z.string().min(1, "不能为空"),
  })
  .refine((line) => line.entryDigests !== undefined || line.entryDigestsSha256 !== undefined, {
    message: "缺少 entryDigests 或 entryDigestsSha256",
  });

/**
 * The checkpoints of an exported file (`beizeng audit checkpoints`) or of the server's log (its
 * checkpoint lines; other lines are skipped). Throws a Chinese message naming the line and field.
 */
export function parseAuditCheckpoints(text: string, fileName: string): AuditCheckpoint[] {
  const checkpoints: AuditCheckpoint[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const where = `${fileName} 第 ${index + 1} 行`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // A server log may hold lines that are not JSON (a start-up note); an export never does.
      if (line.startsWith("{")) throw new Error(`${where} 不是有效的 JSON`);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    const candidate = "auditCheckpoint" in record ? record.auditCheckpoint : "signature" in record ? record : null;
    if (candidate === null) return;
    const parsed = CheckpointLineSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${where} 不是有效的检查点：${issue?.path.join(".") || "内容"} ${issue?.message ?? ""}`.trim());
    }
    const data = parsed.data;
    checkpoints.push({
      districtId: data.districtId,
      fromSeq: data.fromSeq,
      seq: data.seq,
      hash: data.hash,
      at: data.at,
      keyId: data.keyId,
      entryDigests: data.entryDigests,
      // A list that disagrees with the signed digest is caught when verifying.
      entryDigestsSha256: data.entryDigestsSha256 ?? sha256Hex(data.entryDigests ?? ""),
      signature: data.signature,
    });
  });
  if (checkpoints.length === 0) throw new Error(`${fileName} 中没有检查点`);
  return checkpoints;
}

// ---------------------------------------------------------------------------------------------
// Verifying

// What the check reports is the API's answer (GET /api/audit/verify) and the command line's.
export type { AnchorStatus, AuditLogVerification, CheckpointProblem, CheckpointProblemReason };

export interface VerifyAuditLogOptions {
  districtId?: string;
  /** Public keys whose signatures count. Empty: signatures cannot be checked (say why in keyProblem). */
  trustedKeys: TrustedAuditKey[];
  keyProblem?: string;
  /** Checkpoints from outside the database (an auditor's exported copy or the server log). */
  external?: AuditCheckpoint[];
}

/** Reads a checkpoint's range of the log and names the first entry that is gone or no longer as signed. */
async function anchorProblem(
  db: DbContext,
  checkpoint: AuditCheckpoint,
  headSeq: number,
): Promise<Pick<CheckpointProblem, "reason" | "entrySeq" | "message"> | null> {
  const { districtId, fromSeq, seq } = checkpoint;
  const digests = checkpoint.entryDigests;
  const where = `区县 ${districtId}`;
  const missing = (at: number): Pick<CheckpointProblem, "reason" | "entrySeq" | "message"> =>
    at > headSeq
      ? {
          reason: "tail_missing",
          entrySeq: at,
          message: `${where} 第 ${at} 条起的记录已不存在，而第 ${seq} 条的检查点签署时它们都在：末尾的记录被删除`,
        }
      : {
          reason: "entry_missing",
          entrySeq: at,
          message: `${where} 第 ${at} 条已不存在（第 ${seq} 条的检查点签署时它在）：记录被删除`,
        };
  let expected = fromSeq + 1;
  let lastHash: string | undefined;
  const pageSize = 2000;
  for (;;) {
    const rows = await auditHashesInRange(db, districtId, expected - 1, seq, pageSize);
    for (const row of rows) {
      if (row.seq !== expected) return missing(expected);
      if (digests !== undefined) {
        const offset = (row.seq - fromSeq - 1) * ENTRY_DIGEST_LENGTH;
        if (row.hash.slice(0, ENTRY_DIGEST_LENGTH) !== digests.slice(offset, offset + ENTRY_DIGEST_LENGTH)) {
          return {
            reason: "entry_changed",
            entrySeq: row.seq,
            message: `${where} 第 ${row.seq} 条与检查点签署时不符：该条被修改或替换后，其后的哈希被重新计算（检查点签署至第 ${seq} 条）`,
          };
        }
      }
      lastHash = row.hash;
      expected += 1;
    }
    if (rows.length < pageSize) break;
  }
  if (expected <= seq) return missing(expected);
  if (lastHash !== checkpoint.hash) {
    return {
      reason: "head_changed",
      entrySeq: seq,
      message: `${where} 第 ${seq} 条的哈希与检查点不符：第 ${fromSeq + 1}–${seq} 条之间有记录被改写（这份检查点不含逐条摘要，无法定位到具体一条）`,
    };
  }
  return null;
}

/**
 * The whole check: the hash chain as before, then every checkpoint (the table's and the auditor's
 * copy): its signature by a trusted key, and that the log still holds, entry by entry, what it signed.
 */
export async function verifyAuditLog(db: DbContext, options: VerifyAuditLogOptions): Promise<AuditLogVerification> {
  const chain = await verifyAuditChain(db, options.districtId);
  const heads = new Map(
    (await auditChainHeads(db, options.districtId)).map((head) => [head.district_id, head] as const),
  );
  const stored = await exportAuditCheckpoints(db, options.districtId);
  const external = (options.external ?? []).filter(
    (checkpoint) => options.districtId === undefined || checkpoint.districtId === options.districtId,
  );
  const trusted = new Map(options.trustedKeys.map((key) => [key.keyId, key] as const));
  const trustedKeyIds = [...trusted.keys()];
  const problems: CheckpointProblem[] = [];
  const valid: AuditCheckpoint[] = [];

  const check = async (checkpoint: AuditCheckpoint, source: CheckpointProblem["source"]) => {
    const report = (reason: CheckpointProblemReason, entrySeq: number | null, message: string) =>
      problems.push({
        source,
        districtId: checkpoint.districtId,
        checkpointSeq: checkpoint.seq,
        reason,
        entrySeq,
        keyId: checkpoint.keyId,
        message: source === "file" ? `${message}（外部副本中的检查点）` : message,
      });
    const label = `区县 ${checkpoint.districtId} 第 ${checkpoint.seq} 条的检查点`;
    if (
      checkpoint.entryDigests !== undefined &&
      (sha256Hex(checkpoint.entryDigests) !== checkpoint.entryDigestsSha256 ||
        checkpoint.entryDigests.length !== (checkpoint.seq - checkpoint.fromSeq) * ENTRY_DIGEST_LENGTH)
    ) {
      report("digests_altered", null, `${label}的逐条摘要与签名的内容不符：检查点被改动`);
      return;
    }
    const key = trusted.get(checkpoint.keyId);
    if (!key) {
      report(
        "unknown_key",
        null,
        `${label}由未知密钥签名（指纹 ${checkpoint.keyId}，可信密钥 ${trustedKeyIds.join("、")}）：签名密钥被更换，或检查点是伪造的`,
      );
      return;
    }
    if (!signatureHolds(checkpoint, key)) {
      report("bad_signature", null, `${label}签名无效：检查点被伪造或改动`);
      return;
    }
    const anchor = await anchorProblem(db, checkpoint, heads.get(checkpoint.districtId)?.seq ?? 0);
    if (anchor) {
      report(anchor.reason, anchor.entrySeq, anchor.message);
      return;
    }
    valid.push(checkpoint);
  };

  if (trusted.size > 0) {
    for (const checkpoint of stored) await check(checkpoint, "database");
    const storedBySeq = new Map(stored.map((c) => [`${c.districtId}:${c.seq}`, c] as const));
    for (const checkpoint of external) {
      const twin = storedBySeq.get(`${checkpoint.districtId}:${checkpoint.seq}`);
      // The same signed checkpoint as the table's (a log line lacks only the digest list): already checked above.
      const sameSigned =
        twin?.signature === checkpoint.signature &&
        (checkpoint.entryDigests === undefined || checkpoint.entryDigests === twin.entryDigests);
      if (sameSigned) continue;
      const before = problems.length;
      await check(checkpoint, "file");
      if (problems.length > before) continue;
      const label = `区县 ${checkpoint.districtId} 第 ${checkpoint.seq} 条的检查点`;
      const report = (reason: CheckpointProblemReason, message: string) =>
        problems.push({
          source: "file",
          districtId: checkpoint.districtId,
          checkpointSeq: checkpoint.seq,
          reason,
          entrySeq: null,
          keyId: checkpoint.keyId,
          message,
        });
      if (!twin) report("missing_in_database", `${label}在外部副本中有、数据库中没有：检查点表被删改`);
      else if (twin.hash !== checkpoint.hash)
        report("differs_from_database", `${label}与外部副本不符：数据库中的检查点被替换`);
    }
  }

  const anchors: AnchorStatus[] = [];
  const warnings: string[] = [];
  for (const head of heads.values()) {
    const newest = valid
      .filter((checkpoint) => checkpoint.districtId === head.district_id)
      .reduce<AuditCheckpoint | undefined>((best, c) => (!best || c.seq > best.seq ? c : best), undefined);
    const anchoredSeq = newest?.seq ?? 0;
    const unanchored = Math.max(0, head.seq - anchoredSeq);
    const stale =
      newest === undefined
        ? unanchored > 0
        : unanchored > 0 && Date.parse(head.at) - Date.parse(newest.at) > STALE_CHECKPOINT_MS;
    anchors.push({
      districtId: head.district_id,
      headSeq: head.seq,
      headAt: head.at,
      anchoredSeq,
      anchoredAt: newest?.at ?? null,
      unanchored,
      stale,
    });
    const signedAny =
      stored.some((c) => c.districtId === head.district_id) || external.some((c) => c.districtId === head.district_id);
    // A district whose checkpoints failed is reported by its problems; "none" means none were ever there.
    if (!newest && !signedAny) {
      warnings.push(
        `区县 ${head.district_id} 没有任何有效的检查点：全部 ${unanchored} 条记录未锚定，末尾被删除或哈希被重算都无法发现`,
      );
    } else if (newest && stale) {
      const hours = Math.floor((Date.parse(head.at) - Date.parse(newest.at)) / 3_600_000);
      warnings.push(
        `区县 ${head.district_id} 最新的有效检查点（第 ${anchoredSeq} 条，${newest.at}）比日志末尾（第 ${head.seq} 条，${head.at}）早约 ${hours} 小时：其后 ${unanchored} 条记录未锚定`,
      );
    }
  }
  const unknownKeys = [...new Set(problems.filter((p) => p.reason === "unknown_key").map((p) => p.keyId))];
  if (unknownKeys.length > 0) {
    warnings.push(
      `有检查点由当前不信任的密钥签名（指纹 ${unknownKeys.join("、")}；可信密钥 ${trustedKeyIds.join("、")}）：签名密钥被更换、丢失后重新生成，或检查点是伪造的。请用审计员保存的原公钥校验（--public-key）；计划内换过密钥时，新旧公钥都要给出`,
    );
  }
  let keyProblem: string | null = null;
  if (trusted.size === 0) {
    keyProblem = options.keyProblem ?? "没有可信的公钥，无法校验检查点的签名";
    if (stored.length + external.length === 0) warnings.push(keyProblem);
  }

  const mismatches = [
    ...(chain.ok
      ? []
      : [{ districtId: chain.firstBroken.districtId, seq: chain.firstBroken.seq, message: chain.firstBroken.message }]),
    ...problems
      .filter((p): p is CheckpointProblem & { entrySeq: number } => p.entrySeq !== null)
      .map((p) => ({ districtId: p.districtId, seq: p.entrySeq, message: p.message })),
  ].sort((a, b) => (a.districtId === b.districtId ? a.seq - b.seq : a.districtId < b.districtId ? -1 : 1));
  const checkpointsUnchecked = trusted.size === 0 && stored.length + external.length > 0;
  return {
    ok: chain.ok && problems.length === 0 && !checkpointsUnchecked,
    count: chain.count,
    ...(chain.ok ? {} : { firstBroken: chain.firstBroken }),
    chainOk: chain.ok,
    checkpoints: { database: stored.length, file: external.length, verified: valid.length },
    problems,
    firstMismatch: mismatches[0] ?? null,
    anchors,
    trustedKeyIds,
    keyProblem,
    warnings,
  };
}
