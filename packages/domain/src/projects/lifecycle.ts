/**
 * The life of an investment project: 策划储备 → 招商洽谈 → 签约落地 → 开工建设 → 建成投产.
 * Pure rules: which moves are allowed, what a move changes (the year introduced, the year in
 * production) and whether a project is late against the dates planned for its stages.
 */

export const PROJECT_STAGES = ["planning", "negotiation", "signed", "construction", "production"] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, string>> = {
  planning: "策划储备",
  negotiation: "招商洽谈",
  signed: "签约落地",
  construction: "开工建设",
  production: "建成投产",
};

/** From this stage on a project counts as introduced (引进): the contract is signed. */
export const INTRODUCED_FROM: ProjectStage = "signed";

/** Days late that are still a warning (yellow); later than that is red. */
export const LATE_GRACE_DAYS = 30;

export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

export function isProjectStage(value: unknown): value is ProjectStage {
  return typeof value === "string" && (PROJECT_STAGES as readonly string[]).includes(value);
}

/** A stage's Chinese name; a value that is not a stage is given back as it is. */
export function projectStageLabel(stage: string): string {
  return isProjectStage(stage) ? PROJECT_STAGE_LABELS[stage] : stage;
}

/** A calendar date "YYYY-MM-DD" (the district's own date, no time zone). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The dates of one stage: when it was planned to be reached, and when it was. */
export interface StageDates {
  stage: ProjectStage;
  plannedOn: IsoDate | null;
  reachedOn: IsoDate | null;
}

export type StageMoveProblem =
  | { code: "same"; message: string }
  | { code: "reasonRequired"; message: string }
  | { code: "dateBeforePrevious"; message: string }
  | { code: "dateInFuture"; message: string };

/**
 * Checks a move of a project from `from` to `to`, reached on `reachedOn`. Moving forward may skip
 * stages (a project signed and started the same day); moving back needs a reason. The date may not
 * precede the date the current stage was reached (when moving forward) nor lie in the future.
 */
export function checkStageMove(input: {
  from: ProjectStage;
  to: ProjectStage;
  reachedOn: IsoDate;
  today: IsoDate;
  reason?: string | null;
  /** The date the current stage was reached, if known. */
  currentReachedOn?: IsoDate | null;
}): StageMoveProblem | null {
  const { from, to } = input;
  if (from === to) return { code: "same", message: `项目已处于“${PROJECT_STAGE_LABELS[to]}”阶段` };
  const back = stageIndex(to) < stageIndex(from);
  if (back && !(input.reason ?? "").trim()) {
    return {
      code: "reasonRequired",
      message: `退回到“${PROJECT_STAGE_LABELS[to]}”阶段须填写原因`,
    };
  }
  if (input.reachedOn > input.today) return { code: "dateInFuture", message: `到达日期 ${input.reachedOn} 晚于今天` };
  if (!back && input.currentReachedOn && input.reachedOn < input.currentReachedOn) {
    return {
      code: "dateBeforePrevious",
      message: `到达日期 ${input.reachedOn} 早于进入“${PROJECT_STAGE_LABELS[from]}”阶段的日期 ${input.currentReachedOn}`,
    };
  }
  return null;
}

/** What a move changes on the project and its stage dates. */
export interface StageMoveEffect {
  /** Stages whose reached date is set to the move's date (those skipped over and the new one). */
  reached: ProjectStage[];
  /** Stages whose reached date is cleared (moving back: the stages after the new one). */
  cleared: ProjectStage[];
  introducedYear: number | null;
  productionYear: number | null;
}

/**
 * The effect of moving to `to` on `reachedOn`. The year introduced is the year the project reached
 * 签约落地 (kept when it moves on, cleared when it falls back before signing); the year in
 * production is the year it reached 建成投产 (cleared when it moves back from there). The rewards
 * engine reads the year in production for R-PROJ.
 */
export function stageMoveEffect(input: {
  from: ProjectStage;
  to: ProjectStage;
  reachedOn: IsoDate;
  dates: readonly StageDates[];
  introducedYear: number | null;
  productionYear: number | null;
}): StageMoveEffect {
  const fromIndex = stageIndex(input.from);
  const toIndex = stageIndex(input.to);
  const reachedOnOf = (stage: ProjectStage) => input.dates.find((entry) => entry.stage === stage)?.reachedOn ?? null;
  if (toIndex > fromIndex) {
    const reached = PROJECT_STAGES.slice(fromIndex + 1, toIndex + 1).filter(
      (stage) => stage === input.to || reachedOnOf(stage) === null,
    );
    const signedIndex = stageIndex(INTRODUCED_FROM);
    let introducedYear = input.introducedYear;
    if (fromIndex < signedIndex && toIndex >= signedIndex) introducedYear = yearOf(input.reachedOn);
    else if (fromIndex >= signedIndex && introducedYear === null) {
      introducedYear = yearOf(reachedOnOf(INTRODUCED_FROM) ?? input.reachedOn);
    }
    const productionYear = input.to === "production" ? yearOf(input.reachedOn) : input.productionYear;
    return { reached, cleared: [], introducedYear, productionYear };
  }
  const cleared = PROJECT_STAGES.slice(toIndex + 1);
  return {
    reached: [],
    cleared: [...cleared],
    introducedYear: toIndex < stageIndex(INTRODUCED_FROM) ? null : input.introducedYear,
    productionYear: null,
  };
}

/** green: on time or nothing planned yet; yellow: up to LATE_GRACE_DAYS late; red: later; done: in production. */
export const SCHEDULE_STATUSES = ["green", "yellow", "red", "done"] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export interface ScheduleState {
  status: ScheduleStatus;
  /** The stage that is late (the first not reached whose planned date has passed). */
  lateStage: ProjectStage | null;
  daysLate: number;
}

/**
 * Whether a project in `stage` is behind its plan on `today`: the first stage after the current one
 * whose planned date has passed without being reached decides. Up to LATE_GRACE_DAYS days late is
 * yellow, later red; a project in production is done.
 */
export function scheduleState(stage: ProjectStage, dates: readonly StageDates[], today: IsoDate): ScheduleState {
  if (stage === "production") return { status: "done", lateStage: null, daysLate: 0 };
  let worst: ScheduleState = { status: "green", lateStage: null, daysLate: 0 };
  for (const next of PROJECT_STAGES.slice(stageIndex(stage) + 1)) {
    const plannedOn = dates.find((entry) => entry.stage === next)?.plannedOn ?? null;
    if (plannedOn === null || plannedOn >= today) continue;
    const daysLate = daysBetween(plannedOn, today);
    if (daysLate > worst.daysLate) {
      worst = { status: daysLate > LATE_GRACE_DAYS ? "red" : "yellow", lateStage: next, daysLate };
    }
  }
  return worst;
}
