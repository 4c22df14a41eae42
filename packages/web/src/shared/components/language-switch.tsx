import { TranslationOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useLanguage, useT } from "../i18n/i18n";

/** Toggles between Chinese and English; the label names the language switched to. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const target = language === "en" ? "zh-CN" : "en";
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      title={t("language.switch")}
      lang={target}
      onClick={() => setLanguage(target)}
    >
      {target === "en" ? t("language.english") : t("language.chinese")}
    </Button>
  );
}
