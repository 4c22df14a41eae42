/**
 * Masking of a person's data for those who may not read it in full: the name keeps its first character (张三 →
 * 张*, 欧阳娜娜 → 欧***), a mobile number its first three and last four digits (138****1234). Anything else in a
 * contact field keeps only its last four characters.
 */

export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length === 0) return "";
  return `${characters[0]}${"*".repeat(Math.max(1, characters.length - 1))}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const characters = Array.from(digits);
  if (characters.length <= 4) return "*".repeat(characters.length);
  return `${"*".repeat(characters.length - 4)}${characters.slice(-4).join("")}`;
}

/**
 * A mainland mobile number as written in a form or a file (spaces, dashes and a +86 prefix allowed), as its 11
 * digits; null when it is not one.
 */
export function normalizeMobile(written: string): string | null {
  const compact = written.replace(/[\s\-()（）]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null;
}
