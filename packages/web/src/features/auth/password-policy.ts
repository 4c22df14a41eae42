/** The server's password policy, checked in the forms too so the user sees it before submitting. */
export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
