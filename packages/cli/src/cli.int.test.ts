/**
 * The beizeng command as an operator runs it: a real process against real SQLite files.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlanIntoDistrict } from "@beizeng/server/capabilities/plan/index";
import { DEMO_ACCOUNT_LOGINS } from "@beizeng/server/demo/generate";
import { verifyPassword } from "@beizeng/server/platform/auth/password";
import { createDatabase } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import { shippedPlan, TEST_ACTOR } from "@beizeng/server/testing/fixtures";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProgram, commandNamed } from "./program";

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
    // Every demo login the demo defines, each once.
    expect(count.n).toBe(DEMO_ACCOUNT_LOGINS.length);
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

  it("makes a region over the district and a read-only account of it, and refuses an unknown district", async () => {
    const unknown = await beizeng(
      ["region", "create", "--id", "360200", "--name", "景德镇市", "--districts", "999999"],
      {
        sqliteFile: file(),
      },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("区县 999999 不存在");
    const created = await beizeng(
      ["region", "create", "--id", "360200", "--name", "景德镇市", "--name-en", "Jingdezhen", "--districts", "360202"],
      { sqliteFile: file() },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("360200 景德镇市（Jingdezhen）：360202");
    const account = await beizeng(["region", "add-user", "--id", "360200", "--username", "city.reader"], {
      sqliteFile: file(),
    });
    expect(account.code).toBe(0);
    const password = /初始密码 \/ initial password: (\S+)/.exec(account.stdout)?.[1];
    const user = storedUser("city.reader");
    expect(user.role).toBe("region");
    expect(await verifyPassword(user.password_hash, password!)).toBe(true);
    const listed = await beizeng(["region", "list"], { sqliteFile: file() });
    expect(listed.stdout).toContain("账号 1 个");
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
  it("describes every command in Chinese and English", async () => {
    const program = await buildProgram();
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

  it("lists every command as its definition does when only the one run is loaded", async () => {
    const full = await buildProgram();
    for (const load of [null, "rewards", "serve"]) {
      const program = await buildProgram(load);
      expect(program.helpInformation()).toBe(full.helpInformation());
    }
    expect(commandNamed(["--help"])).toBeNull();
    expect(commandNamed(["--sqlite", "rewards", "serve", "--port", "1"])).toBe("serve");
    expect(commandNamed(["help", "plan"])).toBe("plan");
    expect(commandNamed(["reward"])).toBeNull();
  });
});

describe("beizeng plan load, setup, versions and export: a district put into service without demo data", () => {
  const testPlanFile = path.join(repositoryRoot, "plans/test-district-2024-2026/plan.yaml");

  it("loads a first plan into an empty database and creates the first office account once", async () => {
    const file = freshDatabaseFile();
    const load = await beizeng(["plan", "load", testPlanFile, "--first-office", "wang.wu"], { sqliteFile: file });
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toContain("新区县 云溪区（990101）");
    expect(load.stdout).toContain("已载入");
    const password = /一次性密码 \/ one-time password: (\S+)/.exec(load.stdout)?.[1];
    expect(password).toBeDefined();

    const sqlite = new Database(file, { readonly: true });
    const office = sqlite
      .prepare("select role, must_change_password, password_hash from users where username = ?")
      .get("wang.wu") as { role: string; must_change_password: number; password_hash: string };
    const units = sqlite.prepare("select count(*) as n from units where district_id = '990101'").get() as { n: number };
    const demo = sqlite.prepare("select count(*) as n from enterprises").get() as { n: number };
    sqlite.close();
    expect(office.role).toBe("office");
    expect(office.must_change_password).toBe(1);
    expect(await verifyPassword(office.password_hash, password ?? "")).toBe(true);
    expect(units.n).toBe(shippedPlan("test-district-2024-2026").units.length);
    expect(demo.n).toBe(0);

    const again = await beizeng(["setup", "--username", "zhao.liu"], { sqliteFile: file });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("已有办公室账号 wang.wu");
  }, 120_000);

  it("shows a revision's difference, refuses it without a reason or confirmation, then loads it", async () => {
    const file = freshDatabaseFile();
    expect((await beizeng(["plan", "load", testPlanFile], { sqliteFile: file })).code).toBe(0);
    const revisedFile = path.join(workDir, "revised.yaml");
    const { readFileSync } = await import("node:fs");
    const revisedText = readFileSync(testPlanFile, "utf8")
      .replace(/^version: 1$/m, "version: 2")
      .replace('aboveScaleThreshold: "20000000"', 'aboveScaleThreshold: "25000000"');
    writeFileSync(revisedFile, revisedText);

    const dry = await beizeng(["plan", "load", revisedFile, "--dry-run"], { sqliteFile: file });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("第 1 版 → “test-district-2024-2026”第 2 版");
    expect(dry.stdout).toContain("规上门槛：2000 万元 → 2500 万元");

    const noReason = await beizeng(["plan", "load", revisedFile, "--yes"], { sqliteFile: file });
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain("--reason");
    const notConfirmed = await beizeng(["plan", "load", revisedFile, "--reason", "提高规上门槛"], { sqliteFile: file });
    expect(notConfirmed.code).toBe(1);
    expect(notConfirmed.stderr).toContain("未确认");

    const loaded = await beizeng(
      ["plan", "load", revisedFile, "--reason", "提高规上门槛", "--effective-year", "2025", "--yes"],
      { sqliteFile: file },
    );
    expect(loaded.code, loaded.stderr).toBe(0);
    const versions = await beizeng(["plan", "versions"], { sqliteFile: file });
    expect(versions.stdout).toMatch(/test-district-2024-2026 第 2 版 {2}2025 年起生效.*提高规上门槛 {2}当前 current/);
    expect(versions.stdout).toMatch(/test-district-2024-2026 第 1 版 {2}2024 年起生效/);

    const exported = path.join(workDir, "exported.yaml");
    const exportRun = await beizeng(
      ["plan", "export", "--plan-id", "test-district-2024-2026", "--version", "2", "--output", exported],
      { sqliteFile: file },
    );
    expect(exportRun.code, exportRun.stderr).toBe(0);
    const { parsePlan } = await import("@beizeng/domain/plan/load");
    expect(parsePlan(readFileSync(exported, "utf8"), exported).plan).toEqual(parsePlan(revisedText, revisedFile).plan);

    const reused = await beizeng(
      ["plan", "load", testPlanFile.replace("plan.yaml", "plan.yaml"), "--yes", "--reason", "x"],
      {
        sqliteFile: file,
      },
    );
    expect(reused.code).toBe(1);
    expect(reused.stderr).toContain("不是当前版本");
  }, 240_000);
});
