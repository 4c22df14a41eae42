/**
 * Why-not sentences are written when shown, not when the engine runs: an evaluation keeps each
 * why-not as a record of its reason and figures (types.ts `NonPayment`), and the server, the web
 * and exports turn the ones they show into text here. The same record always gives the same
 * sentence.
 */
import type { NonPayment, TextLocale } from "./types";

/** The sentence of a why-not in Chinese (the product's first language) or English. */
export function whyNotText(entry: NonPayment, locale: TextLocale): string {
  return entry.wording.sentence(entry, locale);
}
