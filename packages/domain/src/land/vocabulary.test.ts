import { describe, expect, it } from "vitest";
import { mayStep, muText, PARCEL_STATUSES, parseMu, statusesThrough } from "./vocabulary";

describe("parcels' statuses and areas", () => {
  it("lets a parcel step idle → recovering → recovered → re-let or built, never jump", () => {
    expect(mayStep("idle", "recovering")).toBe(true);
    expect(mayStep("recovering", "recovered")).toBe(true);
    expect(mayStep("recovered", "relet")).toBe(true);
    expect(mayStep("relet", "built")).toBe(true);
    expect(mayStep("idle", "built")).toBe(false);
    expect(mayStep("idle", "recovered")).toBe(false);
    expect(mayStep("recovering", "built")).toBe(false);
    expect(PARCEL_STATUSES.flatMap((from) => PARCEL_STATUSES.filter((to) => mayStep(from, to)))).toHaveLength(6);
    expect(statusesThrough("built")).toEqual(["idle", "recovering", "recovered", "built"]);
    expect(statusesThrough("relet")).toEqual(["idle", "recovering", "recovered", "relet"]);
  });

  it("keeps areas exact in hundredths of a mu", () => {
    expect(parseMu("12.5")).toBe(1250n);
    expect(parseMu("0.01")).toBe(1n);
    expect(parseMu("30")).toBe(3000n);
    expect(parseMu("1.234")).toBeNull();
    expect(parseMu("不是数字")).toBeNull();
    expect(parseMu("-3")).toBeNull();
    expect(muText(1250n)).toBe("12.5");
    expect(muText(1n)).toBe("0.01");
    expect(muText(3000n)).toBe("30");
    expect(muText(12_345_678_901n)).toBe("123456789.01");
  });
});
