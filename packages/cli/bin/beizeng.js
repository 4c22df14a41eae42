#!/usr/bin/env node
// Runs the built JavaScript of the command (packages/cli/dist, docs/decisions/006-built-javascript.md).
// The build records the sources it was made from; when one of them changed, or there is no
// build yet, the command is built again before it runs, so a stale build never runs.
import { readFileSync, statSync } from "node:fs";

const packageDirectory = new URL("../", import.meta.url);

function buildIsCurrent() {
  let record;
  try {
    record = JSON.parse(readFileSync(new URL("dist/build.json", packageDirectory), "utf8"));
  } catch {
    return false;
  }
  if (record.node !== process.version) return false;
  for (const [file, size, modified] of record.inputs) {
    let status;
    try {
      status = statSync(new URL(file, packageDirectory));
    } catch {
      return false;
    }
    if (status.size !== size || status.mtimeMs !== modified) return false;
  }
  return true;
}

if (!buildIsCurrent()) {
  const { buildCommand } = await import("../build.mjs");
  await buildCommand();
}
process.setSourceMapsEnabled(true);
await import("../dist/main.js");
