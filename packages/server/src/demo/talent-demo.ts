/**
 * The demo's talent ledger (返乡人才台账, M13): 36 returning people with synthetic names and numbers (the 199 0000
 * block, never issued to anyone), recorded over the past year by the ledger's keeper, four of them without consent;
 * ten posts of demo enterprises; a dozen recommendations, some interviewed, some hired, some not. Written through the
 * talent capability as the demo actor, then marked as demo data and dated over the year, so that M13's task
 * quantities (computed from these records) fall in the past quarters.
 */
import type { EducationLevel } from "@beizeng/domain/talent/vocabulary";
import { todayInChina } from "../capabilities/supervision/index";
import {
  addTalentPerson,
  markTalentLedgerAsDemo,
  postJob,
  recommendPerson,
  recordRecommendationOutcome,
} from "../capabilities/talent/index";
import type { AuthUser } from "../platform/auth/auth.service";
import { addDays } from "./dates";
import { DEMO_ACTOR, type DemoWriter, demoStaff } from "./demo-writer";

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
];
const GIVEN = [
  "建华",
  "小燕",
  "志强",
  "丽萍",
  "海涛",
  "春梅",
  "文斌",
  "晓东",
  "秀英",
  "国庆",
  "婷",
  "磊",
  "静",
  "勇",
  "芳",
  "鹏",
];

/** Skills, wished work and education of each profile the people are drawn from. */
const PROFILES: readonly { skills: string[]; wish: string; education: EducationLevel; pay: number }[] = [
  { skills: ["数控车床", "机械制图"], wish: "数控车床操作工", education: "highSchool", pay: 5500 },
  { skills: ["电工", "PLC"], wish: "设备维修电工", education: "college", pay: 6000 },
  { skills: ["焊工", "钳工"], wish: "焊工", education: "highSchool", pay: 6000 },
  { skills: ["会计", "Excel"], wish: "会计", education: "bachelor", pay: 5000 },
  { skills: ["电子装配", "质量检验"], wish: "质检员", education: "highSchool", pay: 4500 },
  { skills: ["陶瓷彩绘", "拉坯"], wish: "陶瓷技工", education: "juniorHigh", pay: 4500 },
  { skills: ["叉车", "仓库管理"], wish: "仓管员", education: "juniorHigh", pay: 4000 },
  { skills: ["CAD", "机械设计"], wish: "机械设计", education: "bachelor", pay: 7000 },
  { skills: ["药品生产", "GMP"], wish: "制药操作工", education: "college", pay: 5000 },
];

const POSTS: readonly { title: string; skills: string[]; payMin: number; payMax: number; headcount: number }[] = [
  { title: "数控车床操作工", skills: ["数控车床", "机械制图"], payMin: 4500, payMax: 6500, headcount: 5 },
  { title: "设备维修电工", skills: ["电工", "PLC"], payMin: 5000, payMax: 7000, headcount: 2 },
  { title: "焊工", skills: ["焊工"], payMin: 5500, payMax: 7500, headcount: 3 },
  { title: "成本会计", skills: ["会计", "Excel"], payMin: 4500, payMax: 6000, headcount: 1 },
  { title: "质检员", skills: ["质量检验"], payMin: 4000, payMax: 5000, headcount: 4 },
  { title: "陶瓷彩绘技工", skills: ["陶瓷彩绘"], payMin: 4000, payMax: 6000, headcount: 6 },
  { title: "仓管员", skills: ["仓库管理", "叉车"], payMin: 3800, payMax: 4500, headcount: 2 },
  { title: "机械设计工程师", skills: ["CAD", "机械设计"], payMin: 6500, payMax: 9000, headcount: 1 },
  { title: "制药操作工", skills: ["药品生产", "GMP"], payMin: 4500, payMax: 5500, headcount: 3 },
  { title: "电子装配工", skills: ["电子装配"], payMin: 3800, payMax: 4800, headcount: 8 },
];

const PEOPLE = 36;

