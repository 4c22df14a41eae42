import { expect, test } from "../fixtures";

/**
 * Policy simulation: a leader raises R-GROWTH's top band from 20万 to 30万 in a new scenario, sees its cost per year
 * with the projected years marked, the enterprises that gain with the reason, and compares it with another
 * scenario side by side. Names are unique per run, so a retry on the same database passes too.
 */
test("a leader tries a higher growth reward, sees who gains and why, and compares two scenarios", async ({
  page,
  login,
}) => {
  test.setTimeout(180_000);
  const run = Date.now() % 100_000;
  const raised = `增幅奖励提高 ${run}`;
  const removed = `取消增幅奖励 ${run}`;
  await login("leader");
  await page.goto("/rewards/scenarios");
  // The leader's home page asks for the district's dashboards first: the page may wait behind them on a busy server.
  await expect(page.getByRole("heading", { name: "政策测算" })).toBeVisible({ timeout: 60_000 });

  await page.getByRole("button", { name: "新建测算方案" }).click();
  const drawer = page.getByRole("dialog");
  await drawer.getByLabel("名称").fill(raised);
  await drawer.getByLabel("R-GROWTH 第 4 档 奖励金额").fill("300000");
  await drawer.getByRole("button", { name: "保存并测算" }).click();

  await expect(page.getByRole("heading", { name: raised })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("奖励增加").first()).toBeVisible();
  await expect(page.getByText(/营业收入增幅奖励：20\.00 万元（0\.15） → 30\.00 万元（0\.15）/).first()).toBeVisible();
  await expect(page.getByText("预测", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByRole("button", { name: "新建测算方案" }).click();
  await page.getByRole("dialog").getByLabel("名称").fill(removed);
  await page
    .getByRole("dialog")
    .locator(".ant-card")
    .filter({ hasText: "营业收入增幅奖励" })
    .getByRole("checkbox")
    .check();
  await page.getByRole("dialog").getByRole("button", { name: "保存并测算" }).click();
  await expect(page.getByRole("heading", { name: removed })).toBeVisible();

  await page.getByRole("button", { name: "返回列表" }).click();
  await page.getByRole("checkbox", { name: raised }).check();
  await page.getByRole("checkbox", { name: removed }).check();
  await page.getByRole("button", { name: "并排比较" }).click();
  const comparison = page.getByTestId("scenario-comparison");
  await expect(comparison.getByRole("columnheader", { name: raised })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: removed })).toBeVisible();
});
