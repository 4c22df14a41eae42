/**
 * The audit log's signed checkpoints against the attacks the hash chain alone lets through: a removed
 * tail, and an edit followed by recomputing every later hash with the product's own function; then
 * the same with the checkpoint table emptied (the auditor's exported copy catches it), a forged
 * checkpoint, and a lost or replaced key.
 */
import { createPublicKey } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSuite, loginAs, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "../db/database";
import { auditEntryHash, recordAudit, verifyAuditChain } from "./audit.service";
import {
  type AuditCheckpointLogLine,
  auditCheckpointSink,
  checkpointJsonLine,
  exportAuditCheckpoints,
  parseAuditCheckpoints,
  prepareAuditSigningKey,
  runAuditCheckpoints,
  takeAuditCheckpoints,
  verifyAuditLog,
} from "./audit-checkpoints.service";
import {
  type AuditSigningKey,
  attachAuditSigningKey,
  auditKeyId,
  openOrCreateAuditSigningKey,
  trustedFromSigningKey,
} from "./audit-key";

const actor = { userId: null, label: "test" };

let keyDir: string;
beforeAll(() => {
  keyDir = mkdtempSync(path.join(tmpdir(), "beizeng-audit-key-"));
});
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

let keyCounter = 0;
function freshKey(): AuditSigningKey {
  keyCounter += 1;
  return openOrCreateAuditSigningKey(path.join(keyDir, `key-${keyCounter}`, "audit-signing-key.pem")).key;
}

