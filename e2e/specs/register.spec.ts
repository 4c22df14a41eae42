import { request as playwrightRequest } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_LOGINS, expect, test } from "../fixtures";

/** A monthly statistics file as the bureau sends it: one enterprise, one month, revenue in 万元. */
async function monthlyWorkbook(creditCode: string, name: string, revenue: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("月报");
  sheet.addRow(["统一社会信用代码", "企业名称", "年份", "月份", "营业收入（万元）"]);
  sheet.addRow([creditCode, name, 2024, 1, revenue]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("the office imports a monthly file: a bad cell is reported by row and nothing is written; the fixed file applies", async ({
  page,
  login,
  baseURL,
}) => {
  const office = await playwrightRequest.newContext({ baseURL });
  expect((await office.post("/api/auth/login", { data: DEMO_LOGINS.office })).status()).toBe(200);
  const list = await (await office.get("/api/enterprises?q=华澜原料药")).json();
  const enterprise = list.items[0] as { id: number; name: string; creditCode: string };
  const monthOf = async () =>
    (
      (await (await office.get(`/api/enterprises/${enterprise.id}`)).json()).figures as {
        year: number;
        month: number;
      }[]
    ).filter((figure) => figure.year === 2024 && figure.month === 1);
  expect(await monthOf()).toEqual([]);

  await login("office");
  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "数据导入" })).toBeVisible();
  const fileInput = page.getByLabel("点击或拖入 .xlsx 文件");
  await fileInput.setInputFiles({
    name: "一月月报.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await monthlyWorkbook(enterprise.creditCode, enterprise.name, "一百二十"),
  });
  await expect(page.getByText("文件有 1 处错误，不能导入")).toBeVisible();
  const errorRow = page.getByRole("row").filter({ hasText: "营业收入" }).filter({ hasText: "E" });
  await expect(errorRow.getByRole("cell").first()).toHaveText("2");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  expect(await monthOf()).toEqual([]);

  await fileInput.setInputFiles({
    name: "一月月报.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await monthlyWorkbook(enterprise.creditCode, enterprise.name, "1200.5"),
  });
  await expect(page.getByText("检查通过")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible();
  expect(await monthOf()).toEqual([expect.objectContaining({ value: "1200500000", sourceKind: "import" })]);
  await office.dispose();
});

test("an enterprise submits its own figure and sees it marked 自报", async ({ page, login }) => {
  await login("enterprise");
  await page.goto("/my-enterprise");
  await page.getByRole("button", { name: "填报数据" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("年份").fill("2025");
  await dialog.getByLabel("数值").fill("321.5");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已提交，待责任单位确认")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "321.50 万元" });
  await expect(row).toContainText("2025");
  await expect(row).toContainText("自报");
  await expect(row).toContainText("企业自报");
  await expect(page.getByText("待确认 1 项")).toBeVisible();
});
