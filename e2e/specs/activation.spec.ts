import { readFile } from "node:fs/promises";
import { request as playwrightRequest } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_LOGINS, expect, submitLogin, test } from "../fixtures";

interface EnterpriseItem {
  id: number;
  name: string;
  creditCode: string;
}

/** An enterprise of the demo register that has no account yet (the last in the register's order). */
async function enterpriseWithoutAccount(baseURL: string): Promise<EnterpriseItem> {
  const office = await playwrightRequest.newContext({ baseURL });
  expect((await office.post("/api/auth/login", { data: DEMO_LOGINS.office })).status()).toBe(200);
  const enterprises = (await (await office.get("/api/enterprises?pageSize=500")).json()).items as EnterpriseItem[];
  const users = (await (await office.get("/api/users")).json()).items as { enterprise: { id: number } | null }[];
  await office.dispose();
  const withAccount = new Set(users.flatMap((user) => (user.enterprise ? [user.enterprise.id] : [])));
  const free = enterprises.filter((enterprise) => !withAccount.has(enterprise.id)).at(-1);
  if (!free) throw new Error("every demo enterprise has an account");
  return free;
}

/** The username and activation code of the spreadsheet's first row (the header is on row 3). */
async function firstCode(file: string): Promise<{ username: string; code: string; address: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const row = book.worksheets[0]!.getRow(4);
  return {
    username: String(row.getCell(3).value),
    code: String(row.getCell(4).value),
    address: String(row.getCell(6).value),
  };
}

test("the office opens an enterprise's account from the register; the enterprise activates it and signs in", async ({
  page,
  login,
  baseURL,
  browser,
}) => {
  // Two browsers, the office's and the enterprise's, each signing in: more than one page's worth of time.
  test.slow();
  const enterprise = await enterpriseWithoutAccount(baseURL!);

  await login("office");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "批量开通企业账号" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("逐家选择").check();
  // The search answers while the list may still show an earlier answer: pick until the choice holds.
  await expect(async () => {
    await dialog.getByLabel("企业", { exact: true }).fill(enterprise.creditCode);
    await page.locator(".ant-select-item-option").filter({ hasText: enterprise.name }).click({ timeout: 5_000 });
    await expect(dialog.locator(".ant-select-selection-item").filter({ hasText: enterprise.name })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "预览" }).click();
  await expect(dialog.getByText("共选中 1 家企业：将新开通 1 个账号，跳过 0 家已有账号的企业。")).toBeVisible();
  const username = enterprise.creditCode.toLowerCase();
  await expect(dialog.getByRole("cell", { name: username, exact: true })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "开通 1 个账号并下载激活码" }).click(),
  ]);
  await expect(dialog.getByText("已开通 1 个企业账号")).toBeVisible();
  const sheet = await firstCode(await download.path());
  expect(sheet.username).toBe(username);
  expect(sheet.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(sheet.address).toContain(`/activate?username=${username}`);
  await dialog.getByRole("button", { name: "完成" }).click();
  await expect(page.getByRole("row").filter({ hasText: username })).toContainText("待激活");

  // The enterprise, in a browser of its own: not yet able to sign in, then activating from the login page.
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const enterprisePage = await context.newPage();
  const password = "Enterprise-2026own";
  await submitLogin(enterprisePage, { username, password });
  await expect(enterprisePage.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();

  await enterprisePage.getByRole("link", { name: "企业账号激活" }).click();
  await expect(enterprisePage.getByRole("heading", { name: "企业账号激活" })).toBeVisible();
  await enterprisePage.getByLabel("用户名或统一社会信用代码").fill(enterprise.creditCode);
  await enterprisePage.getByLabel("激活码").fill(sheet.code);
  await enterprisePage.getByLabel("新密码", { exact: true }).fill(password);
  await enterprisePage.getByLabel("确认新密码").fill(password);
  await enterprisePage.getByRole("button", { name: "激活账号" }).click();
  await expect(enterprisePage.getByText("账号已激活")).toBeVisible();
  await expect(enterprisePage.getByText(`请使用用户名 ${username} 和刚设置的密码登录。`)).toBeVisible();

  await enterprisePage.getByRole("button", { name: "去登录" }).click();
  await expect(enterprisePage).toHaveURL(/\/login/);
  await submitLogin(enterprisePage, { username, password });
  await expect(enterprisePage).not.toHaveURL(/\/login/);
  await expect(enterprisePage.getByText(enterprise.name).first()).toBeVisible();

  // The code worked once.
  const again = await enterprisePage.request.post("/api/auth/activate", {
    data: { username, activationCode: sheet.code, newPassword: "Another-2026pass" },
  });
  expect(again.status()).toBe(409);
  await context.close();
});
