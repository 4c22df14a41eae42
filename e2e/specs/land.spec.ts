import { expect, test } from "../fixtures";

test("the office adds a parcel (a wrong area named), takes it a step, reads the totals and the zombie enterprises", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const code = `E2E-${Date.now() % 1_000_000}`;
  await login("office");
  await page.goto("/land");
  await expect(page.getByRole("heading", { name: "平台地块与僵尸企业" })).toBeVisible();
  await expect(page.getByText("面积汇总（亩）")).toBeVisible();

  await page.getByRole("button", { name: "新增地块" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("地块编号").fill(code);
  await dialog.getByLabel("坐落").fill("鱼丽工业平台纬三路南侧");
  await dialog.getByLabel("面积（亩）").fill("三亩");
  await dialog.getByLabel("权利人").fill("景德镇某陶瓷有限公司");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("面积：不是数字（以亩计，最多两位小数）")).toBeVisible();
  await dialog.getByLabel("面积（亩）").fill("3.25");
  await dialog.getByRole("button", { name: "保存" }).click();
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("3.25");
  await expect(row).toContainText("闲置");

  await row.getByRole("button", { name: "变更状态" }).click();
  const step = page.getByRole("dialog");
  await step.getByLabel("日期").fill("2023-11-02");
  await step.getByRole("button", { name: "保存" }).click();
  await expect(row).toContainText("收回中");
  await expect(row.getByText("开始收回日期 2023-11-02")).toBeVisible();

  await page.getByRole("tab", { name: "僵尸企业" }).click();
  await expect(page.getByText("连续 12 个月无营业收入").first()).toBeVisible();
  await expect(page.getByText("处置完成").first()).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Platform land and zombie enterprises" })).toBeVisible();
});
