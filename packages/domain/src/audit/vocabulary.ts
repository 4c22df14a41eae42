/**
 * The words of the audit log: what was done (an entry's action) and to what (its entity type), each in Chinese and
 * English. The server writes them into the log's export and the web shows them on the log's page; declared once,
 * without zod, so both read the same words. An action or type recorded anywhere must be named here
 * (`capabilities/audit/audit-vocabulary.test.ts` reads the server's sources for them).
 */

export interface AuditWord {
  zh: string;
  en: string;
}

/** What an entry records was done. */
export const AUDIT_ACTIONS = {
  accept: { zh: "受理", en: "Accept" },
  activate: { zh: "激活账号", en: "Activate account" },
  activation_issue: { zh: "发放激活码", en: "Issue activation code" },
  answer: { zh: "答复", en: "Answer" },
  approve: { zh: "审批通过", en: "Approve" },
  assign: { zh: "交办", en: "Assign" },
  attach: { zh: "添加附件", en: "Attach a file" },
  cancel: { zh: "取消", en: "Cancel" },
  close: { zh: "办结", en: "Close" },
  compute: { zh: "测算", en: "Compute" },
  confirm: { zh: "确认", en: "Confirm" },
  create: { zh: "新建", en: "Create" },
  decline: { zh: "不予受理", en: "Decline" },
  decline_invitation: { zh: "谢绝邀请", en: "Decline an invitation" },
  delete: { zh: "删除", en: "Delete" },
  detach: { zh: "删除附件", en: "Remove a file" },
  dismiss: { zh: "驳回", en: "Dismiss" },
  dismissObjection: { zh: "驳回异议", en: "Dismiss objection" },
  dispose: { zh: "处置", en: "Dispose of" },
  enterprise_accounts_create: { zh: "批量开通企业账号", en: "Create enterprise accounts" },
  finalize: { zh: "定稿", en: "Finalize" },
  import: { zh: "导入", en: "Import" },
  instruct: { zh: "批示", en: "Instruction" },
  issue: { zh: "印发", en: "Issue" },
  load: { zh: "载入计划", en: "Load plan" },
  login: { zh: "登录", en: "Sign in" },
  login_unlock: { zh: "解除登录限制", en: "Clear login restrictions" },
  logout: { zh: "退出", en: "Sign out" },
  note: { zh: "记录进展", en: "Progress note" },
  object: { zh: "提出异议", en: "Raise an objection" },
  password_change: { zh: "修改密码", en: "Change password" },
  password_reset: { zh: "重置密码", en: "Reset password" },
  pay: { zh: "兑付", en: "Pay" },
  publish: { zh: "发布", en: "Publish" },
  rate: { zh: "评价", en: "Rate" },
  recompute: { zh: "重新测算", en: "Recompute" },
  recover: { zh: "追回", en: "Recover" },
  refinalize: { zh: "重新定稿", en: "Finalize again" },
  region_cover: { zh: "纳入区域", en: "Add to a region" },
  region_uncover: { zh: "移出区域", en: "Remove from a region" },
  region_view: { zh: "切换查看区县", en: "View a district of the region" },
  reject: { zh: "驳回", en: "Reject" },
  reopen: { zh: "重新交办", en: "Reassign" },
  retire: { zh: "停用", en: "Retire" },
  return: { zh: "退回", en: "Send back" },
  reveal: { zh: "查看完整个人信息", en: "Read personal data in full" },
  review: { zh: "审核", en: "Review" },
  rule_out: { zh: "排除", en: "Rule out" },
  seed: { zh: "生成", en: "Generate" },
  stage_move: { zh: "阶段变更", en: "Move stage" },
  start: { zh: "开始", en: "Start" },
  status_step: { zh: "状态变更", en: "Status change" },
  submit: { zh: "提交", en: "Submit" },
  update: { zh: "修改", en: "Update" },
  uphold: { zh: "异议成立", en: "Uphold objection" },
} as const satisfies Record<string, AuditWord>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** What kind of record an entry is about. */
export const AUDIT_ENTITY_TYPES = {
  account_activation: { zh: "账号激活", en: "account activation" },
  assessment: { zh: "年终考核", en: "year-end assessment" },
  bulletin: { zh: "督查通报", en: "supervision bulletin" },
  dashboard_settings: { zh: "看板设置（已报企业比例门槛）", en: "dashboard settings (share of enterprises reported)" },
  declared_fact_value: { zh: "计划数据项", en: "plan data item" },
  district: { zh: "区县", en: "district" },
  district_investment_year: { zh: "全社会固定资产投资", en: "district fixed-asset investment" },
  enterprise: { zh: "企业", en: "enterprise" },
  enterprise_chain_role: { zh: "链主型、骨干型企业认定", en: "chain leader or backbone designation" },
  enterprise_designation: { zh: "企业认定", en: "enterprise designation" },
  enterprise_event: { zh: "企业事件", en: "enterprise event" },
  enterprise_grant: { zh: "企业获得的奖补", en: "enterprise grant" },
  enterprise_listing_event: { zh: "上市进程", en: "listing step" },
  enterprise_profile: { zh: "企业联系信息", en: "enterprise contact details" },
  enterprise_request: { zh: "企业诉求", en: "enterprise request" },
  enterprise_scale_year: { zh: "规上状态", en: "above-scale status" },
  enterprise_service_note: { zh: "走访记录", en: "visit note" },
  enterprises: { zh: "企业名录", en: "enterprise register" },
  entrepreneur_event: { zh: "企业家培训与沙龙", en: "entrepreneurs' training or salon" },
  event_attendance: { zh: "活动出席登记", en: "event attendance" },
  event_feedback: { zh: "活动评价", en: "event feedback" },
  event_invitation: { zh: "活动邀请", en: "event invitation" },
  event_registration: { zh: "活动报名", en: "event registration" },
  fee_complaint: { zh: "收费投诉", en: "fee complaint" },
  fee_inspection: { zh: "收费监督检查", en: "fee inspection" },
  fee_item: { zh: "收费项目", en: "fee item" },
  fee_list: { zh: "涉企收费清单", en: "list of fees" },
  figure: { zh: "经营数据", en: "figure" },
  figures: { zh: "经营数据", en: "figures" },
  job_post: { zh: "企业岗位", en: "job post" },
  land_parcel: { zh: "平台地块", en: "platform land parcel" },
  monitoring_settings: { zh: "监测预警设置", en: "monitoring settings" },
  official_calendar_day: { zh: "节假日安排（日期）", en: "official calendar (day)" },
  official_calendar_year: { zh: "节假日安排（年度）", en: "official calendar (year)" },
  online_service_items: { zh: "涉企服务事项", en: "online service items" },
  plan: { zh: "行动计划", en: "plan" },
  project: { zh: "项目", en: "project" },
  project_blocker: { zh: "项目问题", en: "project issue" },
  project_decision: { zh: "领导批示", en: "leader's decision" },
  public_board: { zh: "公开目标看板", en: "public board" },
  region: { zh: "区域", en: "region" },
  reward_batch: { zh: "奖励计算批次", en: "reward batch" },
  reward_budget: { zh: "奖励预算", en: "reward budget" },
  reward_correction: { zh: "奖励更正", en: "reward correction" },
  reward_entitlement: { zh: "奖励兑现", en: "reward entitlement" },
  reward_notice: { zh: "奖励通知", en: "reward notice" },
  reward_objection: { zh: "公示异议", en: "objection to a publicity" },
  reward_publicity: { zh: "奖励公示", en: "reward publicity" },
  reward_scenario: { zh: "政策测算方案", en: "policy simulation scenario" },
  rule_pages: { zh: "公开奖励规则页", en: "public reward rule pages" },
  service_day: { zh: "企业服务日", en: "enterprise service day" },
  session: { zh: "登录会话", en: "session" },
  summons_talk: { zh: "约谈", en: "summons talk" },
  talent_ledger: { zh: "返乡人才台账", en: "talent ledger" },
  talent_person: { zh: "返乡人才", en: "returning talent" },
  talent_recommendation: { zh: "岗位推荐", en: "job recommendation" },
  task: { zh: "任务", en: "task" },
  task_report: { zh: "任务报送", en: "task report" },
  task_reports: { zh: "进展报告", en: "progress reports" },
  tasks: { zh: "任务", en: "tasks" },
  tech_project: { zh: "科技项目", en: "technology project" },
  unit: { zh: "单位", en: "unit" },
  user: { zh: "账号", en: "account" },
  webhook_settings: { zh: "通知机器人设置", en: "notification robot settings" },
  zombie_case: { zh: "僵尸企业认定", en: "zombie enterprise case" },
  zombie_criteria: { zh: "僵尸企业认定标准", en: "zombie enterprise criteria" },
} as const satisfies Record<string, AuditWord>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

