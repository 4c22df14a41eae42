/**
 * The demo's enterprise requests (企业诉求直通车) and one 企业服务日: a dozen requests of the demo enterprises in
 * every state — waiting to be assigned, assigned, in progress, overdue (yellow and red, with their warnings),
 * answered and waiting for the rating, rated 不满意 and waiting for the office, reopened, closed after a rating
 * or by the office. Dates are placed relative to the load date, since lateness is measured against the real date.
 */
import {
  daysFromTo,
  findRequestCategory,
  REQUEST_RED_AFTER_DAYS,
  requestDeadline,
} from "@beizeng/domain/requests/categories";
import type { RequestRating } from "@beizeng/domain/requests/view";
import { workingCalendarOf } from "../capabilities/calendar/index";
import { notify, notifyUser } from "../capabilities/notifications/index";
import {
  demoEnterprisesForRequests,
  insertRequest,
  insertRequestEvent,
  insertServiceDay,
  replaceCoUnits,
  setServiceDayMembers,
} from "../capabilities/requests/index";
import { todayInChina } from "../capabilities/supervision/index";
import { listUnitRows } from "../capabilities/units/index";
import { recordAudit } from "../platform/audit/audit.service";
import { listUserProfiles } from "../platform/auth/users.repository";
import { requireActivePlan } from "../platform/plan/plan-reader";
import { addDays } from "./dates";
import type { DemoWriter } from "./demo-writer";
import { DEMO_ACTOR_LABEL } from "./generate";

const DEMO = { userId: null, label: DEMO_ACTOR_LABEL };

/** A moment of a day, China time, as a stored UTC instant (hour 9 → 01:00Z). */
function at(date: string, hour: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 8) * 3_600_000).toISOString();
}

type Step =
  | { kind: "assign"; day: number; unit: string; co?: string[]; note?: string }
  | { kind: "accept"; day: number }
  | { kind: "progress"; day: number; note: string; unit?: string }
  | { kind: "instruct"; day: number; note: string }
  | { kind: "answer"; day: number; note: string }
  | { kind: "rate"; day: number; rating: RequestRating; note: string }
  | { kind: "reopen"; day: number; note: string; unit?: string }
  | { kind: "close"; day: number; note: string };

interface DemoRequest {
  enterprise: "own" | "second" | "leader" | "other";
  /** A category of the demo district's plan (its time limit sets the deadlines). */
  category: string;
  title: string;
  content: string;
  contact: [string, string];
  channel: "enterprise" | "office" | "leader" | "service_day";
  /** Days before today the request was filed. */
  filed: number;
  steps: Step[];
}

