import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

test.describe.configure({ mode: "serial" });

/** Picks an option of the antd Select labelled `label` in the open dialog, retrying a click that lands on a closing dropdown. */
async function choose(page: Page, label: string, option: string) {
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    await dialog.getByLabel(label, { exact: true }).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: option })
      .first()
      .click({ timeout: 3_000 });
    const field = dialog.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
    await expect(field).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

test("an enterprise files a request, the office assigns it, the unit answers, the enterprise rates it", async ({
  page,
  login,
}) => {
  // Four people take turns (four logins): longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  const title = `新建仓库施工许可咨询 ${Date.now() % 100000}`;

  // The enterprise files a request about itself.
  await login("enterprise");
  await page.getByRole("link", { name: "我的诉求" }).click();
  // The home page's shortcut to the requests mentions 提出诉求 too: wait for the list before opening the form.
  await expect(page.getByRole("heading", { name: "我的诉求" })).toBeVisible();
  await page.getByRole("button", { name: "提出诉求" }).click();
  await choose(page, "类别", "审批办证");
  await expect(page.getByRole("dialog").getByText("时限：5 个工作日")).toBeVisible();
  await page.getByLabel("诉求标题").fill(title);
  await page.getByLabel("诉求内容").fill("新建成品仓库需办理施工许可，请告知所需材料和办理时限。");
  await page.getByLabel("联系人").fill("王芳");
  await page.getByLabel("联系电话").fill("0798-8201101");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("待交办").first()).toBeVisible();
  const requestUrl = new URL(page.url()).pathname;

  // The office finds it among the requests waiting and assigns it to 区商务局, with 区税务局 helping.
  await page.context().clearCookies();
  await login("office");
  await page.goto("/requests");
  await page.getByLabel("状态").click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "待交办" }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "交办" }).click();
  await choose(page, "主办单位", "区商务局");
  await choose(page, "协办单位", "区税务局");
  await page.keyboard.press("Escape");
  await page.getByLabel("交办意见").fill("请商务局牵头，一周内答复企业。");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(page.getByText("待受理").first()).toBeVisible();
  await expect(page.getByText(/主办：区商务局；时限：/)).toBeVisible();

  // 区商务局 is told, accepts and answers.
  await page.context().clearCookies();
  await login("unit");
  await page.goto(requestUrl);
  await page.getByRole("button", { name: "受理" }).click();
  await expect(page.getByText("办理中").first()).toBeVisible();
  await page.getByRole("button", { name: "答复企业" }).click();
  await page
    .getByLabel("答复", { exact: true })
    .fill("施工许可可在政务服务中心一窗办理，材料清单已发企业邮箱，5 个工作日内办结。");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(page.getByText("已答复").first()).toBeVisible();

  // The enterprise is told on its home page, in Chinese and English, and opens the request from the notice.
  await page.context().clearCookies();
  await login("enterprise");
  await page.goto("/");
  const notice = page.getByRole("link", { name: `诉求已答复：${title}` });
  await expect(notice).toBeVisible();
  await page.getByRole("button", { name: /(^|\s)English$/ }).click();
  await expect(page.getByRole("link", { name: `Your request is answered: ${title}` })).toBeVisible();
  await page.getByRole("button", { name: /(^|\s)中文$/ }).click();
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`${requestUrl}$`));

  // The enterprise sees the answer and rates it; the request is closed and its timeline complete.
  await expect(page.getByText("施工许可可在政务服务中心一窗办理").first()).toBeVisible();
  await page.getByRole("button", { name: "评价答复" }).click();
  await page.getByRole("dialog").getByText("满意", { exact: true }).click();
  await page.getByLabel("评价意见").fill("答复清楚，谢谢。");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(page.getByText("已办结").first()).toBeVisible();
  const timeline = page.locator(".ant-timeline");
  for (const step of ["提出诉求", "交办", "受理", "答复", "企业评价"]) {
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  }
});

test("the enterprise's own page lists its requests, the office's counts follow the filters, a leader reads its red warnings at home", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  // The demo enterprise's request waiting to be assigned, on its own page, opens the request.
  await login("enterprise");
  await page.getByRole("link", { name: "本企业" }).click();
  const own = page.getByTestId("enterprise-requests");
  await expect(own.getByText("我的诉求", { exact: true })).toBeVisible();
  const waiting = own.getByRole("row").filter({ hasText: "咨询专精特新企业认定申报条件" });
  // Newest first, five a page: requests filed by other specs (and the demo's fee complaints) come before it.
  await expect(own.getByRole("row").nth(1)).toBeVisible();
  for (let turn = 0; turn < 10 && !(await waiting.isVisible()); turn++) {
    await own.locator(".ant-pagination-next").click();
    await expect(own.locator(".ant-spin-spinning")).toHaveCount(0);
  }
  await expect(waiting.getByText("待交办")).toBeVisible();
  await waiting.getByRole("link", { name: "咨询专精特新企业认定申报条件" }).click();
  await expect(page.getByRole("heading", { name: "咨询专精特新企业认定申报条件" })).toBeVisible();

  // The office's counts cover all requests, then those the filters leave.
  await page.context().clearCookies();
  await login("office");
  await page.goto("/requests");
  await expect(page.getByTestId("stats-scope")).toHaveText("统计范围：全部诉求。");
  await page.getByRole("switch", { name: "仅逾期" }).click();
  await expect(page.getByTestId("stats-scope")).toHaveText("统计范围：符合当前筛选条件的诉求。");
  const listed = page.locator(".ant-pagination-total-text");
  await expect(listed).toHaveText(/共 \d+ 条/);
  const total = (await listed.textContent())?.match(/\d+/)?.[0];
  await expect(page.locator(".ant-statistic").filter({ hasText: "诉求总数" })).toContainText(total ?? "?");

  // The leader assigned to an enterprise with a request long overdue reads the red warning on the home page.
  await page.context().clearCookies();
  await login("leader");
  await expect(page.getByText(/^诉求红色预警：/).first()).toBeVisible();
  await page.getByRole("button", { name: /(^|\s)English$/ }).click();
  await expect(page.getByText(/^Red warning on a request: /).first()).toBeVisible();
  await expect(
    page.getByText(/days overdue without an answer; it was due on \d{4}-\d{2}-\d{2}\.$/).first(),
  ).toBeVisible();
});
