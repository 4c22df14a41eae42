/**
 * The texts of the notifications the server writes, in Chinese and English. A notification is stored with its
 * message key and parameters (and its Chinese text, for the robot webhook and for readers that know no key); each
 * reader renders it in its own language. Task periods are written as their keys ("2023", "2023-Q4", "2023-07",
 * "once") and rendered per language by periodLabel.
 */

export type NotificationLanguage = "zh-CN" | "en";

/** A parameter's value; for a parameter `x`, an optional `xEn` gives its English value (a unit's English name). */
export type NotificationParams = Record<string, string | number>;

interface Texts {
  title: string;
  body: string;
}

/**
 * Placeholders in braces are parameters; `{period}` is a task period key. `{days|day|days}` chooses the first word
 * when the parameter is 1 and the second otherwise.
 */
const MESSAGES = {
  "task.reminder": {
    "zh-CN": {
      title: "报送提醒：{task}",
      body: "{unit}：{task}（{period}）请于 {deadline} 前报送进度。",
    },
    en: {
      title: "Report due: {task}",
      body: "{unit}: please report progress on {task} ({period}) by {deadline}.",
    },
  },
  "task.overdue.yellow": {
    "zh-CN": {
      title: "黄色预警：{task}",
      body: "{unit}：{task}（{period}）已逾期 {days} 天未报送，期限为 {deadline}。",
    },
    en: {
      title: "Yellow warning: {task}",
      body: "{unit}: the report on {task} ({period}) is {days} {days|day|days} overdue; it was due on {deadline}.",
    },
  },
  "task.overdue.red": {
    "zh-CN": {
      title: "红色预警：{task}",
      body: "{unit}：{task}（{period}）已逾期 {days} 天未报送，期限为 {deadline}。",
    },
    en: {
      title: "Red warning: {task}",
      body: "{unit}: the report on {task} ({period}) is {days} {days|day|days} overdue; it was due on {deadline}.",
    },
  },
  "report.returned": {
    "zh-CN": {
      title: "进度报告被退回：{task}",
      body: "{task}（{period}）的进度报告已被领导小组办公室退回，原因：{reason}。请修改后重新报送。",
    },
    en: {
      title: "Progress report sent back: {task}",
      body: "The leading group office sent back the progress report on {task} ({period}). Reason: {reason}. Please revise it and report again.",
    },
  },
  "request.submitted": {
    "zh-CN": {
      title: "新诉求待交办：{title}",
      body: "{enterprise} 提出诉求（{category}），请交办责任单位。",
    },
    en: {
      title: "New request to assign: {title}",
      body: "{enterprise} filed a request ({category}); please assign it to a responsible unit.",
    },
  },
  "request.assigned": {
    "zh-CN": {
      title: "新交办诉求：{title}",
      body: "{enterprise} 的诉求交由{unit}主办，请于 {deadline} 前答复。",
    },
    en: {
      title: "Request assigned: {title}",
      body: "{enterprise}'s request is assigned to {unit}; please answer by {deadline}.",
    },
  },
  "request.assigned.withCoUnits": {
    "zh-CN": {
      title: "新交办诉求：{title}",
      body: "{enterprise} 的诉求交由{unit}主办，{coUnits}协办，请于 {deadline} 前答复。",
    },
    en: {
      title: "Request assigned: {title}",
      body: "{enterprise}'s request is assigned to {unit}, assisted by {coUnits}; please answer by {deadline}.",
    },
  },
  "request.reopened": {
    "zh-CN": {
      title: "诉求重新交办：{title}",
      body: "{enterprise} 的诉求交由{unit}主办，请于 {deadline} 前答复。",
    },
    en: {
      title: "Request reopened: {title}",
      body: "{enterprise}'s request is assigned again to {unit}; please answer by {deadline}.",
    },
  },
  "request.reopened.withCoUnits": {
    "zh-CN": {
      title: "诉求重新交办：{title}",
      body: "{enterprise} 的诉求交由{unit}主办，{coUnits}协办，请于 {deadline} 前答复。",
    },
    en: {
      title: "Request reopened: {title}",
      body: "{enterprise}'s request is assigned again to {unit}, assisted by {coUnits}; please answer by {deadline}.",
    },
  },
  "request.coUnit": {
    "zh-CN": {
      title: "协办诉求：{title}",
      body: "{enterprise} 的诉求由{unit}主办，贵单位协办，时限 {deadline}。",
    },
    en: {
      title: "Request to assist with: {title}",
      body: "{enterprise}'s request is handled by {unit}; your unit assists. Deadline: {deadline}.",
    },
  },
  "request.instruction": {
    "zh-CN": {
      title: "领导批示：{title}",
      body: "{leader}：{note}",
    },
    en: {
      title: "Leader's instruction: {title}",
      body: "{leader}: {note}",
    },
  },
  "request.unsatisfied": {
    "zh-CN": {
      title: "企业不满意：{title}",
      body: "{enterprise} 对{unit}的答复不满意：{comment}。请决定重新交办或办结。",
    },
    en: {
      title: "Enterprise not satisfied: {title}",
      body: "{enterprise} is not satisfied with the answer of {unit}: {comment}. Please reopen or close the request.",
    },
  },
  "request.overdue.yellow": {
    "zh-CN": {
      title: "诉求黄色预警：{title}",
      body: "{enterprise} 的诉求（{unit}主办）已逾期 {days} 天未答复，时限为 {deadline}。",
    },
    en: {
      title: "Yellow warning on a request: {title}",
      body: "{enterprise}'s request (handled by {unit}) is {days} {days|day|days} overdue without an answer; it was due on {deadline}.",
    },
  },
  "request.overdue.red": {
    "zh-CN": {
      title: "诉求红色预警：{title}",
      body: "{enterprise} 的诉求（{unit}主办）已逾期 {days} 天未答复，时限为 {deadline}。",
    },
    en: {
      title: "Red warning on a request: {title}",
      body: "{enterprise}'s request (handled by {unit}) is {days} {days|day|days} overdue without an answer; it was due on {deadline}.",
    },
  },
  "request.answered": {
    "zh-CN": {
      title: "诉求已答复：{title}",
      body: "{unit}已答复您的诉求，请查看答复并评价。",
    },
    en: {
      title: "Your request is answered: {title}",
      body: "{unit} answered your request; please read the answer and rate it.",
    },
  },
  "request.closedByOffice": {
    "zh-CN": {
      title: "诉求已办结：{title}",
      body: "领导小组办公室已办结您的诉求：{note}",
    },
    en: {
      title: "Your request is closed: {title}",
      body: "The leading group office closed your request: {note}",
    },
  },
  "request.reopenedForEnterprise": {
    "zh-CN": {
      title: "诉求已重新交办：{title}",
      body: "领导小组办公室已将您的诉求重新交由{unit}办理，答复时限为 {deadline}。",
    },
    en: {
      title: "Your request is reopened: {title}",
      body: "The leading group office assigned your request again to {unit}; it is to be answered by {deadline}.",
    },
  },
  "rewards.toConfirm": {
    "zh-CN": {
      title: "{year} 年度奖励待确认",
      body: "您有 {count} 笔 {year} 年度奖励待确认，合计 {amount}。请核对并填写收款账户。",
    },
    en: {
      title: "{year} rewards to confirm",
      body: "You have {count} {count|reward|rewards} for {year} to confirm, {amount} in total. Please check {count|it|them} and give your bank account.",
    },
  },
  "rewards.toConfirm.withUndecided": {
    "zh-CN": {
      title: "{year} 年度奖励待确认",
      body: "您有 {count} 笔 {year} 年度奖励待确认，已定金额合计 {amount}，另有 {undecided} 笔金额待核定。请核对并填写收款账户。",
    },
    en: {
      title: "{year} rewards to confirm",
      body: "You have {count} {count|reward|rewards} for {year} to confirm: {amount} in total for those with an amount, and {undecided} whose amount is still to be decided. Please check them and give your bank account.",
    },
  },
} as const satisfies Record<string, Record<NotificationLanguage, Texts>>;

