/** Tables of tasks and supervision (S16): tasks, reports, evidence, the webhook setting, bulletins, summons, assessment. */
import type { QuantityUnit, RobotPlatform, TaskCycle, WebhookFormat } from "@beizeng/contract/supervision";
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../../platform/db/common-columns";

export interface TaskTable {
  id: Generated<number>;
  district_id: string;
  /** The plan file's task id this task was seeded from; null for a task the office added. */
  plan_task_id: string | null;
  measure_id: string;
  clause_id: string;
  title: string;
  owner_unit_id: number;
  cycle: TaskCycle;
  /** YYYY-MM-DD: the first and last day the task runs (its reporting periods fall in between). */
  start_date: string;
  end_date: string;
  /** YYYY-MM-DD: the deadline of a one-off task. */
  due_date: string | null;
  quantity_unit: QuantityUnit | null;
  /** Decimal string: the quantity planned per reporting period. */
  quantity_target: string | null;
  note: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type TaskRow = Selectable<TaskTable>;

export interface TaskSharingUnitTable {
  task_id: number;
  unit_id: number;
}

export interface TaskReportTable {
  id: Generated<number>;
  district_id: string;
  task_id: number;
  unit_id: number;
  /** The reporting period: "once", "2022", "2022-Q3" or "2022-07". */
  period: string;
  content: string;
  /** Decimal string: the quantity achieved in the period. */
  quantity: string | null;
  /** A ReportStatus: submitted, or returned (sent back by the office with a reason). */
  status: string;
  submitted_by: number | null;
  submitted_at: Timestamp;
  returned_reason: string | null;
  returned_by: number | null;
  returned_at: Timestamp | null;
}
export type TaskReportRow = Selectable<TaskReportTable>;

export interface ReportAttachmentTable {
  id: Generated<number>;
  district_id: string;
  report_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
}

export interface WebhookSettingsTable {
  district_id: string;
  /** Whose robot: 企业微信, 钉钉 or 飞书 (a RobotPlatform). */
  platform: RobotPlatform;
  url: string;
  /** The robot message type. */
  format: WebhookFormat;
  /** The signing secret DingTalk's 加签 and Feishu's 签名校验 ask for; null when the robot needs none. */
  secret: string | null;
  enabled: Flag;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface BulletinTable {
  id: Generated<number>;
  district_id: string;
  year: number;
  serial: number;
  /** e.g. 昌纪督通〔2023〕3号 */
  number_text: string;
  title: string;
  period_label: string;
  period_start: string;
  period_end: string;
  summary_json: string;
  /** The official document's content (head, body, tail) the .docx was printed from; null before it was kept. */
  document_json: string | null;
  docx: Buffer;
  sha256: string;
  size_bytes: number;
  issued_at: Timestamp;
  issued_by: number | null;
}

export interface SummonsTalkTable {
  id: Generated<number>;
  district_id: string;
  year: number;
  bulletin_id: number | null;
  indicator_id: string;
  unit_id: number;
  talk_date: string;
  held_by: string;
  attendees: string;
  outcome: string;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface AssessmentResultTable {
  id: Generated<number>;
  district_id: string;
  year: number;
  unit_id: number;
  /** Decimal string, two places; null when the unit had nothing to score. */
  score: string | null;
  rank: number | null;
  detail_json: string;
  finalized_at: Timestamp;
  finalized_by: number | null;
}
