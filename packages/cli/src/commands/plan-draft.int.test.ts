/**
 * `beizeng plan draft` as an operator runs it: the Changjiang document becomes a draft plan file, which
 * `plan validate` refuses until its marked fields are filled, naming each; a document it cannot read exits 2.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const entry = path.join(repositoryRoot, "packages/cli/src/main.ts");
const documentFile = path.join(repositoryRoot, "plans/changjiang-2021-2023/document.txt");
const planFile = path.join(repositoryRoot, "plans/changjiang-2021-2023/plan.yaml");

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "beizeng-draft-"));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function beizeng(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: "", BEIZENG_SQLITE_FILE: path.join(workDir, "unused.sqlite") },
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

describe("beizeng plan draft", () => {
  it("drafts a plan file from the document and lists what it read", async () => {
    const output = path.join(workDir, "draft.yaml");
    const run = await beizeng(["plan", "draft", documentFile, "--output", output]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("已起草 / drafted: 昌江区工业倍增三年行动计划（2021－2023年）（昌办字〔2021〕7号）");
    expect(run.stdout).toContain("20 个条款 / clauses: DIR G1 G2 G3 M1");
    expect(run.stdout).toContain("10 句涉及奖励金额");
    expect(run.stdout).toContain("R-M3-1 对年度新进入规模企业名录库的工业企业，一次性奖励 3万元。");
    const yaml = readFileSync(output, "utf8");
    expect(yaml).toContain("per: 〔待核定〕");

    const validate = await beizeng(["plan", "validate", output]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(
      /district\.code: 草稿中标记为“待核定”的字段尚未填写：请填写六位行政区划代码（第 \d+ 行/,
    );
  });

  it("drafts the next version of a plan file, keeping its id and district", async () => {
    const run = await beizeng(["plan", "draft", documentFile, "--base", planFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("id: changjiang-2021-2023");
    expect(run.stdout).toMatch(/\nversion: \d+\n/);
    expect(run.stderr).toContain("已起草 / drafted");
  });

  it("exits 2 for a document it cannot read, saying what to do", async () => {
    const pdf = path.join(workDir, "原文.pdf");
    writeFileSync(pdf, "%PDF-1.4\n%%EOF\n");
    const run = await beizeng(["plan", "draft", pdf]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("请把原文另存为 Word 文档（.docx）或复制为纯文本（.txt）后上传");
  });
});
