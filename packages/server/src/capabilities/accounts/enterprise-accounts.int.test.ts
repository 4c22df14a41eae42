import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVATION_CODE_ALPHABET } from "../../platform/auth/activation-codes";
import type { BeizengDb } from "../../platform/db/database";
import {
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  TEST_ACTOR,
  TEST_PASSWORD,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { createUser } from "./users.service";

const NEW_PASSWORD = "Activated-2026pass";
const CODE_SHAPE = new RegExp(
  `^[${ACTIVATION_CODE_ALPHABET}]{4}-[${ACTIVATION_CODE_ALPHABET}]{4}-[${ACTIVATION_CODE_ALPHABET}]{4}$`,
);

interface SheetRow {
  name: string;
  creditCode: string;
  username: string;
  code: string;
  expiry: string;
  address: string;
}

/** The rows of the activation spreadsheet under its header, read back cell by cell. */
async function readCodes(body: Buffer): Promise<{ header: string[]; rows: SheetRow[]; title: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  const text = (row: number, column: number) => String(sheet.getRow(row).getCell(column).value ?? "");
  const header = [1, 2, 3, 4, 5, 6].map((column) => text(3, column));
  const rows: SheetRow[] = [];
  for (let row = 4; row <= sheet.rowCount; row += 1) {
    if (!text(row, 1)) continue;
    rows.push({
      name: text(row, 1),
      creditCode: text(row, 2),
      username: text(row, 3),
      code: text(row, 4),
      expiry: text(row, 5),
      address: text(row, 6),
    });
  }
  return { header, rows, title: text(1, 1) };
}

describe.each(testDatabases())("enterprise accounts from the register on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let officeB: Session;
  let townId: number;
  let otherTownId: number;
  /** Enterprises of district A without accounts. */
  let keyInTown: number;
  let aboveBio: number;
  let plain: number;
  const sheetCodes: Map<string, SheetRow> = new Map();

  async function addEnterprise(
    districtId: string,
    creditCode: string,
    name: string,
    extra: { chain?: string; town?: number | null; key?: boolean; above?: boolean } = {},
  ): Promise<number> {
    const now = new Date().toISOString();
    const row = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: districtId,
        credit_code: creditCode,
        name,
        chain_id: extra.chain ?? "electronics",
        town_unit_id: extra.town ?? null,
        is_key: extra.key ? 1 : 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (extra.above) {
      await db.kysely
        .insertInto("enterprise_scale_years")
        .values([
          { enterprise_id: row.id, year: 2022, status: "reserve" },
          { enterprise_id: row.id, year: 2023, status: "above" },
        ])
        .execute();
    }
    return row.id;
  }

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    office = await loginAs(app, "office-a");
    officeB = await loginAs(app, "office-b");
    const towns = await db.kysely
      .selectFrom("units")
      .select(["id", "district_id"])
      .where("kind", "=", "town")
      .orderBy("id")
      .execute();
    townId = towns.find((unit) => unit.district_id === world.districtA)?.id ?? 0;
    otherTownId = towns.find((unit) => unit.district_id === world.districtB)?.id ?? 0;
    keyInTown = await addEnterprise(world.districtA, "91360202MA35XXXX05", "景德镇丙陶瓷有限公司", {
      town: townId,
      key: true,
    });
    aboveBio = await addEnterprise(world.districtA, "91360202MA35XXXX06", "景德镇丁制药有限公司", {
      chain: "biomedicine",
      above: true,
    });
    plain = await addEnterprise(world.districtA, "91360202MA35XXXX07", "景德镇戊机械有限公司");
    // An account elsewhere already holds the credit code of `plain` as its username.
    await createUser(
      db,
      {
        districtId: world.districtB,
        username: "91360202ma35xxxx07",
        displayName: "同名账号",
        role: "leader",
        password: TEST_PASSWORD,
      },
      TEST_ACTOR,
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (session: Session | null, url: string, payload: unknown = {}, remoteAddress = "127.0.0.1") =>
    app.inject({ method: "POST", url, headers: session?.headers ?? {}, payload: payload as object, remoteAddress });
  const preview = async (selection: unknown, session = office) => {
    const response = await post(session, "/api/users/enterprise-accounts/preview", selection);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      selected: number;
      toCreate: { enterpriseId: number; username: string; creditCode: string; name: string }[];
      skipped: { enterpriseId: number; usernames: string[] }[];
      validDays: number;
      expiresAt: string;
    };
  };
  const activate = (username: string, activationCode: string, newPassword = NEW_PASSWORD, ip = "127.0.0.1") =>
    post(null, "/api/auth/activate", { username, activationCode, newPassword }, ip);
  const tryLogin = (username: string, password: string, ip = "127.0.0.1") =>
    post(null, "/api/auth/login", { username, password }, ip);

  it("previews every enterprise of the register: those with accounts skipped, usernames from the credit code", async () => {
    const answer = await preview({});
    expect(answer.selected).toBe(5);
    expect(answer.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ enterpriseId: world.enterpriseA, usernames: ["enterprise-a"] }),
        expect.objectContaining({ enterpriseId: world.enterpriseA2, usernames: ["enterprise-a2"] }),
      ]),
    );
    expect(answer.skipped).toHaveLength(2);
    const usernames = Object.fromEntries(answer.toCreate.map((row) => [row.enterpriseId, row.username]));
    expect(usernames).toEqual({
      [keyInTown]: "91360202ma35xxxx05",
      [aboveBio]: "91360202ma35xxxx06",
      // Taken by another account: the next free name, the same on every preview.
      [plain]: "91360202ma35xxxx07-2",
    });
    expect(answer.validDays).toBe(30);
    const days = (Date.parse(answer.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // Nothing was written.
    expect((await db.kysely.selectFrom("account_activations").selectAll().execute()).length).toBe(0);
  });

  it("narrows the choice by above-scale status, key enterprises, town, chain and picked rows", async () => {
    const ids = async (selection: unknown) => {
      const answer = await preview(selection);
      return [...answer.toCreate.map((row) => row.enterpriseId), ...answer.skipped.map((row) => row.enterpriseId)].sort(
        (a, b) => a - b,
      );
    };
    expect(await ids({ aboveScale: true })).toEqual([world.enterpriseA, aboveBio].sort((a, b) => a - b));
    expect(await ids({ key: true })).toEqual([keyInTown]);
    expect(await ids({ town: townId })).toEqual([keyInTown]);
    expect(await ids({ chain: "biomedicine" })).toEqual([aboveBio]);
    expect(await ids({ enterpriseIds: [plain, world.enterpriseA] })).toEqual(
      [plain, world.enterpriseA].sort((a, b) => a - b),
    );
    expect(await ids({ enterpriseIds: [plain], key: true })).toEqual([]);
  });

  it("refuses a town, chain or enterprise that is not the district's, naming the field", async () => {
    const town = await post(office, "/api/users/enterprise-accounts/preview", { town: otherTownId });
    expect(town.statusCode).toBe(400);
    expect(town.json().error.message).toContain("town");
    const chain = await post(office, "/api/users/enterprise-accounts/preview", { chain: "no-such-chain" });
    expect(chain.statusCode).toBe(400);
    expect(chain.json().error.message).toContain("chain");
    const foreign = await post(office, "/api/users/enterprise-accounts", { enterpriseIds: [world.enterpriseB] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain(`企业 ${world.enterpriseB} 不存在`);
    const days = await post(office, "/api/users/enterprise-accounts/preview", { validDays: 0 });
    expect(days.statusCode).toBe(400);
    expect(days.json().error.message).toContain("validDays");
  });

  it("shows a district's office only its own district's enterprises", async () => {
    const answer = await preview({}, officeB);
    expect(answer.selected).toBe(1);
    expect(answer.toCreate).toEqual([
      expect.objectContaining({ enterpriseId: world.enterpriseB, username: "91990101ma00xxxx03" }),
    ]);
  });

  it("refuses units, enterprises and strangers (403 and 401)", async () => {
    const unit = await loginAs(app, "unit-a");
    const enterprise = await loginAs(app, "enterprise-a");
    const calls = [
      ["POST", "/api/users/enterprise-accounts/preview"],
      ["POST", "/api/users/enterprise-accounts"],
      ["GET", "/api/users/activations"],
      ["POST", `/api/users/${world.users.enterprise.id}/activation-code`],
    ] as const;
    for (const [method, url] of calls) {
      for (const session of [unit, enterprise]) {
        const response = await app.inject({
          method,
          url,
          headers: session.headers,
          ...(method === "POST" ? { payload: {} } : {}),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
      }
      const anonymous = await app.inject({ method, url, ...(method === "POST" ? { payload: {} } : {}) });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await db.kysely.selectFrom("account_activations").selectAll().execute()).length).toBe(0);
  });

  it("creates the missing accounts in one go and hands the codes out once, as a spreadsheet", async () => {
    const response = await post(office, "/api/users/enterprise-accounts", {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain("filename*=UTF-8''");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["x-accounts-created"]).toBe("3");
    expect(response.headers["x-accounts-skipped"]).toBe("2");
    const { header, rows, title } = await readCodes(response.rawPayload);
    expect(title).toBe("企业账号激活码");
    expect(header).toEqual(["企业名称", "统一社会信用代码", "用户名", "激活码", "有效期至", "激活地址"]);
    expect(rows.map((row) => row.username).sort()).toEqual([
      "91360202ma35xxxx05",
      "91360202ma35xxxx06",
      "91360202ma35xxxx07-2",
    ]);
    const expiry = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
    for (const row of rows) {
      expect(row.code).toMatch(CODE_SHAPE);
      expect(row.expiry).toContain(expiry);
      expect(row.address).toMatch(/^http:\/\/localhost(:\d+)?\/activate\?username=/);
      expect(row.address).toContain(encodeURIComponent(row.username));
      sheetCodes.set(row.username, row);
    }
    expect(sheetCodes.get("91360202ma35xxxx05")).toMatchObject({
      name: "景德镇丙陶瓷有限公司",
      creditCode: "91360202MA35XXXX05",
    });
    expect(new Set(rows.map((row) => row.code)).size).toBe(3);

    // The codes are kept only as hashes.
    const stored = await db.kysely.selectFrom("account_activations").selectAll().execute();
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      expect(row.code_hash).toMatch(/^\$argon2id\$/);
      for (const { code } of rows) expect(row.code_hash).not.toContain(code.replace(/-/g, ""));
    }
    // The office's list shows the accounts waiting for activation.
    const list = (await app.inject({ url: "/api/users", headers: office.headers })).json();
    const made = list.items.filter((user: { username: string }) => sheetCodes.has(user.username));
    expect(made).toHaveLength(3);
    for (const user of made) expect(user).toMatchObject({ role: "enterprise", mustChangePassword: false });
    const waiting = (await app.inject({ url: "/api/users/activations", headers: office.headers })).json();
    expect(waiting.items.map((item: { userId: number }) => item.userId).sort()).toEqual(
      made.map((user: { id: number }) => user.id).sort(),
    );
    expect(waiting.items.every((item: { state: string }) => item.state === "pending")).toBe(true);
  });

  it("audits every account and the whole, without a code anywhere in the log", async () => {
    const audit = await app.inject({ url: "/api/audit?pageSize=500", headers: office.headers });
    const entries = audit.json().items as { action: string; entityType: string; after: Record<string, unknown> }[];
    const created = entries.filter(
      (entry) =>
        entry.action === "create" && entry.entityType === "user" && sheetCodes.has(String(entry.after.username)),
    );
    expect(created).toHaveLength(3);
    const whole = entries.find((entry) => entry.action === "enterprise_accounts_create");
    expect(whole?.after).toMatchObject({ created: 3, skipped: 2 });
    const text = audit.body;
    for (const { code } of sheetCodes.values()) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replace(/-/g, ""));
    }
  });

  it("a second run creates only the accounts still missing", async () => {
    const again = await post(office, "/api/users/enterprise-accounts", {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("均已有账号");
    expect((await preview({})).toCreate).toEqual([]);
    const late = await addEnterprise(world.districtA, "91360202MA35XXXX08", "景德镇己新材料有限公司");
    const response = await post(office, "/api/users/enterprise-accounts", {});
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-accounts-created"]).toBe("1");
    const { rows } = await readCodes(response.rawPayload);
    expect(rows.map((row) => row.username)).toEqual(["91360202ma35xxxx08"]);
    expect((await preview({ enterpriseIds: [late] })).skipped).toEqual([
      expect.objectContaining({ enterpriseId: late, usernames: ["91360202ma35xxxx08"] }),
    ]);
  });

  it("an account not yet activated cannot sign in with any password, its code included", async () => {
    const { username, code } = sheetCodes.get("91360202ma35xxxx06")!;
    // Three tries: a fourth from the same address would wait (429) whatever the password.
    for (const password of [code, code.replace(/-/g, ""), TEST_PASSWORD]) {
      const response = await tryLogin(username, password, "10.0.0.1");
      expect(response.statusCode).toBe(401);
    }
  });

  it("activates once with the code and a new password; a second use is refused", async () => {
    const { username, code } = sheetCodes.get("91360202ma35xxxx05")!;
    const weak = await activate(username, code, "short");
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain("newPassword");

    // Typed loosely: lower case, without the hyphens.
    const done = await activate(username.toUpperCase(), code.toLowerCase().replace(/-/g, " "));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ username });
    const session = await loginAs(app, username, NEW_PASSWORD);
    const me = (await app.inject({ url: "/api/auth/me", headers: session.headers })).json();
    expect(me.user).toMatchObject({ username, role: "enterprise", mustChangePassword: false });
    expect(me.user.enterprise).toMatchObject({ id: keyInTown });

    const second = await activate(username, code, "Another-2026pass");
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("activation_used");
    // The password chosen at activation still holds.
    expect((await tryLogin(username, "Another-2026pass", "10.0.0.2")).statusCode).toBe(401);
    await loginAs(app, username, NEW_PASSWORD);

    const audit = (
      await app.inject({ url: "/api/audit?action=activate&entityType=user", headers: office.headers })
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(JSON.stringify(audit.items)).not.toContain(code);
    const waiting = (await app.inject({ url: "/api/users/activations", headers: office.headers })).json();
    expect(waiting.items.map((item: { userId: number }) => item.userId)).not.toContain(me.user.id);
  });

  it("activates by credit code when the username carries a suffix", async () => {
    const { creditCode, code, username } = sheetCodes.get("91360202ma35xxxx07-2")!;
    const done = await activate(creditCode, code, NEW_PASSWORD, "10.0.0.3");
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ username });
    await loginAs(app, username, NEW_PASSWORD);
  });

  it("refuses an expired code, and the office's list says it expired", async () => {
    const { username, code } = sheetCodes.get("91360202ma35xxxx06")!;
    const user = await db.kysely
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable("account_activations")
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where("user_id", "=", user.id)
      .execute();
    const expired = await activate(username, code, NEW_PASSWORD, "10.0.0.4");
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe("activation_expired");
    expect((await tryLogin(username, NEW_PASSWORD, "10.0.0.4")).statusCode).toBe(401);
    const waiting = (await app.inject({ url: "/api/users/activations", headers: office.headers })).json();
    expect(waiting.items.find((item: { userId: number }) => item.userId === user.id)).toMatchObject({
      state: "expired",
    });
  });

  it("re-issuing a code voids the old one; the new one activates", async () => {
    const { username, code: oldCode } = sheetCodes.get("91360202ma35xxxx06")!;
    const user = await db.kysely
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    const issued = await post(office, `/api/users/${user.id}/activation-code`, { validDays: 7 });
    expect(issued.statusCode, issued.body).toBe(200);
    const answer = issued.json();
    expect(answer.username).toBe(username);
    expect(answer.activationCode).toMatch(CODE_SHAPE);
    expect(answer.activationCode).not.toBe(oldCode);
    expect(answer.activationUrl).toContain(`/activate?username=${username}`);
    const days = (Date.parse(answer.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const old = await activate(username, oldCode, NEW_PASSWORD, "10.0.0.5");
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe("invalid_activation");
    const done = await activate(username, answer.activationCode, NEW_PASSWORD, "10.0.0.5");
    expect(done.statusCode, done.body).toBe(200);
    await loginAs(app, username, NEW_PASSWORD);

    const audit = (await app.inject({ url: "/api/audit?action=activation_issue", headers: office.headers })).json();
    expect(audit.items).toHaveLength(1);
    expect(JSON.stringify(audit.items)).not.toContain(answer.activationCode);
  });

  it("re-issuing to an active account ends its password and sessions until it activates again", async () => {
    const username = "91360202ma35xxxx05";
    const session = await loginAs(app, username, NEW_PASSWORD);
    const user = await db.kysely
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    const issued = (await post(office, `/api/users/${user.id}/activation-code`)).json();
    expect((await app.inject({ url: "/api/auth/me", headers: session.headers })).statusCode).toBe(401);
    expect((await tryLogin(username, NEW_PASSWORD, "10.0.0.6")).statusCode).toBe(401);
    const renewed = "Renewed-2026pass";
    expect((await activate(username, issued.activationCode, renewed, "10.0.0.6")).statusCode).toBe(200);
    await loginAs(app, username, renewed);
  });

  it("issues codes only to enterprise accounts of the office's own district", async () => {
    const toLeader = await post(office, `/api/users/${world.users.leader.id}/activation-code`);
    expect(toLeader.statusCode).toBe(400);
    expect(toLeader.json().error.message).toContain("企业账号");
    const foreign = await post(officeB, `/api/users/${world.users.enterprise.id}/activation-code`);
    expect(foreign.statusCode).toBe(404);
  });

  it("a password reset by the office voids a waiting code", async () => {
    const row = await db.kysely
      .selectFrom("users")
      .select("id")
      .where("username", "=", "91360202ma35xxxx08")
      .executeTakeFirstOrThrow();
    const issued = (await post(office, `/api/users/${row.id}/activation-code`)).json();
    const reset = await post(office, `/api/users/${row.id}/reset-password`, {});
    expect(reset.statusCode).toBe(200);
    const refused = await activate("91360202ma35xxxx08", issued.activationCode, NEW_PASSWORD, "10.0.0.7");
    expect(refused.statusCode).toBe(401);
  });

  it("wrong codes count against the login throttling, for the code and the password alike", async () => {
    const officeBUser = await post(officeB, "/api/users/enterprise-accounts", {});
    expect(officeBUser.statusCode).toBe(200);
    const { rows } = await readCodes(officeBUser.rawPayload);
    const { username, code } = rows[0]!;
    const ip = "10.9.9.9";
    for (const guess of ["AAAA-AAAA-AAAA", "BBBB-BBBB-BBBB", "CCCC-CCCC-CCCC"]) {
      const response = await activate(username, guess, NEW_PASSWORD, ip);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("invalid_activation");
    }
    // The fourth try waits, even with the right code, and so does a login from the same address.
    const held = await activate(username, code, NEW_PASSWORD, ip);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe("rate_limited");
    expect(held.headers["retry-after"]).toBeDefined();
    expect((await tryLogin(username, NEW_PASSWORD, ip)).statusCode).toBe(429);
    // The code was not spent by the refused try: from elsewhere, it still activates.
    expect((await activate(username, code, NEW_PASSWORD, "10.9.9.10")).statusCode).toBe(200);
    // An unknown account answers as a wrong code does.
    const unknown = await activate("no-such-account", code, NEW_PASSWORD, "10.9.9.11");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("invalid_activation");
  });
});
