import { expect, test } from "../fixtures";

test("after its deadline a target reports its result, not a forecast; anchors lead to each target; a column keeps one unit", async ({
  page,
  login,
}, testInfo) => {
  // Two cold computations of every target (today and mid-2023) on a busy machine.
  test.setTimeout(300_000);
  await login("inspector");
  await page.goto("/targets");
  const g1 = page.getByTestId("target-section-G1");
  // The first answer computes every target and forecast: slow on a busy machine.
  await expect(g1).toBeVisible({ timeout: 90_000 });
  // The plan ended in 2023 and its figures are final: met or not, and by how much.
  await expect(g1.getByTestId("target-result")).toHaveText(
    "2023年未达成：实际 258.26 亿元，目标 400.00 亿元，差 141.74 亿元（完成目标的 64.6%）",
  );
  await expect(g1).not.toContainText("区间");
  await expect(g1).not.toContainText("达成概率");
  await expect(g1).not.toContainText("至少需要");
  await expect(g1).toContainText("结果从何而来");
  await expect(page.getByTestId("target-section-G3-TOTAL").getByTestId("target-result")).toHaveText(
    "2023年已达成：实际 52 家，目标 50 家，超出 2 家",
  );
  await page.screenshot({ path: testInfo.outputPath("targets-result-1440.png") });
  await testInfo.attach("targets-result-1440.png", {
    path: testInfo.outputPath("targets-result-1440.png"),
    contentType: "image/png",
  });

  // Every change in the sources' tables in one unit (亿元 here), none wrapped over two lines.
  const byChain = g1.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "按产业链" }) });
  const changes = await byChain.locator("tbody td:last-child").allInnerTexts();
  expect(changes.length).toBeGreaterThan(0);
  for (const change of changes) expect(change).toMatch(/^-?\d+\.\d{2} 亿元$/);
  const wrapped = await g1
    .locator("td span")
    .evaluateAll(
      (spans) => spans.filter((span) => /元$/.test(span.textContent ?? "") && span.getClientRects().length > 1).length,
    );
  expect(wrapped).toBe(0);

  // One anchor per target: T-M10, at the page's end, is a click away.
  const anchors = page.getByRole("navigation", { name: "各项目标" });
  await expect(anchors.getByRole("link")).toHaveCount(14);
  await anchors.getByRole("link", { name: "T-M10" }).click();
  await expect(page).toHaveURL(/#target-T-M10$/);
  await expect(page.getByTestId("target-section-T-M10")).toBeInViewport();

  // While the deadline year runs, the page still forecasts.
  await page.goto("/targets?asOf=2023-06");
  await expect(page.getByTestId("target-section-G1")).toContainText("2023年预测", { timeout: 90_000 });
  await expect(page.getByTestId("target-section-G1").getByTestId("target-result")).toHaveCount(0);

  // On a phone the page is no wider than the screen; the anchors scroll sideways on their own.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/targets");
  await expect(page.getByTestId("target-section-G1").getByTestId("target-result")).toBeVisible({ timeout: 90_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("targets-result-390.png") });
  await testInfo.attach("targets-result-390.png", {
    path: testInfo.outputPath("targets-result-390.png"),
    contentType: "image/png",
  });
});
