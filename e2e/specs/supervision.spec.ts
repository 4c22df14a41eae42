import { execFileSync } from "node:child_process";
import { expect, test } from "../fixtures";

test.describe.configure({ mode: "serial" });

test("a unit reports progress with evidence, the office sends it back, the commission issues a bulletin as Word", async ({
  page,
  login,
}) => {
  // A long path through three accounts: it needs more than the default minute on a busy machine.
  test.setTimeout(240_000);
  // The office creates the tasks of the plan's measures (idempotent: a second run creates none).
  await login("office");
  await page.goto("/tasks");
  await page.getByRole("button", { name: "从行动计划生成任务" }).click();
  await expect(page.getByText(/已生成 \d+ 项任务/)).toBeVisible();
  await expect(page.getByRole("link", { name: "清理僵尸企业" })).toBeVisible();

  // 区商务局 sees its own tasks and reports on one, with a PDF as evidence.
  await page.context().clearCookies();
  await login("unit");
  await page.goto("/tasks");
  await expect(page.getByText("本单位（区商务局）牵头或配合的任务")).toBeVisible();
  // Exact: the demo's red warning about this task is a link too.
  await page.getByRole("link", { name: "组建专业招商队伍", exact: true }).click();
  await expect(page.getByRole("heading", { name: "组建专业招商队伍" })).toBeVisible();
  const taskUrl = page.url();
  await page.getByLabel("进度说明").fill("已组建 3 支专业招商小分队，名单见附件。");
  await page.locator('input[type="file"]').setInputFiles({
    name: "招商小分队名单.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% 招商小分队名单\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "提交报送" }).click();
  await expect(page.getByText(/^已报送/).first()).toBeVisible();
  // First: a retry of this spec finds the evidence of the earlier try beside its own.
  await expect(page.getByRole("link", { name: /招商小分队名单\.pdf/ }).first()).toBeVisible();

  // The office sends it back with a reason.
  await page.context().clearCookies();
  await login("office");
  await page.goto(taskUrl);
  await page.getByRole("button", { name: "退回" }).first().click();
  await page.getByLabel("退回原因").fill("名单未盖章，请补充盖章件");
  await page.getByRole("dialog").getByRole("button", { name: "退回" }).click();
  // The report's state is a tag, the reason under it.
  const returned = page.getByRole("row").filter({ hasText: "名单未盖章，请补充盖章件" }).first();
  await expect(returned.getByText("已退回", { exact: true })).toBeVisible();

  // The unit is told on its home page (its notices), and the task shows the report as sent back.
  await page.context().clearCookies();
  await login("unit");
  await page.goto("/");
  await expect(page.getByText(/原因：名单未盖章，请补充盖章件/).first()).toBeVisible();
  await page.goto(taskUrl);
  await expect(returned.getByText("已退回", { exact: true })).toBeVisible();

  // The commission generates the bulletin of 2023 Q4, issues it and downloads the Word file.
  await page.context().clearCookies();
  await login("inspector");
  await page.goto("/supervision");
  await page.getByRole("button", { name: "生成通报" }).click();
  await expect(
    page.getByRole("heading", { name: "关于2023年第四季度工业倍增行动计划目标任务落实情况的督查通报" }),
  ).toBeVisible();
  await expect(page.getByText("各责任单位任务落实情况")).toBeVisible();
  await page.getByRole("button", { name: "印发通报" }).click();
  await page.getByRole("tooltip").getByRole("button", { name: "印发通报" }).click();
  await expect(page.getByText(/已印发 昌纪督〔\d{4}〕\d+号/)).toBeVisible();
  const row = page.getByRole("row", { name: /2023年第四季度/ }).first();
  const number = ((await row.getByRole("cell").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^昌纪督〔\d{4}〕[1-9]\d*号$/);
  const downloading = page.waitForEvent("download");
  await row.getByRole("link", { name: "下载 Word" }).click();
  const download = await downloading;
  const file = await download.path();
  const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  expect(text).toContain("区纪委监委 督查通报");
  expect(text).toContain(number);
  expect(text).toContain("关于2023年第四季度工业倍增行动计划目标任务落实情况的督查通报");
  expect(text).toContain("区商务局");
  expect(text).toContain("四、约谈名单");
});
