import ExcelJS from "exceljs";
import { expect, test } from "../fixtures";

/**
 * The office filters the audit log by an action and takes it away as Excel: the file holds what the filter keeps,
 * in words, times in Beijing time.
 */
test("the office exports the audit log's sign-ins as Excel", async ({ page, login }) => {
  await login("office");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible({ timeout: 45_000 });
  // The actions are many: typed into the select's search, as a clerk does.
  const action = page.getByRole("combobox", { name: "操作", exact: true });
  await expect(async () => {
    await action.click();
    await action.fill("登录");
    await page.locator('.ant-select-item-option[title="登录"]').click({ timeout: 3_000 });
    await expect(page.locator(".ant-select").filter({ has: action })).toContainText("登录", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator(".ant-table-row").first()).toContainText("登录", { timeout: 45_000 });

  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 45_000 }),
    page.getByRole("button", { name: "导出 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{8}-\d{4}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the export has no worksheet");
  expect(String(sheet.getCell(2, 1).value)).toContain("操作：登录");
  expect(sheet.getRow(3).getCell(2).value).toBe("时间（北京时间）");
  expect(sheet.rowCount).toBeGreaterThan(3);
  for (let row = 4; row <= sheet.rowCount; row++) {
    expect(sheet.getRow(row).getCell(6).value).toBe("登录");
    expect(String(sheet.getRow(row).getCell(2).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  }
});
