import { expect, test } from "../fixtures";

test.describe.configure({ mode: "serial" });

/** A day `days` after today, as the date field takes it. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("the office holds a salon (a missing place is named) and an enterprise registers a person for it", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const topic = `企业家沙龙：供应链金融 ${Date.now() % 100000}`;

  await login("office");
  await page.goto("/events");
  await expect(page.getByRole("heading", { name: "企业家培训与沙龙" })).toBeVisible();
  await page.getByRole("button", { name: "新增活动" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("主题").fill(topic);
  await dialog.getByLabel("开始日期").fill(daysAhead(20));
  await dialog.getByLabel("结束日期").fill(daysAhead(20));
  await dialog.getByLabel("报名截止日期").fill(daysAhead(10));
  await dialog.getByLabel("承办单位").fill("区委组织部");
  await page.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("请填写地点")).toBeVisible();
  await dialog.getByLabel("地点").fill("区行政服务中心三楼会议室");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(topic)).toBeVisible();

  await page.context().clearCookies();
  await login("enterprise");
  await expect(page.getByText(/企业家培训或沙龙邀请待您答复/)).toBeVisible();
  await page.goto("/events");
  await page.getByText(topic).click();
  await page.getByRole("button", { name: "报名" }).click();
  const form = page.getByRole("dialog", { name: /报名参加/ });
  await form.getByLabel("参加人", { exact: true }).fill("王建国");
  await form.getByLabel("联系电话").fill("13907981111");
  await form.getByRole("button", { name: "报名" }).click();
  await expect(page.getByRole("cell", { name: "王建国" })).toBeVisible();
  await expect(page.getByRole("dialog").getByText("1 / 30")).toBeVisible();
});

test("the dashboard names each chain's leaders, the register filters them, and the office designates a backbone", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const year = 2030 + (Date.now() % 60);

  await login("leader");
  await page.goto("/");
  const card = page.locator(".ant-card").filter({ hasText: "各产业链链主企业" });
  await expect(card.getByText("链主型").first()).toBeVisible();
  await card.getByRole("link", { name: "在企业名录中查看" }).click();
  await expect(page.getByLabel("链主骨干")).toBeVisible();
  const first = page.locator(".ant-table-row a").first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/enterprises\/\d+/);
  const enterprisePage = page.url();

  await page.context().clearCookies();
  await login("office");
  await page.goto(enterprisePage);
  const roles = page.locator(".ant-card").filter({ hasText: "产业链链主型、骨干型企业" }).last();
  await expect(roles.getByText("链主型").first()).toBeVisible();
  await roles.getByRole("button", { name: "认定" }).click();
  await roles.getByLabel("企业类型").click();
  await page.locator(".ant-select-item-option").filter({ hasText: "骨干型" }).click();
  await roles.getByLabel("认定年度").fill(String(year));
  await roles.getByRole("button", { name: "保存" }).click();
  await expect(roles.getByText("请填写认定来源")).toBeVisible();
  await roles.getByLabel("认定来源").fill(`昌工信字〔${year}〕3号`);
  await roles.getByRole("button", { name: "保存" }).click();
  await expect(roles.getByRole("cell", { name: `昌工信字〔${year}〕3号` })).toBeVisible();
});
