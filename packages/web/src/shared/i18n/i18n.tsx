import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setMoneyLanguage } from "../format/numbers";
import { dictionaries, type MessageKey } from "./dictionary";

export type Language = "zh-CN" | "en";

const storageKey = "beizeng.language";

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === "en" || stored === "zh-CN") return stored;
  } catch {
    // Storage may be unavailable (private mode); Chinese is the default.
  }
  return "zh-CN";
}

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * Looks a message up and fills its {placeholders}. English plurals are written {count|project|projects}:
 * the first word when the value is 1, the second otherwise.
 */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const template = dictionaries[language][key] ?? dictionaries["zh-CN"][key] ?? key;
  if (!values) return template;
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in values ? (Number(values[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const stored = readStoredLanguage();
    setMoneyLanguage(stored);
    return stored;
  });

  const setLanguage = useCallback((next: Language) => {
    // Amounts are formatted outside React: the new language must hold before the pages render again.
    setMoneyLanguage(next);
    setLanguageState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered: the choice still applies to this page.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    dayjs.locale(language === "en" ? "en" : "zh-cn");
    document.title = translate(language, "app.documentTitle");
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage must be used inside LanguageProvider");
  return state;
}

/** The translation function for the chosen language. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>((key, values) => translate(language, key, values), [language]);
}

/**
 * Chooses between a record's Chinese text and its English counterpart (plan data carries both);
 * falls back to Chinese where no English exists.
 */
export function useLocalizedText(): (chinese: string, english?: string | null) => string {
  const { language } = useLanguage();
  return useCallback((chinese, english) => (language === "en" && english ? english : chinese), [language]);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries["zh-CN"], key);
}

/** Translates a code from the data (a metric, a stage) when the dictionary knows it; shows the code otherwise. */
export function useCodeLabel(): (prefix: string, code: string | null | undefined) => string {
  const t = useT();
  return useCallback(
    (prefix, code) => {
      if (code === null || code === undefined || code === "") return "—";
      const key = `${prefix}.${code}`;
      return isMessageKey(key) ? t(key) : code;
    },
    [t],
  );
}
