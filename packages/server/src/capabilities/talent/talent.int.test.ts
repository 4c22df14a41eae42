/**
 * The talent ledger through the API on both databases: who records, reads and unmasks people; enterprises' posts
 * and their refusals; the explained matching; recommendations and their outcomes; the all-or-nothing import;
 * removal on request; masked and full exports; every change audited.
 */
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  shippedPlan,
  testApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { seedTasksFromPlan } from "../supervision/index";

const PERSON = {
  name: "张三",
  phone: "138 1234 5678",
  originTown: "lvmeng-township",
  education: "highSchool",
  skills: ["数控车床", "机械制图"],
  experience: "在东莞一家五金厂做数控车工 6 年",
  wishedWork: "车床操作工",
  wishedPlace: null,
  wishedPay: 5000,
  consentOn: "2024-05-01",
};

const POST = {
  title: "数控车床操作工",
  skills: ["数控车床", "机械制图", "质量检验"],
  payMin: 4500,
  payMax: 6500,
  place: "lvmeng-township",
  headcount: 3,
  description: "两班倒，包住宿",
};

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("返乡人才台账");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function form(bytes: Buffer, name: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const data = new FormData();
  data.append("file", new Blob([bytes]), name);
  const request = new Request("http://localhost/", { method: "POST", body: data });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type") ?? "" },
  };
}

async function sheetText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  book.worksheets[0]?.eachRow((row) => {
    lines.push((row.values as unknown[]).map((value) => String(value ?? "")).join("|"));
  });
  return lines.join("\n");
}

const HEADER = [
  "姓名",
  "来源乡镇（街道）",
  "学历",
  "技能特长",
  "手机号",
  "工作经历",
  "就业意向",
  "意向地点",
  "期望月薪（元）",
  "同意日期",
];

