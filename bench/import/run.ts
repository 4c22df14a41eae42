/**
 * Import benchmark: a monthly-figures workbook of N rows (default 100,000) read by exceljs's
 * streaming reader alone, against our whole import of it into a fresh SQLite database (header
 * detection, exact parsing, checks, planning and writing in one transaction), and our checks alone
 * (previewImport: everything but the writes). Each measurement runs in its own process so that
 * its peak RSS is its own; the three alternate, so that a busy machine slows them alike. Then the
 * same three run once on a file four times as large, to show whether memory grows with the file.
 *
 *   node --import tsx bench/import/run.ts [rows]        (npm run -w @beizeng/bench import)
 *   BENCH_RUNS=5 …                                       (runs per measurement; the fastest counts)
 *   BENCH_LARGE_ROWS=0 …                                 (skip the larger file; default 4 × rows)
 *
 * Goal: our import ≤ 2× the bare read, in CPU and in wall time; peak RSS flat in the file's size.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import { applyImport, previewImport } from "@beizeng/server/capabilities/figures/index";
import { createDatabase } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import ExcelJS from "exceljs";

const DISTRICT = "360202";
const MONTHS = 12;
const HEADER = ["统一社会信用代码", "企业名称", "年份", "月份", "营业收入", "入库税收", "工业总产值", "从业人员（人）"];

interface Measurement {
  milliseconds: number;
  /** CPU time (user + system) of the measured part: steadier than wall time on a busy machine. */
  cpuMilliseconds: number;
  maxRssMegabytes: number;
  detail?: string;
}

function creditCode(index: number): string {
  // 91 + district + 9 digits of the index: synthetic, with a valid check character.
  return withCheckCharacter(`91360202${String(index).padStart(9, "0")}`);
}

/** A number of 万元 with two decimals, as an office suite stores what a user typed (no float noise). */
function fromCents(cents: number): number {
  return Number(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);
}

/** Writes the workbook with exceljs's streaming writer: a title, a unit line, a header, N rows. */
async function generate(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet("月度数据");
  sheet.addRow(["2022年规上工业企业月度主要指标"]).commit();
  sheet.addRow(["单位：万元"]).commit();
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const enterprise = Math.floor(i / MONTHS);
    const month = (i % MONTHS) + 1;
    const revenueCents = ((enterprise * 7919 + month * 104729) % 9_000_000) + 10_000;
    sheet
      .addRow([
        creditCode(enterprise),
        `景德镇第${enterprise}号制造有限公司`,
        2022,
        month,
        fromCents(revenueCents),
        fromCents(Math.floor((revenueCents * 6) / 100)),
        fromCents(Math.floor((revenueCents * 110) / 100)),
        50 + (enterprise % 900),
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();
}

/** exceljs alone: stream every row of the first sheet and touch its values. */
async function bareRead(file: string): Promise<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  let rows = 0;
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += (row.values as unknown[]).length;
    }
    break;
  }
  return `${rows} rows, ${cells} cell slots`;
}

/** Our import: a fresh SQLite file with the enterprises registered, then applyImport. */
async function fullImport(
  file: string,
  rows: number,
  databaseFile: string,
  checkOnly: boolean,
): Promise<{ detail: string; ms: number; cpu: NodeJS.CpuUsage }> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databaseFile + suffix, { force: true });
  const db = createDatabase({ sqliteFile: databaseFile });
  await migrateToLatest(db);
  const now = new Date().toISOString();
  await db.kysely.insertInto("districts").values({ id: DISTRICT, name: "昌江区", created_at: now }).execute();
  const enterprises = Math.ceil(rows / MONTHS);
  for (let start = 0; start < enterprises; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(enterprises, start + 500); i++) {
      batch.push({
        district_id: DISTRICT,
        credit_code: creditCode(i),
        name: `景德镇第${i}号制造有限公司`,
        chain_id: "other",
        is_key: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      });
    }
    await db.kysely.insertInto("enterprises").values(batch).execute();
  }
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const run = checkOnly ? previewImport : applyImport;
  const result = await run(db, DISTRICT, "monthly", file, { fileName: path.basename(file) });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  await db.close();
  if (result.summary.errors > 0) {
    throw new Error(
      `import failed: ${result.errors
        .slice(0, 5)
        .map((e) => `${e.row}: ${e.message}`)
        .join("; ")}`,
    );
  }
  const verb = checkOnly ? "to write" : "written";
  return { detail: `${result.summary.rows} rows, ${result.summary.create} figures ${verb}`, ms, cpu };
}

