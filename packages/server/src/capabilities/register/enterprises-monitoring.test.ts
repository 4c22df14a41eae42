import { describe, expect, it } from "vitest";
import { dropShare, fellMoreThan } from "./enterprises-monitoring.service";

describe("the revenue-fall rule of key-enterprise monitoring", () => {
  it("warns only on a fall strictly greater than the share", () => {
    expect(fellMoreThan(1_000_000n, 899_999n, "0.10")).toBe(true);
    expect(fellMoreThan(1_000_000n, 900_000n, "0.10")).toBe(false);
    expect(fellMoreThan(1_000_000n, 1_200_000n, "0.10")).toBe(false);
    expect(fellMoreThan(3n, 2n, "0.3333")).toBe(true);
    expect(fellMoreThan(3n, 2n, "0.3334")).toBe(false);
  });

  it("has nothing to compare against without last year's value", () => {
    expect(fellMoreThan(0n, 0n, "0.10")).toBe(false);
    expect(fellMoreThan(-5n, -10n, "0.10")).toBe(false);
  });

  it("decides exactly on amounts beyond a float's precision", () => {
    // 2^53 + 1 yuan-fen scaled by ten: a float would round these amounts.
    const previous = 90_071_992_547_409_930n;
    const exactlyTenPercentDown = previous - previous / 10n;
    expect(fellMoreThan(previous, exactlyTenPercentDown, "0.10")).toBe(false);
    expect(fellMoreThan(previous, exactlyTenPercentDown - 1n, "0.10")).toBe(true);
  });

  it("shows the fall to four decimals", () => {
    expect(dropShare(100n, 85n)).toBe("0.1500");
    expect(dropShare(3n, 2n)).toBe("0.3333");
  });
});
