/**
 * What has been granted before: entitlement keys of one-time rewards already paid, so that a
 * one-time rule never pays the same event twice across evaluations.
 */
export class GrantedIndex {
  private readonly keys = new Set<string>();
  /** `ruleId|creditCode` of every prior grant, for "once per enterprise" checks. */
  private readonly enterpriseRules = new Set<string>();

  get isEmpty(): boolean {
    return this.keys.size === 0;
  }

  add(key: string): void {
    this.keys.add(key);
    const first = key.indexOf("|");
    const second = first < 0 ? -1 : key.indexOf("|", first + 1);
    this.enterpriseRules.add(second < 0 ? key : key.slice(0, second));
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Whether any reward of the rule was granted to the enterprise before. */
  hasAnyForEnterprise(ruleId: string, creditCode: string): boolean {
    return this.enterpriseRules.has(`${ruleId}|${creditCode}`);
  }
}
