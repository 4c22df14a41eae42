import { describe, expect, it } from "vitest";
import { canonicalJson } from "../audit/canonical-json";
import {
  ACCOUNT_POLICY,
  type AttemptRecord,
  attemptMustWaitUntil,
  delayAfter,
  KNOWN_DEVICE_POLICY,
  loginRestrictionOf,
  PAIR_POLICY,
  waitInChinese,
} from "./login-throttle";
import { passwordProblem } from "./password";
import { allow, type Principal } from "./permissions";

const start = Date.UTC(2024, 0, 1, 8, 0);
const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
let nextId = 1;
const attempt = (
  seconds: number,
  succeeded: boolean,
  from: { ip?: string; device?: string | null } = {},
): AttemptRecord => ({
  id: nextId++,
  at: at(seconds),
  ip: from.ip ?? "203.0.113.7",
  succeeded: succeeded ? 1 : 0,
  device_key: from.device ?? null,
});
const failures = (count: number, from: { ip?: string; device?: string | null } = {}, everySeconds = 1) =>
  Array.from({ length: count }, (_, i) => attempt(i * everySeconds, false, from));
const noAddressFailures = { count: 0, latestAt: null };
const unknownBrowser = { ip: "203.0.113.7", deviceKey: null };

function waitUntil(
  attempts: AttemptRecord[],
  nowSeconds: number,
  origin: { ip: string; deviceKey: string | null } = unknownBrowser,
  addressFailures: { count: number; latestAt: number | null } = noAddressFailures,
  notBefore: string | null = null,
) {
  return attemptMustWaitUntil({ origin, attempts, addressFailures, notBefore, now: start + nowSeconds * 1000 });
}

describe("delayAfter", () => {
  it("lets the free failures pass, then doubles the wait with each failure up to the cap", () => {
    expect(delayAfter(PAIR_POLICY.free - 1, PAIR_POLICY)).toBe(0);
    expect(delayAfter(PAIR_POLICY.free, PAIR_POLICY)).toBe(PAIR_POLICY.firstDelayMs);
    expect(delayAfter(PAIR_POLICY.free + 1, PAIR_POLICY)).toBe(2 * PAIR_POLICY.firstDelayMs);
    expect(delayAfter(PAIR_POLICY.free + 2, PAIR_POLICY)).toBe(4 * PAIR_POLICY.firstDelayMs);
    expect(delayAfter(PAIR_POLICY.free + 40, PAIR_POLICY)).toBe(PAIR_POLICY.maxDelayMs);
    expect(delayAfter(10_000, PAIR_POLICY)).toBe(PAIR_POLICY.maxDelayMs);
  });
});

describe("attemptMustWaitUntil", () => {
  it("holds back an unknown browser after a few failures of the username from its address", () => {
    const three = failures(PAIR_POLICY.free);
    const latest = start + (PAIR_POLICY.free - 1) * 1000;
    expect(waitUntil(failures(PAIR_POLICY.free - 1), 5)).toBeNull();
    expect(waitUntil(three, 5)).toBe(latest + PAIR_POLICY.firstDelayMs);
    // Once the wait is over, the next attempt may go ahead.
    expect(waitUntil(three, (latest - start + PAIR_POLICY.firstDelayMs) / 1000)).toBeNull();
    // Another address is not held back by this pair (the account allows more failures).
    expect(waitUntil(three, 5, { ip: "198.51.100.1", deviceKey: null })).toBeNull();
  });

  it("holds back every unknown browser once the account has many failures from anywhere", () => {
    const spread = Array.from({ length: ACCOUNT_POLICY.free }, (_, i) => attempt(i, false, { ip: `198.51.100.${i}` }));
    const until = waitUntil(spread, ACCOUNT_POLICY.free, { ip: "192.0.2.1", deviceKey: null });
    expect(until).toBe(start + (ACCOUNT_POLICY.free - 1) * 1000 + ACCOUNT_POLICY.firstDelayMs);
  });

  it("never holds back a known browser for failures from elsewhere or from its address", () => {
    const attackers = [...failures(50), ...failures(50, { ip: "198.51.100.9" })];
    const knownDevice = { ip: "203.0.113.7", deviceKey: "device-of-owner" };
    expect(waitUntil(attackers, 101, knownDevice, { count: 500, latestAt: start + 100_000 })).toBeNull();
    // Its own failures do count, for it alone.
    const own = failures(KNOWN_DEVICE_POLICY.free, { device: "device-of-owner" });
    expect(waitUntil([...attackers, ...own], 5, knownDevice)).toBe(start + 4000 + KNOWN_DEVICE_POLICY.firstDelayMs);
    expect(waitUntil(own, 10, { ip: "203.0.113.7", deviceKey: "another-device" })).toBeNull();
  });

  it("holds back an unknown browser at an address with many failures for any usernames", () => {
    const address = { count: 30, latestAt: start };
    expect(waitUntil([], 1, unknownBrowser, address)).toBe(start + 15_000);
    expect(waitUntil([], 1, unknownBrowser, { count: 29, latestAt: start })).toBeNull();
  });

  it("starts counting again after a success in the same scope or a password change", () => {
    const withSuccess = [...failures(PAIR_POLICY.free - 1), attempt(10, true), ...failures(2)];
    expect(waitUntil(withSuccess, 20)).toBeNull();
    expect(waitUntil(failures(PAIR_POLICY.free), 5, unknownBrowser, noAddressFailures, at(2.5))).toBeNull();
    // A known browser's success does not lift the wait owed by unknown browsers.
    const knownSuccess = [...failures(PAIR_POLICY.free), attempt(3, true, { device: "owner" })];
    expect(waitUntil(knownSuccess, 5)).not.toBeNull();
  });
});

describe("loginRestrictionOf", () => {
  it("counts the failures since the last password change and reports a wait in force", () => {
    expect(loginRestrictionOf([attempt(0, true)], null, start)).toBeNull();
    const restriction = loginRestrictionOf(failures(PAIR_POLICY.free), null, start + 3000);
    expect(restriction).toEqual({ failures: PAIR_POLICY.free, delayedUntil: expect.any(String) });
    expect(Date.parse(restriction?.delayedUntil ?? "")).toBe(start + 2000 + PAIR_POLICY.firstDelayMs);
    expect(loginRestrictionOf(failures(PAIR_POLICY.free), null, start + 3_600_000)?.delayedUntil).toBeNull();
    expect(loginRestrictionOf(failures(PAIR_POLICY.free), at(100), start + 3000)).toBeNull();
  });
});

describe("waitInChinese", () => {
  it("says seconds under a minute and whole minutes above", () => {
    expect(waitInChinese(15_000)).toBe("15 秒");
    expect(waitInChinese(61_000)).toBe("2 分钟");
    expect(waitInChinese(15 * 60_000)).toBe("15 分钟");
    expect(waitInChinese(0)).toBe("1 秒");
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
