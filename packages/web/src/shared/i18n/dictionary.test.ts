import { describe, expect, it } from "vitest";
import { en, zhCN } from "./dictionary";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the UI dictionary", () => {
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
});
