/**
 * A region's (市/省) 数据大屏: opened from the region's home, it shows each district's targets on track, data
 * completeness and the comparable sums on one screen of a meeting room or a laptop, every chart and every district in
 * view; a phone reads it in one column. Only a region's accounts open it. The region here covers several districts on
 * a server of its own: the demo district, two districts on one plan (so that their targets are summed) and others just
 * put into service; the configuration's demo server has a region of one district.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { beizeng, ownServerEnv, repositoryRoot, startOwnServer } from "../own-server";

const demoPort = Number(process.env.E2E_PORT ?? 3100);
// Beside the configuration's two servers and the declared facts' one.
const port = demoPort + 3;
const baseURL = `http://127.0.0.1:${port}`;

/** Districts put into service from their plan files beside the demo district; the test plan twice, under two codes. */
const PLANS = [
  "plans/hanshou-2024-2026/plan.yaml",
  "plans/xichong-2025-2027/plan.yaml",
  "plans/yishui-2022-2024/plan.yaml",
  "plans/shengzhou-2023-2025/plan.yaml",
  "plans/test-district-2024-2026/plan.yaml",
];
const DISTRICTS = ["430722", "511325", "371323", "330683", "990101", "990102"];
const DEMO_REGION = "demo-city";

let folder: string;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  folder = mkdtempSync(path.join(tmpdir(), "beizeng-region-board-"));
  const env = ownServerEnv(path.join(folder, "region.sqlite"));
  const cli = (...args: string[]) => beizeng(env, ...args);
  cli("demo");
  const second = path.join(folder, "second-district.yaml");
  writeFileSync(
    second,
    readFileSync(path.join(repositoryRoot, "plans/test-district-2024-2026/plan.yaml"), "utf8")
      .replace('code: "990101"', 'code: "990102"')
      .replace("name: 云溪区", "name: 云溪二区"),
  );
  for (const plan of [...PLANS, second]) cli("plan", "load", plan);
  cli("region", "add-districts", "--id", DEMO_REGION, "--districts", DISTRICTS.join(","));

  server = await startOwnServer(env, port);
});

