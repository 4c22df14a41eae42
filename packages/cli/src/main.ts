/** Entry point of the `beizeng` command: `node --import tsx packages/cli/src/main.ts <command>`. */
import { isMainThread, workerData } from "node:worker_threads";
import { buildProgram, commandNamed } from "./program";

// The server runs this script again in a thread of its own to compute the dashboards' answers (`serve`).
if (!isMainThread && (workerData as { beizengAnswersWorker?: boolean } | null)?.beizengAnswersWorker) {
  const { isAnswersWorkerData, runAnswersWorker } = await import("@beizeng/server/capabilities/targets/index");
  if (isAnswersWorkerData(workerData)) await runAnswersWorker(workerData);
} else {
  try {
    const program = await buildProgram(commandNamed(process.argv.slice(2)));
    await program.parseAsync(process.argv);
  } catch (error) {
    // Loaded here only: it brings the database drivers, which a command that fails may not have loaded.
    const { reportError } = await import("./cli-context");
    reportError(error);
  }
}
