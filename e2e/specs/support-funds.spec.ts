import { request as playwrightRequest } from "@playwright/test";
import { DEMO_LOGINS, expect, test } from "../fixtures";

test("the office enters a national support grant on an enterprise and sees it listed with its source", async ({
  page,
  login,
  baseURL,
}) => {
  const office = await playwrightRequest.newContext({ baseURL });
  expect((await office.post("/api/auth/login", { data: DEMO_LOGINS.office })).status()).toBe(200);
  const list = await (await office.get("/api/enterprises?q=华澜原料药")).json();
  const enterprise = list.items[0] as { id: number; name: string };
  await office.dispose();

  await login("office");
  await page.goto(`/enterprises/${enterprise.id}`);
  const card = page.locator(".ant-card").filter({ hasText: "扶持资金、技改项目与奖励相关事项" });
  await expect(card.getByRole("tab", { name: "扶持资金" })).toBeVisible();
  await card.getByRole("button", { name: "登记" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("编号（文号）").fill("E2E-国家专项-2022-01");
  await dialog.getByLabel("年份").fill("2022");
  await dialog.getByText("国家级").click();
  await dialog.getByLabel("金额", { exact: true }).fill("100");
  await dialog.getByLabel("说明").fill("国家级工业转型升级专项");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存")).toBeVisible();

  const row = card.getByRole("row").filter({ hasText: "E2E-国家专项-2022-01" });
  await expect(row).toContainText("2022");
  await expect(row).toContainText("国家级");
  await expect(row).toContainText("100.00 万元");
  await expect(row).toContainText("领导小组办公室");
  await expect(row).toContainText("正式");
});