describe.each(testDatabases())("the talent ledger on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let keeper: Session;
  let town: Session;
  let otherUnit: Session;
  let enterprise: Session;
  let enterprise2: Session;
  let personId: number;
  let postId: number;

  const send = (session: Session, method: "POST" | "PUT", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const count = async (table: "talent_people" | "job_posts" | "talent_recommendations") =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = (entityType: string) =>
    db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_id", "after_json", "before_json"])
      .where("entity_type", "=", entityType)
      .orderBy("seq")
      .execute();

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    const [keeperUnit] = unitsWithDuty(shippedPlan("changjiang-2021-2023"), "keepTalentLedger");
    if (!keeperUnit) throw new Error("the Changjiang plan gives no unit keepTalentLedger");
    await addAccount(db, world.districtA, "unit-talent", "unit", {
      unitId: await unitIdOf(db, world.districtA, keeperUnit.id),
    });
    await addAccount(db, world.districtA, "unit-town", "unit", {
      unitId: await unitIdOf(db, world.districtA, "lvmeng-township"),
    });
    office = await loginAs(app, "office-a");
    keeper = await loginAs(app, "unit-talent");
    town = await loginAs(app, "unit-town");
    otherUnit = await loginAs(app, "unit-a");
    enterprise = await loginAs(app, "enterprise-a");
    enterprise2 = await loginAs(app, "enterprise-a2");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("lets a town record its own people, masked for everyone; refuses another town's and a bad number", async () => {
    const added = await send(town, "POST", "/api/talent/people", PERSON);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      name: "张*",
      phone: "138****5678",
      masked: true,
      recordedBy: { name: "吕蒙乡" },
    });
    personId = added.json().id;

    const elsewhere = await send(town, "POST", "/api/talent/people", {
      ...PERSON,
      phone: "13900000001",
      originTown: "liyang-town",
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toBe("吕蒙乡只能登记本乡镇（街道）的返乡人才");
    const badPhone = await send(keeper, "POST", "/api/talent/people", { ...PERSON, phone: "1381234567" });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.message).toBe("手机号：不是有效的手机号码");
    const twice = await send(keeper, "POST", "/api/talent/people", { ...PERSON, name: "张三丰" });
    expect(twice.json().error.message).toBe("手机号：该手机号已在台账中");
    const unitWithout = await send(otherUnit, "POST", "/api/talent/people", { ...PERSON, phone: "13900000002" });
    expect(unitWithout.statusCode).toBe(403);
    expect(await count("talent_people")).toBe(1);

    const withoutConsent = await send(keeper, "POST", "/api/talent/people", {
      ...PERSON,
      name: "李四",
      phone: "13900000003",
      consentOn: null,
    });
    expect(withoutConsent.statusCode).toBe(201);

    const list = await get(office, "/api/talent/people");
    expect(
      list
        .json()
        .people.map((person: { name: string }) => person.name)
        .sort(),
    ).toEqual(["张*", "李*"]);
    expect(list.json()).toMatchObject({ canKeep: false, canAdd: false });
    expect((await get(keeper, "/api/talent/people")).json()).toMatchObject({ canKeep: true, canAdd: true });
    const townList = (await get(town, "/api/talent/people")).json();
    expect(townList).toMatchObject({
      canKeep: false,
      canAdd: true,
      towns: [{ id: "lvmeng-township", name: "吕蒙乡" }],
    });
  });

  it("unmasks a person for the keeper only, and audits the read without the full name", async () => {
    const revealed = await send(keeper, "POST", `/api/talent/people/${personId}/reveal`);
    expect(revealed.json()).toEqual({ id: personId, name: "张三", phone: "13812345678" });
    expect((await send(town, "POST", `/api/talent/people/${personId}/reveal`)).statusCode).toBe(403);
    expect((await send(office, "POST", `/api/talent/people/${personId}/reveal`)).statusCode).toBe(403);
    const entries = await audits("talent_person");
    expect(entries.map((entry) => entry.action)).toEqual(["create", "create", "reveal"]);
    expect(JSON.stringify(entries)).not.toContain("张三");
    expect(JSON.stringify(entries)).not.toContain("13812345678");
  });

  it("takes an enterprise's post, refusing one without a title or with its pay range upside down", async () => {
    const untitled = await send(enterprise, "POST", "/api/talent/posts", { ...POST, title: " " });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json().error.message).toContain("请填写岗位名称");
    const upsideDown = await send(enterprise, "POST", "/api/talent/posts", { ...POST, payMin: 7000 });
    expect(upsideDown.json().error.message).toContain("最高月薪不能低于最低月薪");
    const fractional = await send(enterprise, "POST", "/api/talent/posts", { ...POST, payMax: 6500.5 });
    expect(fractional.json().error.message).toContain("最高月薪应为以元为单位的整数");
    expect(await count("job_posts")).toBe(0);

    const posted = await send(enterprise, "POST", "/api/talent/posts", POST);
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({
      enterprise: { id: world.enterpriseA },
      place: { id: "lvmeng-township", name: "吕蒙乡" },
      payMin: 4500,
      payMax: 6500,
      status: "open",
    });
    postId = posted.json().id;
    expect((await get(enterprise2, "/api/talent/posts")).json().posts).toEqual([]);
    expect((await send(enterprise2, "PUT", `/api/talent/posts/${postId}`, POST)).statusCode).toBe(404);
    const forOther = await send(keeper, "POST", "/api/talent/posts", { ...POST, enterpriseId: world.enterpriseA2 });
    expect(forOther.json().enterprise.id).toBe(world.enterpriseA2);
    expect(
      (await send(otherUnit, "POST", "/api/talent/posts", { ...POST, enterpriseId: world.enterpriseA2 })).statusCode,
    ).toBe(403);
  });

  it("ranks the people who agreed for a post, with the reason of every point", async () => {
    const answer = (await get(keeper, `/api/talent/posts/${postId}/candidates`)).json();
    expect(answer.withoutConsent).toBe(1);
    expect(answer.candidates).toHaveLength(1);
    expect(answer.candidates[0]).toMatchObject({
      person: { id: personId, name: "张*" },
      score: 40 + 20 + 10 + 10,
      payBelowWish: false,
      recommendation: null,
      reasons: [
        { kind: "skills", matched: ["数控车床", "机械制图"], asked: 3, points: 40 },
        { kind: "sameTown", points: 20 },
        { kind: "wishedWork", word: "车床操作工", points: 10 },
        { kind: "pay", wished: 5000, payMax: 6500, points: 10 },
      ],
    });
    const posts = (await get(office, `/api/talent/people/${personId}/posts`)).json();
    expect(posts.posts.map((entry: { post: { id: number } }) => entry.post.id)).toContain(postId);
  });

  it("recommends only people who agreed; the enterprise records the outcome and reads a shared contact", async () => {
    const people = (await get(keeper, "/api/talent/people")).json().people as { id: number; name: string }[];
    const noConsent = people.find((person) => person.name === "李*")?.id;
    const refused = await send(keeper, "POST", "/api/talent/recommendations", { postId, personId: noConsent });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("人员：李*未同意推荐（台账中没有同意日期），不能推荐");
    expect((await send(town, "POST", "/api/talent/recommendations", { postId, personId })).statusCode).toBe(403);

    const made = await send(keeper, "POST", "/api/talent/recommendations", {
      postId,
      personId,
      contactShared: true,
      note: "本人同意向企业提供联系方式",
    });
    expect(made.statusCode, made.body).toBe(201);
    const again = await send(keeper, "POST", "/api/talent/recommendations", { postId, personId });
    expect(again.json().error.message).toBe("人员：张*已推荐到“数控车床操作工”");

    const seen = (await get(enterprise, "/api/talent/recommendations")).json().recommendations;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ name: "张三", phone: "13812345678", masked: false, canRecord: true });
    expect((await get(office, "/api/talent/recommendations")).json().recommendations[0]).toMatchObject({
      name: "张*",
      masked: true,
      canRecord: false,
    });
    expect((await get(enterprise2, "/api/talent/recommendations")).json().recommendations).toEqual([]);
    expect((await audits("talent_recommendation")).map((entry) => entry.action)).toEqual(["create", "reveal"]);

    const id = made.json().id;
    const backwards = await send(enterprise, "PUT", `/api/talent/recommendations/${id}/outcome`, {
      outcome: "hired",
      on: "2000-01-01",
    });
    expect(backwards.json().error.message).toMatch(/^结果日期：不能早于推荐日期/);
    const interviewed = await send(enterprise, "PUT", `/api/talent/recommendations/${id}/outcome`, {
      outcome: "interviewed",
      on: made.json().recommendedOn,
    });
    expect(interviewed.json().outcome).toBe("interviewed");
    const hired = await send(enterprise, "PUT", `/api/talent/recommendations/${id}/outcome`, {
      outcome: "hired",
      on: made.json().recommendedOn,
      note: "已签合同",
    });
    expect(hired.json()).toMatchObject({ outcome: "hired", canRecord: false });
    const after = await send(enterprise, "PUT", `/api/talent/recommendations/${id}/outcome`, {
      outcome: "declined",
      on: made.json().recommendedOn,
    });
    expect(after.json().error.message).toBe("结果：推荐已是“已录用”，不能改为“未录用”");
    const placed = (await get(keeper, `/api/talent/posts/${postId}/candidates`)).json();
    expect(placed.candidates).toEqual([]);
    expect((await get(office, "/api/talent/summary")).json()).toEqual({
      people: 2,
      consented: 1,
      placed: 1,
      openPosts: 2,
      openPositions: 6,
      recommended: 1,
      interviewed: 1,
      hired: 1,
    });
  });

  it("imports a town's file all or nothing, naming the row, column and field of each problem", async () => {
    const bad = await workbook([
      HEADER,
      ["王五", "吕蒙乡", "大专", "电工、焊工", "13700000001", "", "电工", "", 4000, "2024-06-01"],
      ["赵六", "吕蒙乡", "本科", "会计", "1370000", "", "", "", "", ""],
      ["钱七", "丽阳镇", "博士后", "", "13700000003", "", "", "火星", "五千", "2024-13-01"],
    ]);
    const { payload, headers } = await form(bad, "吕蒙乡返乡人才.xlsx");
    const refused = await app.inject({
      method: "POST",
      url: "/api/talent/people/import",
      headers: { ...town.headers, ...headers },
      payload,
    });
    expect(refused.statusCode).toBe(400);
    const message = refused.json().error.message as string;
    expect(message).toContain("第3行 E列（手机号）：不是有效的手机号码");
    expect(message).toContain("第4行 B列（来源乡镇）：吕蒙乡只能导入本乡镇（街道）的人员，不能导入“丽阳镇”的");
    expect(message).toContain("第4行 C列（学历）：无法识别的学历“博士后”");
    expect(message).toContain("第4行 D列（技能特长）：请填写技能特长");
    expect(message).toContain("第4行 H列（意向地点）：“火星”不是方案中的乡镇、街道或园区");
    expect(message).toContain("第4行 I列（期望月薪）：应为以元为单位的整数，实为“五千”");
    expect(message).toContain("第4行 J列（同意日期）：无法识别的日期“2024-13-01”");
    expect(await count("talent_people")).toBe(2);

    const good = await workbook([
      HEADER,
      ["王五", "", "大专", "电工、焊工", "137-0000-0001", "", "电工", "", 4000, "2024-06-01"],
      ["赵六", "吕蒙乡", "本科", "会计", "13700000002", "", "", "丽阳镇", "", ""],
    ]);
    const upload = await form(good, "吕蒙乡返乡人才.xlsx");
    const imported = await app.inject({
      method: "POST",
      url: "/api/talent/people/import",
      headers: { ...town.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ rows: 2, people: 2 });
    const names = (await get(office, "/api/talent/people")).json().people.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["王*", "赵*"]));
    expect((await audits("talent_person")).filter((entry) => entry.action === "import")).toHaveLength(2);
    const template = await get(town, "/api/talent/people/template");
    expect(await sheetText(template.rawPayload)).toContain("同意日期");
  });

  it("exports masked for everyone and in full for the keeper who asks, that export audited", async () => {
    const masked = await sheetText((await get(office, "/api/talent/people/export")).rawPayload);
    expect(masked).toContain("张*");
    expect(masked).toContain("138****5678");
    expect(masked).not.toContain("张三");
    expect((await get(office, "/api/talent/people/export?unmasked=1")).statusCode).toBe(403);
    const full = await sheetText((await get(keeper, "/api/talent/people/export?unmasked=1")).rawPayload);
    expect(full).toContain("张三");
    expect(full).toContain("13812345678");
    expect((await audits("talent_ledger")).map((entry) => entry.action)).toEqual(["reveal"]);
    expect(await sheetText((await get(enterprise, "/api/talent/posts/export")).rawPayload)).toContain("数控车床操作工");
    expect(await sheetText((await get(office, "/api/talent/recommendations/export")).rawPayload)).toContain("已录用");
  });

  it("removes a person on request; the recommendation stays, counted, under the masked name", async () => {
    expect(
      (await send(town, "POST", `/api/talent/people/${personId}/removal`, { reason: "本人申请" })).statusCode,
    ).toBe(403);
    const removed = await send(keeper, "POST", `/api/talent/people/${personId}/removal`, { reason: "本人申请删除" });
    expect(removed.statusCode).toBe(204);
    const rows = await db.kysely.selectFrom("talent_people").select("name").execute();
    expect(rows.map((row) => row.name)).not.toContain("张三");
    const recommendation = (await get(office, "/api/talent/recommendations")).json().recommendations[0];
    expect(recommendation).toMatchObject({ personId: null, name: "张*", phone: "", outcome: "hired" });
    expect((await get(office, "/api/talent/summary")).json()).toMatchObject({ people: 3, hired: 1, placed: 1 });
    const deletion = (await audits("talent_person")).at(-1);
    expect(deletion).toMatchObject({ action: "delete", entity_id: String(personId) });
    expect(JSON.stringify(deletion)).toContain("本人申请删除");
    expect(JSON.stringify(deletion)).not.toContain("张三");
  });

  it("gives M13's tasks their quantities per period from the ledger, the posts and the hirings", async () => {
    // The records as the plan's years knew them: two people and a post in 2022's second quarter, a hiring in its third.
    const people = await db.kysely.selectFrom("talent_people").select("id").orderBy("id").execute();
    for (const [index, { id }] of people.entries())
      await db.kysely
        .updateTable("talent_people")
        .set({ recorded_on: index < 2 ? "2022-05-10" : "2023-01-05" })
        .where("id", "=", id)
        .execute();
    await db.kysely.updateTable("job_posts").set({ posted_on: "2022-06-30" }).execute();
    await db.kysely
      .updateTable("talent_recommendations")
      .set({ recommended_on: "2022-07-01", outcome_on: "2022-08-15" })
      .execute();
    await seedTasksFromPlan(db, world.districtA, { userId: null, label: "test" });
    const periodQuantities = async (planTaskId: string) => {
      const task = await db.kysely
        .selectFrom("tasks")
        .select("id")
        .where("district_id", "=", world.districtA)
        .where("plan_task_id", "=", planTaskId)
        .executeTakeFirstOrThrow();
      const detail = (await get(office, `/api/tasks/${task.id}`)).json();
      expect(detail.task.quantityFrom).not.toBeNull();
      return Object.fromEntries(
        (detail.periods as { key: string; computedQuantity: string | null }[]).map((p) => [p.key, p.computedQuantity]),
      );
    };
    expect(await periodQuantities("M13-talent-ledger")).toMatchObject({
      "2022-Q2": "2",
      "2022-Q3": "0",
      "2023-Q1": "1",
    });
    expect(await periodQuantities("M13-job-posts")).toMatchObject({ "2022-Q1": "0", "2022-Q2": "2" });
    expect(await periodQuantities("M13-placements")).toMatchObject({ "2022-Q2": "0", "2022-Q3": "1" });
  });
});
