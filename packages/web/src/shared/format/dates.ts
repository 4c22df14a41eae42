import dayjs from "dayjs";
import { useCallback } from "react";
import { useLanguage } from "../i18n/i18n";

export type DatePrecision = "day" | "minute" | "second";

const patterns: Record<"zh-CN" | "en", Record<DatePrecision, string>> = {
  "zh-CN": { day: "YYYY年M月D日", minute: "YYYY年M月D日 HH:mm", second: "YYYY年M月D日 HH:mm:ss" },
  en: { day: "YYYY-MM-DD", minute: "YYYY-MM-DD HH:mm", second: "YYYY-MM-DD HH:mm:ss" },
};

/**
 * Dates as a Chinese reader writes them (2023年4月1日), in ISO form in English; timestamps in local time.
 * Accepts an ISO date or timestamp; "—" when absent, the text itself when unreadable.
 */
export function useDateText(): (value: string | null | undefined, precision?: DatePrecision) => string {
  const { language } = useLanguage();
  return useCallback(
    (value, precision = "day") => {
      if (!value) return "—";
      const parsed = dayjs(value);
      if (!parsed.isValid()) return value;
      return parsed.format(patterns[language][precision]);
    },
    [language],
  );
}
