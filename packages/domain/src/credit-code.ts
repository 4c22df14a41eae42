/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from
 * 0-9 and ABCDEFGHJKLMNPQRTUWXY (no I, O, S, V, Z); the 18th is a check character.
 */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] as string);
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] as string;
}

export type CreditCodeProblem = "length" | "character" | "check";

/** Why a code is not valid, or null when it is. Lower-case letters are not accepted: the code is printed upper-case. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return "length";
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return "character";
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : "check";
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

const PROBLEM_MESSAGES: Record<CreditCodeProblem, string> = {
  length: "统一社会信用代码应为18位",
  character: "统一社会信用代码含有非法字符（只允许数字和除 I、O、S、V、Z 以外的大写字母）",
  check: "统一社会信用代码校验位错误",
};

/** The Chinese message a user sees for an invalid code, or null when the code is valid. */
export function creditCodeMessage(code: string): string | null {
  const problem = creditCodeProblem(code);
  return problem ? `${PROBLEM_MESSAGES[problem]}：${code}` : null;
}

/** Completes 17 characters with their check character (used to make codes, e.g. synthetic ones). */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === null) throw new Error(`cannot compute a check character for ${first17}`);
  return first17 + check;
}
