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

function count(table: "figures" | "enterprises"): number {
  const sqlite = new Database(databaseFile, { readonly: true });
  const row = sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number | bigint };
  sqlite.close();
  return Number(row.n);
}
const countFigures = () => count("figures");

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

  it("registers a bureau's enterprises not yet in the register only with --register-enterprises", async () => {
    // A year-end report of four enterprises no register holds; the period is in its title.
    const file = path.join(fixtures, "monthly-year-title.xlsx");
    const before = { enterprises: count("enterprises"), figures: countFigures() };

    const refused = await beizeng(["import", "monthly", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("有 4 处错误，没有写入任何数据");
    expect(refused.stderr).toContain(
      "第5行 B列「统一社会信用代码」：企业名录中没有统一社会信用代码为 91360202MA37N1R012",
    );
    expect(refused.stderr).toContain("第8行");
    expect(refused.stderr).toContain("加 --register-enterprises 从文件登记");
    expect({ enterprises: count("enterprises"), figures: countFigures() }).toEqual(before);

    const dryRun = await beizeng(["import", "monthly", file, "--register-enterprises", "--dry-run"]);
    expect(dryRun.stderr).toBe("");
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain("将从文件登记 4 家不在企业名录中的企业：");
    expect(dryRun.stdout).toContain(
      "第5行 91360202MA37N1R012 景德镇宏达制药有限公司（产业链：生物医药，行业代码 C2710，所属乡镇 鲇鱼山镇）",
    );
    expect({ enterprises: count("enterprises"), figures: countFigures() }).toEqual(before);

    const applied = await beizeng(["import", "monthly", file, "--register-enterprises"]);
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("月度数据导入完成");
    expect(applied.stdout).toContain("从文件登记了 4 家企业：");
    // Four enterprises and three figures (营业收入, 利润总额, 从业人员) of each, written together.
    expect({ enterprises: count("enterprises"), figures: countFigures() }).toEqual({
      enterprises: before.enterprises + 4,
      figures: before.figures + 12,
    });

    const wrongKind = await beizeng(["import", "register", file, "--register-enterprises"]);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain("--register-enterprises 只用于年度、月度数据");
  });
});
