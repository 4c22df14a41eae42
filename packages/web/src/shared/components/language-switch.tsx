import { TranslationOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useLanguage, useT } from "../i18n/i18n";

/** Toggles between Chinese and English; the label names the language switched to. */
/** The switch to the other language; `compact` keeps only its icon (a phone's header). */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const target = language === "en" ? "zh-CN" : "en";
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      title={t("language.switch")}
      aria-label={compact ? (target === "en" ? t("language.english") : t("language.chinese")) : undefined}
      lang={target}
      onClick={() => setLanguage(target)}
    >
      {compact ? null : target === "en" ? t("language.english") : t("language.chinese")}
    </Button>
  );
}
