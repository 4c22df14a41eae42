/**
 * Entitlement explanations are written when shown or stored, not when the engine runs: an
 * evaluation keeps each entitlement's explanation as a record of the figures it rests on
 * (types.ts `ExplanationRecord`), and the server, the command line and exports turn the ones
 * they need into text here. The same record always gives the same text.
 */
import type { Entitlement, Explanation, TextLocale } from "./types";

/** The whole explanation of an entitlement (facts, thresholds, arithmetic, both sentences); undefined without one. */
export function explanationOf(entitlement: Entitlement | undefined): Explanation | undefined {
  const record = entitlement?.explanation;
  return record === undefined ? undefined : record.wording.explanation(record);
}

/** The sentence explaining an entitlement in Chinese (the product's first language) or English; "" without one. */
export function explanationText(entitlement: Entitlement, locale: TextLocale): string {
  const explanation = explanationOf(entitlement);
  if (explanation === undefined) return "";
  return locale === "zh" ? explanation.zh : explanation.en;
}
