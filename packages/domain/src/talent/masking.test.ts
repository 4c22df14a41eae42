import { describe, expect, it } from "vitest";
import { maskName, maskPhone, normalizeMobile } from "./masking";
import { educationOf } from "./vocabulary";

describe("masking", () => {
  it("keeps a name's first character", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李")).toBe("李*");
  });

  it("keeps a mobile number's first three and last four digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("0798-8201234")).toBe("********1234");
  });
});

describe("mobile numbers", () => {
  it("accepts spaces, dashes and +86, and refuses what is not a mainland mobile number", () => {
    expect(normalizeMobile("138 1234 1234")).toBe("13812341234");
    expect(normalizeMobile("+86 138-1234-1234")).toBe("13812341234");
    expect(normalizeMobile("12812341234")).toBeNull();
    expect(normalizeMobile("1381234123")).toBeNull();
    expect(normalizeMobile("电话13812341234")).toBeNull();
  });
});

describe("education", () => {
  it("reads the words files use", () => {
    expect(educationOf("中专")).toBe("highSchool");
    expect(educationOf(" 本科 ")).toBe("bachelor");
    expect(educationOf("学前")).toBeUndefined();
  });
});
