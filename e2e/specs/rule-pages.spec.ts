import { chooseOption, expect, test } from "../fixtures";

test("the office opens a rule's page from an entitlement and tries it on an enterprise's figures and on figures of its own", async ({
  page,
  login,
}) => {
  // Generous: CI shares two cores between the server, the browsers and the other worker.
  test.setTimeout(180_000);
  await login("office");
  await page.goto("/rewards");
  await page.getByRole("button", { name: "查看" }).first().click();
  const drawer = page.getByRole("dialog", { name: "奖励详情" });
  await drawer.getByRole("link", { name: "查看奖励规则" }).click();
  await expect(page).toHaveURL(/\/rules\/R-/);

  // The rule's page: the clause verbatim, what it pays, the examples of the year computed.
  await expect(page.getByTestId("rule-page")).toBeVisible();
  await expect(page.getByText("条款原文")).toBeVisible();
  await expect(page.getByTestId("rule-description")).not.toBeEmpty();
  await expect(page.getByTestId("example-paid")).toContainText("万元");
  const calculator = page.getByTestId("rule-calculator");
  await calculator.getByRole("combobox", { name: "从企业实际数据开始" }).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
  await expect(page.getByTestId("try-result")).toContainText("试算结果");

  // The growth reward on figures entered: 8% is not above the 8% band, so the 5% band's 2 万元 is paid.
  await page.goto("/rules/R-GROWTH");
  await expect(calculator).toBeVisible();
  await chooseOption(page, calculator.getByRole("combobox", { name: "规模以上工业企业", exact: true }), "是");
  await chooseOption(page, calculator.getByRole("combobox", { name: "当年新进入规模企业名录库" }), "否");
  await calculator.getByRole("textbox", { name: /^营业收入（万元）/ }).fill("108");
  await calculator.getByRole("textbox", { name: /^上年营业收入（万元）/ }).fill("100");
  await calculator.getByRole("button", { name: /试\s?算/ }).click();
  await expect(page.getByTestId("try-amount")).toHaveText("2.00 万元");
  await expect(page.getByTestId("try-result")).toContainText("同比增长 8.00%");

  // Without the previous year the engine says which figure is missing.
  await calculator.getByRole("textbox", { name: /^上年营业收入（万元）/ }).fill("");
  await calculator.getByRole("button", { name: /试\s?算/ }).click();
  await expect(page.getByTestId("try-amount")).toHaveText("不奖励");
  await expect(page.getByTestId("try-why-not")).toContainText("缺少上年营业收入");
});
