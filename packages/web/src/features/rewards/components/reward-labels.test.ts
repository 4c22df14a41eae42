import { describe, expect, it } from "vitest";
import { parameterForDisplay } from "./reward-labels";

describe("a rule's parameter, as read", () => {
  it("says none in words and an amount of yuan in 万元", () => {
    expect(parameterForDisplay("none", "不设")).toBe("不设");
    expect(parameterForDisplay(null, "不设")).toBe("不设");
    expect(parameterForDisplay("0.05", "不设")).toBe("0.05");
    expect(parameterForDisplay(3, "不设")).toBe("3");
  });
});