/** Days are relative to today (negative = past). */
const REQUESTS: DemoRequest[] = [
  {
    enterprise: "own",
    category: "policy",
    title: "咨询专精特新企业认定申报条件",
    content: "我司拟申报省级专精特新中小企业，请明确研发投入占比和主营业务收入的认定口径，以及申报材料清单。",
    contact: ["王芳", "0798-8201101"],
    channel: "enterprise",
    filed: 1,
    steps: [],
  },
  {
    enterprise: "leader",
    category: "land",
    title: "二期项目新增用地指标",
    content: "二期扩产项目需新增工业用地约 30 亩，请协调土地指标和供地时序。（挂点领导走访时提出）",
    contact: ["刘建国", "13907980001"],
    channel: "leader",
    filed: 0,
    steps: [],
  },
  {
    enterprise: "second",
    category: "financing",
    title: "技改项目流动资金贷款贴息",
    content: "技改项目投入设备款 1800 万元，流动资金紧张，申请协调合作银行提供贴息贷款。",
    contact: ["陈敏", "0798-8302202"],
    channel: "enterprise",
    filed: 3,
    steps: [{ kind: "assign", day: -2, unit: "financial-affairs-office", note: "请金融办对接合作银行" }],
  },
  {
    enterprise: "own",
    category: "land",
    title: "厂区道路和雨污管网配套",
    content: "厂区东侧市政道路未贯通，雨污管网未接入，影响新厂房验收，请协调配套建设。",
    contact: ["王芳", "0798-8201101"],
    channel: "enterprise",
    filed: 8,
    steps: [
      { kind: "assign", day: -7, unit: "key-projects-center", co: ["natural-resources-branch"] },
      { kind: "accept", day: -6 },
      { kind: "progress", day: -3, note: "已会同自然资源分局现场踏勘，管网接入方案编制中。" },
    ],
  },
  {
    enterprise: "other",
    category: "approval",
    title: "新建车间环评批复加急",
    content: "新建电子元器件车间环评报告书已报送，企业计划下月投产，请协调加快审批。",
    contact: ["赵磊", "0798-8403303"],
    channel: "enterprise",
    filed: 11,
    steps: [
      { kind: "assign", day: -10, unit: "ecology-environment-bureau" },
      { kind: "accept", day: -9 },
    ],
  },
  {
    enterprise: "leader",
    category: "land",
    title: "闲置厂房盘活用于扩产",
    content: "园区内有闲置厂房一处，企业希望租赁扩产，请协调产权单位和规划用途变更。",
    contact: ["刘建国", "13907980001"],
    channel: "service_day",
    filed: 32,
    steps: [
      { kind: "assign", day: -31, unit: "natural-resources-branch", co: ["commerce-bureau"] },
      { kind: "accept", day: -29 },
      { kind: "instruct", day: -12, note: "请自然资源分局本月内拿出规划用途变更意见，商务局协助对接产权单位。" },
    ],
  },
  {
    enterprise: "other",
    category: "labour",
    title: "春节后一线普工招聘",
    content: "节后需招聘一线普工 120 人，请协调人社部门组织专场招聘会并落实稳岗补贴。",
    contact: ["孙丽", "0798-8504404"],
    channel: "service_day",
    filed: 26,
    steps: [{ kind: "assign", day: -25, unit: "human-resources-bureau" }],
  },
  {
    enterprise: "own",
    category: "policy",
    title: "研发费用加计扣除政策适用",
    content: "我司委托高校开展的研发项目费用能否适用加计扣除，比例如何计算？",
    contact: ["王芳", "0798-8201101"],
    channel: "enterprise",
    filed: 7,
    steps: [
      { kind: "assign", day: -6, unit: "commerce-bureau", co: ["taxation-bureau"] },
      { kind: "accept", day: -6 },
      {
        kind: "answer",
        day: -4,
        note: "委托境内外部机构研发的费用，按实际发生额的 80% 计入委托方研发费用并按规定加计扣除。已请税务局专管员上门辅导申报。",
      },
    ],
  },
  {
    enterprise: "second",
    category: "financing",
    title: "应收账款质押融资",
    content: "希望以对大型整机厂的应收账款办理质押融资，请推荐合作金融机构。",
    contact: ["陈敏", "0798-8302202"],
    channel: "office",
    filed: 15,
    steps: [
      { kind: "assign", day: -14, unit: "financial-affairs-office" },
      { kind: "accept", day: -13 },
      { kind: "answer", day: -6, note: "已将企业需求推送至三家合作银行，请企业自行联系。" },
      { kind: "rate", day: -2, rating: "unsatisfied", note: "只给了银行名单，没有组织对接，问题没有实质推进。" },
    ],
  },
  {
    enterprise: "own",
    category: "approval",
    title: "新增产品生产许可证变更",
    content: "新增一个产品型号，需要办理生产许可证变更，请指导办理流程。",
    contact: ["王芳", "0798-8201101"],
    channel: "enterprise",
    filed: 45,
    steps: [
      { kind: "assign", day: -44, unit: "market-regulation-bureau" },
      { kind: "accept", day: -44 },
      { kind: "answer", day: -41, note: "已安排专人指导，变更申请已受理，3 个工作日内办结并寄送证书。" },
      { kind: "rate", day: -38, rating: "satisfied", note: "办理迅速，服务周到。" },
    ],
  },
  {
    enterprise: "other",
    category: "labour",
    title: "技能人才公寓申请",
    content: "企业引进技术骨干 15 人，申请入住园区人才公寓。",
    contact: ["孙丽", "0798-8504404"],
    channel: "enterprise",
    filed: 40,
    steps: [
      { kind: "assign", day: -39, unit: "human-resources-bureau", co: ["organization-department"] },
      { kind: "accept", day: -37 },
      { kind: "answer", day: -26, note: "已安排 10 套公寓，其余 5 人纳入下批轮候。" },
      { kind: "rate", day: -24, rating: "basically", note: "基本解决，希望尽快安排剩余名额。" },
    ],
  },
  {
    enterprise: "leader",
    category: "approval",
    title: "厂房消防验收",
    content: "新建厂房消防验收多次未通过，请协调明确整改要求。",
    contact: ["刘建国", "13907980001"],
    channel: "enterprise",
    filed: 24,
    steps: [
      { kind: "assign", day: -23, unit: "emergency-management-bureau" },
      { kind: "accept", day: -22 },
      { kind: "answer", day: -17, note: "消防验收属住建部门职责，请企业向住建部门咨询。" },
      { kind: "rate", day: -15, rating: "unsatisfied", note: "答复推诿，没有协调解决。" },
      {
        kind: "reopen",
        day: -14,
        note: "企业不满意，改由重点项目推进中心牵头协调，应急管理局配合。",
        unit: "key-projects-center",
      },
      { kind: "accept", day: -14 },
      { kind: "progress", day: -9, note: "已组织住建、应急部门联合现场会，形成整改清单 6 项。" },
    ],
  },
  {
    enterprise: "second",
    category: "other",
    title: "厂区周边公交线路调整",
    content: "员工通勤不便，希望增设公交站点。",
    contact: ["陈敏", "0798-8302202"],
    channel: "enterprise",
    filed: 20,
    steps: [
      { kind: "close", day: -19, note: "与企业此前反映的员工通勤问题重复，已并入交通部门统一办理，不再单独交办。" },
    ],
  },
];

