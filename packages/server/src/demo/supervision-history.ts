/**
 * The supervision the demo district lived through 2021–2023: the plan's tasks seeded by the tasks service, the
 * three-year one-off tasks given the plan's end as their due date by the office, the units' progress reports of
 * every period (most on time, some late, a few sent back and refiled, some periods never reported), the
 * commission's bulletin of 2023's fourth quarter and one summons talk with a unit ranked last.
 *
 * Today (2026) is long after the plan's end, so every period is past its deadline: a task with a period never
 * reported is red (more than RED_AFTER_DAYS overdue), one whose reports add up to 80–99 % of its planned quantity
 * is yellow, the rest green.
 *
 * Runs inside the demo's load transaction; the reports are written with their historic dates (the reports
 * service stamps "now") and audited per task as 演示数据.
 */

import type { TaskRow } from "../capabilities/supervision/index";
import {
  findTasks,
  insertReport,
  issueBulletin,
  type Period,
  periodsOf,
  recordSummonsTalk,
  seedTasksFromPlan,
  supervisionFigures,
  updateTask,
} from "../capabilities/supervision/index";
import { listUnitRows } from "../capabilities/units/index";
import { type Actor, recordAudit } from "../platform/audit/audit.service";
import type { AuthUser } from "../platform/auth/auth.service";
import type { DbContext } from "../platform/db/database";
import { addDays, laterOf, timestampOn } from "./dates";
import { insertDemoRows } from "./demo-data.repository";
import type { SeededRandom } from "./random";

/** One-off tasks the plan gives three years: the office moved their due date to the plan's end. */
const THREE_YEAR_TASKS = [
  "M2-projects-50",
  "M2-industrial-projects",
  "M7-equity-display",
  "M7-shareholding-reform",
] as const;

/** Periods a unit never reported (the task stays red). A task named with "*" was never reported at all. */
const MISSED_PERIODS: Readonly<Record<string, readonly string[] | "*">> = {
  // Left open on purpose: 区商务局's demo account has a period to report.
  "M2-investment-team": "*",
  "M1-idle-land": ["2023-Q2", "2023-Q3"],
  "M1-utilities": ["2022-Q4"],
  "M5-project-progress": ["2021-08"],
  "M12-salon": ["2022-Q1"],
  "M13-job-posts": ["2023-Q3", "2023-Q4"],
};
/** A copy of a multi-lead task missed by one lead unit only. */
const MISSED_BY_UNIT: readonly { planTaskId: string; unitCode: string; periods: readonly string[] }[] = [
  { planTaskId: "M10-monitoring", unitCode: "development-reform-commission", periods: ["2023-02"] },
];

/** Quantities of the tasks with a planned quantity, period by period (80–99 % of the plan turns them yellow). */
const PLANNED_TASK_QUANTITIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "M2-projects-20": { "2021": "2", "2022": "2", "2023": "1" },
  "M2-projects-50": { once: "1" },
  "M2-industrial-projects": { once: "16" },
  "M7-equity-display": { once: "19" },
  "M7-shareholding-reform": { once: "5" },
};

/** Reports the office sent back; `refiled: false` leaves the period unreported (red). */
const RETURNED: readonly { planTaskId: string; period: string; reason: string; refiled: boolean }[] = [
  {
    planTaskId: "M3-reserve-pool",
    period: "2022-Q2",
    reason: "后备企业名单未附营业收入台账，请补充后重新报送",
    refiled: true,
  },
  {
    planTaskId: "M10-service-day",
    period: "2022-Q3",
    reason: "缺少活动签到表和现场照片，请补充佐证材料",
    refiled: true,
  },
  {
    planTaskId: "M8-tech-projects",
    period: "2023-Q1",
    reason: "入库项目数与技改项目库不一致，请核对后重新报送",
    refiled: true,
  },
  {
    planTaskId: "M9-self-service-area",
    period: "once",
    reason: "自助服务区尚未投入使用，报送内容与实际不符",
    refiled: false,
  },
];

/** How often each lead unit reported after the deadline (the timeliness ranking differs between units). */
const LATE_SHARE: Readonly<Record<string, number>> = {
  "key-projects-center": 0.35,
  "organization-department": 0.25,
  "science-technology-bureau": 0.2,
  "development-reform-commission": 0.15,
  "commerce-bureau": 0.1,
  "administrative-service-center": 0.1,
  "industry-it-bureau": 0.05,
  "financial-affairs-office": 0,
};