export async function playTalentLedger(writer: DemoWriter): Promise<number> {
  const { tx } = writer;
  const keeper = demoStaff(writer, "demo-talent", "unit");
  if (!keeper || keeper.unitId === null) return 0;
  const plan = writer.dataset;
  const towns = [...new Set(plan.enterprises.map((enterprise) => enterprise.townUnitCode))].filter(
    (town): town is string => town !== null,
  );
  if (towns.length === 0) return 0;
  const today = todayInChina();

  const people: { id: number; day: string }[] = [];
  for (let index = 0; index < PEOPLE; index++) {
    const profile = PROFILES[index % PROFILES.length] as (typeof PROFILES)[number];
    const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}`;
    const day = addDays(today, -350 + index * 9);
    const consented = index % 9 !== 4;
    const person = await addTalentPerson(
      tx,
      keeper,
      {
        name,
        phone: `1990000${String(1000 + index).padStart(4, "0")}`,
        originTown: towns[index % towns.length] as string,
        education: profile.education,
        skills: profile.skills,
        experience: `在外务工 ${3 + (index % 8)} 年，从事${profile.wish}相关工作（演示）`,
        wishedWork: profile.wish,
        wishedPlace: index % 4 === 0 ? (towns[(index + 1) % towns.length] as string) : null,
        wishedPay: index % 3 === 0 ? null : profile.pay,
        consentOn: consented ? day : null,
      },
      DEMO_ACTOR,
    );
    people.push({ id: person.id, day });
  }

  const enterprises = plan.enterprises.filter((enterprise) => enterprise.townUnitCode !== null).slice(0, POSTS.length);
  const posts: { id: number; day: string }[] = [];
  for (const [index, template] of POSTS.entries()) {
    const enterprise = enterprises[index % enterprises.length];
    if (!enterprise) break;
    const post = await postJob(
      tx,
      keeper,
      {
        enterpriseId: writer.enterpriseId(enterprise.creditCode),
        ...template,
        place: enterprise.townUnitCode as string,
        description: "五险一金，提供住宿（演示）",
        status: index === 9 ? "closed" : "open",
      },
      DEMO_ACTOR,
    );
    posts.push({ id: post.id, day: addDays(today, -330 + index * 30) });
  }

  // Profile i's people suit post i: recommend the first of each consenting profile, and a second for some posts.
  const recommendations: { id: number; day: string; outcomeOn: string | null }[] = [];
  const outcomes = ["hired", "interviewed", "declined", "hired", "recommended", "hired"] as const;
  for (const [index, post] of posts.slice(0, 9).entries()) {
    for (const round of [0, 1]) {
      if (round === 1 && index % 3 !== 0) continue;
      const personIndex = index + round * PROFILES.length;
      const person = people[personIndex];
      if (!person || personIndex % 9 === 4) continue;
      const made = await recommendPerson(
        tx,
        keeper,
        { postId: post.id, personId: person.id, contactShared: personIndex % 2 === 0, note: "" },
        DEMO_ACTOR,
      );
      const outcome = outcomes[(index + round) % outcomes.length] as (typeof outcomes)[number];
      if (outcome !== "recommended")
        await record(tx, keeper, made.id, outcome, outcome === "interviewed" ? "面试通过，待录用（演示）" : "");
      const day = [person.day, post.day].sort().at(-1) as string;
      recommendations.push({ id: made.id, day, outcomeOn: outcome === "recommended" ? null : addDays(day, 12) });
    }
  }
  await markTalentLedgerAsDemo(tx, writer.districtId, { people, posts, recommendations });
  return people.length + posts.length + recommendations.length;
}

async function record(
  tx: DemoWriter["tx"],
  keeper: AuthUser,
  id: number,
  outcome: "interviewed" | "hired" | "declined",
  note: string,
) {
  const today = todayInChina();
  if (outcome === "hired")
    await recordRecommendationOutcome(tx, keeper, id, { outcome: "interviewed", on: today, note: "" }, DEMO_ACTOR);
  await recordRecommendationOutcome(tx, keeper, id, { outcome, on: today, note }, DEMO_ACTOR);
}
