import { parseYuan } from "@beizeng/domain/money";
import { Tag } from "antd";
import { formatFenForDisplay, formatRateAsPercent } from "../../../shared/format/numbers";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useT } from "../../../shared/i18n/i18n";
import type { EntitlementStatus } from "../api/rewards-api";

const STATUS_COLORS: Record<EntitlementStatus, string> = {
  computed: "default",
  confirmed: "blue",
  reviewed: "cyan",
  publicized: "geekblue",
  approved: "gold",
  paid: "green",
  rejected: "red",
  superseded: "default",
};

export function StatusTag({ status }: { status: EntitlementStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(`rw.status.${status}` as MessageKey)}</Tag>;
}

export function ChangeTag({ flag }: { flag: "new" | "changed" | null }) {
  const t = useT();
  if (!flag) return null;
  return (
    <Tag color={flag === "new" ? "purple" : "orange"}>{t(flag === "new" ? "rw.flag.new" : "rw.flag.changed")}</Tag>
  );
}

/** A yuan decimal string (as the engine writes facts and thresholds) shown in 万元 / 亿元. */
export function yuanTextForDisplay(yuan: string | null): string {
  if (yuan === null || yuan === "") return "—";
  try {
    return formatFenForDisplay(parseYuan(yuan));
  } catch {
    return yuan;
  }
}

/** A threshold is either a rate ("0.10") or an amount of yuan. */
export function thresholdForDisplay(value: string): string {
  return /^0\.\d+$/.test(value) ? formatRateAsPercent(value) : yuanTextForDisplay(value);
}

/** Amount of an entitlement: R-500 has none until decided. */
export function AmountText({ fen }: { fen: string | null }) {
  const t = useT();
  return <>{fen === null ? t("rw.caseByCase") : formatFenForDisplay(fen)}</>;
}
