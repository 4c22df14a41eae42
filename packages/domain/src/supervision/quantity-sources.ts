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
} as const satisfies Record<string, TaskQuantitySourceWords>;

export type TaskQuantitySourceId = keyof typeof TASK_QUANTITY_SOURCES;

export const TASK_QUANTITY_SOURCE_IDS = Object.keys(TASK_QUANTITY_SOURCES) as [
  TaskQuantitySourceId,
  ...TaskQuantitySourceId[],
];

export function isTaskQuantitySourceId(value: string): value is TaskQuantitySourceId {
  return Object.hasOwn(TASK_QUANTITY_SOURCES, value);
}
