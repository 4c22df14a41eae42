import { describe, expect, it } from "vitest";
import { activationDaysSetting, activationExpiry, activationUrl } from "./activation-settings";

describe("activation settings", () => {
  it("holds a code 30 days unless BEIZENG_ACTIVATION_DAYS says otherwise", () => {
    expect(activationDaysSetting({})).toBe(30);
    expect(activationDaysSetting({ BEIZENG_ACTIVATION_DAYS: " 14 " })).toBe(14);
  });

  it("refuses a setting that is not a whole number of days from 1 to 180", () => {
    for (const bad of ["0", "181", "7.5", "thirty", "-3"]) {
      expect(() => activationDaysSetting({ BEIZENG_ACTIVATION_DAYS: bad })).toThrow("BEIZENG_ACTIVATION_DAYS");
    }
  });

  it("names the expiry and the page's address, the username filled in", () => {
    expect(activationExpiry(new Date("2026-12-05T00:00:00.000Z"), 30)).toBe("2027-01-04T00:00:00.000Z");
    expect(activationUrl("https://beizeng.example.gov.cn", "91360202ma35xxxx07-2")).toBe(
      "https://beizeng.example.gov.cn/activate?username=91360202ma35xxxx07-2",
    );
  });
});
