import { readFile } from "node:fs/promises";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { Browser, Page } from "@playwright/test";
import { type Credentials, DEMO_LOGINS, expect, submitLogin, test } from "../fixtures";

async function signedIn(browser: Browser, credentials: Credentials): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  const page = await context.newPage();
  await submitLogin(page, credentials);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** The fixed amount (yuan, as text) a rule pays, whatever way the plan writes it; null when it pays none. */
function fixedAmount(rule: PlanFile["rewards"][number] | undefined): string | null {
  return rule && "amount" in rule && typeof rule.amount === "string" ? rule.amount : null;
}

async function currentPlan(page: Page): Promise<PlanFile> {
  const response = await page.request.get("/api/plan");
  expect(response.status()).toBe(200);
  return (await response.json()) as PlanFile;
}

test("the office edits a reward amount and a reading, sees the difference, saves the next version and downloads it as YAML; a leader reads the history only", async ({
  page,
  login,
  browser,
}) => {
  test.setTimeout(180_000);
  await login("office");
  // Starts from whatever the plan now holds, so that a retry after a saved version still has something to change.
  const before = await currentPlan(page);
  const next = before.version + 1;
  const listedBefore = before.rewards.find((rule) => rule.id === "R-LISTED-MOVE");
  const listedAmount = fixedAmount(listedBefore);
  if (listedAmount === null) throw new Error("the demo plan has no one-off listing reward");
  const amountBefore = Number(BigInt(listedAmount) / 10_000n);
  const amountAfter = amountBefore + 50;
  const reentryBefore = before.parameters.find((parameter) => parameter.id === "newAboveScaleReentryPaid")?.value;
  const reentryAfter = reentryBefore !== true;
  const yesNo = (value: boolean) => (value ? "是" : "否");

  await page.goto("/plan");
  await page.getByRole("tab", { name: "编辑方案" }).click();
  await expect(page.getByText(`保存为第 ${next} 版`)).toBeVisible();

  // A reading: whether a re-entering enterprise is paid the new above-scale reward again.
  const reading = page.getByTestId("parameter-card").filter({ hasText: "再次进入" });
  await reading.getByLabel("取值").click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: new RegExp(`^${yesNo(reentryAfter)}$`) })
    .click();

  // A reward amount, typed in 万元.
  await page.getByRole("tab", { name: "奖励标准" }).click();
  const reward = page.getByTestId("reward-card").filter({ hasText: "上市企业引进奖励" });
  const amount = reward.getByLabel("奖励金额");
  await expect(amount).toHaveValue(String(amountBefore));
  await amount.fill("2５0");
  await expect(reward.getByText("请输入金额数字")).toBeVisible();
  await amount.fill(String(amountAfter));
  await expect(page.getByTestId("edit-status")).toHaveText("已修改 2 处");

  await page.getByRole("button", { name: "变更预览" }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: "变更预览" });
  const diff = drawer.getByTestId("plan-diff");
  await expect(diff).toContainText(`修订：当前第 ${before.version} 版 → 第 ${next} 版`);
  await expect(diff.getByRole("listitem").filter({ hasText: "金额" })).toHaveText(
    `金额：${amountBefore} 万元 → ${amountAfter} 万元`,
  );
  await expect(diff.getByRole("listitem").filter({ hasText: "数值" })).toHaveText(
    `数值：${yesNo(reentryBefore === true)} → ${yesNo(reentryAfter)}`,
  );

  await drawer.getByLabel("生效年度").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "2023 年" }).click();
  await drawer.getByRole("button", { name: `确认启用第 ${next} 版` }).click();
  await expect(drawer.getByText("请填写修订原因")).toBeVisible();
  await drawer.getByLabel("修订原因").fill("领导小组会议决定提高上市企业引进奖励");
  await drawer.getByRole("button", { name: `确认启用第 ${next} 版` }).click();
  await expect(page.getByText(`已启用第 ${next} 版，自 2023 年起生效`)).toBeVisible();

  // The history shows the new version as the current one, with its year and reason.
  await expect(page).toHaveURL(/tab=versions/);
  const row = page.getByRole("row").filter({ hasText: `第 ${next} 版` });
  await expect(row).toContainText("当前");
  await expect(row).toContainText("2023 年");
  await expect(row).toContainText("领导小组会议决定提高上市企业引进奖励");

  const saved = await currentPlan(page);
  expect(saved.version).toBe(next);
  const listed = saved.rewards.find((rule) => rule.id === "R-LISTED-MOVE");
  expect(fixedAmount(listed)).toBe(String(BigInt(amountAfter) * 10_000n));
  expect(saved.parameters.find((parameter) => parameter.id === "newAboveScaleReentryPaid")?.value).toBe(reentryAfter);

  // The version's YAML, as downloaded, loads back to the very plan that was saved.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: `下载第 ${next} 版 YAML` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`第${next}版.*\\.yaml$`));
  const text = await readFile((await download.path()) as string, "utf8");
  expect(parsePlan(text, download.suggestedFilename()).plan).toEqual(saved);

  // A leader reads the same history, without upload or edit.
  const leader = await signedIn(browser, DEMO_LOGINS.leader);
  await leader.goto("/plan");
  await leader.getByRole("tab", { name: "版本" }).click();
  const leaderRow = leader.getByRole("row").filter({ hasText: `第 ${next} 版` });
  await expect(leaderRow).toContainText("当前");
  await expect(leaderRow.getByRole("button", { name: `下载第 ${next} 版 YAML` })).toBeVisible();
  await expect(leader.getByRole("button", { name: "上传修订版" })).toHaveCount(0);
  await expect(leader.getByRole("button", { name: "编辑方案" })).toHaveCount(0);
  await expect(leader.getByRole("tab", { name: "编辑方案" })).toHaveCount(0);

  // A unit sees neither: the server refuses it the history.
  const unit = await signedIn(browser, DEMO_LOGINS.unit);
  await unit.goto("/plan");
  await expect(unit.getByRole("tab", { name: "单位" })).toBeVisible();
  await expect(unit.getByRole("tab", { name: "版本" })).toHaveCount(0);
  expect((await unit.request.get("/api/plan/versions")).status()).toBe(403);
});
