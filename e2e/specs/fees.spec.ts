import { expect, test } from "../fixtures";

test.describe.configure({ mode: "serial" });

/** A day `days` before today, as the date field takes it. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

test("anyone reads the published fee list without login, and the list as it stood on a past day", async ({ page }) => {
  await page.goto("/fees");
  await expect(page.getByRole("heading", { name: "涉企收费清单" })).toBeVisible();
  await expect(page.getByText("工业用水每吨 0.80 元").first()).toBeVisible();
  const abolished = page.getByTestId("published-fee").filter({ hasText: "地方水利建设基金" });
  await expect(abolished).toHaveCount(0);

  // Between the demo's two versions: the first, with the old standard and the fee since abolished.
  await page.getByLabel("查看某日的清单").fill(daysAgo(300));
  await expect(page.getByText("工业用水每吨 0.95 元").first()).toBeVisible();
  await expect(abolished.first()).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Fees charged to enterprises" })).toBeVisible();
});

test("on a phone the public list fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/fees");
  await expect(page.getByTestId("published-fee").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("the office adds a fee (a missing standard is named), publishes the list, and an enterprise complains about a charge", async ({
  page,
  login,
}) => {
  test.setTimeout(180_000);
  const name = `排污权有偿使用费 ${Date.now() % 100000}`;

  await login("office");
  await page.goto("/fee-list");
  await page.getByRole("button", { name: "新增收费项目" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("收费项目").fill(name);
  await dialog.getByLabel("收费单位").fill("区生态环境局");
  await dialog.getByLabel("收费依据").fill("《排污权有偿使用和交易管理暂行办法》");
  await dialog.getByLabel("生效日期").fill("2024-01-01");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("请填写收费标准")).toBeVisible();
  await dialog.getByLabel("收费标准").fill("每吨化学需氧量 2,000 元");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("cell", { name }).first()).toBeVisible();

  await page.getByRole("button", { name: "发布清单" }).click();
  await page.getByRole("dialog").getByLabel("发布说明").fill("新增排污权有偿使用费");
  await page.getByRole("dialog").getByRole("button", { name: "发布清单" }).click();
  await expect(page.getByText(/已发布第 \d+ 版/)).toBeVisible();

  await page.goto("/fees");
  await expect(page.getByText(name).first()).toBeVisible();

  // The enterprise complains about a charge that is on no list.
  await page.context().clearCookies();
  await login("enterprise");
  await page.getByRole("link", { name: "涉企收费" }).click();
  await page.getByRole("button", { name: "投诉收费" }).click();
  const form = page.getByRole("dialog");
  await expect(form.getByText("10 个工作日内答复")).toBeVisible();
  const fee = `检测服务费 ${Date.now() % 100000}`;
  await form.getByLabel("收费名称").fill(fee);
  await form.getByLabel("收费单位").fill("某检测公司");
  await form.getByLabel("收费金额（元）").fill("800");
  await form.getByLabel("收费日期").fill(daysAgo(3));
  await form.getByLabel("投诉内容").fill("办理环评时被要求缴纳检测服务费，清单中无此项目。");
  await form.getByLabel("联系人").fill("王会计");
  await form.getByLabel("联系电话").fill("0798-8123456");
  await form.getByRole("button", { name: "提交" }).click();
  const row = page.getByRole("row").filter({ hasText: fee });
  await expect(row).toContainText("清单外收费");
  await expect(row).toContainText("待交办");
});
