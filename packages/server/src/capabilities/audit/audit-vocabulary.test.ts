/**
 * Every action and record type the server records in the audit log has its words in the domain's vocabulary, so
 * neither the log's page nor its export shows a code. Read from the sources: each `action:` and `entityType:` line
 * of a non-test module, with every quoted word on it (a choice between two actions included).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isAuditAction, isAuditEntityType } from "@beizeng/domain/audit/vocabulary";
import { describe, expect, it } from "vitest";

const SOURCES = join(import.meta.dirname, "..", "..");

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" || entry.name === "testing" ? [] : modules(path);
    return entry.name.endsWith(".ts") && !entry.name.includes(".test.") ? [path] : [];
  });
}

function wordsAfter(field: "action" | "entityType"): Map<string, string> {
  const found = new Map<string, string>();
  const line = new RegExp(`\\b${field}: ([^,;\\n]*)`, "g");
  for (const path of modules(SOURCES)) {
    const text = readFileSync(path, "utf8");
    // Only modules that write the log: other records have actions of their own (a reward's events).
    if (!text.includes("recordAudit(") && !text.includes("AuditEntryInput")) continue;
    for (const match of text.matchAll(line)) {
      // A condition's operand is not recorded: `decision === "upheld" ? "uphold" : "dismiss"`.
      const recorded = (match[1] ?? "").replace(/[!=]==\s*"[^"]*"/g, "");
      for (const word of recorded.matchAll(/"([A-Za-z_]+)"/g)) {
        found.set(word[1] ?? "", path.slice(SOURCES.length + 1));
      }
    }
  }
  return found;
}

describe("the audit log's vocabulary", () => {
  it("names every action the server records", () => {
    const actions = wordsAfter("action");
    expect(actions.size).toBeGreaterThan(20);
    const missing = [...actions].filter(([word]) => !isAuditAction(word)).map(([word, path]) => `${word} (${path})`);
    expect(missing).toEqual([]);
  });

  it("names every record type the server records", () => {
    const types = wordsAfter("entityType");
    expect(types.size).toBeGreaterThan(30);
    const missing = [...types].filter(([word]) => !isAuditEntityType(word)).map(([word, path]) => `${word} (${path})`);
    expect(missing).toEqual([]);
  });
});
