import type { ObjectionStatus, PublicityState } from "@beizeng/contract/rewards";
import { parseYuan } from "@beizeng/domain/money";
import { Tag } from "antd";
import { formatFenForDisplay, formatRateAsPercent } from "../../../shared/format/numbers";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
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

const PUBLICITY_COLORS: Record<PublicityState, string> = { upcoming: "default", open: "processing", closed: "default" };

/** 未开始 / 公示中 / 已结束. */
export function PublicityStateTag({ state }: { state: PublicityState }) {
  const t = useT();
  return <Tag color={PUBLICITY_COLORS[state]}>{t(`rw.publicityState.${state}` as MessageKey)}</Tag>;
}

const OBJECTION_COLORS: Record<ObjectionStatus, string> = { open: "orange", upheld: "red", dismissed: "default" };

export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  const t = useT();
  return <Tag color={OBJECTION_COLORS[status]}>{t(`rw.objection.${status}` as MessageKey)}</Tag>;
}

/** The plan's step an entitlement waits for and who acts there: 区财政局审批（区财政局）. */
export function StepText({ step }: { step: { name: string; nameEn: string; actor: string; actorEn: string } }) {
  const t = useT();
  const localized = useLocalizedText();
  return <>{t("rw.stepBy", { step: localized(step.name, step.nameEn), actor: localized(step.actor, step.actorEn) })}</>;
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

/** The engine's arithmetic as read: the domain's, which the approval notice writes too. */
export { arithmeticForDisplay } from "@beizeng/domain/rewards/arithmetic-text";

/** A rule's parameter as read: "none" as words, an amount of yuan in 万元; else as the plan writes it. */
export function parameterForDisplay(value: unknown, noneText: string): string {
  if (value === null || value === undefined || value === "none") return noneText;
  const text = String(value);
  return /^\d{5,}(\.\d{1,2})?$/.test(text) ? yuanTextForDisplay(text) : text;
}
