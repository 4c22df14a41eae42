import { Space, Tag, Tooltip } from "antd";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import type { MatchReason, Place } from "../api/talent-api";

/** The dictionary key of a vocabulary word (tal.education.bachelor, tal.outcome.hired …). */
export function talentLabel(prefix: "tal.education" | "tal.outcome" | "tal.postStatus", value: string): MessageKey {
  return `${prefix}.${value}` as MessageKey;
}

/** A place's name in the reader's language. */
export function usePlaceName(): (place: Place | null) => string {
  const localized = useLocalizedText();
  const t = useT();
  return (place) => (place === null ? t("tal.anywhere") : localized(place.name, place.nameEn));
}

/** Whole yuan with separators: 6,500. */
export function useYuan(): (yuan: number) => string {
  const { language } = useLanguage();
  return (yuan) => yuan.toLocaleString(language === "en" ? "en-US" : "zh-CN");
}

/** Why a pair matches: one tag per reason, with its points. */
export function MatchReasons({ reasons, payBelowWish }: { reasons: MatchReason[]; payBelowWish: boolean }) {
  const t = useT();
  const yuan = useYuan();
  const text = (reason: MatchReason): string => {
    switch (reason.kind) {
      case "skills":
        return t("tal.reason.skills", {
          matched: reason.matched.length,
          asked: reason.asked,
          skills: reason.matched.join("、"),
        });
      case "sameTown":
        return t("tal.reason.sameTown");
      case "wishedPlace":
        return t("tal.reason.wishedPlace");
      case "wishedWork":
        return t("tal.reason.wishedWork", { word: reason.word });
      case "pay":
        return reason.wished === null
          ? t("tal.reason.payNoWish")
          : t("tal.reason.pay", { wished: yuan(reason.wished) });
    }
  };
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((reason) => (
        <Tooltip key={reason.kind} title={t("tal.points", { points: reason.points })}>
          <Tag color={reason.kind === "skills" ? "blue" : reason.kind === "pay" ? "green" : "purple"}>
            {text(reason)} {t("tal.points", { points: reason.points })}
          </Tag>
        </Tooltip>
      ))}
      {payBelowWish ? <Tag color="orange">{t("tal.payBelowWish")}</Tag> : null}
    </Space>
  );
}
