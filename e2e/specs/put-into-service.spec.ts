/**
 * 投入使用: a district put into service from its own plan file, with no demo data at all — the README's path,
 * on the second server of the configuration (an empty database). The plan is loaded with the first office
 * account from the command line; the office signs in with its one-time password and sets its own, creates
 * the statistics bureau's account, imports the bureau's year-end files (whose enterprises are not registered
 * yet: they are registered from the file), and computes the year's rewards.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import { type Page, request as playwrightRequest } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test } from "../fixtures";
import { FRESH_PORT, freshDatabaseFile } from "../playwright.config";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const freshURL = `http://127.0.0.1:${FRESH_PORT}`;
test.use({ baseURL: freshURL });

const ENTERPRISES = [
  { code: withCheckCharacter("91990101MA0000001"), name: "云溪新材料科技有限公司", industry: "3011" },
  { code: withCheckCharacter("91990101MA0000002"), name: "云溪精工装备有限公司", industry: "3421" },
  { code: withCheckCharacter("91990101MA0000003"), name: "云溪食品有限公司", industry: "1391" },
];

/** A bureau's year-end report: the period only in the title, revenue and tax in 万元, an industry code column. */
async function yearEndReport(year: number, revenues: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("年报");
  sheet.addRow([`${year}年1-12月规模以上工业企业主要经济指标`]);
  sheet.addRow(["单位：万元"]);
  sheet.addRow(["序号", "统一社会信用代码", "单位名称", "行业代码", "营业收入", "入库税收"]);
  ENTERPRISES.forEach((enterprise, index) => {
    sheet.addRow([index + 1, enterprise.code, enterprise.name, enterprise.industry, revenues[index], "1200"]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function importFile(page: Page, fileName: string, buffer: Buffer, expectRegistration: boolean) {
  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "数据导入" })).toBeVisible();
  await page.getByText("年度数据", { exact: true }).click();
  // The figures' upload, not the plan data items' card below it.
  await page.getByLabel("点击或拖入 .xlsx 文件").setInputFiles({
    name: fileName,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await expect(page.getByText(/按第\d+行标题/)).toBeVisible();
  if (expectRegistration) {
    for (const enterprise of ENTERPRISES) await expect(page.getByText(enterprise.name).first()).toBeVisible();
    await page.getByRole("switch", { name: "从文件登记这些企业" }).click();
  }
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible();
}

test("a district goes live from its plan file: first office, accounts, register and figures from the bureau's files, rewards", async ({
  page,
}) => {
  test.slow();
  const started = Date.now();
  const load = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "packages/cli/src/main.ts",
      "plan",
      "load",
      "plans/test-district-2024-2026/plan.yaml",
      "--first-office",
      "yx-office",
    ],
    { cwd: repositoryRoot, env: { ...process.env, BEIZENG_SQLITE_FILE: freshDatabaseFile, DATABASE_URL: "" } },
  ).toString();
  const oneTime = /一次性密码 \/ one-time password: (\S+)/.exec(load)?.[1];
  expect(oneTime, load).toBeTruthy();

  // The office signs in with the one-time password and must choose its own.
  await page.goto("/login");
  await page.getByLabel("用户名").fill("yx-office");
  await page.getByLabel("密码").fill(oneTime ?? "");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("您正在使用临时密码，请先设置新密码。")).toBeVisible();
  const newPassword = "Yunxi-Office-2024";
  await page.getByLabel("当前密码").fill(oneTime ?? "");
  await page.getByLabel("新密码", { exact: true }).fill(newPassword);
  await page.getByLabel("确认新密码").fill(newPassword);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).not.toHaveURL(/password|login/);
  // No demo anywhere: the banner of demo data is absent, the district is the plan's.
  await expect(page.getByText("演示数据")).toHaveCount(0);
  await expect(page.getByText("云溪区").first()).toBeVisible();

  // The statistics bureau's account, made by the office through the API the users page uses.
  const office = await playwrightRequest.newContext({ baseURL: freshURL });
  const signIn = await office.post("/api/auth/login", { data: { username: "yx-office", password: newPassword } });
  expect(signIn.status()).toBe(200);
  const csrf = (await signIn.json()).csrfToken as string;
  const units = (await (await office.get("/api/units")).json()).items as { id: number; code: string }[];
  const stats = units.find((unit) => unit.code === "stats-bureau");
  const created = await office.post("/api/users", {
    headers: { "x-csrf-token": csrf },
    data: {
      username: "yx-stats",
      displayName: "统计局 张三",
      role: "unit",
      unitId: stats?.id,
      password: "Yunxi-Stats-2024",
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  // The register and the figures from the bureau's year-end reports, the first registering the enterprises.
  await importFile(page, "2023年报.xlsx", await yearEndReport(2023, ["90000", "3000", "1800"]), true);
  await importFile(page, "2024年报.xlsx", await yearEndReport(2024, ["120000", "3600", "2100"]), false);
  const register = await (await office.get("/api/enterprises?pageSize=50")).json();
  expect(register.total).toBe(3);
  const chains = Object.fromEntries(
    (register.items as { name: string; chainId: string }[]).map((item) => [item.name, item.chainId]),
  );
  expect(chains).toEqual({
    云溪新材料科技有限公司: "new-materials",
    云溪精工装备有限公司: "equipment",
    云溪食品有限公司: "general",
  });

  // The year's rewards, computed from the figures: 云溪新材料 crosses 10亿元 of revenue for the first time.
  const batch = await office.post("/api/rewards/batches", { headers: { "x-csrf-token": csrf }, data: { year: 2024 } });
  expect(batch.status(), await batch.text()).toBe(202);
  const batchId = (await batch.json()).id as number;
  await expect
    .poll(async () => (await (await office.get(`/api/rewards/batches/${batchId}`)).json()).status, { timeout: 60_000 })
    .toBe("done");
  const entitlements = (await (await office.get("/api/rewards/entitlements?year=2024&pageSize=100")).json()).items as {
    enterpriseName: string | null;
    ruleId: string;
    amountFen: string | null;
  }[];
  expect(entitlements).toContainEqual(
    expect.objectContaining({
      enterpriseName: "云溪新材料科技有限公司",
      ruleId: "R-REV-MILESTONE",
      amountFen: "30000000",
    }),
  );
  await page.goto("/rewards");
  const milestone = page
    .getByRole("row")
    .filter({ hasText: "云溪新材料科技有限公司" })
    .filter({ hasText: "30.00 万元" });
  await milestone.first().scrollIntoViewIfNeeded();
  await expect(milestone.first()).toBeVisible();
  await office.dispose();
  test
    .info()
    .annotations.push({ type: "duration", description: `${Date.now() - started} ms from plan load to rewards` });
});
