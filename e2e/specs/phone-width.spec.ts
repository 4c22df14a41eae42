import type { Locator, Page, TestInfo } from "@playwright/test";
import { type DemoRole, expect, test } from "../fixtures";

// A phone held upright (iPhone 12–15), as an enterprise opens the platform from a WeCom or DingTalk link.
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });
// Each walk logs in on its own and changes nothing another reads: they share the workers instead of queueing in one.
test.describe.configure({ mode: "parallel" });

/** The demo's roles, each with its own menu. */
const ROLES = ["office", "leader", "unit", "inspector", "enterprise", "region"] as const satisfies readonly DemoRole[];

/** The full-screen boards a menu opens, by path, with an element each shows once drawn. */
const BOARDS = new Map([
  ["/board", "board-tile-G1"],
  ["/region/board", "region-board-districts"],
]);

/** The app's header (the layout's own, inside its section, so not a landmark). */
function header(page: Page): Locator {
  return page.locator("header.ant-layout-header");
}

async function settled(page: Page) {
  // The page has drawn its content (an own-enterprise link first redirects, then loads), not only the layout.
  if (!BOARDS.has(new URL(page.url()).pathname)) {
    await expect(page.locator("main").locator("h1, h2, h3, h4, .ant-card, .ant-result").first()).toBeVisible({
      timeout: 60_000,
    });
  }
  // A page may take a while on a busy machine (the targets page computes every forecast).
  await expect(page.locator(".ant-spin-spinning")).toHaveCount(0, { timeout: 60_000 });
}

/** Nothing on the page reaches past the screen's right edge, and the header's sign-out is on the screen. */
async function expectFitsThePhone(page: Page, where: string) {
  // One look at the page for both, so that a slow machine spends its time on the pages, not on round trips.
  const fit = await page.evaluate(() => {
    const signOut = document.querySelector(
      "header.ant-layout-header button[aria-label='退出'], header.ant-layout-header button[aria-label='Sign out']",
    );
    const box = signOut?.getBoundingClientRect();
    return { width: document.documentElement.scrollWidth, signOut: box ? { left: box.left, right: box.right } : null };
  });
  expect(fit.width, `${where}: the page is ${fit.width} px wide`).toBeLessThanOrEqual(PHONE.width);
  expect(fit.signOut, `${where}: 退出 is in the header`).not.toBeNull();
  expect(fit.signOut?.left ?? -1, `${where}: 退出 starts on the screen`).toBeGreaterThanOrEqual(0);
  expect(fit.signOut?.right ?? Infinity, `${where}: 退出 ends on the screen`).toBeLessThanOrEqual(PHONE.width);
}

async function expectWithinScreen(element: Locator, what: string) {
  const box = await element.boundingBox();
  expect(box, `${what} is shown`).not.toBeNull();
  if (!box) return;
  expect(box.x, `${what} starts on the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends on the screen`).toBeLessThanOrEqual(PHONE.width + 0.5);
}

/** Keeps the screen as the test's output (beside its trace) and in its report. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Opens a menu entry the way a phone's user does: the menu button in the header, then the entry in the drawer. */
async function openFromMenu(page: Page, entry: string) {
  await page.getByRole("button", { name: /打开菜单|Open the menu/ }).click();
  const menu = page.getByRole("navigation", { name: /主菜单|Main menu/ });
  await menu.getByRole("link", { name: entry, exact: true }).click();
  await expect(menu).toBeHidden();
  await settled(page);
}

/** The entries of the menu the header's button opens, by name. */
async function menuEntries(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: /打开菜单|Open the menu/ }).click();
  const menu = page.getByRole("navigation", { name: /主菜单|Main menu/ });
  await expect(menu.getByRole("link").first()).toBeVisible();
  const names = await menu.getByRole("link").allInnerTexts();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  return names.map((name) => name.trim()).filter((name) => name.length > 0);
}

for (const role of ROLES) {
  test(`every menu entry of the ${role} fits a 390 px phone, with 退出 on the screen`, async ({
    page,
    login,
  }, testInfo) => {
    test.setTimeout(300_000);
    await login(role);
    // On a phone the side menu waits behind the header's button instead of covering the page.
    await expect(page.getByRole("navigation", { name: "主菜单" })).toBeHidden();
    const entries = await menuEntries(page);
    expect(entries).toContain("首页");
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const entry of entries) {
      await openFromMenu(page, entry);
      await attachScreenshot(page, testInfo, `${role}-${entry}-390.png`);
      const board = BOARDS.get(new URL(page.url()).pathname);
      if (board !== undefined) {
        // The 数据大屏 is full screen, without the app's header: it fits, and its 返回 leads back.
        await expect(page.getByTestId(board)).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await page.getByRole("button", { name: "返回" }).click();
        await expect(header(page)).toBeVisible();
        continue;
      }
      await expectFitsThePhone(page, `${role} · ${entry}`);
    }
  });
}

