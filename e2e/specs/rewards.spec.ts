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

test("office computes 2022, the enterprise confirms, the office reviews and lists it in public; anyone objects on a phone; finance approves and pays a listed reward once", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const office = await signedIn(browser, DEMO_LOGINS.office);
  await office.goto("/rewards");
  // The steps are the plan's, named with their units.
  await expect(office.getByTestId("rewards-intro")).toContainText("公示（领导小组办公室）");
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
  // The rule by its name, never its internal id.
  await expect(drawer.getByText(/\bR-[A-Z]/)).toHaveCount(0);
  await drawer.getByRole("button", { name: "确认并填写收款账户" }).click();
  await submitDialog(enterprise, "确认奖励", {
    开户银行: "中国工商银行景德镇分行",
    银行账号: "1503200009100123456",
  });
  await expect(drawer.getByText("企业已确认")).toBeVisible();

  // The office reviews it, then lists the batch in public for the plan's 7 days.
  await office.goto("/rewards");
  await office.getByLabel("状态").click();
  await office
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: "企业已确认" })
    .click();
  await office.getByRole("button", { name: "查看" }).first().click();
  await office.getByRole("dialog", { name: "奖励详情" }).getByRole("button", { name: "审核通过" }).click();
  await submitDialog(office, "审核奖励");
  await office.goto("/rewards");
  await office.getByRole("button", { name: "发布公示" }).first().click();
  const publish = office.getByRole("dialog").filter({ hasText: "发布奖励公示" });
  await expect(publish.getByText("公示 7 天")).toBeVisible();
  await publish.getByRole("button", { name: "发布公示" }).click();
  await expect(office.getByText(/已发布公示/)).toBeVisible();

  // Anyone, on a phone and without logging in, reads the list and objects to the reward.
  const { baseURL, timezoneId } = test.info().project.use;
  const phoneContext = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  await phone.goto("/public/rewards");
  const card = phone.locator('[data-testid^="publicity-"]').first();
  await expect(card.getByText("昌江区2022年度奖励兑现公示")).toBeVisible();
  await expect(card.getByText("异议受理：领导小组办公室")).toBeVisible();
  await expect(card.getByText(/万元/).first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: test.info().outputPath("public-rewards-390.png"), fullPage: true });
  await card.getByRole("button", { name: "提出异议" }).first().click();
  const form = phone.getByRole("dialog");
  await form.getByLabel("联系方式（电话或邮箱）").fill("13800000000");
  await form.getByLabel("异议的事实和理由").fill("该企业当年营业收入含关联交易，请核实。");
  await form.getByRole("button", { name: "提交异议" }).click();
  await expect(form.getByText(/异议已收到（编号 \d+）/)).toBeVisible();
  await phone.screenshot({ path: test.info().outputPath("public-objection-390.png") });
  await phoneContext.close();

  // The office reads the objection with its contact and dismisses it with a reason.
  await office.reload();
  const objections = office.locator(".ant-card").filter({ hasText: "公示与异议" });
  await expect(objections.getByText("该企业当年营业收入含关联交易，请核实。")).toBeVisible();
  await expect(objections.getByText("13800000000")).toBeVisible();
  await objections.getByRole("button", { name: "异议不成立" }).first().click();
  const decision = office.getByRole("dialog").filter({ hasText: "处理意见" });
  await decision.getByLabel("处理意见").fill("经核查，关联交易已剔除");
  await decision.getByRole("button", { name: /确\s*定/ }).click();
  await expect(office.getByText("已办理")).toBeVisible();

  // 区财政局 approves and pays a reward whose publicity is over (the demo's 2021 list, March 2022).
  const finance = await signedIn(browser, FINANCE);
  await finance.goto("/rewards");
  await finance.getByLabel("年度").click();
  await finance.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "2021" }).click();
  await finance.getByRole("button", { name: "查看" }).first().click();
  const financeDrawer = finance.getByRole("dialog", { name: "奖励详情" });
  await expect(financeDrawer.getByText("区财政局审批（区财政局）")).toBeVisible();
  const listedId = Number(await financeDrawer.locator("[data-entitlement-id]").getAttribute("data-entitlement-id"));
  await financeDrawer.getByRole("button", { name: "审批通过" }).click();
  // The approval is read back before it is made: the enterprise, the amount and the payee.
  const approval = finance.getByRole("dialog").filter({ hasText: "确认审批通过这笔奖励？" });
  await expect(approval.getByTestId("approve-confirmation")).toContainText("收款方");
  await expect(approval.getByTestId("approve-confirmation")).toContainText("万元");
  await approval.getByRole("button", { name: "审批通过" }).click();
  await expect(financeDrawer.getByText("已审批")).toBeVisible();
  await financeDrawer.getByRole("button", { name: "登记支付" }).click();
  const payDialog = finance.getByRole("dialog").filter({ hasText: "支付凭证号" });
  await expect(payDialog.getByTestId("pay-confirmation")).toContainText("收款方");
  await expect(payDialog.getByTestId("pay-confirmation")).toContainText("万元");
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
  const list = await finance.request.get("/api/rewards/entitlements?status=paid&pageSize=500");
  const paid = ((await list.json()).items as { id: number }[]).find((item) => item.id === listedId);
  expect(paid).toBeTruthy();
  const again = await finance.request.post(`/api/rewards/entitlements/${paid!.id}/pay`, {
    headers: { "x-csrf-token": csrf },
    data: { voucherNo: "CZ-2023-0002", paidOn: "2023-07-01" },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toContain("已支付");
});
