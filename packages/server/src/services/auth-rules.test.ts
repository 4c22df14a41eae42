import { describe, expect, it } from "vitest";
import { allow, type Principal } from "../policies/permissions";
import { LOCKOUT_DURATION_MS, lockedUntil } from "./auth.service";
import { canonicalJson } from "./canonical-json";
import { passwordProblem } from "./password";

const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1, 8, 0) + minutes * 60_000).toISOString();
const fail = (minutes: number) => ({ at: at(minutes), succeeded: 0 });
const ok = (minutes: number) => ({ at: at(minutes), succeeded: 1 });

describe("lockedUntil", () => {
  it("locks for 15 minutes from the fifth failure within 15 minutes", () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    const until = lockedUntil(attempts, new Date(at(5)), null);
    expect(until?.toISOString()).toBe(new Date(Date.parse(at(4)) + LOCKOUT_DURATION_MS).toISOString());
    expect(lockedUntil(attempts, new Date(at(19)), null)).toBeNull();
  });

  it("does not lock four failures, nor five spread over more than 15 minutes", () => {
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3)], new Date(at(4)), null)).toBeNull();
    expect(lockedUntil([fail(0), fail(4), fail(8), fail(12), fail(16)], new Date(at(17)), null)).toBeNull();
  });

  it("starts counting again after a success or a password reset", () => {
    expect(lockedUntil([fail(0), fail(1), ok(2), fail(3), fail(4), fail(5)], new Date(at(6)), null)).toBeNull();
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    expect(lockedUntil(attempts, new Date(at(5)), at(4.5))).toBeNull();
  });
});

describe("passwordProblem", () => {
  it("asks for 10 characters with letters and digits", () => {
    expect(passwordProblem("abc123")).toContain("10");
    expect(passwordProblem("abcdefghijk")).toContain("字母和数字");
    expect(passwordProblem("12345678901")).toContain("字母和数字");
    expect(passwordProblem("abcdefghij1")).toBeNull();
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and writes bigints as strings", () => {
    expect(canonicalJson({ b: 1, a: { d: 2n, c: [undefined, 1] }, e: undefined })).toBe(
      '{"a":{"c":[null,1],"d":"2"},"b":1}',
    );
  });
});

describe("allow", () => {
  const user = (role: Principal["role"], enterpriseId: number | null = null): Principal => ({
    id: 1,
    role,
    districtId: "360202",
    unitId: null,
    enterpriseId,
  });

  it("keeps an enterprise account to its own enterprise and its own district", () => {
    expect(allow(user("enterprise", 7), "enterprises.read", { districtId: "360202", enterpriseId: 7 })).toBe(true);
    expect(allow(user("enterprise", 7), "enterprises.read", { districtId: "360202", enterpriseId: 8 })).toBe(false);
    expect(allow(user("enterprise", 7), "enterprises.read", { districtId: "990101", enterpriseId: 7 })).toBe(false);
    expect(allow(user("leader"), "enterprises.read", { districtId: "990101", enterpriseId: 7 })).toBe(false);
    expect(allow(user("leader"), "enterprises.read", { districtId: "360202", enterpriseId: 7 })).toBe(true);
  });

  it("grants by role", () => {
    expect(allow(null, "public")).toBe(true);
    expect(allow(null, "plan.read")).toBe(false);
    expect(allow(user("inspector"), "users.manage")).toBe(false);
    expect(allow(user("office"), "users.manage")).toBe(true);
  });
});
