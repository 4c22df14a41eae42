/**
 * The rewards batch as a user meets it: whole processes on the same file, in the same run.
 * `beizeng rewards --input FILE --json` (the installed command, built JavaScript) beside `node`
 * running the hand-written function on the same file (./hand-written-batch.ts, bundled to
 * JavaScript here); wall time, CPU time and peak RSS of each process as GNU time reports them,
 * one warm-up run each, then BENCH_RUNS rounds (default 3) alternating, medians. Both outputs
 * must be the same bytes (the object EXCHANGE.md §1 defines) or the run fails. Then the start:
 * `beizeng --help` beside `node` starting an empty script, and `beizeng serve` from start to its
 * first answer (GET /api/health, database already migrated) beside a bare `node:http` server.
 *
 *   npm run -w @beizeng/bench rewards:process
 *   BENCH_REWARDS_ENTERPRISES=5000 BENCH_RUNS=1 npm run -w @beizeng/bench rewards:process   (a quick run)
 *   BENCH_BEIZENG=/path/to/bin/beizeng.js   measure another build of the command (e.g. an older checkout)
 *
 * Goals: the batch within 1.5× the hand-written process's wall time and peak RSS; --help under 0.3 s.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { exchangeText } from "./exchange-file";
import { generateDistrict } from "./generate";
import { enterpriseCount } from "./measurement";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const TIME = "/usr/bin/time";

interface ProcessFigures {
  wallS: number;
  cpuS: number;
  peakRssKb: number;
}

/** Runs a command under GNU time, its standard output to `stdoutFile`; fails on a non-zero exit. */
function timed(command: string[], stdoutFile: string, env: NodeJS.ProcessEnv = process.env): ProcessFigures {
  const figures = `${stdoutFile}.time`;
  const child = spawnSync(
    TIME,
    ["-f", "%e %U %S %M", "-o", figures, "sh", "-c", '"$@" > "$0"', stdoutFile, ...command],
    {
      cwd: ROOT,
      env,
      encoding: "utf8",
    },
  );
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error(`${command.join(" ")} failed (exit ${child.status})`);
  }
  const last = readFileSync(figures, "utf8").trim().split("\n").at(-1) ?? "";
  const [wall, user, system, rss] = last.split(" ").map(Number) as [number, number, number, number];
  return { wallS: wall, cpuS: user + system, peakRssKb: rss };
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
function median(runs: readonly ProcessFigures[]): ProcessFigures {
  return {
    wallS: middle(runs.map((run) => run.wallS)),
    cpuS: middle(runs.map((run) => run.cpuS)),
    peakRssKb: middle(runs.map((run) => run.peakRssKb)),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Seconds from spawning a server to its first successful answer on `probe`. */
async function startToFirstAnswer(command: string[], env: NodeJS.ProcessEnv, probe: (port: number) => string) {
  const port = await freePort();
  const [executable, ...args] = command.map((part) => part.replace("{port}", String(port))) as [string, ...string[]];
  const started = performance.now();
  const child = spawn(executable, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited: ${stderr}`);
      try {
        const answer = await fetch(probe(port));
        if (answer.ok) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 300_000) throw new Error(`${command.join(" ")}: no answer in 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const mib = (kb: number) => `${Math.round(kb / 1024).toLocaleString("en-US")} MiB`;
const ratio = (value: number) => `${value.toFixed(2)}×`;

async function main(): Promise<void> {
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed: apt-get install time`);
  const beizeng = process.env.BENCH_BEIZENG ?? path.join(ROOT, "node_modules/.bin/beizeng");
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const enterprises = enterpriseCount();
  const work = mkdtempSync(path.join(tmpdir(), "beizeng-whole-process-"));
  try {
    const input = path.join(work, "district.json");
    const district = generateDistrict(enterprises);
    writeFileSync(input, exchangeText(district));
    const handWritten = path.join(work, "hand-written-batch.mjs");
    await build({
      entryPoints: [path.join(HERE, "hand-written-batch.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: handWritten,
      logLevel: "error",
    });
    console.log(
      `Rewards batch as whole processes: ${enterprises.toLocaleString("en-US")} enterprises × ${district.enterprises[0]?.years.length ?? 0} years, ${district.projects.length.toLocaleString("en-US")} projects, input ${(statSync(input).size / 1024 / 1024).toFixed(1)} MiB; node ${process.version}, ${cpus().length} CPUs, load ${loadavg()
        .map((load) => load.toFixed(1))
        .join(" ")}`,
    );
    console.log(`  beizeng: ${beizeng}`);

    const peer = [process.execPath, handWritten, input];
    const ours = [beizeng, "rewards", "--input", input, "--json"];
    const peerOut = path.join(work, "hand-written.json");
    const oursOut = path.join(work, "beizeng.json");
    timed(peer, peerOut); // warm-up (and the file into the page cache)
    timed(ours, oursOut); // warm-up (builds the command if its build is stale)
    const expected = readFileSync(peerOut);
    const actual = readFileSync(oursOut);
    if (!expected.equals(actual)) {
      const left = expected.toString("utf8").split("\n");
      const right = actual.toString("utf8").split("\n");
      const line = left.findIndex((text, index) => text !== right[index]);
      console.error(`beizeng rewards differs from the hand-written function at line ${line + 1}:`);
      console.error(`  hand-written: ${left[line]}\n  beizeng:      ${right[line]}`);
      process.exit(1);
    }
    const output = JSON.parse(expected.toString("utf8")) as { entitlements: unknown[]; total: string };
    console.log(
      `  outputs identical, byte for byte: ${output.entitlements.length.toLocaleString("en-US")} entitlements, total ${output.total} yuan`,
    );

    const peerRuns: ProcessFigures[] = [];
    const ourRuns: ProcessFigures[] = [];
    for (let round = 1; round <= runs; round++) {
      peerRuns.push(timed(peer, peerOut));
      ourRuns.push(timed(ours, oursOut));
      const [p, o] = [peerRuns.at(-1), ourRuns.at(-1)] as [ProcessFigures, ProcessFigures];
      console.log(
        `  round ${round}: hand-written ${seconds(p.wallS)} wall, ${seconds(p.cpuS)} CPU, ${mib(p.peakRssKb)}; beizeng ${seconds(o.wallS)} wall, ${seconds(o.cpuS)} CPU, ${mib(o.peakRssKb)}`,
      );
    }
    const helpRuns: ProcessFigures[] = [];
    const nodeRuns: ProcessFigures[] = [];
    const helpOut = path.join(work, "help.txt");
    timed([beizeng, "--help"], helpOut);
    for (let round = 1; round <= Math.max(5, runs); round++) {
      nodeRuns.push(timed([process.execPath, "-e", "0"], helpOut));
      helpRuns.push(timed([beizeng, "--help"], helpOut));
    }

    const serverEnv = { ...process.env, DATABASE_URL: "", BEIZENG_SQLITE_FILE: path.join(work, "serve.sqlite") };
    const serve = [beizeng, "serve", "--host", "127.0.0.1", "--port", "{port}"];
    const bare = [
      process.execPath,
      "-e",
      "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.argv[1]), '127.0.0.1')",
      "{port}",
    ];
    await startToFirstAnswer(serve, serverEnv, (port) => `http://127.0.0.1:${port}/api/health`); // migrates
    const serveRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let round = 1; round <= runs; round++) {
      bareRuns.push(await startToFirstAnswer(bare, process.env, (port) => `http://127.0.0.1:${port}/`));
      serveRuns.push(await startToFirstAnswer(serve, serverEnv, (port) => `http://127.0.0.1:${port}/api/health`));
    }

    const peerMedian = median(peerRuns);
    const ourMedian = median(ourRuns);
    const rows: [string, ProcessFigures, ProcessFigures][] = [
      ["node, hand-written function (peer)", peerMedian, peerMedian],
      ["beizeng rewards --input F --json", ourMedian, peerMedian],
      ["node -e 0 (peer of the start)", median(nodeRuns), median(nodeRuns)],
      ["beizeng --help", median(helpRuns), median(nodeRuns)],
    ];
    console.log(
      `\n${"command".padEnd(38)}${"wall".padStart(9)}${"CPU".padStart(9)}${"peak RSS".padStart(11)}${"÷ peer wall".padStart(13)}${"÷ peer CPU".padStart(12)}${"÷ peer RSS".padStart(12)}`,
    );
    for (const [label, figures, peerFigures] of rows)
      console.log(
        `${label.padEnd(38)}${seconds(figures.wallS).padStart(9)}${seconds(figures.cpuS).padStart(9)}${mib(figures.peakRssKb).padStart(11)}${ratio(figures.wallS / peerFigures.wallS).padStart(13)}${ratio(figures.cpuS / peerFigures.cpuS).padStart(12)}${ratio(figures.peakRssKb / peerFigures.peakRssKb).padStart(12)}`,
      );
    const bareStart = middle(bareRuns);
    const serveStart = middle(serveRuns);
    console.log(
      `\nstart to first answer: beizeng serve ${seconds(serveStart)}, bare node:http server ${seconds(bareStart)} (${ratio(serveStart / bareStart)})`,
    );
    const verdict = (met: boolean) => (met ? "met" : "NOT MET");
    const wallRatio = ourMedian.wallS / peerMedian.wallS;
    const rssRatio = ourMedian.peakRssKb / peerMedian.peakRssKb;
    const help = median(helpRuns).wallS;
    console.log("\nGoals:");
    console.log(
      `  batch within 1.5× the hand-written process's wall time: ${ratio(wallRatio)}  ${verdict(wallRatio <= 1.5)}`,
    );
    console.log(
      `  batch within 1.5× its peak RSS:                         ${ratio(rssRatio)}  ${verdict(rssRatio <= 1.5)}`,
    );
    console.log(`  beizeng --help under 0.3 s:                              ${seconds(help)}  ${verdict(help < 0.3)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
