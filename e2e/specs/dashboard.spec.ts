import { expect, test } from "../fixtures";

test("a leader sees the dashboard with the G1 forecast and drills from total revenue down to one enterprise", async ({
  page,
  login,
}) => {
  await login("leader");
  await expect(page.getByRole("heading", { name: "领导驾驶舱" })).toBeVisible();

  // Mid-2023, the deadline year is still running: G1 carries a forecast with its 80 % interval.
  await page.goto("/?asOf=2023-06");
  const g1 = page.getByTestId("target-card-G1");
  await expect(g1).toBeVisible();
  const forecast = page.getByTestId("target-forecast-G1");
  await expect(forecast).toContainText("2023年预测");
  await expect(forecast).toContainText("80% 区间");
  await expect(forecast).toContainText("亿元");

  // The total revenue on the card opens the records it sums; their total is the card's figure.
  const total = (await page.getByTestId("target-current-G1").textContent())?.trim() ?? "";
  expect(total).toMatch(/亿元$/);
  await page.getByTestId("target-current-G1").click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId("records-total")).toHaveText(`合计 ${total}`);

  const first = drawer.getByRole("row").nth(1).getByRole("link");
  const name = (await first.textContent())?.trim() ?? "";
  expect(name).not.toBe("");
  await first.click();
  await expect(page).toHaveURL(/\/enterprises\/\d+$/);
  await expect(page.getByText(name).first()).toBeVisible();
});

test("the 数据大屏 renders full-screen with the targets, charts and clock", async ({ page, login }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login("leader");
  await page.goto("/board?asOf=2023-06");
  const board = page.getByTestId("board");
  await expect(board).toBeVisible();
  await expect(page.getByRole("heading", { name: "工业倍增数据大屏" })).toBeVisible();
  await expect(page.getByTestId("board-clock")).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await expect(page.getByTestId("board-tile-G1")).toContainText("亿元");
  await expect(page.getByTestId("board-tile-G1")).toContainText("80% 区间");
  // No app chrome: the board fills the window by itself.
  await expect(page.getByRole("navigation", { name: "主菜单" })).toHaveCount(0);
  const box = await board.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(1900);
  await page.waitForTimeout(1000); // let the charts finish their first animation
  await page.screenshot({ path: testInfo.outputPath("board-1920x1080.png"), fullPage: true });
});

test("the public board shows only once the office publishes it", async ({ page, login, browser }) => {
  const visitor = await browser.newPage();
  await visitor.goto("/public/board");
  await expect(visitor.getByText("目标看板尚未公开发布")).toBeVisible();

  await login("office");
  const toggle = page.getByRole("switch", { name: "公开目标看板" });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute("aria-checked")) !== "true") {
    await toggle.click();
    // What becomes public, and where, is read back before it is published.
    const confirmation = page.getByRole("dialog").filter({ hasText: "公开目标看板？" });
    await expect(confirmation).toContainText("/public/board");
    await confirmation.getByRole("button", { name: "公开" }).click();
  }
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  await visitor.reload();
  await expect(visitor.getByTestId("public-tile-G1")).toContainText("亿元");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await visitor.close();
});
