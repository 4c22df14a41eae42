/** Entry point of the `beizeng` command: `node --import tsx packages/cli/src/main.ts <command>`. */
import { buildProgram, commandNamed } from "./program";

try {
  const program = await buildProgram(commandNamed(process.argv.slice(2)));
  await program.parseAsync(process.argv);
} catch (error) {
  // Loaded here only: it brings the database drivers, which a command that fails may not have loaded.
  const { reportError } = await import("./cli-context");
  reportError(error);
}