export function isAuditEntityType(code: string): code is AuditEntityType {
  return Object.hasOwn(AUDIT_ENTITY_TYPES, code);
}

/**
 * An action in a language. One the vocabulary lacks (recorded by an older release) is said to be other, its code
 * kept in brackets so the entry stays traceable.
 */
export function auditActionLabel(code: string, language: keyof AuditWord = "zh"): string {
  if (isAuditAction(code)) return AUDIT_ACTIONS[code][language];
  return language === "zh" ? `其他操作（${code}）` : `Other action (${code})`;
}

/** An entity type in a language; one the vocabulary lacks is said to be other, as for actions. */
export function auditEntityLabel(code: string, language: keyof AuditWord = "zh"): string {
  if (isAuditEntityType(code)) return AUDIT_ENTITY_TYPES[code][language];
  return language === "zh" ? `其他记录（${code}）` : `Other record (${code})`;
}

/** The actors that are not accounts: the server itself, the command line (`cli` or `cli:<name>`), an import run. */
export const AUDIT_SYSTEM_ACTORS = {
  system: { zh: "系统", en: "System" },
  cli: { zh: "命令行", en: "Command line" },
  import: { zh: "数据导入", en: "Data import" },
} as const satisfies Record<string, AuditWord>;

/**
 * Who an entry names as its actor when no account is known: a system actor in words, the command line with the
 * name it was run under, any other label (an account's username, the demo's Chinese label) as recorded.
 */
export function auditActorLabel(label: string, language: keyof AuditWord = "zh"): string {
  const [head, name] = label.split(/:(.*)/s, 2);
  if (head !== undefined && Object.hasOwn(AUDIT_SYSTEM_ACTORS, head)) {
    const word = AUDIT_SYSTEM_ACTORS[head as keyof typeof AUDIT_SYSTEM_ACTORS][language];
    return name ? `${word}（${name}）` : word;
  }
  return label;
}
