import dayjs from "dayjs";
import { useCallback } from "react";
import { useLanguage } from "../i18n/i18n";

const patterns = {
  "zh-CN": { date: "YYYY年M月D日", dateTime: "YYYY年M月D日 HH:mm:ss" },
  en: { date: "YYYY-MM-DD", dateTime: "YYYY-MM-DD HH:mm:ss" },
} as const;

/**
 * Dates as a Chinese reader writes them (2023年4月1日), or in ISO form in English.
 * Accepts an ISO date or timestamp; "—" when absent or unreadable.
 */
export function useDateText(): (value: string | null | undefined, withTime?: boolean) => string {
  const { language } = useLanguage();
  return useCallback(
    (value, withTime = false) => {
      if (!value) return "—";
      const parsed = dayjs(value);
      if (!parsed.isValid()) return value;
      return parsed.format(withTime ? patterns[language].dateTime : patterns[language].date);
    },
    [language],
  );
}
