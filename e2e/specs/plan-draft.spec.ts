import { fileURLToPath } from "node:url";
import { expect, test } from "../fixtures";

const documentFile = fileURLToPath(new URL("../../plans/changjiang-2021-2023/document.txt", import.meta.url));

test("the office uploads the issued document, sees its clauses, units and money sentences, and opens the draft in the editor, which names every field still to fill", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  await login("office");
  await page.goto("/plan");
  await page.getByRole("tab", { name: "由原文起草" }).click();
  await expect(page).toHaveURL(/tab=draft/);
  await page.locator('input[type="file"]').setInputFiles(documentFile);

  const result = page.getByTestId("plan-draft-result");
  await expect(result.getByText("20 个条款、23 个单位、14 个目标、10 句奖励规定")).toBeVisible();
  await expect(result.getByText(/现行方案的第 \d+ 版/)).toBeVisible();
  await expect(result.getByText("昌江区工业倍增三年行动计划（2021－2023年）")).toBeVisible();

  // The clauses, verbatim, by the document's own numbering.
  await expect(result.getByRole("cell", { name: "支持企业壮大规模", exact: true })).toBeVisible();
  await expect(result.getByRole("cell", { name: "四、保障措施" }).first()).toBeVisible();

  // The units of the notes, each once, matched with the district's own.
  await result.getByRole("tab", { name: "单位（23）" }).click();
  await expect(result.getByRole("cell", { name: "市自然资源和规划局昌江分局", exact: true })).toBeVisible();
  await expect(result.getByRole("cell", { name: "市自然资源规划局昌江分局", exact: true })).toBeVisible();
  await expect(result.getByRole("cell", { name: "鲇鱼山镇", exact: true })).toBeVisible();
  await expect(result.getByText("原文中的泛指（各乡镇（街道））已写作本区全部乡镇、街道和园区。")).toBeVisible();

  // Each sentence that promises money, quoted, with its amounts in 万元.
  await result.getByRole("tab", { name: "奖励规定（10）" }).click();
  const growth = result.getByRole("listitem").filter({ hasText: "当年营业收入同比增幅分别超过 5%、8%、10%、15%" });
  await expect(growth.getByText("按增幅分档")).toBeVisible();
  await expect(growth.getByText("20 万元", { exact: true })).toBeVisible();
  await expect(growth.getByText("15%", { exact: true })).toBeVisible();
  const caseByCase = result.getByRole("listitem").filter({ hasText: "“一企一策”“一事一议”" });
  await expect(caseByCase.getByText("一事一议或待核定")).toBeVisible();

  // The draft in the editor: the plan file with its marks, refused by the loader's own check until they are filled.
  await result.getByRole("button", { name: "在编辑器中打开" }).click();
  const editor = page.getByTestId("plan-draft-editor");
  await expect(editor.getByRole("textbox", { name: "计划文件草稿" })).toHaveValue(/per: 〔待核定〕/);
  await editor.getByRole("button", { name: /待核定字段（\d+）/ }).click();
  await expect(editor.getByText(/奖励对象：year（企业年度）/).first()).toBeVisible();
  await editor.getByRole("button", { name: "校验并预览" }).click();
  await expect(editor.getByText(/草稿未通过校验（\d+ 处）/)).toBeVisible();
  await expect(editor.getByText(/草稿中标记为“待核定”的字段尚未填写/).first()).toBeVisible();
  await editor.getByRole("button", { name: "返回读取结果" }).click();
  await expect(result.getByRole("button", { name: "在编辑器中打开" })).toBeVisible();
});

test("at phone width the office drafts from the document and opens the editor, which fits the screen", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await login("office");
  await page.goto("/plan?tab=draft");
  await page.locator('input[type="file"]').setInputFiles(documentFile);
  const result = page.getByTestId("plan-draft-result");
  await expect(result.getByText("20 个条款、23 个单位、14 个目标、10 句奖励规定")).toBeVisible();
  const open = result.getByRole("button", { name: "在编辑器中打开" });
  await open.scrollIntoViewIfNeeded();
  await expect(open).toBeInViewport();
  await open.click();
  const text = page.getByTestId("plan-draft-editor").getByRole("textbox", { name: "计划文件草稿" });
  await expect(text).toBeVisible();
  const box = await text.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(390);
  // Nothing on the page is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