test.afterAll(() => {
  server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Opens the board from the region's home, as a person does, and waits for its districts and charts. */
async function openBoard(page: Page, districts: number) {
  await page.goto("/");
  await page.getByRole("button", { name: "数据大屏" }).click();
  await expect(page).toHaveURL(/\/region\/board$/);
  await expect(page.locator('[data-testid^="region-board-district-"]')).toHaveCount(districts);
  await expect(page.locator('[data-testid="board"] [role="img"]').first()).toBeVisible();
  await page.waitForTimeout(1000); // the charts' first animation
}

/** Whether the whole board is in view: no scrolling, both charts and every district's row inside the screen. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, height: rect.height };
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      charts: Array.from(document.querySelectorAll('[data-testid="board"] [role="img"]')).map(box),
      rows: Array.from(document.querySelectorAll('[data-testid^="region-board-district-"]')).map(box),
      panels: Array.from(document.querySelectorAll('[data-testid="board"] section')).map(box),
    };
  });
}

function expectInView(fit: Awaited<ReturnType<typeof measure>>, screen: { width: number; height: number }) {
  expect(fit.scrollHeight).toBeLessThanOrEqual(screen.height);
  expect(fit.scrollWidth).toBeLessThanOrEqual(screen.width);
  expect(fit.charts).toHaveLength(2);
  for (const element of [...fit.charts, ...fit.rows, ...fit.panels]) {
    expect(element.top).toBeGreaterThanOrEqual(0);
    expect(element.bottom).toBeLessThanOrEqual(screen.height);
    expect(element.right).toBeLessThanOrEqual(screen.width);
  }
  // Each chart about half the screen's height, not squeezed to a strip.
  for (const chart of fit.charts) expect(chart.height).toBeGreaterThan(screen.height * 0.35);
}

test.describe("a region of seven districts", () => {
  test.use({ baseURL });

  for (const screen of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    test(`the region's 数据大屏 fits a ${screen.width}×${screen.height} screen, every chart and district in view`, async ({
      page,
      login,
    }, testInfo) => {
      test.slow();
      await page.setViewportSize(screen);
      await login("region");
      await openBoard(page, 7);
      await expect(page.getByRole("heading", { name: "景德镇市（演示） · 工业倍增数据大屏" })).toBeVisible();
      await expect(page.getByTestId("board-clock")).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
      await expect(page.getByTestId("region-board-as-of")).toContainText("数据截至2023年12月");
      await expect(page.getByTestId("region-board-as-of")).toContainText("7 个区县");
      // The demo district's month and how many of its above-scale enterprises reported it.
      await expect(page.getByTestId("region-board-district-360202")).toContainText(/2023年12月\s*\d+ \/ \d+/);
      // Targets summed only where comparable: the two districts on one plan.
      await expect(page.getByTestId("region-board-sums")).toContainText("2 个区县");
      // Nothing on the board changes anything.
      await expect(page.getByRole("button")).toHaveText(["全屏", "返回"]);
      expectInView(await measure(page), screen);
      await testInfo.attach(`region-board-${screen.width}x${screen.height}.png`, {
        body: await page.screenshot(),
        contentType: "image/png",
      });
    });
  }

  test("the region's 数据大屏's tooltips give the unit of their figures", async ({ page, login }) => {
    test.slow();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await login("region");
    await openBoard(page, 7);
    const charts = [
      { name: "各区县目标状态（项）", unit: /\d+ 项/ },
      { name: "各区县数据完整度与达标占比（%）", unit: /\d+(\.\d)?%/ },
    ];
    for (const { name, unit } of charts) {
      const chart = page.getByRole("img", { name });
      const box = await chart.boundingBox();
      if (!box) throw new Error(`the chart ${name} is not shown`);
      // Over the first district's bars, at the top of the chart.
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.16);
      await expect(chart.locator("div").filter({ hasText: unit }).last()).toBeVisible();
    }
  });

  test("the region's 数据大屏 flows in one column on a phone, no wider than the screen, in Chinese and English", async ({
    page,
    login,
  }, testInfo) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    await login("region");
    await openBoard(page, 7);
    const fit = await measure(page);
    expect(fit.scrollWidth).toBeLessThanOrEqual(390);
    const lefts = new Set(fit.panels.map((panel) => Math.round(panel.left)));
    expect(lefts.size).toBe(1);
    for (const panel of fit.panels) expect(panel.right).toBeLessThanOrEqual(390);
    await testInfo.attach("region-board-390.png", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });

    await page.evaluate(() => window.localStorage.setItem("beizeng.language", "en"));
    await page.reload();
    await expect(page.getByRole("heading", { name: "Jingdezhen City (demo) · command board" })).toBeVisible();
    await expect(page.getByTestId("region-board-as-of")).toContainText("Data as of 12/2023");
    await expect(page.getByTestId("board")).not.toContainText(/region\.|dash\.|board\.|undefined|NaN/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach("region-board-390-en.png", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
    await page.evaluate(() => window.localStorage.setItem("beizeng.language", "zh-CN"));
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("only a region's accounts open the region's 数据大屏", async ({ page, login }) => {
    await page.goto("/region/board");
    await expect(page).toHaveURL(/\/login\?next=%2Fregion%2Fboard/);
    await login("office");
    await page.goto("/region/board");
    await expect(page.getByText("无权访问")).toBeVisible();
    await expect(page.getByTestId("board")).toHaveCount(0);
  });
});

test.describe("a region of one district", () => {
  test.use({ baseURL: `http://127.0.0.1:${demoPort}` });

  test("the region's 数据大屏 of one district fits a 1920×1080 screen", async ({ page, login }, testInfo) => {
    test.slow();
    const screen = { width: 1920, height: 1080 };
    await page.setViewportSize(screen);
    await login("region");
    await openBoard(page, 1);
    await expect(page.getByTestId("region-board-sums")).toContainText("没有口径相同");
    expectInView(await measure(page), screen);
    await testInfo.attach("region-board-one-district.png", { body: await page.screenshot(), contentType: "image/png" });
  });
});