describe.each(testDatabases())("audit checkpoints on $name", (database) => {
  let db: BeizengDb;
  let serverKey: AuditSigningKey;
  const districts = ["200001", "200002", "200003", "200004", "200005", "200006", "200007", "200008", "200009"];

  beforeAll(async () => {
    db = await database.createMigrated();
    const now = new Date().toISOString();
    await db.kysely
      .insertInto("districts")
      .values(districts.map((id) => ({ id, name: `区${id}`, created_at: now })))
      .execute();
    serverKey = freshKey();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function record(districtId: string, count: number) {
    for (let i = 0; i < count; i += 1) {
      await recordAudit(db, {
        districtId,
        actor,
        action: "update",
        entityType: "enterprise",
        entityId: i + 1,
        before: { revenueFen: 100n * BigInt(i), name: "旧名" },
        after: { revenueFen: 200n * BigInt(i), name: "新名" },
      });
    }
  }

  const verify = (districtId: string, options: { keys?: AuditSigningKey[]; external?: string } = {}) =>
    verifyAuditLog(db, {
      districtId,
      trustedKeys: (options.keys ?? [serverKey]).map(trustedFromSigningKey),
      external: options.external === undefined ? undefined : parseAuditCheckpoints(options.external, "copy.jsonl"),
    });

  async function exported(districtId: string): Promise<string> {
    return (await exportAuditCheckpoints(db, districtId)).map((c) => `${checkpointJsonLine(c)}\n`).join("");
  }

  it("creates the key file owner-only, and signs each district's head once it advanced", async () => {
    const file = path.join(keyDir, `setup-${database.name}`, "audit-signing-key.pem");
    const first = openOrCreateAuditSigningKey(file);
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = openOrCreateAuditSigningKey(file);
    expect(again.created).toBe(false);
    expect(again.key.keyId).toBe(first.key.keyId);

    const d = districts[0]!;
    await record(d, 10);
    const run = await takeAuditCheckpoints(db, serverKey, { districtId: d });
    expect(run.created.map((c) => [c.fromSeq, c.seq])).toEqual([[0, 10]]);
    expect(run.created[0]?.entryDigests).toHaveLength(10 * 16);
    expect((await takeAuditCheckpoints(db, serverKey, { districtId: d })).upToDate).toEqual([
      { districtId: d, seq: 10 },
    ]);
    await record(d, 3);
    const next = await takeAuditCheckpoints(db, serverKey, { districtId: d });
    expect(next.created.map((c) => [c.fromSeq, c.seq])).toEqual([[10, 13]]);

    const result = await verify(d);
    expect(result).toMatchObject({ ok: true, count: 13, problems: [], checkpoints: { database: 2, verified: 2 } });
    expect(result.anchors).toEqual([
      expect.objectContaining({ districtId: d, anchoredSeq: 13, unanchored: 0, stale: false }),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("deleting the last entries fails verification, naming the first missing entry", async () => {
    const d = districts[1]!;
    await record(d, 12);
    await takeAuditCheckpoints(db, serverKey, { districtId: d });
    await dropAppendOnlyTriggers(db);
    await db.kysely.deleteFrom("audit_log").where("district_id", "=", d).where("seq", ">=", 10).execute();

    // The hash chain alone still holds: this is the attack it could not see.
    expect(await verifyAuditChain(db, d)).toEqual({ ok: true, count: 9 });
    const result = await verify(d);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ reason: "tail_missing", entrySeq: 10, checkpointSeq: 12, source: "database" }),
    ]);
    expect(result.firstMismatch).toMatchObject({ districtId: d, seq: 10 });
    expect(result.firstMismatch?.message).toContain("第 10 条起的记录已不存在");
    // Nor is a new checkpoint signed over the shortened chain.
    const run = await takeAuditCheckpoints(db, serverKey, { districtId: d });
    expect(run.created).toEqual([]);
    expect(run.refused[0]?.message).toContain("第 10 条起的记录已不存在");
  });

  it("an edit with every later hash recomputed by the product's own function fails, naming the edited entry", async () => {
    const d = districts[2]!;
    await record(d, 12);
    await takeAuditCheckpoints(db, serverKey, { districtId: d });
    await dropAppendOnlyTriggers(db);
    await editAndRecompute(db, d, 5);

    expect(await verifyAuditChain(db, d)).toEqual({ ok: true, count: 12 });
    const result = await verify(d);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ reason: "entry_changed", entrySeq: 5, checkpointSeq: 12 }),
    ]);
    expect(result.firstMismatch).toMatchObject({ districtId: d, seq: 5 });
    expect(result.firstMismatch?.message).toContain("第 5 条与检查点签署时不符");
  });

  it("names the edited entry when the run was signed in several checkpoints", async () => {
    const d = districts[3]!;
    await record(d, 7);
    const run = await takeAuditCheckpoints(db, serverKey, { districtId: d, maxEntriesPerCheckpoint: 3 });
    expect(run.created.map((c) => [c.fromSeq, c.seq])).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
    await dropAppendOnlyTriggers(db);
    await editAndRecompute(db, d, 4);
    const result = await verify(d);
    expect(result.problems.map((p) => [p.checkpointSeq, p.reason, p.entrySeq])).toEqual([
      [6, "entry_changed", 4],
      [7, "entry_changed", 7],
    ]);
    expect(result.firstMismatch).toMatchObject({ seq: 4 });
  });

  it("with the checkpoint table emptied too, the auditor's exported copy still catches both attacks", async () => {
    const d = districts[4]!;
    await record(d, 12);
    await takeAuditCheckpoints(db, serverKey, { districtId: d });
    const copy = await exported(d);
    await dropAppendOnlyTriggers(db);
    await editAndRecompute(db, d, 3);
    await db.kysely.deleteFrom("audit_checkpoints").where("district_id", "=", d).execute();

    // Without the copy: nothing signed is left to compare with, which verify says.
    const blind = await verify(d);
    expect(blind.ok).toBe(true);
    expect(blind.warnings.join("\n")).toContain("没有任何有效的检查点：全部 12 条记录未锚定");

    const withCopy = await verify(d, { external: copy });
    expect(withCopy.ok).toBe(false);
    expect(withCopy.problems).toEqual([
      expect.objectContaining({ source: "file", reason: "entry_changed", entrySeq: 3 }),
    ]);
    expect(withCopy.firstMismatch?.message).toContain("第 3 条与检查点签署时不符");

    // The tail removed as well: the copy names the first missing entry.
    await db.kysely.deleteFrom("audit_log").where("district_id", "=", d).where("seq", ">", 8).execute();
    const tail = await verify(d, { external: copy });
    expect(tail.problems[0]).toMatchObject({ source: "file", reason: "entry_changed", entrySeq: 3 });
  });

  it("a checkpoint missing from the table but present in the copy is reported", async () => {
    const d = districts[5]!;
    await record(d, 4);
    await takeAuditCheckpoints(db, serverKey, { districtId: d });
    const copy = await exported(d);
    await dropAppendOnlyTriggers(db);
    await db.kysely.deleteFrom("audit_checkpoints").where("district_id", "=", d).execute();
    await db.kysely.deleteFrom("audit_log").where("district_id", "=", d).where("seq", ">", 2).execute();
    const result = await verify(d, { external: copy });
    expect(result.problems).toEqual([expect.objectContaining({ source: "file", reason: "tail_missing", entrySeq: 3 })]);
    expect(result.problems[0]?.message).toContain("外部副本");

    const d2 = districts[6]!;
    await record(d2, 3);
    await takeAuditCheckpoints(db, serverKey, { districtId: d2 });
    const copy2 = await exported(d2);
    await db.kysely.deleteFrom("audit_checkpoints").where("district_id", "=", d2).execute();
    const gone = await verify(d2, { external: copy2 });
    expect(gone.ok).toBe(false);
    expect(gone.problems).toEqual([expect.objectContaining({ reason: "missing_in_database", checkpointSeq: 3 })]);
  });

  it("a forged checkpoint fails: signed by another key, or altered after signing", async () => {
    const d = districts[7]!;
    await record(d, 6);
    await takeAuditCheckpoints(db, serverKey, { districtId: d });
    const copy = await exported(d);
    await dropAppendOnlyTriggers(db);
    await editAndRecompute(db, d, 2);

    // The attacker replaces the checkpoints with ones signed by a key of their own.
    const attackerKey = freshKey();
    await db.kysely.deleteFrom("audit_checkpoints").where("district_id", "=", d).execute();
    expect((await takeAuditCheckpoints(db, attackerKey, { districtId: d })).created).toHaveLength(1);
    const forged = await verify(d);
    expect(forged.ok).toBe(false);
    expect(forged.problems).toEqual([expect.objectContaining({ reason: "unknown_key", keyId: attackerKey.keyId })]);
    expect(forged.problems[0]?.message).toContain("由未知密钥签名");
    expect(forged.warnings.join("\n")).toContain("--public-key");
    // The auditor's copy names the edited entry as well.
    const withCopy = await verify(d, { external: copy });
    expect(withCopy.firstMismatch).toMatchObject({ seq: 2 });

    // A signed checkpoint whose hash was rewritten to the recomputed one: the signature no longer holds.
    const [head] = await db.kysely
      .selectFrom("audit_log")
      .select("hash")
      .where("district_id", "=", d)
      .where("seq", "=", 6)
      .execute();
    const tampered = copy.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${head?.hash}"`);
    const badSignature = await verify(d, { keys: [serverKey, attackerKey], external: tampered });
    expect(badSignature.problems).toContainEqual(
      expect.objectContaining({ source: "file", reason: "bad_signature", checkpointSeq: 6 }),
    );
  });

  it("says so when the key is missing, and warns when it was made anew while old checkpoints exist", async () => {
    const d = districts[0]!;
    const noKey = await verifyAuditLog(db, {
      districtId: d,
      trustedKeys: [],
      keyProblem: "审计签名密钥文件不存在：/somewhere/audit-signing-key.pem",
    });
    expect(noKey.ok).toBe(false);
    expect(noKey.keyProblem).toContain("审计签名密钥文件不存在");
    expect(noKey.chainOk).toBe(true);

    const replacement = await prepareAuditSigningKey(
      db,
      path.join(keyDir, `replaced-${database.name}`, "audit-signing-key.pem"),
    );
    expect(replacement.created).toBe(true);
    expect(replacement.warnings.join("\n")).toContain("原密钥丢失或被移走");
    const withNewKey = await verify(d, { keys: [replacement.key] });
    expect(withNewKey.ok).toBe(false);
    expect(withNewKey.problems.length).toBeGreaterThan(0);
    expect(withNewKey.problems.every((p) => p.reason === "unknown_key")).toBe(true);
    // Trusting the old public key too (a planned key change) verifies again.
    expect((await verify(d, { keys: [replacement.key, serverKey] })).ok).toBe(true);
  });

  it("warns how many entries are unanchored when the newest checkpoint is much older than the head", async () => {
    const d = districts[8]!;
    await record(d, 5);
    const threeHoursAgo = new Date(Date.now() - 3 * 60 * 60_000);
    await takeAuditCheckpoints(db, serverKey, { districtId: d, now: () => threeHoursAgo });
    await record(d, 4);
    const result = await verify(d);
    expect(result.ok).toBe(true);
    expect(result.anchors).toEqual([
      expect.objectContaining({ anchoredSeq: 5, headSeq: 9, unanchored: 4, stale: true }),
    ]);
    expect(result.warnings.join("\n")).toContain("其后 4 条记录未锚定");
  });

  it("writes one structured line per checkpoint, and those lines serve as the auditor's copy", async () => {
    const d = districts[0]!;
    await record(d, 2);
    const lines: AuditCheckpointLogLine[] = [];
    const problems: string[] = [];
    await runAuditCheckpoints(db, serverKey, {
      checkpoint: (line) => lines.push(line),
      problem: (m) => problems.push(m),
    });
    expect(lines.map((line) => [line.districtId, line.seq])).toContainEqual([d, 15]);
    const line = lines.find((l) => l.districtId === d)!;
    expect(Object.keys(line).sort()).toEqual(
      ["at", "districtId", "entryDigestsSha256", "fromSeq", "hash", "keyId", "seq", "signature"].sort(),
    );
    // Tampered districts are refused, not signed over.
    expect(problems.some((message) => message.includes(districts[1]!))).toBe(true);
    const log = `not json\n${JSON.stringify({ level: 30, msg: "audit checkpoint", auditCheckpoint: line })}\n{"level":30,"msg":"x"}\n`;
    expect(parseAuditCheckpoints(log, "server.log")).toHaveLength(1);
    const withLog = await verify(d, { external: log });
    expect(withLog.ok).toBe(true);
    // The log line is the table's checkpoint without its digest list: counted once.
    expect(withLog.checkpoints).toEqual({ database: 3, file: 1, verified: 3 });
    expect(typeof auditCheckpointSink(null).checkpoint).toBe("function");
  });

  it("refuses a checkpoints file that is not one, naming the line", () => {
    expect(() => parseAuditCheckpoints('{"districtId":"1","seq":"x","signature":"a"}\n', "copy.jsonl")).toThrow(
      /copy\.jsonl 第 1 行 不是有效的检查点/,
    );
    expect(() => parseAuditCheckpoints("{broken\n", "copy.jsonl")).toThrow("copy.jsonl 第 1 行 不是有效的 JSON");
    expect(() => parseAuditCheckpoints("hello\n", "copy.jsonl")).toThrow("copy.jsonl 中没有检查点");
  });
});

