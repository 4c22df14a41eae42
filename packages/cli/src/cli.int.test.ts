/**
 * The beizeng command as an operator runs it: a real process against real SQLite files.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlanIntoDistrict } from "@beizeng/server/capabilities/plan/index";
import { verifyPassword } from "@beizeng/server/platform/auth/password";
import { createDatabase } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import { shippedPlan, TEST_ACTOR } from "@beizeng/server/testing/fixtures";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProgram } from "./program";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const entry = path.join(repositoryRoot, "packages/cli/src/main.ts");
const planFile = path.join(repositoryRoot, "plans/changjiang-2021-2023/plan.yaml");

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "beizeng-cli-"));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let fileCounter = 0;
function freshDatabaseFile(): string {
  fileCounter += 1;
  return path.join(workDir, `db-${fileCounter}.sqlite`);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function beizeng(args: string[], options: { sqliteFile?: string; input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: "", BEIZENG_SQLITE_FILE: options.sqliteFile ?? freshDatabaseFile() },
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
    child.stdin.end(options.input ?? "");
  });
}

describe("beizeng plan validate", () => {
  it("accepts the shipped plan and summarises it", async () => {
    const run = await beizeng(["plan", "validate", planFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("计划文件有效");
    expect(run.stdout).toContain("昌办字〔2021〕7号");
    expect(run.stdout).toMatch(/\d+ reward rules/);
  });

  it("exits 2 and lists the loader's errors for a broken plan", async () => {
    const broken = path.join(workDir, "broken.yaml");
    writeFileSync(broken, "id: broken\nversion: 0\ntitle: 坏的计划\n");
    const run = await beizeng(["plan", "validate", broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("计划文件无效");
    expect(run.stderr).toContain("broken.yaml");
    expect(run.stderr).toContain("version");
  });

  it("exits 2 when the file cannot be read", async () => {
    const run = await beizeng(["plan", "validate", path.join(workDir, "missing.yaml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("无法读取计划文件");
  });
});

describe("beizeng migrate", () => {
  it("applies the migrations once, then reports the database up to date", async () => {
    const file = freshDatabaseFile();
    const first = await beizeng(["migrate"], { sqliteFile: file });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("已执行");
    const second = await beizeng(["migrate"], { sqliteFile: file });
    expect(second.stdout).toContain("已是最新");
    const status = await beizeng(["migrate", "--status"], { sqliteFile: file });
    expect(status.stdout).toContain("待执行 / pending: 0");
  });
});

describe("beizeng demo", () => {
  it("fills an empty database, prints the logins, and does not load twice", async () => {
    const file = freshDatabaseFile();
    const first = await beizeng(["demo"], { sqliteFile: file });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("demo-office");
    expect(first.stdout).toContain("Office2021demo");
    const again = await beizeng(["demo"], { sqliteFile: file });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("未重复载入");
    const sqlite = new Database(file, { readonly: true });
    const count = sqlite.prepare("select count(*) as n from users where username like 'demo-%'").get() as { n: number };
    sqlite.close();
    expect(count.n).toBe(10);
  });

  it("refuses a database with other data unless --force", async () => {
    const file = freshDatabaseFile();
    const db = createDatabase({ sqliteFile: file });
    await migrateToLatest(db);
    await loadPlanIntoDistrict(db, shippedPlan("test-district-2024-2026"), TEST_ACTOR);
    await db.close();

    const refused = await beizeng(["demo"], { sqliteFile: file });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    const forced = await beizeng(["demo", "--force"], { sqliteFile: file });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("demo-enterprise2");
  });
});

describe("beizeng users create and audit verify", () => {
  const file = () => path.join(workDir, "accounts.sqlite");
  beforeAll(async () => {
    const run = await beizeng(["demo"], { sqliteFile: file() });
    expect(run.code).toBe(0);
  });

  function storedUser(username: string) {
    const sqlite = new Database(file(), { readonly: true });
    const row = sqlite
      .prepare(
        "select u.password_hash, u.role, u.must_change_password, un.code as unit_code from users u left join units un on un.id = u.unit_id where username = ?",
      )
      .get(username) as { password_hash: string; role: string; must_change_password: number; unit_code: string | null };
    sqlite.close();
    return row;
  }

  it("creates an account with a generated password shown once", async () => {
    const run = await beizeng(
      [
        "users",
        "create",
        "--username",
        "zhang.san",
        "--role",
        "unit",
        "--unit",
        "commerce-bureau",
        "--display-name",
        "张三",
      ],
      { sqliteFile: file() },
    );
    expect(run.code).toBe(0);
    const password = /初始密码 \/ initial password: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    const user = storedUser("zhang.san");
    expect(user.unit_code).toBe("commerce-bureau");
    expect(user.must_change_password).toBe(1);
    expect(await verifyPassword(user.password_hash, password!)).toBe(true);
  });

  it("takes the password from stdin without echoing it", async () => {
    const run = await beizeng(
      [
        "users",
        "create",
        "--username",
        "li.si",
        "--role",
        "inspector",
        "--password-stdin",
        "--no-must-change-password",
      ],
      { sqliteFile: file(), input: "Inspect2024pass\n" },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("Inspect2024pass");
    const user = storedUser("li.si");
    expect(user.must_change_password).toBe(0);
    expect(await verifyPassword(user.password_hash, "Inspect2024pass")).toBe(true);
  });

  it("explains what is wrong, in Chinese, with a non-zero exit", async () => {
    const noUnit = await beizeng(["users", "create", "--username", "wang.wu", "--role", "unit"], {
      sqliteFile: file(),
    });
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain("单位账号必须指定所属单位");
    const badUnit = await beizeng(["users", "create", "--username", "wang.wu", "--role", "unit", "--unit", "nowhere"], {
      sqliteFile: file(),
    });
    expect(badUnit.stderr).toContain("单位代码 nowhere 不存在");
    const taken = await beizeng(["users", "create", "--username", "demo-office", "--role", "office"], {
      sqliteFile: file(),
    });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("已被使用");
    const weak = await beizeng(["users", "create", "--username", "zhao.liu", "--role", "office", "--password-stdin"], {
      sqliteFile: file(),
      input: "short",
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("密码至少需要 10 个字符");
  });

  it("verifies the audit chain, and names the first entry that was tampered with", async () => {
    const intact = await beizeng(["audit", "verify"], { sqliteFile: file() });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("审计日志完好");

    // Someone with file access edits an entry behind the application's back (the triggers must be dropped first).
    const sqlite = new Database(file());
    const triggers = sqlite
      .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'")
      .all() as { name: string }[];
    for (const trigger of triggers) sqlite.exec(`drop trigger ${trigger.name}`);
    sqlite.prepare("update audit_log set actor_label = 'someone' where seq = 7").run();
    sqlite.close();

    const broken = await beizeng(["audit", "verify"], { sqliteFile: file() });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("第 7 条");
    expect(broken.stderr).toContain("记录被修改");
  });
});

describe("--help", () => {
  it("describes every command in Chinese and English", () => {
    const program = buildProgram();
    const commands = [program, ...program.commands.flatMap((command) => [command, ...command.commands])];
    expect(commands.map((command) => command.name())).toEqual(
      expect.arrayContaining(["serve", "migrate", "validate", "demo", "create", "verify"]),
    );
    for (const command of commands) {
      // "中文说明 / English description"
      expect(command.description()).toMatch(/[\u4e00-\u9fff].*\/\s*[A-Z][a-z]/);
      expect(command.helpInformation()).toContain(command.description().slice(0, 4));
    }
  });
});
