/**
 * The demo's chains' leader and backbone enterprises (M4) and entrepreneurs' trainings and salons (M12), clearly
 * marked as demo data: for each of the plan's chains and each year of the plan, one or two leaders and three
 * backbones designated by the office (sources ending 演示); a training each year and a salon each quarter of
 * 2021–2023 with the persons who came and the enterprises' ratings; and two events ahead, a training to which the
 * demo enterprises are invited (its invitation waits on their to-do list) and a salon open to all with the second
 * demo enterprise's persons registered.
 */
import {
  createEvent,
  insertDemoEventHistory,
  inviteEnterprises,
  markEventsAsDemo,
  registerPersons,
} from "../capabilities/events/index";
import { addChainRole, markChainRolesAsDemo } from "../capabilities/register/index";
import { todayInChina } from "../capabilities/supervision/index";
import type { AuthUser } from "../platform/auth/auth.service";
import { readActivePlan } from "../platform/plan/plan-reader";
import { addDays } from "./dates";
import { DEMO_ACTOR, type DemoWriter, demoStaff } from "./demo-writer";
import { SeededRandom } from "./random";

const YEARS = [2021, 2022, 2023];
const FIRST_YEAR = 2021;

const TRAININGS = [
  ["企业家赴浙江大学“数字化转型”专题研修班", "浙江大学紫金港校区", "2021-05-17", "2021-05-21"],
  ["企业家赴清华大学“现代企业管理”高级研修班", "清华大学继续教育学院", "2022-06-13", "2022-06-17"],
  ["企业家赴华为、比亚迪标杆企业考察学习", "深圳市华为坂田基地", "2023-04-10", "2023-04-14"],
] as const;

const SALON_TOPICS = [
  "新生代企业家如何“懂生产”",
  "市场开拓与品牌建设",
  "惠企政策解读与申报",
  "产业链协同与配套对接",
  "企业融资与上市路径",
  "安全生产与精益管理",
  "数字化车间建设经验交流",
  "人才引进与股权激励",
  "“专精特新”培育经验分享",
  "出口贸易与汇率风险",
  "绿色低碳转型",
  "家族企业传承与治理",
] as const;

const SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何"];
const GIVEN = ["建国", "志强", "晓明", "海涛", "丽华", "文杰", "俊峰", "雪梅", "国庆", "振华", "立新", "春燕"];
const TITLES = ["董事长", "总经理", "副总经理", "生产总监", "销售总监", "财务总监"];

/** The demo's enterprises in a chain, key enterprises first: the leaders and backbones are chosen among them. */
function enterprisesOfChain(writer: DemoWriter, chainId: string) {
  return writer.dataset.enterprises
    .filter((enterprise) => enterprise.chainId === chainId)
    .sort((a, b) => Number(b.isKey) - Number(a.isKey) || a.creditCode.localeCompare(b.creditCode));
}

async function playChainRoles(writer: DemoWriter, office: AuthUser): Promise<number> {
  const plan = (await readActivePlan(writer.tx, writer.districtId))?.plan;
  if (!plan) return 0;
  let count = 0;
  let number = 11;
  for (const chain of plan.chains.filter((candidate) => candidate.role !== "other")) {
    const members = enterprisesOfChain(writer, chain.id);
    const leaders = chain.role === "leading" ? 2 : 1;
    for (const year of YEARS) {
      const source = `昌工信字〔${year}〕${number++}号（演示）`;
      // The leaders stay; the backbones rotate a little from year to year, as such lists do.
      const chosen = [
        ...members.slice(0, leaders).map((enterprise) => ({ enterprise, role: "leader" as const })),
        ...members
          .slice(leaders + (year - FIRST_YEAR), leaders + (year - FIRST_YEAR) + 3)
          .map((enterprise) => ({ enterprise, role: "backbone" as const })),
      ];
      for (const { enterprise, role } of chosen) {
        await addChainRole(
          writer.tx,
          office,
          writer.enterpriseId(enterprise.creditCode),
          { chainId: chain.id, role, year, source },
          DEMO_ACTOR,
        );
        count++;
      }
    }
  }
  await markChainRolesAsDemo(writer.tx, writer.districtId);
  return count;
}

