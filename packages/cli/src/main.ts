/** Entry point of the `beizeng` command: `node --import tsx packages/cli/src/main.ts <command>`. */
import { reportError } from "./cli-context";
import { buildProgram } from "./program";

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  reportError(error);
}
