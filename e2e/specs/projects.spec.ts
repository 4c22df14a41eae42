import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { chooseOption, expect, test } from "../fixtures";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results");

/** The "<this year>年引进" count of a target row on the 目标统计 tab (the tab opens on this year). */
async function introducedThisYear(page: Page, targetId: string): Promise<number> {
  await page.getByRole("tab", { name: "目标统计" }).click();
  const row = page.getByRole("row").filter({ hasText: targetId }).first();
  await expect(row).toBeVisible();
  const cells = row.getByRole("cell");
  return Number((await cells.nth(3).textContent()) ?? "");
}

async function advance(page: Page, name: string, stage: string, reachedOn?: string) {
  await page.getByRole("button", { name: `将“${name}”推进到${stage}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(`调整阶段：${name}`)).toBeVisible();
  if (reachedOn) {
    const date = dialog.getByLabel("到达日期", { exact: true });
    await date.click();
    await date.fill(reachedOn);
    await date.press("Enter");
  }
  await dialog.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText(`已调整到“${stage}”`)).toBeVisible();
}

test("区商务局 enters a project, moves it through the stages, and its leader sees it with its category and counts", async ({
  page,
  login,
}) => {
  // A long path through three accounts: it needs more than the default minute and a half on a busy machine.
  test.setTimeout(180_000);
  const name = `测试智能装备产业园${Date.now().toString().slice(-6)}`;
  await login("unit");
  await page.goto("/projects");
  const before = await introducedThisYear(page, "T-M2a ");
  await page.getByRole("tab", { name: "看板" }).click();

  await page.getByRole("button", { name: "新建项目" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("项目名称", { exact: true }).fill(name);
  await dialog.getByLabel("投资方", { exact: true }).fill("测试装备集团有限公司");
  await chooseOption(page, page.getByRole("dialog").getByLabel("产业链", { exact: true }), "电子信息");
  await dialog.getByLabel("计划总投资（万元）", { exact: true }).fill("250000");
  await expect(dialog.getByText("25.00 亿元")).toBeVisible();
  await chooseOption(page, page.getByRole("dialog").getByLabel("挂点领导", { exact: true }), "区领导（演示）");
  await dialog.getByLabel("项目地点", { exact: true }).fill("鱼丽工业平台");
  await dialog.getByRole("button", { name: /保\s*存/ }).click();
  await expect(page.getByText("已保存")).toBeVisible();

  await page.getByLabel("搜索项目", { exact: true }).fill(name);
  await page.getByLabel("搜索项目", { exact: true }).press("Enter");
  const planning = page.getByRole("region", { name: "策划储备" });
  await expect(planning.getByRole("link", { name })).toBeVisible();
  await expect(planning.getByText("“20”项目")).toBeVisible();

  await advance(page, name, "招商洽谈");
  await advance(page, name, "签约落地");
  await advance(page, name, "开工建设");
  await expect(page.getByRole("region", { name: "开工建设" }).getByRole("link", { name })).toBeVisible();
  expect(await introducedThisYear(page, "T-M2a ")).toBe(before + 1);
  await page.screenshot({ path: path.join(resultsDir, "projects-stats.png"), fullPage: true });

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
  await login("leader");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "我挂点的项目" })).toBeVisible();
  const card = page.getByRole("region", { name: "开工建设" }).getByRole("link", { name });
  await expect(card).toBeVisible();
  await card.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("“20”项目").first()).toBeVisible();
  const introduced = page.getByRole("row").filter({ hasText: "引进年份" });
  await expect(introduced).toContainText(String(new Date().getFullYear()));
  await page.getByLabel("决策内容", { exact: true }).fill("协调供电接入，月底前完成");
  await page.getByRole("button", { name: "记录决策" }).click();
  await expect(page.getByText("协调供电接入，月底前完成")).toBeVisible();
  await page.screenshot({ path: path.join(resultsDir, "projects-leader.png"), fullPage: true });
});
