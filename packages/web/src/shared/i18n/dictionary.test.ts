import { describe, expect, it } from "vitest";
import { dictionaryParts, en, zhCN } from "./dictionary";
import { translate } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

// "个" after a count has no English word.
const wordlessInEnglish = ["measure.count"];

describe("the UI dictionary", () => {
  it("gives every key of every file a text in both languages", () => {
    for (const [part, texts] of Object.entries(dictionaryParts)) {
      const zhKeys: string[] = Object.keys(texts.zhCN);
      expect(Object.keys(texts.en).sort(), part).toEqual([...zhKeys].sort());
      for (const key of zhKeys) {
        const zh: unknown = (texts.zhCN as Record<string, unknown>)[key];
        const english: unknown = (texts.en as Record<string, unknown>)[key];
        expect(typeof zh === "string" && zh.trim() !== "", `${part}: ${key} in Chinese`).toBe(true);
        const englishMayBeEmpty = wordlessInEnglish.includes(key);
        expect(
          typeof english === "string" && (englishMayBeEmpty || english.trim() !== ""),
          `${part}: ${key} in English`,
        ).toBe(true);
      }
    }
  });

  it("defines each key in one file only, so that no file's text silently replaces another's", () => {
    const files = new Map<string, string[]>();
    for (const [part, texts] of Object.entries(dictionaryParts)) {
      for (const key of [...Object.keys(texts.zhCN), ...Object.keys(texts.en)]) {
        const where = files.get(key) ?? [];
        if (!where.includes(part)) where.push(part);
        files.set(key, where);
      }
    }
    const twice = [...files]
      .filter(([, parts]) => parts.length > 1)
      .map(([key, parts]) => `${key}: ${parts.join(", ")}`);
    expect(twice).toEqual([]);
    expect(Object.keys(zhCN)).toHaveLength(files.size);
  });

  it("has the same placeholders in both languages", () => {
    for (const key of Object.keys(zhCN) as Array<keyof typeof zhCN>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it("keeps the labels the end-to-end tests look for", () => {
    expect(zhCN["login.username"]).toBe("用户名");
    expect(zhCN["login.password"]).toBe("密码");
    expect(zhCN["login.submit"]).toBe("登录");
    expect(zhCN["forbidden.title"]).toBe("无权访问");
  });

  it("chooses the English singular for one and the plural otherwise", () => {
    expect(translate("en", "tasks.seeded", { created: 1 })).toBe("1 task created");
    expect(translate("en", "tasks.seeded", { created: 0 })).toBe("0 tasks created");
    expect(translate("en", "pj.status.late", { days: 3 })).toBe("3 days late");
    expect(translate("zh-CN", "tasks.seeded", { created: 1 })).toBe(zhCN["tasks.seeded"].replace("{created}", "1"));
  });

  it("writes every plural choice about a placeholder the message fills", () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      for (const match of en[key].matchAll(/\{(\w+)\|[^|}]*\|[^}]*\}/g)) {
        expect(placeholders(en[key]), key).toContain(match[1]);
      }
    }
  });
});