/** Range of the quantity a unit reports per period, by task (tasks with a quantity unit but no plan). */
const QUANTITY_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  "M1-zombie-enterprises": [1, 3],
  "M1-backward-capacity": [1, 4],
  "M1-idle-land": [20, 90],
  "M1-infrastructure": [1, 3],
  "M2-top500-contacts": [2, 6],
  "M3-reserve-pool": [3, 8],
  "M3-leader-assignment": [4, 10],
  "M3-one-plan-per-enterprise": [3, 9],
  "M3-new-above-scale": [4, 9],
  "M4-chain-leaders": [5, 8],
  "M5-project-progress": [12, 18],
  "M5-leader-per-project": [8, 14],
  "M6-designations": [3, 8],
  "M6-project-applications": [5, 12],
  "M7-listing-pipeline": [2, 5],
  "M8-tech-projects": [2, 6],
  "M10-leader-coverage": [14, 20],
  "M10-resident-service": [6, 12],
  "M10-service-day": [1, 2],
  "M10-through-train": [2, 9],
  "M10-monitoring": [1, 1],
  "M11-fee-inspection": [1, 2],
  "M12-training": [30, 60],
  "M12-salon": [1, 1],
  "M13-talent-ledger": [40, 120],
  "M13-job-posts": [60, 200],
  "M13-placements": [15, 45],
};

/** Text of a report: what was done in the period, in the unit's words. */
function reportText(planTaskId: string, period: Period, quantity: string | null): string {
  const q = quantity ?? "";
  const texts: Record<string, string> = {
    "M1-zombie-enterprises": `本期清理僵尸企业 ${q} 户，已完成债权债务清理和注销手续，腾出厂房交由园区统一招商。`,
    "M1-backward-capacity": `${period.label}淘汰落后产能 ${q} 项，相关设备已拆除并经现场核查。`,
    "M1-idle-land": `本期收回闲置用地 ${q} 亩，已纳入园区储备，正在开展土地平整。`,
    "M1-infrastructure": `本期完成平整、道路和排水工程 ${q} 项，工程验收资料见附件台账。`,
    "M1-utilities": "协调供电、供水、燃气单位上门服务，本期新增接入企业的用能申请均已办结。",
    "M2-projects-20": `${period.label}引进“20项目” ${q} 个，均已签约，投资协议已报区领导小组办公室备案。`,
    "M2-projects-50": `三年内引进“50项目” ${q} 个，已签约并开工建设。`,
    "M2-industrial-projects": `三年内累计引进2000万元以上工业项目 ${q} 个，项目清单及签约文本见附件。`,
    "M2-top500-contacts": `本期对接“中国制造500强”企业 ${q} 家，其中 1 家已赴园区实地考察。`,
    "M3-reserve-pool": `本期摸排潜力企业 ${q} 家，已录入规上企业后备库并逐户建立培育档案。`,
    "M3-leader-assignment": `本期区级领导挂点后备企业 ${q} 家，挂点领导均已上门走访。`,
    "M3-one-plan-per-enterprise": `本期新制定“一企一策”帮扶措施 ${q} 份，已送达企业并明确责任人。`,
    "M3-new-above-scale": `${period.label}新增入规企业 ${q} 家，已按规定兑现入规奖励。`,
    "M4-chain-leaders": `确定“链主型”“骨干型”企业培育名单 ${q} 家，已印发名单并落实培育措施。`,
    "M5-project-progress": `本月跟踪重点产业项目 ${q} 个，形象进度和投资完成情况已录入项目台账。`,
    "M5-leader-per-project": `本期重点项目挂点区级领导 ${q} 个，挂点领导均已现场调度。`,
    "M5-manufacturing-share": `本期制造业投资占全社会固定资产投资比重为 ${q}，数据来源于区统计局。`,
    "M6-designations": `${period.label}组织申报“专精特新”“小巨人”等 ${q} 家，已完成材料初审并上报。`,
    "M6-project-applications": `${period.label}组织企业申报国家、省、市级项目 ${q} 个。`,
    "M7-equity-display": `三年内累计推动 ${q} 家企业在江西联合股权交易中心挂牌展示。`,
    "M7-shareholding-reform": `三年内累计 ${q} 家企业完成股份制改造。`,
    "M7-listing-pipeline": `本期对上市后备企业开展辅导 ${q} 家次，协调券商、律所进场尽调。`,
    "M8-tech-projects": `本期技术改造项目入库 ${q} 个，设备购置发票已核验。`,
    "M9-online-items": `涉企服务事项网上可办率为 ${q}，剩余事项正在与“赣服通”对接。`,
    "M9-self-service-area": "政务服务中心一楼自助服务区已完成设备安装。",
    "M10-leader-coverage": `本期区领导挂点重点企业、重点项目 ${q} 个，均已上门调研。`,
    "M10-resident-service": `本期向重点企业派驻服务专员 ${q} 人次，收集的问题已转交责任单位。`,
    "M10-service-day": `本期开展“企业服务日”活动 ${q} 次，现场解决企业诉求。`,
    "M10-through-train": `本月通过直通车受理企业诉求 ${q} 件，均已按时办结并回访。`,
    "M10-monitoring": "本月完成重点企业和重点产业运行监测分析，分析报告已报区领导小组。",
    "M11-fee-list": `${period.label}涉企收费清单已在区政府网站公布。`,
    "M11-fee-inspection": `本期开展涉企收费监督检查 ${q} 次，未发现违规收费。`,
    "M12-training": `${period.label}组织企业家赴名校、名企培训 ${q} 人次。`,
    "M12-salon": `本期举办“企业家沙龙” ${q} 场，围绕融资和用工开展交流。`,
    "M13-talent-ledger": `本期采集返乡人才信息 ${q} 人，已录入人才工作台账。`,
    "M13-job-posts": `本期采集企业岗位信息 ${q} 个，已在人才服务平台发布。`,
    "M13-placements": `本期向返乡人才推荐岗位并实现就业 ${q} 人。`,
  };
  return texts[planTaskId] ?? `${period.label}工作已按计划推进，详见附件。`;
}

