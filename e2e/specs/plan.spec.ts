import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "../fixtures";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results");

test("the office signs in and reads the action plan with its targets", async ({ page, login }, testInfo) => {
  await login("office");
  await expect(page.getByText("演示数据", { exact: false }).first()).toBeVisible();

  await page.getByRole("menuitem", { name: /行动计划/ }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByRole("heading", { name: /昌江区工业倍增三年行动计划/ })).toBeVisible();
  await expect(page.getByText("昌办字〔2021〕7号").first()).toBeVisible();
  await expect(page.getByRole("tab").first()).toBeVisible();

  const screenshot = await page.screenshot({ fullPage: true });
  await testInfo.attach("plan-page", { body: screenshot, contentType: "image/png" });
  await page.screenshot({ path: path.join(resultsDir, "plan-page.png"), fullPage: true });
});
