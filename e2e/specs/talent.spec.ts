import { expect, test } from "../fixtures";

const KEEPER = { username: "demo-talent", password: "Talent2021demo" };

test("an enterprise posts a job (its pay range checked) and the talent office recommends a matching person", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const title = `数控车床操作工 ${Date.now() % 100000}`;

  await login("enterprise");
  await page.getByRole("link", { name: "招聘岗位" }).click();
  await expect(page.getByRole("tab", { name: "企业岗位" })).toBeVisible();
  await page.getByRole("button", { name: "发布岗位" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("岗位名称").fill(title);
  await form.getByLabel("技能要求").fill("数控车床");
  await form.getByLabel("技能要求").press("Enter");
  await form.getByLabel("最低月薪（元）").fill("7000");
  await form.getByLabel("最高月薪（元）").fill("6000");
  await form.getByLabel("工作地点").click();
  await page.locator(".ant-select-dropdown").getByText("丽阳镇", { exact: true }).click();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("最高月薪不能低于最低月薪")).toBeVisible();
  await form.getByLabel("最低月薪（元）").fill("4500");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("4,500–6,000 元/月");

  // The talent office sees the post, the people who match it with why, and recommends the best placed one.
  await page.context().clearCookies();
  await login(KEEPER);
  await page.goto("/talent?tab=posts");
  await page.getByRole("row").filter({ hasText: title }).getByRole("button", { name: "匹配人才" }).click();
  const drawer = page.locator(".ant-drawer");
  const candidate = drawer.getByRole("row").filter({ hasText: "技能 1/1：数控车床" }).first();
  await expect(candidate).toContainText("+60");
  await candidate.getByRole("button", { name: "推荐" }).click();
  const recommend = page.locator(".ant-modal");
  await recommend.getByLabel("本人同意向该企业提供姓名和手机号").check();
  await recommend.getByRole("button", { name: "推荐" }).click();
  await expect(page.getByText("已推荐").first()).toBeVisible();

  await page.goto("/talent?tab=recommendations");
  await expect(page.getByRole("row").filter({ hasText: title }).first()).toContainText("已推荐");
});