describe.each(testDatabases())("audit checkpoint routes on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let key: AuditSigningKey;

  beforeAll(async () => {
    db = await database.createMigrated();
    await seedWorld(db);
    key = freshKey();
    attachAuditSigningKey(db, key);
    app = await testApp(db);
  });
  afterAll(() => closeSuite(app, db));

  it("lets the office verify with the server's key, and the inspector download the checkpoints and the public key", async () => {
    await takeAuditCheckpoints(db, key);
    const office = await loginAs(app, "office-a");
    const verified = (await app.inject({ url: "/api/audit/verify", headers: office.headers })).json();
    expect(verified).toMatchObject({ ok: true, problems: [], trustedKeyIds: [key.keyId] });
    expect(verified.checkpoints.verified).toBeGreaterThan(0);

    const inspector = await loginAs(app, "inspector-a");
    const download = await app.inject({ url: "/api/audit/checkpoints", headers: inspector.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toContain(encodeURIComponent("审计检查点-360202"));
    const checkpoints = parseAuditCheckpoints(download.body, "download.jsonl");
    expect(new Set(checkpoints.map((c) => c.districtId))).toEqual(new Set(["360202"]));

    const pem = await app.inject({ url: "/api/audit/public-key", headers: inspector.headers });
    expect(pem.statusCode).toBe(200);
    const publicKey = createPublicKey(pem.body);
    expect(auditKeyId(publicKey)).toBe(key.keyId);
    // The auditor's own check: their public key and their copy, not the server's word.
    const auditorCheck = await verifyAuditLog(db, {
      districtId: "360202",
      trustedKeys: [{ publicKey, keyId: auditKeyId(publicKey), source: "download" }],
      external: checkpoints,
    });
    expect(auditorCheck.ok).toBe(true);
  });
});

/** What someone with write access to the database files does first: the append-only triggers go. */
async function dropAppendOnlyTriggers(db: BeizengDb): Promise<void> {
  if (db.dialect === "sqlite") {
    for (const name of [
      "audit_log_no_update",
      "audit_log_no_delete",
      "audit_checkpoints_no_update",
      "audit_checkpoints_no_delete",
    ]) {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(db.kysely);
    }
  } else {
    await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(db.kysely);
    await sql`drop trigger if exists audit_checkpoints_no_update on audit_checkpoints`.execute(db.kysely);
  }
}

/** Edits one entry and recomputes it and every later entry's hash with the product's own function. */
async function editAndRecompute(db: BeizengDb, districtId: string, seq: number): Promise<void> {
  const rows = await db.kysely
    .selectFrom("audit_log")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("seq", ">=", seq)
    .orderBy("seq")
    .execute();
  let prevHash = rows[0]!.prev_hash;
  for (const [index, row] of rows.entries()) {
    const edited = {
      ...row,
      actor_label: index === 0 ? "someone-else" : row.actor_label,
      prev_hash: prevHash,
    };
    const hash = auditEntryHash(edited);
    await db.kysely
      .updateTable("audit_log")
      .set({ actor_label: edited.actor_label, prev_hash: prevHash, hash })
      .where("id", "=", row.id)
      .execute();
    prevHash = hash;
  }
}
