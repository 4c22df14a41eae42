import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionLabel, auditActorLabel, auditEntityLabel } from "./vocabulary";

describe("the audit log's words", () => {
  it("names every action and record type in both languages, Chinese without Latin words", () => {
    for (const words of [AUDIT_ACTIONS, AUDIT_ENTITY_TYPES]) {
      for (const [code, word] of Object.entries(words)) {
        expect(word.zh, code).toMatch(/\p{Script=Han}/u);
        expect(word.zh, code).not.toMatch(/[A-Za-z]/);
        expect(word.en.trim(), code).not.toBe("");
      }
    }
  });

  it("says what an entry did and to what, in the reader's language", () => {
    expect(auditActionLabel("status_step")).toBe("状态变更");
    expect(auditActionLabel("status_step", "en")).toBe("Status change");
    expect(auditEntityLabel("enterprise_request")).toBe("企业诉求");
    expect(auditEntityLabel("task_reports", "en")).toBe("progress reports");
  });

  it("keeps the code of a word it lacks, so the entry stays traceable", () => {
    expect(auditActionLabel("archive")).toBe("其他操作（archive）");
    expect(auditEntityLabel("archive", "en")).toBe("Other record (archive)");
    // A property of every object is no action.
    expect(auditActionLabel("toString")).toBe("其他操作（toString）");
  });

  it("names the actors that are not accounts", () => {
    expect(auditActorLabel("system")).toBe("系统");
    expect(auditActorLabel("cli:张三")).toBe("命令行（张三）");
    expect(auditActorLabel("import", "en")).toBe("Data import");
    expect(auditActorLabel("demo-office")).toBe("demo-office");
  });
});
