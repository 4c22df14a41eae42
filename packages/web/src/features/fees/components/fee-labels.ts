import type { MessageKey } from "../../../shared/i18n/dictionary";

/** The label of a value of one of the fee list's words, e.g. ("fee.status", "active") → 在用. */
export function feeLabel(
  prefix: "fee.status" | "fee.kind" | "fee.result" | "fee.accountability" | "fee.req",
  value: string,
) {
  return `${prefix}.${value}` as MessageKey;
}

/** A form's check that dates are in order, naming the later field. */
export function datesInOrder(from: string | undefined, to: string | undefined | null): boolean {
  return !from || !to || to >= from;
}
