import ExcelJS from "exceljs";
import { DEMO_LOGINS, expect, test } from "../fixtures";

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

test("after a partial monthly import the dashboards stay at the last month every enterprise reported, say how complete it is and show the partial month apart", async ({
  page,
  login,
  playwright,
  baseURL,
}, testInfo) => {
  test.slow();
  // The office imports January and February 2024 for one above-scale enterprise (the same file again on a retry).
  const office = await playwright.request.newContext({ baseURL });
  const signedIn = await office.post("/api/auth/login", { data: DEMO_LOGINS.office });
  const csrf = (await signedIn.json()).csrfToken as string;
  const records = await office.get("/api/dashboard/records?figure=monthRevenue&year=2023&month=12");
  const enterprise = (await records.json()).enterprises[0] as { creditCode: string; name: string };
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("月报");
  sheet.addRow(["统一社会信用代码", "企业名称", "年份", "月份", "营业收入"]);
  for (const month of [1, 2]) sheet.addRow([enterprise.creditCode, enterprise.name, 2024, month, "100"]);
  const started = await office.post("/api/imports", {
    headers: { "x-csrf-token": csrf },
    multipart: {
      kind: "monthly",
      unit: "万元",
      fileName: "2024年1-2月月报.xlsx",
      file: {
        name: "2024年1-2月月报.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await book.xlsx.writeBuffer()),
      },
    },
  });
  expect(started.status(), await started.text()).toBe(202);
  const id = (await started.json()).id as string;
  await expect
    .poll(async () => (await (await office.get(`/api/imports/${id}?wait=5`)).json()).status)
    .toBe("previewed");
  await office.post(`/api/imports/${id}/apply`, { headers: { "x-csrf-token": csrf } });
  await expect.poll(async () => (await (await office.get(`/api/imports/${id}?wait=5`)).json()).status).toBe("applied");
  await office.dispose();

  await login("leader");
  await expect(page.getByRole("heading", { name: "领导驾驶舱" })).toBeVisible();
  await expect(page.getByTestId("coverage-line")).toHaveText(/^截至2023年12月：(\d+)\/\1 家规上企业已报$/);
  await expect(page.getByTestId("coverage-partial")).toContainText(
    /2024年2月正在报送：1\/\d+ 家规上企业已报，未达门槛/,
  );
  await expect(page.getByTestId("ytd-total")).toContainText("同口径比较");
  await page.screenshot({ path: testInfo.outputPath("dashboard-coverage-1440.png"), fullPage: true });

  // The partial month can still be read on its own, and says how few reported.
  await page.getByRole("button", { name: "查看该月" }).click();
  await expect(page.getByTestId("coverage-line")).toHaveText(/^截至2024年2月：1\/\d+ 家规上企业已报$/);
  await expect(page.getByText("该月已报企业未达门槛")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByTestId("coverage-partial")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("dashboard-coverage-390.png"), fullPage: true });

  await page.evaluate(() => window.localStorage.setItem("beizeng.language", "en"));
  await page.reload();
  await expect(page.getByTestId("coverage-line")).toHaveText(
    /^As of 12\/2023: (\d+) of \1 above-scale enterprises reported$/,
  );
  await expect(page.getByTestId("coverage-partial")).toContainText("2/2024 is still being reported: 1 of");
  await page.screenshot({ path: testInfo.outputPath("dashboard-coverage-390-en.png"), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("dashboard-coverage-1440-en.png"), fullPage: true });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/board");
  await expect(page.getByTestId("board")).toContainText(/As of 12\/2023: (\d+) of \1 above-scale enterprises reported/);
  await expect(page.getByTestId("board")).toContainText("2/2024 being reported (1 of");
  await page.evaluate(() => window.localStorage.setItem("beizeng.language", "zh-CN"));
  await page.reload();
  await expect(page.getByTestId("board")).toContainText("2024年2月报送中（1/");
  await page.waitForTimeout(1000);
  await page.screenshot({ path: testInfo.outputPath("board-coverage-1920.png") });
});
