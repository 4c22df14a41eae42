import { describe, expect, it } from "vitest";
import { creditCodeMessage, creditCodeProblem, isValidCreditCode, withCheckCharacter } from "./credit-code";

describe("unified social credit code", () => {
  it("accepts codes whose check character is right", () => {
    // Codes printed on public business licences.
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
    expect(isValidCreditCode("91110000600037341L")).toBe(true);
  });
  it("names what is wrong", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("check");
    expect(creditCodeProblem("91350100M000100Y4")).toBe("length");
    expect(creditCodeProblem("91350100M000100I43")).toBe("character");
    expect(creditCodeMessage("91350100M000100Y44")).toMatch(/校验位错误/);
  });
  it("completes 17 characters", () => {
    expect(withCheckCharacter("91350100M000100Y4")).toBe("91350100M000100Y43");
  });
});
