import { periodLabel } from "@beizeng/domain/notifications/messages";
import { useCallback } from "react";
import { useLanguage } from "../../../shared/i18n/i18n";

/** A task period's label in the chosen language, from its key ("2023-Q4" → 2023年第4季度 / Q4 2023). */
export function usePeriodLabel(): (key: string) => string {
  const { language } = useLanguage();
  return useCallback((key) => periodLabel(key, language), [language]);
}
