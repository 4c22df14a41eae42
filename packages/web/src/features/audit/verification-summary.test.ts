import { describe, expect, it } from "vitest";
import { type Language, translate } from "../../shared/i18n/i18n";
import { summariseVerification, type VerificationFacts } from "./verification-summary";

const summarise = (result: VerificationFacts, language: Language = "zh-CN") =>
  summariseVerification(
    result,
    (key, values) => translate(language, key, values),
    (value) => value ?? "—",
  );

const anchor = { districtId: "360202", headSeq: 480, headAt: "2026-12-05T10:00:00.000Z" };

describe("the audit page's summary of a verification", () => {
  it("names the first entry that no longer matches a signed checkpoint, in both languages", () => {
    const result: VerificationFacts = {
      ok: false,
      count: 477,
      chainOk: true,
      checkpoints: { database: 1, file: 0, verified: 0 },
      problems: [
        {
          source: "database",
          districtId: "360202",
          checkpointSeq: 477,
          reason: "entry_changed",
          entrySeq: 10,
          keyId: "e0e06362240e75b8",
          message: "…",
        },
      ],
      firstMismatch: { districtId: "360202", seq: 10, message: "…" },
      anchors: [{ ...anchor, headSeq: 477, anchoredSeq: 0, anchoredAt: null, unanchored: 477, stale: true }],
      keyProblem: null,
    };
    const zh = summarise(result);
    expect(zh.findings).toEqual([
      "已校验 477 条记录。",
      "第 10 条记录起与签署时不再相符。",
      "第 10 条与检查点签署时不符：该条被修改或替换后，其后的哈希被重新计算。",
    ]);
    // The failed checkpoint explains the missing anchor: no "no checkpoint yet" warning beside it.
    expect(zh.warnings).toEqual([]);
    expect(summarise(result, "en").findings[2]).toBe(
      "Entry 10 no longer matches what was signed: it was edited or replaced and the later hashes recomputed.",
    );
  });

  it("says how many entries are unanchored, and warns when the newest checkpoint is far behind or missing", () => {
    const fresh = summarise({
      ok: true,
      count: 480,
      checkpoints: { database: 2, file: 0, verified: 2 },
      anchors: [{ ...anchor, anchoredSeq: 477, anchoredAt: "2026-12-05T09:30:00.000Z", unanchored: 3, stale: false }],
    });
    expect(fresh.notes).toEqual([
      "已由签名检查点锚定到第 477 条（2026-12-05T09:30:00.000Z）。",
      "其后 3 条等待下一个检查点（每小时签署）。",
    ]);
    expect(fresh.warnings).toEqual([]);

    const stale = summarise({
      ok: true,
      count: 480,
      checkpoints: { database: 1, file: 0, verified: 1 },
      anchors: [{ ...anchor, anchoredSeq: 400, anchoredAt: "2026-12-04T09:00:00.000Z", unanchored: 80, stale: true }],
    });
    expect(stale.warnings[0]).toContain("其后 80 条记录未锚定");

    const none = summarise(
      {
        ok: true,
        count: 480,
        checkpoints: { database: 0, file: 0, verified: 0 },
        anchors: [{ ...anchor, anchoredSeq: 0, anchoredAt: null, unanchored: 480, stale: true }],
      },
      "en",
    );
    expect(none.warnings[0]).toContain("all 480 entries are unanchored");
  });

  it("says when the server holds no key or the checkpoints were signed by another", () => {
    const summary = summarise({
      ok: false,
      count: 5,
      checkpoints: { database: 1, file: 0, verified: 0 },
      problems: [
        {
          source: "database",
          districtId: "360202",
          checkpointSeq: 5,
          reason: "unknown_key",
          entrySeq: null,
          keyId: "33b41c3fa23f2f32",
          message: "…",
        },
      ],
      keyProblem: "服务器未加载审计签名密钥",
      anchors: [],
    });
    expect(summary.findings).toContain(
      "第 5 条的检查点由未知密钥签名（指纹 33b41c3fa23f2f32）：签名密钥被更换，或检查点是伪造的。",
    );
    expect(summary.findings).toContain("服务器未加载审计签名密钥，无法校验检查点的签名。");
  });
});
