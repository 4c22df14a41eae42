/**
 * `beizeng audit …` as an operator and an auditor run it: real processes against real SQLite files,
 * attacked the way someone with the database file would (triggers dropped, rows deleted or rewritten
 * with the product's own hash function).
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { auditEntryHash, recordAudit } from "@beizeng/server/platform/audit/audit.service";
import { prepareAuditSigningKey, takeAuditCheckpoints } from "@beizeng/server/platform/audit/audit-checkpoints.service";
import { createDatabase } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const entry = path.join(repositoryRoot, "packages/cli/src/main.ts");
const DISTRICT = "300001";

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "beizeng-cli-audit-"));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function beizeng(args: string[], sqliteFile: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: "", BEIZENG_SQLITE_FILE: sqliteFile, BEIZENG_AUDIT_KEY_FILE: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end("");
  });
}

let counter = 0;
/** A database in its own folder with `entries` audit entries; signed in-process when `sign` is set. */
async function auditedDatabase(entries: number, sign: boolean): Promise<{ file: string; dir: string }> {
  counter += 1;
  const dir = path.join(workDir, `case-${counter}`);
  const file = path.join(dir, "beizeng.sqlite");
  const db = createDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(db);
    await db.kysely
      .insertInto("districts")
      .values({ id: DISTRICT, name: "测试区", created_at: new Date().toISOString() })
      .execute();
    for (let i = 1; i <= entries; i += 1) {
      await recordAudit(db, {
        districtId: DISTRICT,
        actor: { userId: null, label: "test" },
        action: "update",
        entityType: "enterprise",
        entityId: i,
        after: { name: `企业${i}` },
      });
    }
    if (sign) {
      const { key } = await prepareAuditSigningKey(db, path.join(dir, "audit-signing-key.pem"));
      await takeAuditCheckpoints(db, key);
    }
  } finally {
    await db.close();
  }
  return { file, dir };
}

/** What an attacker with the database file does: drop the append-only triggers, then rewrite. */
function tamper(file: string, work: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(file);
  const triggers = sqlite
    .prepare("select name from sqlite_master where type = 'trigger' and tbl_name in ('audit_log', 'audit_checkpoints')")
    .all() as { name: string }[];
  for (const trigger of triggers) sqlite.exec(`drop trigger ${trigger.name}`);
  work(sqlite);
  sqlite.close();
}

function editAndRecompute(sqlite: Database.Database, seq: number): void {
  const rows = sqlite
    .prepare("select * from audit_log where district_id = ? and seq >= ? order by seq")
    .all(DISTRICT, seq) as (Parameters<typeof auditEntryHash>[0] & { id: number })[];
  let prevHash = rows[0]!.prev_hash;
  for (const [index, row] of rows.entries()) {
    const edited = { ...row, actor_label: index === 0 ? "someone-else" : row.actor_label, prev_hash: prevHash };
    const hash = auditEntryHash(edited);
    sqlite
      .prepare("update audit_log set actor_label = ?, prev_hash = ?, hash = ? where id = ?")
      .run(edited.actor_label, prevHash, hash, row.id);
    prevHash = hash;
  }
}

describe("beizeng audit", () => {
  it("creates the key at migrate, signs on demand, exports the checkpoints and the public key, and verifies", async () => {
    const { file, dir } = await auditedDatabase(12, false);
    const migrate = await beizeng(["migrate"], file);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain("已生成审计签名密钥");
    const keyFile = path.join(dir, "audit-signing-key.pem");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const checkpoint = await beizeng(["audit", "checkpoint"], file);
    expect(checkpoint.code).toBe(0);
    expect(checkpoint.stdout).toContain(`已签署检查点 / checkpoint signed: 区县 ${DISTRICT} 第 1–12 条`);
    const again = await beizeng(["audit", "checkpoint"], file);
    expect(again.stdout).toContain("已锚定到第 12 条，无需新检查点");

    const copy = path.join(dir, "copy.jsonl");
    const exported = await beizeng(["audit", "checkpoints", "--out", copy], file);
    expect(exported.stdout).toContain("已导出 1 个检查点");
    expect(JSON.parse(readFileSync(copy, "utf8").trim())).toMatchObject({ districtId: DISTRICT, seq: 12 });
    const publicKey = path.join(dir, "public.pem");
    expect((await beizeng(["audit", "public-key", "--out", publicKey], file)).code).toBe(0);
    expect(readFileSync(publicKey, "utf8")).toContain("BEGIN PUBLIC KEY");

    const verify = await beizeng(["audit", "verify", "--public-key", publicKey, "--checkpoints", copy], file);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain("审计日志完好");
    expect(verify.stdout).toContain("1 个签名有效且与日志相符");
    expect(verify.stdout).toContain("已锚定到第 12 条");
  });

  it("fails when the last entries were deleted, naming the first missing one", async () => {
    const { file } = await auditedDatabase(12, true);
    tamper(file, (sqlite) => sqlite.prepare("delete from audit_log where seq > 9").run());
    const run = await beizeng(["audit", "verify"], file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("第 10 条起不再相符");
    expect(run.stderr).toContain("第 10 条起的记录已不存在");
  });

  it("fails when an entry was edited and the later hashes recomputed, naming it; the exported copy still does with the table emptied", async () => {
    const { file, dir } = await auditedDatabase(12, true);
    const copy = path.join(dir, "copy.jsonl");
    await beizeng(["audit", "checkpoints", "--out", copy], file);
    tamper(file, (sqlite) => editAndRecompute(sqlite, 5));
    const run = await beizeng(["audit", "verify"], file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("第 5 条与检查点签署时不符");

    tamper(file, (sqlite) => sqlite.prepare("delete from audit_checkpoints").run());
    const blind = await beizeng(["audit", "verify"], file);
    expect(blind.code).toBe(0);
    expect(blind.stderr).toContain("没有任何有效的检查点：全部 12 条记录未锚定");
    const withCopy = await beizeng(["audit", "verify", "--checkpoints", copy], file);
    expect(withCopy.code).toBe(1);
    expect(withCopy.stderr).toContain("第 5 条与检查点签署时不符");
  });

  it("fails on a checkpoint signed by another key, and says when the key is missing", async () => {
    const { file, dir } = await auditedDatabase(6, true);
    const publicKey = path.join(dir, "public.pem");
    await beizeng(["audit", "public-key", "--out", publicKey], file);
    // The attacker rewrites the chain, empties the table and signs anew with a key of their own.
    tamper(file, (sqlite) => {
      editAndRecompute(sqlite, 2);
      sqlite.prepare("delete from audit_checkpoints").run();
    });
    const attackerKey = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" });
    writeFileSync(path.join(dir, "audit-signing-key.pem"), attackerKey, { mode: 0o600 });
    expect((await beizeng(["audit", "checkpoint"], file)).code).toBe(0);
    const forged = await beizeng(["audit", "verify", "--public-key", publicKey], file);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain("由未知密钥签名");

    rmSync(path.join(dir, "audit-signing-key.pem"));
    const missing = await beizeng(["audit", "verify"], file);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("审计签名密钥文件不存在");
    expect(missing.stderr).toContain("--public-key");
  });

  it("refuses a checkpoints file that is not one, naming the line", async () => {
    const { file, dir } = await auditedDatabase(1, true);
    const bad = path.join(dir, "bad.jsonl");
    writeFileSync(bad, '{"districtId":"300001","seq":"x","signature":"a"}\n');
    const run = await beizeng(["audit", "verify", "--checkpoints", bad], file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("检查点文件无效");
    expect(run.stderr).toContain("第 1 行");
  });
});