function refiledText(text: string): string {
  return `${text}（已按退回意见补充材料后重新报送）`;
}

/** The quantity of one period: the plan's tasks as listed above, shares rising towards the target, counts drawn. */
function quantityOf(random: SeededRandom, task: TaskRow, period: Period, index: number, count: number): string | null {
  if (task.quantity_unit === null || task.plan_task_id === null) return null;
  const planned = PLANNED_TASK_QUANTITIES[task.plan_task_id];
  if (planned) return planned[period.key] ?? task.quantity_target;
  if (task.quantity_unit === "share") {
    // From about 0.80 (manufacturing share from about 0.45) rising over the plan's periods.
    const [from, to] = task.plan_task_id === "M9-online-items" ? [80, 96] : [45, 53];
    const percent = from + Math.round(((to - from) * index) / Math.max(1, count - 1));
    return `0.${String(percent).padStart(2, "0")}`;
  }
  const [low, high] = QUANTITY_RANGES[task.plan_task_id] ?? [1, 5];
  return String(random.int(low, high));
}

export interface SupervisionPeople {
  office: AuthUser;
  inspector: AuthUser;
  /** Demo accounts of units (by unit id), who file their unit's reports; other units' reports have no author. */
  unitAccounts: ReadonlyMap<number, number>;
}

