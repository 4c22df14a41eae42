import { expect, test } from "../fixtures";

/**
 * A city above its districts (市级查看): its home compares its districts, each with its data completeness; a
 * district's dashboard, targets and enterprises open read only, with no button that would change anything.
 */
for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a region reads its districts side by side and drills down read only (${viewport.width} px)`, async ({
    page,
    login,
  }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    await login("region");

    await expect(page.getByRole("heading", { name: /各区县目标对比/ })).toBeVisible({ timeout: 45_000 });
    const district = page.locator("[data-testid^=region-card-]").first();
    await expect(district.getByTestId("region-coverage")).toContainText(
      /截至\d{4}年\d{1,2}月：\d+\/\d+ 家规上企业已报/,
    );
    await expect(page.getByTestId("region-chart")).toBeVisible();
    await expect(page.getByTestId("region-sums")).toBeVisible();
    await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveAttribute(
      "href",
      "/api/region/overview/export.xlsx",
    );
    await testInfo.attach(`region-home-${viewport.width}.png`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });

    await district.getByRole("button", { name: "看板" }).click();
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 45_000 });
    await expect(page.getByTestId("coverage-line")).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId("region-district-switch")).toBeVisible();
    await expect(page.getByText("只读", { exact: true })).toBeVisible();
    await testInfo.attach(`region-dashboard-${viewport.width}.png`, {
      body: await page.screenshot(),
      contentType: "image/png",
    });

    await page.goto("/enterprises");
    const firstEnterprise = page.locator("tbody tr a").first();
    await expect(firstEnterprise).toBeVisible({ timeout: 45_000 });
    await firstEnterprise.click();
    await expect(page).toHaveURL(/\/enterprises\/\d+$/);
    await expect(page.getByText("统一社会信用代码").first()).toBeVisible({ timeout: 45_000 });
    // Nothing on a district's pages offers a change to a region.
    for (const word of ["编辑", "新增", "录入", "确认", "保存"]) {
      await expect(page.getByRole("button", { name: word, exact: true })).toHaveCount(0);
    }

    // In English the region's labels are English.
    await page.evaluate(() => window.localStorage.setItem("beizeng.language", "en"));
    await page.goto("/");
    await expect(page.getByRole("heading", { name: /districts' targets compared/ })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText("Data completeness and targets on track, by district")).toBeVisible();
    await page.evaluate(() => window.localStorage.setItem("beizeng.language", "zh-CN"));
  });
}
