import { describe, expect, it } from "vitest";
import { toPage, toQueryString } from "./client";

describe("api client helpers", () => {
  it("leaves out empty query parameters", () => {
    expect(toQueryString({ q: "瓷", chain: undefined, town: "", page: 2, key: false })).toBe(
      `?q=${encodeURIComponent("瓷")}&page=2&key=false`,
    );
    expect(toQueryString({})).toBe("");
  });

  it("accepts a list as a bare array or as a page", () => {
    expect(toPage([1, 2])).toEqual({ items: [1, 2], total: 2 });
    expect(toPage({ items: [1], total: 40 })).toEqual({ items: [1], total: 40 });
    expect(toPage(null)).toEqual({ items: [], total: 0 });
  });
});
