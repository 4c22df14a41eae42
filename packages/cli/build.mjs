/**
 * Builds the `beizeng` command (and with it the server, the domain and the contract) to
 * JavaScript in packages/cli/dist: one ES module bundle per entry, the code every command shares
 * split out, each command's own code loaded when that command runs, with source maps naming the
 * TypeScript lines. Packages from node_modules stay outside the bundle and load as they are.
 * Writes dist/build.json last: every source file the bundle was made from, with its size and
 * modification time, so that bin/beizeng.js can tell a stale build and rebuild before running.
 *
 *   node packages/cli/build.mjs        (npm run build -w @beizeng/cli; npm start runs it)
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGE_DIRECTORY = path.dirname(fileURLToPath(import.meta.url));
const REPOSITORY_ROOT = path.resolve(PACKAGE_DIRECTORY, "../..");
export const DIST_DIRECTORY = path.join(PACKAGE_DIRECTORY, "dist");
export const BUILD_RECORD = path.join(DIST_DIRECTORY, "build.json");
const ENTRY = path.join(PACKAGE_DIRECTORY, "src/main.ts");
const ENTRY_OUTPUTS = new Set(["main.js", "main.js.map"]);

/**
 * Bare imports (npm packages) stay imports, except the project's own workspaces, whose
 * TypeScript sources are bundled.
 */
const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@beizeng/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * A module that finds files beside its source (the plans, the built front end) through
 * import.meta.url keeps doing so from the bundle: its import.meta.url becomes the URL of its
 * source file, worked out from where the bundle is, so a moved checkout still works.
 */
const sourceLocation = {
  name: "source-location",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const fromBundle = path.relative(DIST_DIRECTORY, args.path).split(path.sep).join("/");
      const sourceUrl = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: text.replaceAll("import.meta.url", sourceUrl), loader: "ts" };
    });
  },
};

/** Content-named chunks no build refers to any more are removed once this old (a running process may still load one). */
const STALE_CHUNK_AGE_MS = 60 * 60 * 1000;

async function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

/**
 * Builds dist/ afresh and returns the build record. The chunks are named by their content and
 * written first, then main.js, then build.json, each swapped in whole: a process starting during
 * a build runs the old build or the new one, and two builds at once write the same files.
 */
export async function buildCommand() {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: REPOSITORY_ROOT,
    entryPoints: { main: ENTRY },
    outdir: DIST_DIRECTORY,
    write: false,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    sourcesContent: false,
    // Chunks beside main.js: every module of the bundle then finds its source from the same folder.
    chunkNames: "[name]-[hash]",
    metafile: true,
    logLevel: "error",
    plugins: [externalPackages, sourceLocation],
  });
  const inputs = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(REPOSITORY_ROOT, input);
    const status = await stat(file);
    inputs.push([path.relative(PACKAGE_DIRECTORY, file), status.size, status.mtimeMs]);
  }
  await mkdir(DIST_DIRECTORY, { recursive: true });
  const entryFiles = [];
  const written = new Set([BUILD_RECORD]);
  for (const output of result.outputFiles) {
    written.add(output.path);
    if (ENTRY_OUTPUTS.has(path.basename(output.path))) entryFiles.push(output);
    else await writeAtomically(output.path, output.contents);
  }
  for (const output of entryFiles) await writeAtomically(output.path, output.contents);
  const record = { builtAt: new Date().toISOString(), node: process.version, inputs };
  await writeAtomically(BUILD_RECORD, `${JSON.stringify(record)}\n`);
  for (const name of await readdir(DIST_DIRECTORY)) {
    const file = path.join(DIST_DIRECTORY, name);
    if (written.has(file)) continue;
    const status = await stat(file).catch(() => null);
    if (status && Date.now() - status.mtimeMs > STALE_CHUNK_AGE_MS) await rm(file, { force: true });
  }
  return record;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const started = performance.now();
  const record = await buildCommand();
  console.log(
    `beizeng: built ${path.relative(REPOSITORY_ROOT, DIST_DIRECTORY)} from ${record.inputs.length} sources in ${Math.round(performance.now() - started)} ms`,
  );
}
