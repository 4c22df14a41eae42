/**
 * One-time activation codes: what an enterprise types once, with its username, to choose its first password.
 *
 * A code is 12 characters drawn uniformly from 31 that cannot be mistaken for one another when read off paper
 * or typed (no 0/O, 1/I/L), written in three groups of four: "K7QM-3XPA-RW9D". 31^12 ≈ 2^59.4, so a code
 * holds about 59 bits of chance: online, guesses are held back by the login throttling (at most a few hundred
 * a day per account); offline, a stolen hash would still need ~2^58 argon2id evaluations on average.
 *
 * Only an argon2id hash is stored. Because the code is random, not chosen by a person, no dictionary shortens
 * the search, so the hash need not be as costly as a password's: 4 MiB and one pass keeps a district's
 * hundreds of codes to a second or two of work, while each guess still costs a full argon2id evaluation.
 */
import { randomBytes, randomInt } from "node:crypto";
import argon2 from "argon2";
import { hashPassword } from "./password";

export const ACTIVATION_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const ACTIVATION_CODE_LENGTH = 12;
const GROUP = 4;

const CODE_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

/** A new random code, grouped for reading: "XXXX-XXXX-XXXX". */
export function newActivationCode(): string {
  const chars: string[] = [];
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i += 1) {
    chars.push(ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)] ?? "");
  }
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP).join(""));
  return groups.join("-");
}

/**
 * A code as typed, in the form that is hashed: upper case, without the spaces and hyphens people add or leave
 * out. Characters outside the alphabet stay, so such a code simply does not match.
 */
export function normaliseActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-‐‑–—]/g, "");
}

export function hashActivationCode(code: string): Promise<string> {
  return argon2.hash(normaliseActivationCode(code), CODE_HASH_OPTIONS);
}

export async function verifyActivationCode(hash: string, typed: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normaliseActivationCode(typed));
  } catch {
    return false;
  }
}

let dummyCodeHash: Promise<string> | undefined;
/** Spends the time of a real check, so that an unknown account cannot be told apart by timing. */
export async function verifyActivationAgainstDummy(typed: string): Promise<void> {
  dummyCodeHash ??= hashActivationCode(newActivationCode());
  await verifyActivationCode(await dummyCodeHash, typed);
}

let unusableHash: Promise<string> | undefined;
/**
 * The password hash of an account waiting for activation: a full-cost argon2id hash of 32 random bytes that
 * are thrown away at once. No password matches it, and a login against it takes as long as against any other
 * account, so a waiting account can be neither entered nor told apart. One such hash serves every waiting
 * account of the process (each account's own is replaced when it is activated).
 */
export function unusablePasswordHash(): Promise<string> {
  unusableHash ??= hashPassword(randomBytes(32).toString("base64url"));
  return unusableHash;
}
