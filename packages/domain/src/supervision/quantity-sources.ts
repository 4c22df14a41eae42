/**
 * The records a task's quantity may be computed from (a plan task's `quantityFrom`), instead of the quantity
 * its unit types into a progress report. The ids are the product's words, the same for every district: a
 * capability that keeps such records declares its sources here, with their words and what they count, and
 * registers how each is computed on the server (`registerTaskQuantitySource`, docs/supervision.md). Zod-free,
 * so the web shows the same words.
 */
import type { MeasurementUnit } from "../plan/vocabulary";

/** Each measurement unit in Chinese words, for the server's messages about quantities (the web has its dictionary). */
export const MEASUREMENT_UNIT_ZH: Readonly<Record<MeasurementUnit, string>> = {
  count: "个",
  mu: "亩",
  person: "人",
  event: "次",
  yuan: "元",
  share: "比例",
};

export interface TaskQuantitySourceWords {
  /** What it counts, as the task pages say it, in Chinese and English. */
  zh: string;
  en: string;
  /** The measurement unit of its quantity; a task naming the source must count in the same unit. */
  unit: MeasurementUnit;
}

/** Every source, by id: `<records>.<what is counted>`. A period's quantity is what the records date within it. */
export const TASK_QUANTITY_SOURCES = {
  /** Returning talent recorded in the ledger in the period (the talent ledger, M13). */
  "talent.peopleRecorded": {
    zh: "登记的返乡人才（人才台账）",
    en: "Returning talent recorded (talent ledger)",
    unit: "person",
  },
  /** Job posts enterprises posted in the period (the talent ledger's job posts, M13). */
  "talent.jobsPosted": {
    zh: "采集的企业岗位（岗位信息）",
    en: "Job posts collected (job posts)",
    unit: "count",
  },
  /** Recommendations of returning talent to posts made in the period (the talent ledger, M13). */
  "talent.recommended": {
    zh: "推荐就业的返乡人才人次（推荐记录）",
    en: "Recommendations of returning talent (recommendation records)",
    unit: "person",
  },
  /** Returning talent hired through a recommendation, by the day the hiring was recorded (the talent ledger, M13). */
  "talent.hired": {
    zh: "推荐录用的返乡人才（推荐记录）",
    en: "Returning talent hired through a recommendation (recommendation records)",
    unit: "person",
  },
  /** Parcels recovered from idleness whose recovery date falls in the period: their area, in 亩 (land parcels, M1). */
  "land.idleAreaRecovered": {
    zh: "收回闲置用地面积（地块台账）",
    en: "Idle land recovered (parcel records)",
    unit: "mu",
  },
  /** Zombie-enterprise cases whose disposal was completed in the period (zombie-enterprise records, M1). */
  "zombies.disposed": {
    zh: "处置完成的僵尸企业（僵尸企业台账）",
    en: "Zombie enterprises disposed of (case records)",
    unit: "count",
  },
  /** Entrepreneurs' trainings begun in the period and not cancelled (trainings and salons, M12). */
  "events.trainingsHeld": {
    zh: "举办的企业家培训（培训与沙龙台账）",
    en: "Entrepreneur trainings held (event records)",
    unit: "event",
  },
  /** Entrepreneurs' salons (企业家沙龙) begun in the period and not cancelled (trainings and salons, M12). */
  "events.salonsHeld": {
    zh: "举办的企业家沙龙（培训与沙龙台账）",
    en: "Entrepreneur salons held (event records)",
    unit: "event",
  },
  /** Persons marked present at the trainings begun in the period (trainings and salons, M12). */
  "events.trainingAttendees": {
    zh: "企业家培训出席人次（培训与沙龙台账）",
    en: "Persons present at entrepreneur trainings (event records)",
    unit: "person",
  },
  /** Persons marked present at the salons begun in the period (trainings and salons, M12). */
  "events.salonAttendees": {
    zh: "企业家沙龙出席人次（培训与沙龙台账）",
    en: "Persons present at entrepreneur salons (event records)",
    unit: "person",
  },
  /** Inspections of fees charged to enterprises whose day falls in the period (the fee list, M11). */
  "fees.inspections": {
    zh: "涉企收费监督检查（检查记录）",
    en: "Inspections of fees charged to enterprises (inspection records)",
    unit: "event",
  },
} as const satisfies Record<string, TaskQuantitySourceWords>;

export type TaskQuantitySourceId = keyof typeof TASK_QUANTITY_SOURCES;

export const TASK_QUANTITY_SOURCE_IDS = Object.keys(TASK_QUANTITY_SOURCES) as [
  TaskQuantitySourceId,
  ...TaskQuantitySourceId[],
];

export function isTaskQuantitySourceId(value: string): value is TaskQuantitySourceId {
  return Object.hasOwn(TASK_QUANTITY_SOURCES, value);
}