async function child(mode: string, file: string, rows: number, databaseFile: string): Promise<void> {
  let detail: string;
  let milliseconds: number;
  let cpu: NodeJS.CpuUsage;
  if (mode === "bare") {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    detail = await bareRead(file);
    milliseconds = performance.now() - started;
    cpu = process.cpuUsage(cpuStart);
  } else {
    const result = await fullImport(file, rows, databaseFile, mode === "check");
    ({ detail, ms: milliseconds, cpu } = result);
  }
  const measurement: Measurement = {
    milliseconds,
    cpuMilliseconds: (cpu.user + cpu.system) / 1000,
    maxRssMegabytes: process.resourceUsage().maxRSS / 1024,
    detail,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

interface Fastest {
  /** The least wall time of the runs. */
  milliseconds: number;
  /** The least CPU time of the runs (not necessarily the same run). */
  cpuMilliseconds: number;
  /** The largest peak RSS of the runs. */
  maxRssMegabytes: number;
  detail?: string;
}

const MODES = ["bare", "check", "import"] as const;
type Mode = (typeof MODES)[number];

/** Runs the three measurements in turn, `runs` times; keeps the best times and the largest RSS. */
function fastestOf(runs: number, file: string, rows: number, databaseFile: string): Record<Mode, Fastest> {
  const best = {} as Record<Mode, Fastest>;
  for (let i = 0; i < runs; i++) {
    for (const mode of MODES) {
      const m = measure(mode, file, rows, databaseFile);
      const previous = best[mode];
      best[mode] = previous
        ? {
            milliseconds: Math.min(previous.milliseconds, m.milliseconds),
            cpuMilliseconds: Math.min(previous.cpuMilliseconds, m.cpuMilliseconds),
            maxRssMegabytes: Math.max(previous.maxRssMegabytes, m.maxRssMegabytes),
            ...(m.detail ? { detail: m.detail } : {}),
          }
        : m;
    }
  }
  return best;
}

function measure(mode: string, file: string, rows: number, databaseFile: string): Measurement {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", self, "--child", mode, file, String(rows), databaseFile],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as Measurement;
}

async function workbookOf(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `monthly-${rows}.xlsx`);
  if (!existsSync(file)) {
    const started = performance.now();
    await generate(file, rows);
    console.log(
      `generated ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return file;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    await child(args[1] as string, args[2] as string, Number(args[3]), args[4] as string);
    return;
  }
  const rows = Number(args[0] ?? 100_000);
  const largeRows = Number(process.env.BENCH_LARGE_ROWS ?? rows * 4);
  const dir = path.join(tmpdir(), "beizeng-bench-import");
  mkdirSync(dir, { recursive: true });
  const databaseFile = path.join(dir, "bench.sqlite");
  const file = await workbookOf(dir, rows);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const best = fastestOf(runs, file, rows, databaseFile);
  console.log(`best of ${runs} runs each (alternating), ${rows} rows`);
  const seconds = (m: Fastest) =>
    `${(m.milliseconds / 1000).toFixed(2)} s wall, ${(m.cpuMilliseconds / 1000).toFixed(2)} s CPU`;
  const line = (label: string, m: Fastest) =>
    console.log(`${label}: ${seconds(m)}, peak RSS ${m.maxRssMegabytes.toFixed(0)} MB (${m.detail})`);
  line("exceljs streaming read ", best.bare);
  line("beizeng check only     ", best.check);
  line("beizeng import (SQLite)", best.import);
  const ratios = (m: Fastest) =>
    `${(m.milliseconds / best.bare.milliseconds).toFixed(2)}× wall, ${(m.cpuMilliseconds / best.bare.cpuMilliseconds).toFixed(2)}× CPU`;
  console.log(`ratio import / bare read: ${ratios(best.import)} (goal ≤ 2×); check only: ${ratios(best.check)}`);

  if (largeRows > 0) {
    const largeFile = await workbookOf(dir, largeRows);
    const large = fastestOf(1, largeFile, largeRows, databaseFile);
    console.log("peak RSS by file size (MB; our part = ours − exceljs's read of the same file):");
    for (const [n, m] of [
      [rows, best],
      [largeRows, large],
    ] as const) {
      const bare = m.bare.maxRssMegabytes;
      const ours = (x: Fastest) => `${x.maxRssMegabytes.toFixed(0)} (${(x.maxRssMegabytes - bare).toFixed(0)})`;
      console.log(
        `  ${String(n).padStart(9)} rows: exceljs read ${bare.toFixed(0)}, check only ${ours(m.check)}, import ${ours(m.import)}`,
      );
    }
  }
}

await main();