export type NotificationMessageKey = keyof typeof MESSAGES;

export interface NotificationMessage {
  key: NotificationMessageKey;
  params: NotificationParams;
}

export function isNotificationMessageKey(key: string): key is NotificationMessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** A task period's label: 2023年 / 2023; 2023年第4季度 / Q4 2023; 2023年7月 / Jul 2023; 一次性任务 / One-off. */
export function periodLabel(key: string, language: NotificationLanguage): string {
  const english = language === "en";
  if (key === "once") return english ? "One-off" : "一次性任务";
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return english ? `Q${quarter[2]} ${quarter[1]}` : `${quarter[1]}年第${quarter[2]}季度`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const number = Number(month[2]);
    if (number < 1 || number > 12) return key;
    return english ? `${MONTHS[number - 1]} ${month[1]}` : `${month[1]}年${number}月`;
  }
  if (/^\d{4}$/.test(key)) return english ? key : `${key}年`;
  return key;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function fill(template: string, params: NotificationParams, language: NotificationLanguage): string {
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const english = language === "en" ? params[`${name}En`] : undefined;
      const value = english === undefined || english === "" ? params[name] : english;
      return name === "period" ? periodLabel(String(value), language) : String(value);
    });
}

/** A message's title and body in a language; undefined for a key this version does not know. */
export function renderNotification(
  message: { key: string; params: NotificationParams },
  language: NotificationLanguage,
): Texts | undefined {
  if (!isNotificationMessageKey(message.key)) return undefined;
  const texts: Texts = MESSAGES[message.key][language];
  return { title: fill(texts.title, message.params, language), body: fill(texts.body, message.params, language) };
}
