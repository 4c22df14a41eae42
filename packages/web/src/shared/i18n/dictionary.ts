import * as apiDocs from "../../features/api-docs/api-docs.dictionary";
import * as audit from "../../features/audit/audit.dictionary";
import * as auth from "../../features/auth/auth.dictionary";
import * as board from "../../features/board/board.dictionary";
import * as calendar from "../../features/calendar/calendar.dictionary";
import * as dashboard from "../../features/dashboard/dashboard.dictionary";
import * as enterprises from "../../features/enterprises/enterprises.dictionary";
import * as events from "../../features/events/events.dictionary";
import * as fees from "../../features/fees/fees.dictionary";
import * as home from "../../features/home/home.dictionary";
import * as imports from "../../features/imports/imports.dictionary";
import * as land from "../../features/land/land.dictionary";
import * as plan from "../../features/plan/plan.dictionary";
import * as projects from "../../features/projects/projects.dictionary";
import * as region from "../../features/region/region.dictionary";
import * as requests from "../../features/requests/requests.dictionary";
import * as rewards from "../../features/rewards/rewards.dictionary";
import * as rules from "../../features/rules/rules.dictionary";
import * as scenarios from "../../features/scenarios/scenarios.dictionary";
import * as supervision from "../../features/supervision/supervision.dictionary";
import * as talent from "../../features/talent/talent.dictionary";
import * as targets from "../../features/targets/targets.dictionary";
import * as tasks from "../../features/tasks/tasks.dictionary";
import * as units from "../../features/units/units.dictionary";
import * as users from "../../features/users/users.dictionary";
import * as common from "./common.dictionary";

/**
 * Every string the interface shows, in Chinese first and English second: the texts many pages share in
 * common.dictionary.ts here, each feature's beside it in features/<feature>/<feature>.dictionary.ts, every prefix of
 * keys in one file. Placeholders in braces ({name}) are filled by translate().
 */
export const dictionaryParts = {
  common,
  apiDocs,
  audit,
  auth,
  board,
  calendar,
  dashboard,
  enterprises,
  fees,
  land,
  events,
  home,
  imports,
  plan,
  projects,
  region,
  requests,
  rewards,
  rules,
  scenarios,
  supervision,
  talent,
  targets,
  tasks,
  units,
  users,
};

export const zhCN = {
  ...common.zhCN,
  ...apiDocs.zhCN,
  ...audit.zhCN,
  ...auth.zhCN,
  ...board.zhCN,
  ...calendar.zhCN,
  ...dashboard.zhCN,
  ...enterprises.zhCN,
  ...fees.zhCN,
  ...land.zhCN,
  ...events.zhCN,
  ...home.zhCN,
  ...imports.zhCN,
  ...plan.zhCN,
  ...projects.zhCN,
  ...region.zhCN,
  ...requests.zhCN,
  ...rewards.zhCN,
  ...rules.zhCN,
  ...scenarios.zhCN,
  ...supervision.zhCN,
  ...talent.zhCN,
  ...targets.zhCN,
  ...tasks.zhCN,
  ...units.zhCN,
  ...users.zhCN,
};

export type MessageKey = keyof typeof zhCN;

export const en: Record<MessageKey, string> = {
  ...common.en,
  ...apiDocs.en,
  ...audit.en,
  ...auth.en,
  ...board.en,
  ...calendar.en,
  ...dashboard.en,
  ...enterprises.en,
  ...fees.en,
  ...land.en,
  ...events.en,
  ...home.en,
  ...imports.en,
  ...plan.en,
  ...projects.en,
  ...region.en,
  ...requests.en,
  ...rewards.en,
  ...rules.en,
  ...scenarios.en,
  ...supervision.en,
  ...talent.en,
  ...targets.en,
  ...tasks.en,
  ...units.en,
  ...users.en,
};

type Parts = typeof dictionaryParts;
type KeysOf<Part extends keyof Parts> = keyof Parts[Part]["zhCN"];
/** The keys defined in more than one file (never, as it must be). */
export type KeysInTwoFiles = {
  [Part in keyof Parts]: { [Other in Exclude<keyof Parts, Part>]: KeysOf<Part> & KeysOf<Other> }[Exclude<
    keyof Parts,
    Part
  >];
}[keyof Parts];
// A key in two files would silently show the later file's text: this fails to compile, naming the key.
export const eachKeyInOneFile: [KeysInTwoFiles] extends [never] ? true : KeysInTwoFiles = true;

export const dictionaries: Record<"zh-CN" | "en", Record<MessageKey, string>> = { "zh-CN": zhCN, en };
