/** The texts of the welcome page, in Chinese first and English second; shared/i18n/dictionary.ts gathers them. */
export const zhCN = {
  "home.welcome": "欢迎，{name}",
  "home.roleLine": "当前身份：{role}",
  "home.activePlan": "当前行动计划：{title}",
  "home.shortcuts": "常用入口",
} satisfies Record<string, string>;

export const en: Record<keyof typeof zhCN, string> = {
  "home.welcome": "Welcome, {name}",
  "home.roleLine": "Signed in as: {role}",
  "home.activePlan": "Active plan: {title}",
  "home.shortcuts": "Shortcuts",
};