/** Loads the demo requests and the service day into the demo district, audited as the demo actor. */
export async function playEnterpriseRequests(writer: DemoWriter): Promise<number> {
  const { tx, districtId } = writer;
  const today = todayInChina();
  const { plan } = await requireActivePlan(tx, districtId);
  // The demo's deadlines count by the official calendar, as the office's assignments do.
  const calendar = await workingCalendarOf(tx, districtId, DEMO);
  const categoryOf = (id: string) => {
    const category = findRequestCategory(plan.requestCategories, id);
    if (!category) throw new Error(`演示数据：诉求类别 ${id} 不在行动方案中`);
    return category;
  };
  const units = new Map((await listUnitRows(tx, districtId)).map((unit) => [unit.code, unit]));
  const unitId = (code: string) => {
    const unit = units.get(code);
    if (!unit) throw new Error(`演示数据：单位 ${code} 不存在`);
    return unit.id;
  };
  const profiles = await listUserProfiles(tx, districtId);
  const userId = (username: string) => profiles.find((p) => p.username === username)?.id ?? null;
  const enterpriseOf = (username: string) => profiles.find((p) => p.username === username)?.enterprise_id ?? null;
  const leaderId = userId("demo-leader");
  const enterprises = await demoEnterprisesForRequests(tx, districtId);
  const own = enterpriseOf("demo-enterprise") ?? enterprises[0]?.id;
  const second = enterpriseOf("demo-enterprise2") ?? enterprises[1]?.id;
  const ledByLeader = enterprises.find((e) => e.leader_user_id === leaderId && e.id !== own && e.id !== second);
  const others = enterprises.filter((e) => e.id !== own && e.id !== second && e.id !== ledByLeader?.id);
  if (own === undefined || second === undefined || others.length === 0) return 0;
  // "other" is an enterprise with no assigned leader, so that a leader's 仅挂点企业 leaves its requests out.
  const unled = others.find((e) => e.leader_user_id === null);
  const pick = {
    own,
    second,
    leader: ledByLeader?.id ?? others[0]?.id,
    other: unled?.id ?? others[1]?.id ?? others[0]?.id,
  };

  const serviceDayOn = addDays(today, -33);
  const serviceDayId = await insertServiceDay(tx, {
    district_id: districtId,
    held_on: serviceDayOn,
    theme: "“企业服务日”走进鱼丽工业园",
    venue: "鱼丽工业园管委会会议室",
    note: "区领导带队，相关部门现场收集企业诉求，当场交办。",
    is_demo: 1,
    created_at: at(serviceDayOn, 9),
    created_by: userId("demo-office"),
  });
  const attending = ["commerce-bureau", "industry-it-bureau", "natural-resources-branch", "human-resources-bureau"];
  const served = [pick.leader, pick.other].filter((id): id is number => id !== undefined);
  await setServiceDayMembers(tx, serviceDayId, attending.map(unitId), [...new Set(served)]);
  await recordAudit(tx, {
    districtId,
    actor: DEMO,
    action: "create",
    entityType: "service_day",
    entityId: serviceDayId,
    after: { heldOn: serviceDayOn, units: attending, enterprises: served, isDemo: true },
  });

  const staff = {
    office: userId("demo-office"),
    leader: leaderId,
    enterprise: null as number | null,
  };
  let count = 0;
  for (const spec of REQUESTS) {
    const enterpriseId = pick[spec.enterprise];
    if (enterpriseId === undefined) continue;
    const filedOn = addDays(today, -spec.filed);
    const channel = spec.channel;
    const state = {
      status: "submitted",
      unit: null as number | null,
      deadline: null as string | null,
      assignedAt: null as string | null,
      acceptedAt: null as string | null,
      answer: null as string | null,
      answeredAt: null as string | null,
      rating: null as string | null,
      ratingComment: null as string | null,
      ratedAt: null as string | null,
      reopenCount: 0,
      closedAt: null as string | null,
      co: [] as number[],
    };
    const events: {
      kind: string;
      at: string;
      unitId: number | null;
      note: string;
      data: object | null;
      by: number | null;
    }[] = [{ kind: "submit", at: at(filedOn, 9), unitId: null, note: "", data: { channel }, by: null }];
    const category = categoryOf(spec.category);
    for (const step of spec.steps) {
      const day = addDays(today, step.day);
      const moment = at(day, 10 + events.length);
      if (step.kind === "assign" || step.kind === "reopen") {
        const target = step.kind === "reopen" ? (step.unit ? unitId(step.unit) : state.unit) : unitId(step.unit);
        const co =
          step.kind === "assign"
            ? (step.co ?? []).map(unitId)
            : step.unit
              ? [unitId("emergency-management-bureau")]
              : state.co;
        state.status = "assigned";
        state.unit = target;
        state.co = co;
        state.deadline = requestDeadline(day, category, calendar);
        state.assignedAt = moment;
        state.acceptedAt = null;
        if (step.kind === "reopen") {
          state.reopenCount += 1;
          Object.assign(state, { answer: null, answeredAt: null, rating: null, ratingComment: null, ratedAt: null });
        }
        const coNames = co.map((id) => [...units.values()].find((u) => u.id === id)?.name ?? String(id));
        events.push({
          kind: step.kind,
          at: moment,
          unitId: target,
          note: step.note ?? "",
          data: { deadline: state.deadline, coUnits: coNames },
          by: staff.office,
        });
      } else if (step.kind === "accept") {
        state.status = "accepted";
        state.acceptedAt = moment;
        events.push({ kind: "accept", at: moment, unitId: state.unit, note: "", data: null, by: null });
      } else if (step.kind === "progress") {
        events.push({ kind: "progress", at: moment, unitId: state.unit, note: step.note, data: null, by: null });
      } else if (step.kind === "instruct") {
        events.push({ kind: "instruct", at: moment, unitId: null, note: step.note, data: null, by: staff.leader });
      } else if (step.kind === "answer") {
        state.status = "answered";
        state.answer = step.note;
        state.answeredAt = moment;
        events.push({ kind: "answer", at: moment, unitId: state.unit, note: step.note, data: null, by: null });
      } else if (step.kind === "rate") {
        state.rating = step.rating;
        state.ratingComment = step.note;
        state.ratedAt = moment;
        if (step.rating !== "unsatisfied") {
          state.status = "closed";
          state.closedAt = moment;
        }
        events.push({
          kind: "rate",
          at: moment,
          unitId: null,
          note: step.note,
          data: { rating: step.rating },
          by: null,
        });
      } else {
        state.status = "closed";
        state.closedAt = moment;
        events.push({ kind: "close", at: moment, unitId: null, note: step.note, data: null, by: staff.office });
      }
    }
    // The warnings the hourly run would have sent for an overdue request still open.
    if ((state.status === "assigned" || state.status === "accepted") && state.deadline && state.deadline < today) {
      const overdue = daysFromTo(state.deadline, today);
      const colours = overdue > REQUEST_RED_AFTER_DAYS ? ["yellow", "red"] : ["yellow"];
      for (const colour of colours) {
        const warnedOn =
          colour === "yellow" ? addDays(state.deadline, 1) : addDays(state.deadline, REQUEST_RED_AFTER_DAYS + 1);
        events.push({
          kind: "escalate",
          at: at(warnedOn, 8),
          unitId: state.unit,
          note: `已逾期 ${daysFromTo(state.deadline, warnedOn)} 天未答复，时限为 ${state.deadline}。`,
          data: {
            colour,
            overdueDays: daysFromTo(state.deadline, warnedOn),
            notified: colour === "red" ? ["unit", "office", "leader"] : ["unit"],
          },
          by: null,
        });
      }
    }
    const last =
      events
        .map((event) => event.at)
        .sort()
        .at(-1) ?? at(filedOn, 9);
    const id = await insertRequest(tx, {
      district_id: districtId,
      enterprise_id: enterpriseId,
      category: spec.category,
      title: spec.title,
      content: spec.content,
      contact_name: spec.contact[0],
      contact_phone: spec.contact[1],
      channel,
      service_day_id: channel === "service_day" ? serviceDayId : null,
      status: state.status,
      unit_id: state.unit,
      deadline: state.deadline,
      assigned_at: state.assignedAt,
      accepted_at: state.acceptedAt,
      answer: state.answer,
      answered_at: state.answeredAt,
      answered_by: null,
      rating: state.rating,
      rating_comment: state.ratingComment,
      rated_at: state.ratedAt,
      reopen_count: state.reopenCount,
      closed_at: state.closedAt,
      is_demo: 1,
      created_at: at(filedOn, 9),
      created_by: channel === "leader" ? staff.leader : channel === "enterprise" ? null : staff.office,
      updated_at: last,
    });
    await replaceCoUnits(tx, id, state.co);
    for (const event of events.sort((a, b) => a.at.localeCompare(b.at))) {
      await insertRequestEvent(tx, {
        request_id: id,
        kind: event.kind,
        at: event.at,
        actor_user_id: event.by,
        actor_label: event.kind === "escalate" ? "system" : DEMO_ACTOR_LABEL,
        unit_id: event.unitId,
        note: event.note,
        data_json: event.data ? JSON.stringify(event.data) : null,
      });
    }
    // The notices of those warnings, under the keys the hourly run uses, so that it does not send them again.
    for (const event of events.filter((e) => e.kind === "escalate")) {
      const { colour, overdueDays } = event.data as { colour: string; overdueDays: number };
      const key = `request|${id}|${state.reopenCount}|${colour}`;
      const enterprise = enterprises.find((e) => e.id === enterpriseId);
      const unit = [...units.values()].find((u) => u.id === state.unit);
      const notice = {
        districtId,
        kind: `request-${colour}`,
        message: {
          key: colour === "red" ? ("request.overdue.red" as const) : ("request.overdue.yellow" as const),
          params: {
            title: spec.title,
            enterprise: enterprise?.name ?? "",
            unit: unit?.name ?? "",
            unitEn: unit?.name_en ?? "",
            days: overdueDays,
            deadline: state.deadline ?? "",
          },
        },
        link: `/requests/${id}`,
        createdAt: event.at,
      };
      await notify(tx, { ...notice, unitId: state.unit, dedupeKey: `${key}|unit` });
      if (colour !== "red") continue;
      await notify(tx, { ...notice, unitId: null, dedupeKey: `${key}|office` });
      if (enterprise?.leader_user_id)
        await notifyUser(tx, { ...notice, userId: enterprise.leader_user_id, dedupeKey: `${key}|leader` });
    }
    await recordAudit(tx, {
      districtId,
      actor: DEMO,
      action: "create",
      entityType: "enterprise_request",
      entityId: id,
      after: { title: spec.title, category: spec.category, status: state.status, steps: events.length, isDemo: true },
    });
    count += 1;
  }
  return count;
}
