import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

/** The 数据大屏 on the screens it is shown on: a meeting room's 1080p and 4K displays, a laptop, a phone. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
];

async function boardReady(page: Page) {
  await expect(page.getByTestId("board-tile-G1")).toBeVisible();
  // Every target is on the board: three as tiles, the others in the overview's list.
  await expect(page.locator('[data-testid^="board-tile-"]')).toHaveCount(14);
  await expect(page.locator('[data-testid="board"] [role="img"]').first()).toBeVisible();
  await page.waitForTimeout(1000); // the charts' first animation
}

for (const screen of SCREENS) {
  test(`the 数据大屏 fits a ${screen.width}×${screen.height} screen without scrolling, every chart in view`, async ({
    page,
    login,
  }, testInfo) => {
    await page.setViewportSize(screen);
    await login("leader");
    await page.goto("/board");
    await boardReady(page);
    const fit = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      charts: Array.from(document.querySelectorAll('[data-testid="board"] [role="img"]')).map((chart) => {
        const box = chart.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: box.height };
      }),
    }));
    expect(fit.scrollHeight).toBeLessThanOrEqual(screen.height);
    expect(fit.scrollWidth).toBeLessThanOrEqual(screen.width);
    expect(fit.charts).toHaveLength(5);
    for (const chart of fit.charts) {
      expect(chart.top).toBeGreaterThanOrEqual(0);
      expect(chart.bottom).toBeLessThanOrEqual(screen.height);
      expect(chart.right).toBeLessThanOrEqual(screen.width);
      // A chart a quarter of the screen's height or so, not squeezed to a strip.
      expect(chart.height).toBeGreaterThan(screen.height * 0.18);
    }
    await page.screenshot({ path: testInfo.outputPath(`board-${screen.width}x${screen.height}.png`) });
    await testInfo.attach(`board-${screen.width}x${screen.height}.png`, {
      path: testInfo.outputPath(`board-${screen.width}x${screen.height}.png`),
      contentType: "image/png",
    });
  });
}

test("the 数据大屏's tooltips give the unit of their figures", async ({ page, login }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login("leader");
  await page.goto("/board");
  await boardReady(page);
  const yearly = page.getByRole("img", { name: "规上工业企业营业收入（年度，亿元）" });
  const box = await yearly.boundingBox();
  if (!box) throw new Error("the yearly revenue chart is not shown");
  // Over the last year's bar: the axis tooltip lists the year's figures.
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.7);
  const tooltip = yearly
    .locator("div")
    .filter({ hasText: /\d+\.\d{2} 亿元/ })
    .last();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).not.toContainText(/\d+\.\d{3,}/);
  await page.screenshot({ path: testInfo.outputPath("board-tooltip.png") });
  await testInfo.attach("board-tooltip.png", {
    path: testInfo.outputPath("board-tooltip.png"),
    contentType: "image/png",
  });
});

test("the 数据大屏 flows in one column on a phone, no wider than the screen", async ({ page, login }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login("office");
  await page.goto("/board");
  await boardReady(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("board-390.png"), fullPage: true });
  await testInfo.attach("board-390.png", { path: testInfo.outputPath("board-390.png"), contentType: "image/png" });
  await page.getByRole("button", { name: "返回" }).click();
  await expect(page).toHaveURL(/\/$/);
});