/** Seeds the tasks, files 2021–2023's reports, issues 2023 Q4's bulletin and records a summons talk. */
export async function playSupervisionHistory(
  tx: DbContext,
  districtId: string,
  random: SeededRandom,
  people: SupervisionPeople,
  actor: Actor,
): Promise<{ tasks: number; reports: number; returned: number; bulletins: number; summonsTalks: number }> {
  const seeded = await seedTasksFromPlan(tx, districtId, actor);
  const unitCodes = new Map((await listUnitRows(tx, districtId)).map((unit) => [unit.id, unit.code]));
  const plan = await findTasks(tx, { districtId });
  for (const task of plan.filter((t) => (THREE_YEAR_TASKS as readonly string[]).includes(t.plan_task_id ?? ""))) {
    await updateTask(tx, people.office, task.id, { dueDate: task.end_date }, actor);
  }
  const tasks = await findTasks(tx, { districtId });

  let reports = 0;
  let returned = 0;
  for (const task of tasks) {
    const planTaskId = task.plan_task_id ?? "";
    const unitCode = unitCodes.get(task.owner_unit_id) ?? "";
    const missed = MISSED_PERIODS[planTaskId];
    if (missed === "*") continue;
    const missedHere = new Set([
      ...(missed ?? []),
      ...MISSED_BY_UNIT.filter((m) => m.planTaskId === planTaskId && m.unitCode === unitCode).flatMap((m) => m.periods),
    ]);
    const lateShare = LATE_SHARE[unitCode] ?? 0.1;
    const periods = periodsOf({
      cycle: task.cycle,
      startDate: task.start_date,
      endDate: task.end_date,
      dueDate: task.due_date,
    });
    const filed: { period: string; submittedOn: string; quantity: string | null; status: string }[] = [];
    const rows = [];
    for (const [index, period] of periods.entries()) {
      const quantity = quantityOf(random, task, period, index, periods.length);
      if (missedHere.has(period.key)) continue;
      const late = random.chance(lateShare);
      // On time: within the last week before the deadline (never before the period began); late: 2–20 days after.
      const submittedOn = late
        ? addDays(period.deadline, random.int(2, 20))
        : laterOf(addDays(period.deadline, -random.int(0, 6)), period.start);
      const content = reportText(planTaskId, period, quantity);
      const base = {
        district_id: districtId,
        task_id: task.id,
        unit_id: task.owner_unit_id,
        period: period.key,
        quantity,
        submitted_by: people.unitAccounts.get(task.owner_unit_id) ?? null,
      };
      const sentBack = RETURNED.find((r) => r.planTaskId === planTaskId && r.period === period.key);
      if (sentBack) {
        const returnedOn = addDays(submittedOn, 3);
        const id = await insertReport(tx, {
          ...base,
          content,
          status: "returned",
          submitted_at: timestampOn(submittedOn),
          returned_reason: sentBack.reason,
          returned_by: people.office.id,
          returned_at: timestampOn(returnedOn),
        });
        await recordAudit(tx, {
          districtId,
          actor,
          action: "return",
          entityType: "task_report",
          entityId: id,
          before: { status: "submitted" },
          after: { status: "returned", reason: sentBack.reason, returnedOn, isDemo: true },
        });
        returned++;
        filed.push({ period: period.key, submittedOn, quantity, status: "returned" });
        if (!sentBack.refiled) continue;
        const refiledOn = addDays(returnedOn, 4);
        rows.push({
          ...base,
          content: refiledText(content),
          status: "submitted",
          submitted_at: timestampOn(refiledOn),
          returned_reason: null,
          returned_by: null,
          returned_at: null,
        });
        filed.push({ period: period.key, submittedOn: refiledOn, quantity, status: "submitted" });
        continue;
      }
      rows.push({
        ...base,
        content,
        status: "submitted",
        submitted_at: timestampOn(submittedOn),
        returned_reason: null,
        returned_by: null,
        returned_at: null,
      });
      filed.push({ period: period.key, submittedOn, quantity, status: "submitted" });
    }
    await insertDemoRows(tx, "task_reports", rows);
    reports += filed.length;
    if (filed.length > 0) {
      // One entry per task for its reports (there are hundreds); returns are audited one by one above.
      await recordAudit(tx, {
        districtId,
        actor,
        action: "submit",
        entityType: "task_reports",
        entityId: task.id,
        after: { taskId: task.id, reports: filed, isDemo: true },
      });
    }
  }

  // The commission's bulletin of 2023's last quarter, issued in January 2024, and the talk with a unit ranked last.
  const quarter = { from: "2023-10-01", to: "2023-12-31" };
  const issuedOn = "2024-01-12";
  const bulletin = await issueBulletin(tx, people.inspector, quarter, actor, issuedOn);
  const figures = await supervisionFigures(tx, districtId, quarter.from, quarter.to, issuedOn);
  const summoned = figures.summons[0];
  let summonsTalks = 0;
  if (summoned) {
    await recordSummonsTalk(
      tx,
      people.inspector,
      {
        year: 2023,
        bulletinId: bulletin.id,
        indicatorId: summoned.indicatorId,
        unitId: summoned.unitId,
        talkDate: "2024-01-19",
        heldBy: "区纪委监委第二监督检查室",
        attendees: `${summoned.unitName}主要负责人、分管负责人`,
        outcome: `${summoned.unitName}就${summoned.indicatorName}排名末位作出说明，承诺逐期补报、按时报送，整改情况于一个月内书面报区纪委监委。`,
      },
      actor,
    );
    summonsTalks++;
  }
  return { tasks: seeded.created, reports, returned, bulletins: 1, summonsTalks };
}