async function playPastEvents(writer: DemoWriter, holderUnitId: number, officeId: number): Promise<number> {
  const random = new SeededRandom(1212);
  const enterprises = writer.dataset.enterprises.map((enterprise) => writer.enterpriseId(enterprise.creditCode));
  const events: { kind: "training" | "salon"; topic: string; place: string; startsOn: string; endsOn: string }[] = [];
  for (const [topic, place, startsOn, endsOn] of TRAININGS)
    events.push({ kind: "training", topic, place, startsOn, endsOn });
  SALON_TOPICS.forEach((topic, index) => {
    const year = YEARS[Math.floor(index / 4)] as number;
    const month = String((index % 4) * 3 + 2).padStart(2, "0");
    const day = `${year}-${month}-${String(random.int(10, 26)).padStart(2, "0")}`;
    events.push({
      kind: "salon",
      topic: `企业家沙龙：${topic}`,
      place: "区行政服务中心三楼会议室",
      startsOn: day,
      endsOn: day,
    });
  });
  let persons = 0;
  for (const event of events) {
    const capacity = event.kind === "training" ? 40 : 30;
    const invited = random.shuffled(enterprises).slice(0, event.kind === "training" ? 30 : 24);
    const coming = invited.slice(0, Math.floor(invited.length * 0.8));
    const people = coming.slice(0, capacity).map((enterpriseId) => ({
      enterprise_id: enterpriseId,
      person_name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      person_title: random.pick(TITLES),
      person_phone: `139${String(random.int(10_000_000, 99_999_999))}`,
      registered_at: `${addDays(event.startsOn, -10)}T02:00:00.000Z`,
      registered_by: officeId,
      attended: random.chance(0.9) ? 1 : 0,
      attendance_marked_at: `${event.endsOn}T09:00:00.000Z`,
      attendance_marked_by: officeId,
    }));
    const present = [
      ...new Set(people.filter((person) => person.attended === 1).map((person) => person.enterprise_id)),
    ];
    const feedback = present
      .filter(() => random.chance(0.6))
      .map((enterpriseId) => ({
        enterprise_id: enterpriseId,
        rating: random.chance(0.7) ? 5 : random.chance(0.7) ? 4 : 3,
        comment: random.pick([
          "内容实用，希望多举办（演示）",
          "交流充分，收获很大（演示）",
          "建议增加实地参观（演示）",
          "",
        ]),
        submitted_at: `${addDays(event.endsOn, 2)}T03:00:00.000Z`,
      }));
    await insertDemoEventHistory(
      writer.tx,
      {
        district_id: writer.districtId,
        kind: event.kind,
        topic: `${event.topic}（演示）`,
        starts_on: event.startsOn,
        ends_on: event.endsOn,
        place: event.place,
        host_unit_id: holderUnitId,
        capacity,
        invitation_only: event.kind === "training" ? 1 : 0,
        registration_closes_on: addDays(event.startsOn, -3),
        description:
          event.kind === "training"
            ? "按照“分类培养、注重实效”的原则组织（演示）"
            : "以“懂生产、明市场、知政策、善协调”为培育目标（演示）",
        created_by: officeId,
        created_at: `${addDays(event.startsOn, -30)}T02:00:00.000Z`,
        updated_at: `${addDays(event.startsOn, -30)}T02:00:00.000Z`,
      },
      invited,
      people,
      feedback,
    );
    persons += people.length;
  }
  return events.length + persons;
}

/** The demo enterprise account as the services see it. */
function enterpriseAccount(writer: DemoWriter, username: string): AuthUser | undefined {
  const id = writer.ids.users.get(username);
  const account = writer.dataset.accounts.find((candidate) => candidate.username === username);
  if (id === undefined || account?.enterpriseCreditCode == null) return undefined;
  return {
    id,
    username,
    displayName: account.displayName,
    role: "enterprise",
    districtId: writer.districtId,
    unitId: null,
    enterpriseId: writer.enterpriseId(account.enterpriseCreditCode),
    mustChangePassword: false,
  };
}

async function playUpcomingEvents(writer: DemoWriter, office: AuthUser, holderUnitId: number): Promise<number> {
  const today = todayInChina();
  const training = await createEvent(
    writer.tx,
    office,
    {
      kind: "training",
      topic: "企业家赴复旦大学“新质生产力”专题研修班（演示）",
      startsOn: addDays(today, 30),
      endsOn: addDays(today, 34),
      place: "复旦大学管理学院",
      hostUnitId: holderUnitId,
      capacity: 30,
      invitationOnly: true,
      registrationClosesOn: addDays(today, 20),
      description: "面向规上工业企业主要负责人，每家企业限报 2 人（演示）",
    },
    DEMO_ACTOR,
  );
  const first = enterpriseAccount(writer, "demo-enterprise");
  const second = enterpriseAccount(writer, "demo-enterprise2");
  const invited = [first?.enterpriseId, second?.enterpriseId].filter((id): id is number => typeof id === "number");
  if (invited.length > 0) await inviteEnterprises(writer.tx, office, training.id, invited, DEMO_ACTOR);
  const salon = await createEvent(
    writer.tx,
    office,
    {
      kind: "salon",
      topic: "企业家沙龙：用好数据要素（演示）",
      startsOn: addDays(today, 12),
      endsOn: addDays(today, 12),
      place: "区行政服务中心三楼会议室",
      hostUnitId: holderUnitId,
      capacity: 25,
      invitationOnly: false,
      registrationClosesOn: addDays(today, 9),
      description: "面向新生代企业家，欢迎各企业报名（演示）",
    },
    DEMO_ACTOR,
  );
  if (second)
    await registerPersons(
      writer.tx,
      second,
      salon.id,
      [
        { name: "周晓明", title: "总经理", phone: "13907981234" },
        { name: "吴雪梅", title: "财务总监", phone: "13907985678" },
      ],
      DEMO_ACTOR,
    );
  return 2;
}

export async function playChainRolesAndEvents(writer: DemoWriter): Promise<{ chainRoles: number; events: number }> {
  const office = demoStaff(writer, "demo-office", "office");
  const plan = (await readActivePlan(writer.tx, writer.districtId))?.plan;
  const holder = plan?.units.find((unit) => unit.duties.includes("holdEntrepreneurEvents"));
  const holderUnitId = writer.unitId(holder?.id ?? null);
  if (!office || holderUnitId === null) return { chainRoles: 0, events: 0 };
  const chainRoles = await playChainRoles(writer, office);
  const events =
    (await playPastEvents(writer, holderUnitId, office.id)) + (await playUpcomingEvents(writer, office, holderUnitId));
  await markEventsAsDemo(writer.tx, writer.districtId);
  return { chainRoles, events };
}
