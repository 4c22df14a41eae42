/**
 * The life of the demo projects: the date each stage was planned and reached, the moves that led to the stage
 * (one project fell back from 签约落地 and was signed again), a few open problems (项目直通车) and the leader's
 * decisions.
 *
 * Reached dates follow the projects' years (signed in the year introduced, in production in the production
 * year). The dates still ahead of a project are placed relative to the load date, because lateness is measured
 * against the real date: two projects are a little late (yellow), three more than 30 days late (red), the rest
 * on time.
 */
import {
  PROJECT_STAGES,
  type ProjectStage,
  type StageDates,
  stageIndex,
  stageMoveEffect,
} from "@beizeng/domain/projects/lifecycle";
import { addDays, dateInYear, earlierOf, laterOf } from "./dates";
import type {
  BlockerCategory,
  DemoBlocker,
  DemoDecision,
  DemoProject,
  DemoProjectSchedule,
  DemoStageDate,
  DemoStageMove,
} from "./generate";
import type { SeededRandom } from "./random";

/** The demo's data end in 2023: no stage of the register's history is reached after this date. */
const LAST_HISTORY_DATE = "2023-12-20";

const FALLBACK_REASON = "投资方调整产品方案和投资规模，原协议终止，重新洽谈后签订补充协议";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The moves of a project, oldest first, ending in its stage; `fallsBack` inserts a fall back before signing. */
function movesOf(random: SeededRandom, project: DemoProject, fallsBack: boolean): DemoStageMove[] {
  const target = stageIndex(project.stage);
  const reached = new Map<ProjectStage, string>();
  if (project.introducedYear !== null) {
    const sameYear = project.productionYear === project.introducedYear;
    const signed = dateInYear(random, project.introducedYear, sameYear ? 1 : 2, sameYear ? 3 : 10);
    reached.set("signed", signed);
    if (project.productionYear !== null) {
      const production = dateInYear(random, project.productionYear, sameYear ? 9 : 3, 12);
      const span = Math.max(60, daysBetween(signed, production));
      reached.set("construction", addDays(signed, random.int(Math.floor(span * 0.1), Math.floor(span * 0.5))));
      reached.set("production", laterOf(production, addDays(signed, 60)));
    } else if (target >= stageIndex("construction")) {
      reached.set("construction", earlierOf(addDays(signed, random.int(30, 240)), LAST_HISTORY_DATE));
    }
  } else {
    const planning = dateInYear(random, random.pick([2022, 2023]), 1, 9);
    reached.set("planning", planning);
    reached.set("negotiation", earlierOf(addDays(planning, random.int(30, 150)), LAST_HISTORY_DATE));
  }

  const moves: DemoStageMove[] = [];
  const signed = reached.get("signed");
  const firstSigned = signed && fallsBack ? addDays(signed, -random.int(90, 150)) : signed;
  if (firstSigned) {
    const negotiation = addDays(firstSigned, -random.int(20, 80));
    reached.set("negotiation", negotiation);
    reached.set("planning", addDays(negotiation, -random.int(40, 200)));
  }
  let previous: ProjectStage | null = null;
  for (const stage of PROJECT_STAGES.slice(0, target + 1)) {
    const reachedOn = stage === "signed" && firstSigned ? firstSigned : reached.get(stage)!;
    moves.push({ fromStage: previous, toStage: stage, reachedOn, reason: null });
    previous = stage;
    if (stage === "signed" && fallsBack && signed && firstSigned) {
      moves.push({
        fromStage: "signed",
        toStage: "negotiation",
        reachedOn: addDays(firstSigned, random.int(20, 45)),
        reason: FALLBACK_REASON,
      });
      moves.push({ fromStage: "negotiation", toStage: "signed", reachedOn: signed, reason: null });
    }
  }
  return moves;
}

/** Replays the moves with the domain's own rules: the stage dates and years they leave behind. */
export function replayMoves(moves: readonly DemoStageMove[]) {
  const dates: StageDates[] = PROJECT_STAGES.map((stage) => ({ stage, plannedOn: null, reachedOn: null }));
  let introducedYear: number | null = null;
  let productionYear: number | null = null;
  let stage: ProjectStage | null = null;
  for (const move of moves) {
    if (stage === null) {
      dates.find((entry) => entry.stage === move.toStage)!.reachedOn = move.reachedOn;
    } else {
      const effect = stageMoveEffect({
        from: stage,
        to: move.toStage,
        reachedOn: move.reachedOn,
        dates,
        introducedYear,
        productionYear,
      });
      for (const entry of dates) {
        if (effect.reached.includes(entry.stage)) entry.reachedOn = move.reachedOn;
        if (effect.cleared.includes(entry.stage)) entry.reachedOn = null;
      }
      introducedYear = effect.introducedYear;
      productionYear = effect.productionYear;
    }
    stage = move.toStage;
  }
  return { stage, dates, introducedYear, productionYear };
}

type Lateness = "green" | "yellow" | "red";

/** The first planned date ahead of a project: passed a little (yellow), passed long ago (red), or ahead. */
function nextPlannedDate(random: SeededRandom, lateness: Lateness, today: string): string {
  if (lateness === "yellow") return addDays(today, -random.int(3, 25));
  if (lateness === "red") return addDays(today, -random.int(45, 150));
  return addDays(today, random.int(15, 300));
}

