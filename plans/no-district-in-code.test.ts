/// <reference types="node" />
/**
 * No district in code: the identifiers of the shipped Changjiang plan — its unit ids, chain ids and
 * district code — appear in no source file outside the plans, the demo, tests and the frozen migrations.
 * A district's units, chains and duties come from its plan file; code that names one district's ids
 * silently fails every other district.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../", import.meta.url));
const plan = parse(readFileSync(`${root}plans/changjiang-2021-2023/plan.yaml`, "utf8")) as {
  district: { code: string };
  units: { id: string }[];
  chains: { id: string; role: string }[];
};

/** Words the product uses on its own account too: the chain "other" shares its id with product vocabularies. */
const PRODUCT_WORDS = new Set(["other"]);

const identifiers = [...plan.units.map((unit) => unit.id), ...plan.chains.map((chain) => chain.id)].filter(
  (id) => !PRODUCT_WORDS.has(id),
);

/** Where one district's identifiers may appear: its plan, the demo district, tests and their fixtures, frozen migrations. */
const ALLOWED = [
  /^plans\//,
  /\/demo\//,
  /\/testing\//,
  /\.test\.tsx?$/,
  /\/test-fixtures\//,
  /\/fixtures\//,
  /^e2e\//,
  /^bench\//,
  /^packages\/server\/src\/platform\/db\/migrations\/(2025|20261125)/,
  /\.md$/,
];

function sourceFiles(): string[] {
  return execFileSync("git", ["ls-files", "packages"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((file) => /\.(ts|tsx|js|cjs|mjs|json|css|html)$/.test(file))
    .filter((file) => !file.endsWith("package.json"))
    .filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
}

describe("no district in code", () => {
  it("names no Changjiang unit id, chain id or district code outside plans, demo, tests and frozen migrations", () => {
    const quoted = new RegExp(`(["'\`])(${identifiers.map((id) => id.replace(/-/g, "\\-")).join("|")})\\1`, "g");
    const found: string[] = [];
    for (const file of sourceFiles()) {
      const lines = readFileSync(`${root}${file}`, "utf8").split("\n");
      lines.forEach((line, index) => {
        for (const match of line.matchAll(quoted)) found.push(`${file}:${index + 1}: ${match[2]}`);
        if (line.includes(plan.district.code)) found.push(`${file}:${index + 1}: ${plan.district.code}`);
      });
    }
    expect(found).toEqual([]);
  });

  it("is checking something: the shipped plan has the identifiers this test looks for", () => {
    expect(identifiers).toContain("finance-bureau");
    expect(identifiers).toContain("biomedicine");
    expect(sourceFiles().length).toBeGreaterThan(100);
  });
});
