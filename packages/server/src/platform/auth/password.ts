import argon2 from "argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes): strong, and quick enough on two cores.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so that unknown usernames cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("dummy-password-0");
  await verifyPassword(await dummyHash, password);
}

/** The password policy: at least 10 characters, with letters and digits. Returns the problem in Chinese, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return "密码至少需要 10 个字符";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "密码必须同时包含字母和数字";
  if (password.length > 200) return "密码不能超过 200 个字符";
  return null;
}
