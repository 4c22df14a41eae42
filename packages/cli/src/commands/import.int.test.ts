/** `beizeng import` as an operator runs it: a real process against a real SQLite file. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlanIntoDistrict } from "@beizeng/server/capabilities/plan/index";
import { createDatabase } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import { shippedPlan, TEST_ACTOR } from "@beizeng/server/testing/fixtures";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const entry = path.join(repositoryRoot, "packages/cli/src/main.ts");
const fixtures = path.join(repositoryRoot, "packages/server/test-fixtures/xlsx");

let workDir: string;
let databaseFile: string;

function beizeng(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: "", BEIZENG_SQLITE_FILE: databaseFile },
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
  });
}

function countFigures(): number {
  const sqlite = new Database(databaseFile, { readonly: true });
  const row = sqlite.prepare("select count(*) as n from figures").get() as { n: number | bigint };
  sqlite.close();
  return Number(row.n);
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "beizeng-import-cli-"));
  databaseFile = path.join(workDir, "import.sqlite");
  const db = createDatabase({ sqliteFile: databaseFile });
  await migrateToLatest(db);
  // The district's plan names its towns and chains, which the register's 所属乡镇 and 产业链 are read against.
  await loadPlanIntoDistrict(db, shippedPlan("changjiang-2021-2023"), TEST_ACTOR);
  await db.close();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("beizeng import", () => {
  it("imports the register, then checks annual figures with --dry-run without writing", async () => {
    const register = await beizeng(["import", "register", path.join(fixtures, "register-basic.xlsx")]);
    expect(register.stderr).toBe("");
    expect(register.code).toBe(0);
    expect(register.stdout).toContain("企业名录导入完成");

    const dryRun = await beizeng(["import", "annual", path.join(fixtures, "annual-basic.xlsx"), "--dry-run"]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain("年度数据导入预览");
    expect(dryRun.stdout).toContain("将新增 22 项");
    expect(countFigures()).toBe(0);
  });

  it("imports annual figures once; the same file again changes nothing", async () => {
    const first = await beizeng(["import", "annual", path.join(fixtures, "annual-basic.xlsx"), "--district", "360202"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("新增 22 项");
    expect(countFigures()).toBe(22);
    const again = await beizeng(["import", "annual", path.join(fixtures, "annual-basic.xlsx")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("新增 0 项，更新 0 项，未变 22 项");
    expect(countFigures()).toBe(22);
  });

  it("exits 2 with the row-numbered errors and writes nothing", async () => {
    const run = await beizeng(["import", "annual", path.join(fixtures, "annual-errors.xlsx"), "--unit", "万元"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("有 7 处错误，没有写入任何数据");
    expect(run.stderr).toContain("第3行 A列「统一社会信用代码」：统一社会信用代码校验位错误：91360202MA35A1B2CX");
    expect(run.stderr).toContain("第4行 D列「营业收入（万元）」：不是数字：abc");
    expect(run.stderr).toContain("第6行 A列「统一社会信用代码」：与第2行重复");
    expect(countFigures()).toBe(22);
  });

  it("exits 2 for a missing file and refuses an unknown district", async () => {
    const missing = await beizeng(["import", "annual", path.join(workDir, "nope.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("无法读取文件");
    const district = await beizeng([
      "import",
      "annual",
      path.join(fixtures, "annual-basic.xlsx"),
      "--district",
      "990101",
    ]);
    expect(district.code).toBe(1);
    expect(district.stderr).toContain("数据库中没有区县 990101");
  });
});