/** Stage dates and moves of every project. */
export function makeProjectSchedules(
  random: SeededRandom,
  projects: readonly DemoProject[],
  today: string,
): DemoProjectSchedule[] {
  const running = random.shuffled(projects.filter((p) => p.stage !== "production"));
  const lateness = new Map<string, Lateness>();
  running.forEach((project, index) => {
    lateness.set(project.code, index < 2 ? "yellow" : index < 5 ? "red" : "green");
  });
  const fallsBack = new Set(
    [
      projects.find((p) => p.stage === "signed" && p.introducedYear === 2022),
      projects.find((p) => p.stage === "construction" && p.introducedYear === 2022),
    ].flatMap((p) => (p ? [p.code] : [])),
  );

  return projects.map((project) => {
    const moves = movesOf(random, project, fallsBack.has(project.code));
    const { dates } = replayMoves(moves);
    const current = stageIndex(project.stage);
    let planned: string | null = null;
    const withPlans: DemoStageDate[] = dates.map((entry, index) => {
      if (index === 0) return { stage: entry.stage, plannedOn: null, reachedOn: entry.reachedOn };
      if (index <= current) {
        // Reached stages keep the date that was planned for them: most a little late, some early; in order.
        const drawn = addDays(entry.reachedOn!, random.int(-45, 20));
        planned = planned === null ? drawn : laterOf(drawn, addDays(planned, 7));
        return { stage: entry.stage, plannedOn: planned, reachedOn: entry.reachedOn };
      }
      planned =
        index === current + 1
          ? nextPlannedDate(random, lateness.get(project.code) ?? "green", today)
          : addDays(planned!, random.int(90, 270));
      return { stage: entry.stage, plannedOn: planned, reachedOn: null };
    });
    return { projectCode: project.code, dates: withPlans, moves };
  });
}

interface BlockerTemplate {
  category: BlockerCategory;
  unitName: string;
  description: string;
  raisedDaysAgo: number;
  /** Days from the load date to the due date (negative: already due). */
  dueInDays: number;
  status: DemoBlocker["status"];
  answer?: string;
  answeredDaysAgo?: number;
  closedDaysAgo?: number;
}

const BLOCKERS: readonly BlockerTemplate[] = [
  {
    category: "utilities",
    unitName: "区工信局",
    description: "110千伏专用变电站接入工程滞后，生产设备无法带电调试，请协调供电公司加快施工。",
    raisedDaysAgo: 40,
    dueInDays: -6,
    status: "open",
  },
  {
    category: "land",
    unitName: "市自然资源和规划局昌江分局",
    description: "二期用地约 86 亩尚未完成农用地转用报批，影响二期厂房开工。",
    raisedDaysAgo: 21,
    dueInDays: 9,
    status: "open",
  },
  {
    category: "financing",
    unitName: "区金融办",
    description: "项目贷款授信 1.2 亿元尚差 4000 万元，请协调合作银行加快审批。",
    raisedDaysAgo: 33,
    dueInDays: -12,
    status: "open",
  },
  {
    category: "approval",
    unitName: "昌江生态环境局",
    description: "环境影响报告书已报送，批复前无法开工建设，请明确审批时限。",
    raisedDaysAgo: 12,
    dueInDays: 18,
    status: "open",
  },
  {
    category: "approval",
    unitName: "区行政服务中心",
    description: "施工许可证需多部门并联审批，请明确办理流程和时限。",
    raisedDaysAgo: 70,
    dueInDays: -40,
    status: "answered",
    answer: "已开通并联审批绿色通道，资料齐全后 5 个工作日内办结，专人全程代办。",
    answeredDaysAgo: 48,
  },
  {
    category: "utilities",
    unitName: "区发改委",
    description: "厂区天然气管道尚未接驳，影响窑炉点火试生产。",
    raisedDaysAgo: 120,
    dueInDays: -90,
    status: "closed",
    answer: "已协调燃气公司完成管道接驳并通气，窑炉已点火。",
    answeredDaysAgo: 100,
    closedDaysAgo: 96,
  },
];

/**
 * Problems on the projects being signed or built, raised by 区商务局: four open (two past their due date), one
 * answered, one closed. A problem whose unit is not in the plan is left out.
 */
export function makeBlockers(
  projects: readonly DemoProject[],
  today: string,
  unitCodeOf: (name: string) => string | null,
): DemoBlocker[] {
  const building = projects.filter((p) => p.stage === "construction" || p.stage === "signed");
  return BLOCKERS.flatMap((template, index) => {
    const project = building[index];
    const unitCode = unitCodeOf(template.unitName);
    if (!project || !unitCode) return [];
    return [
      {
        projectCode: project.code,
        category: template.category,
        description: template.description,
        unitCode,
        raisedOn: addDays(today, -template.raisedDaysAgo),
        raisedByUsername: "demo-unit",
        dueOn: addDays(today, template.dueInDays),
        status: template.status,
        answer: template.answer ?? null,
        answeredOn: template.answeredDaysAgo === undefined ? null : addDays(today, -template.answeredDaysAgo),
        closedOn: template.closedDaysAgo === undefined ? null : addDays(today, -template.closedDaysAgo),
      },
    ];
  });
}

const DECISIONS = [
  { daysAgo: 15, text: "请区重点项目推进中心每周调度一次，倒排工期，确保主体厂房按期封顶。" },
  { daysAgo: 52, text: "同意列入区级重点项目，由区发改委协调解决用能指标，区工信局做好设备进场服务。" },
] as const;

/** Two decisions of the leader on projects assigned to them that are being built or signed. */
export function makeDecisions(projects: readonly DemoProject[], today: string): DemoDecision[] {
  const assigned = projects.filter(
    (p) => p.leaderUsername !== null && (p.stage === "construction" || p.stage === "signed"),
  );
  return DECISIONS.flatMap((decision, index) => {
    const project = assigned[index];
    if (!project) return [];
    return [
      {
        projectCode: project.code,
        leaderUsername: project.leaderUsername!,
        decidedOn: addDays(today, -decision.daysAgo),
        text: decision.text,
      },
    ];
  });
}
