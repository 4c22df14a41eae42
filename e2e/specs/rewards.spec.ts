import type { Browser, Page } from "@playwright/test";
import { type Credentials, DEMO_LOGINS, expect, submitLogin, test } from "../fixtures";

const FINANCE: Credentials = { username: "demo-finance", password: "Finance2021demo" };

async function signedIn(browser: Browser, credentials: Credentials): Promise<Page> {
  // Each role in its own context, with the project's base URL and locale.
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  const page = await context.newPage();
  await submitLogin(page, credentials);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** The open drawer's dialog of a workflow step. */
async function submitDialog(page: Page, title: string, fields: Record<string, string> = {}) {
  const dialog = page.getByRole("dialog").filter({ hasText: title });
  await expect(dialog).toBeVisible();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText("已办理")).toBeVisible();
}

test("office computes 2022; the enterprise confirms its reward; finance approves and pays it once", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const office = await signedIn(browser, DEMO_LOGINS.office);
  await office.goto("/rewards");
  await office.getByLabel("选择年度").click();
  await office.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "2022" }).click();
  await office.getByRole("button", { name: "开始测算" }).click();
  await expect(office.getByTestId("batch-summary")).toContainText("2022 年度测算完成", { timeout: 60_000 });

  // The enterprise sees its own reward with the explanation, and confirms it with its bank account.
  const enterprise = await signedIn(browser, DEMO_LOGINS.enterprise);
  await enterprise.goto("/my-rewards");
  await expect(enterprise.getByText("无需申请")).toBeVisible();
  await enterprise.getByRole("button", { name: "查看并确认" }).first().click();
  const drawer = enterprise.getByRole("dialog", { name: "奖励详情" });
  await expect(drawer.getByText("依据的数据")).toBeVisible();
  await expect(drawer.getByText("计算过程")).toBeVisible();
  const key = (await drawer.locator("code").first().textContent())?.trim() ?? "";
  expect(key).toMatch(/^R-/);
  await drawer.getByRole("button", { name: "确认并填写收款账户" }).click();
  await submitDialog(enterprise, "确认奖励", {
    开户银行: "中国工商银行景德镇分行",
    银行账号: "1503200009100123456",
  });
  await expect(drawer.getByText("企业已确认")).toBeVisible();

  // The office reviews it.
  await office.goto("/rewards");
  await office.getByLabel("状态").click();
  await office
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: "企业已确认" })
    .click();
  await office.getByRole("button", { name: "查看" }).first().click();
  await office.getByRole("dialog", { name: "奖励详情" }).getByRole("button", { name: "审核通过" }).click();
  await submitDialog(office, "审核奖励");

  // 区财政局 approves and records the payment.
  const finance = await signedIn(browser, FINANCE);
  await finance.goto("/rewards");
  await finance.getByRole("button", { name: "查看" }).first().click();
  const financeDrawer = finance.getByRole("dialog", { name: "奖励详情" });
  await expect(financeDrawer.getByText(key)).toBeVisible();
  await financeDrawer.getByRole("button", { name: "审批通过" }).click();
  await expect(financeDrawer.getByText("已审批")).toBeVisible();
  await financeDrawer.getByRole("button", { name: "登记支付" }).click();
  const payDialog = finance.getByRole("dialog").filter({ hasText: "支付凭证号" });
  await payDialog.getByLabel("支付凭证号", { exact: true }).fill("CZ-2023-0001");
  const date = payDialog.getByLabel("支付日期", { exact: true });
  await date.click();
  await date.fill("2023-06-30");
  await date.press("Enter");
  await payDialog.getByRole("button", { name: /确\s*定/ }).click();
  await expect(financeDrawer.getByText("CZ-2023-0001")).toBeVisible();
  await expect(financeDrawer.getByText("已支付")).toBeVisible();

  // A second payment of the same entitlement is refused.
  const me = await finance.request.get("/api/auth/me");
  const csrf = (await me.json()).csrfToken as string;
  const list = await finance.request.get("/api/rewards/entitlements?status=paid&pageSize=100");
  const paid = ((await list.json()).items as { id: number; oneTimeKey: string }[]).find(
    (item) => item.oneTimeKey === key,
  );
  expect(paid).toBeTruthy();
  const again = await finance.request.post(`/api/rewards/entitlements/${paid!.id}/pay`, {
    headers: { "x-csrf-token": csrf },
    data: { voucherNo: "CZ-2023-0002", paidOn: "2023-07-01" },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toContain("已支付");
});
