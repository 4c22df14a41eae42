import { describe, expect, it } from "vitest";
import type { TargetDetail } from "../api/targets-api";
import { targetResult } from "./target-result";

const YI = 10_000_000_000n; // fen in one 亿元

/** A target as the API answers it, with only the fields a result reads. */
function target(fields: Partial<TargetDetail>): TargetDetail {
  return {
    statusBasis: "final",
    met: false,
    target: { unit: "yuan", value: (400n * YI).toString() },
    current: { year: 2023, month: 12, value: { unit: "yuan", value: "2582600000000" }, complete: true },
    ...fields,
  } as TargetDetail;
}

describe("a target's result after its deadline", () => {
  it("says a target missed by how much, and the share reached", () => {
    expect(targetResult(target({}))).toEqual({
      year: 2023,
      met: false,
      actual: { unit: "yuan", value: "2582600000000" },
      target: { unit: "yuan", value: "4000000000000" },
      difference: { unit: "yuan", value: "1417400000000" },
      reached: "64.6%",
    });
  });

  it("says a target met by how much it was passed, without a share", () => {
    const result = targetResult(
      target({
        met: true,
        target: { unit: "count", value: "50" },
        current: { year: 2023, month: 12, value: { unit: "count", value: "52" }, complete: true },
      }),
    );
    expect(result).toMatchObject({ met: true, difference: { unit: "count", value: "2" }, reached: null });
  });

  it("gives a share's distance in its own unit and no share of a share", () => {
    const result = targetResult(
      target({
        target: { unit: "share", value: "1000000" },
        current: { year: 2023, month: 12, value: { unit: "share", value: "957000" }, complete: true },
      }),
    );
    expect(result).toMatchObject({ met: false, difference: { unit: "share", value: "43000" }, reached: null });
  });

  it("has no result while the target runs (judged on a forecast or its path) or has no figure", () => {
    expect(targetResult(target({ statusBasis: "forecast" }))).toBeNull();
    expect(targetResult(target({ statusBasis: "path" }))).toBeNull();
    expect(targetResult(target({ current: null, met: null, statusBasis: "none" }))).toBeNull();
  });
});
