import { describe, expect, it } from "vitest";
import {
  ACTIVATION_CODE_ALPHABET,
  hashActivationCode,
  newActivationCode,
  normaliseActivationCode,
  verifyActivationCode,
} from "./activation-codes";

describe("activation codes", () => {
  it("are three groups of four characters none of which can be mistaken for another", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(ACTIVATION_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(ACTIVATION_CODE_ALPHABET).size).toBe(31);
    const codes = Array.from({ length: 200 }, newActivationCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("match however the reader types the case, spaces and hyphens, and nothing else", async () => {
    const code = newActivationCode();
    const hash = await hashActivationCode(code);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(normaliseActivationCode(code));
    expect(await verifyActivationCode(hash, code)).toBe(true);
    expect(await verifyActivationCode(hash, ` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(true);
    const other = code.startsWith("2") ? `3${code.slice(1)}` : `2${code.slice(1)}`;
    expect(await verifyActivationCode(hash, other)).toBe(false);
    expect(await verifyActivationCode("not-a-hash", code)).toBe(false);
  });
});
