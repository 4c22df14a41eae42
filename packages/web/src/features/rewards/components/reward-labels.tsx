import type { ObjectionStatus, PublicityState } from "@beizeng/contract/rewards";
import { amountInUnit, groupedYuan, parseYuan } from "@beizeng/domain/money";
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

/** Exact 万元 with thousands separators: "178,098.9 万元". */
function groupedWan(fen: bigint): string {
  const [whole = "", fraction] = amountInUnit(fen, "万元").split(".");
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""} 万元`;
}

/**
 * The engine's arithmetic as read: its amounts (bare yuan) exactly in 万元 with separators (English: yuan with
 * separators), small numbers (rates, divisors, percentages) as written, and of its two-language asides
 * ("四舍五入到分 / half-up to the fen") the reader's.
 */
export function arithmeticForDisplay(text: string, language: "zh-CN" | "en"): string {
  const english = language === "en";
  const asides = text.replace(
    /([\u4e00-\u9fff]+) \/ ([A-Za-z][A-Za-z -]*[A-Za-z])/g,
    (_whole, zh: string, en: string) => (english ? en : zh),
  );
  // An amount: five digits or more, or yuan written with its fen ("6172.84"); never a rate ("0.15") or a percentage.
  const amounts = asides.replace(/(?<![\d.,])(?:\d{5,}(?:\.\d{1,2})?|[1-9]\d*\.\d{2})(?![\d%]|\.\d)/g, (yuan) => {
    const fen = parseYuan(yuan);
    return english ? `${groupedYuan(fen)} yuan` : groupedWan(fen);
  });
  return english ? amounts.replace(/；/g, "; ").replace(/（/g, " (").replace(/）/g, ")").replace(/：/g, ": ") : amounts;
}

/** A rule's parameter as read: "none" as words, an amount of yuan in 万元; else as the plan writes it. */
export function parameterForDisplay(value: unknown, noneText: string): string {
  if (value === null || value === undefined || value === "none") return noneText;
  const text = String(value);
  return /^\d{5,}(\.\d{1,2})?$/.test(text) ? yuanTextForDisplay(text) : text;
}