test("an enterprise on a phone files a request in a dialog that fits, and reads its reward in a drawer that fits", async ({
  page,
  login,
}, testInfo) => {
  test.setTimeout(150_000);
  await login("enterprise");

  await openFromMenu(page, "我的诉求");
  const dialog = page.getByRole("dialog");
  // The form loads with its first click: on a busy machine a click may come before the page listens.
  await expect(async () => {
    await page.getByRole("button", { name: "提出诉求" }).click();
    await expect(dialog.getByLabel("诉求标题")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expectWithinScreen(dialog, "the request dialog");
  await expect(async () => {
    await dialog.getByLabel("类别", { exact: true }).click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: "审批办证" })
      .first()
      .click({ timeout: 3_000 });
    const field = dialog.locator(".ant-form-item").filter({ has: page.getByLabel("类别", { exact: true }) });
    await expect(field).toContainText("审批办证", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const title = `手机提交的诉求 ${Date.now() % 100000}`;
  await dialog.getByLabel("诉求标题").fill(title);
  await dialog.getByLabel("诉求内容").fill("在手机上提交：请告知厂区用电增容的办理流程。");
  await dialog.getByLabel("联系人").fill("李明");
  await dialog.getByLabel("联系电话").fill("0798-8201102");
  const confirm = dialog.getByRole("button", { name: /确\s*定/ });
  await expectWithinScreen(confirm, "the dialog's 确定");
  await attachScreenshot(page, testInfo, "enterprise-request-dialog-390.png");
  await confirm.click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expectFitsThePhone(page, "the new request");
  // A page below the menu shows the way back.
  const trail = page.getByRole("navigation", { name: "当前位置" });
  await expect(trail).toContainText("我的诉求");
  await attachScreenshot(page, testInfo, "enterprise-request-390.png");
  await trail.getByRole("link", { name: "我的诉求" }).click();
  await expect(page).toHaveURL(/\/requests$/);

  await openFromMenu(page, "我的奖励");
  await page.getByRole("button", { name: "查看" }).first().click();
  const drawer = page.locator(".ant-drawer-content-wrapper").filter({ hasText: "奖励详情" });
  await expect(drawer.getByText("奖励详情")).toBeVisible();
  await settled(page);
  // The drawer slides in from the right: measured once it has come to rest (an overflow stays and still fails).
  await expect(async () => expectWithinScreen(drawer, "the reward drawer")).toPass({ timeout: 5_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await attachScreenshot(page, testInfo, "enterprise-reward-drawer-390.png");
});

test("an enterprise's pages fit a phone in English too", async ({ page, login }, testInfo) => {
  test.setTimeout(150_000);
  await login("enterprise");
  await header(page).getByRole("button", { name: "English" }).click();
  const entries = await menuEntries(page);
  expect(entries).toContain("My requests");
  for (const entry of entries) {
    await openFromMenu(page, entry);
    await expectFitsThePhone(page, `enterprise · ${entry}`);
    await attachScreenshot(page, testInfo, `enterprise-en-${entry}-390.png`);
  }
  await header(page).getByRole("button", { name: "中文" }).click();
});

test("pages below a menu entry show the way back, on a phone and on a desk", async ({ page, login }, testInfo) => {
  test.setTimeout(180_000);
  await login("office");
  for (const viewport of [PHONE, { width: 1440, height: 900 }]) {
    await page.setViewportSize(viewport);
    await page.goto("/rewards/budget");
    const trail = page.getByRole("navigation", { name: "当前位置" });
    await expect(trail).toHaveText(/首页\s*\/\s*奖励兑现\s*\/\s*奖励预算/);
    await settled(page);
    await attachScreenshot(page, testInfo, `office-budget-breadcrumbs-${viewport.width}.png`);
    await trail.getByRole("link", { name: "奖励兑现" }).click();
    await expect(page).toHaveURL(/\/rewards$/);
    // A menu entry itself needs no trail: the menu marks it.
    await expect(page.getByRole("navigation", { name: "当前位置" })).toHaveCount(0);
    await page.getByRole("link", { name: "为何未获奖励" }).click();
    await expect(trail).toContainText("为何未获奖励");
    await page.goto("/projects");
    await page.locator('main a[href^="/projects/"]').first().click();
    await expect(trail).toHaveText(/首页\s*\/\s*项目\s*\/\s*项目详情/);
  }
});
