/**
 * Facts a plan declares (the test district's electricity use and smart-factory level), end to end on a server of
 * its own (an empty database, the plan loaded from its file): the import page takes the plan's template — a file
 * with a wrong cell is refused whole, naming row and column — the enterprise's page shows the values, the
 * electricity-use reward is computed from them, and the rewards batch command reads the same facts.
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test } from "../fixtures";
import { beizeng, ownServerEnv, repositoryRoot, startOwnServer } from "../own-server";

// Beside the configuration's two servers (E2E_PORT and the next).
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const baseURL = `http://127.0.0.1:${port}`;
test.use({ baseURL });

const ENTERPRISE = { code: withCheckCharacter("91990101MA0000071"), name: "云溪电能装备有限公司" };
const OFFICE = { username: "df-office", password: "Yunxi-Facts-2024" };
const HEADER = ["统一社会信用代码", "企业名称", "年度", "年用电量（千瓦时）", "智能工厂认定级别（省级/市级）"];

let folder: string;
let server: ChildProcess | undefined;
let enterpriseId = 0;

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("计划数据项");
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  folder = mkdtempSync(path.join(tmpdir(), "beizeng-facts-"));
  const env = ownServerEnv(path.join(folder, "facts.sqlite"));
  const load = beizeng(
    env,
    "plan",
    "load",
    "plans/test-district-2024-2026/plan.yaml",
    "--first-office",
    OFFICE.username,
  );
  const oneTime = /一次性密码 \/ one-time password: (\S+)/.exec(load)?.[1] ?? "";
  server = await startOwnServer(env, port);
  // The first office sets its own password, then registers the enterprise, above scale in 2024.
  const office = await playwrightRequest.newContext({ baseURL });
  const first = await office.post("/api/auth/login", { data: { username: OFFICE.username, password: oneTime } });
  const firstCsrf = (await first.json()).csrfToken as string;
  const changed = await office.post("/api/auth/password", {
    headers: { "x-csrf-token": firstCsrf },
    data: { currentPassword: oneTime, newPassword: OFFICE.password },
  });
  expect(changed.status(), await changed.text()).toBeLessThan(300);
  const { csrf } = await signedIn(office);
  const created = await office.post("/api/enterprises", {
    headers: { "x-csrf-token": csrf },
    data: { creditCode: ENTERPRISE.code, name: ENTERPRISE.name, chainId: "equipment" },
  });
  expect(created.status(), await created.text()).toBe(201);
  enterpriseId = (await created.json()).id as number;
  const scale = await office.put(`/api/enterprises/${enterpriseId}/scale-years/2024`, {
    headers: { "x-csrf-token": csrf },
    data: { status: "above" },
  });
  expect(scale.status(), await scale.text()).toBe(200);
  await office.dispose();
});

test.afterAll(() => {
  server?.kill();
  rmSync(folder, { recursive: true, force: true });
});

async function signedIn(office: APIRequestContext): Promise<{ csrf: string }> {
  const response = await office.post("/api/auth/login", { data: OFFICE });
  expect(response.status(), await response.text()).toBe(200);
  return { csrf: (await response.json()).csrfToken as string };
}

test("a declared fact: imported from the plan's template, shown on the enterprise's page, read by a reward rule and by the batch command", async ({
  page,
  login,
}) => {
  test.slow();
  await login(OFFICE);
  await page.goto("/imports");
  const card = page.locator(".ant-card").filter({ hasText: "计划数据项导入" });
  await expect(card.getByText("年用电量、智能工厂认定级别")).toBeVisible();
  const upload = (name: string, buffer: Buffer) =>
    card.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });

  // A wrong cell refuses the whole file, naming its row and column.
  await upload("有错.xlsx", await workbook([[ENTERPRISE.code, ENTERPRISE.name, 2024, "一千二百万", "省级"]]));
  await expect(card.getByText("第2行 D列（年用电量）：不是十进制数")).toBeVisible();

  await upload(
    "2024年用电量.xlsx",
    await workbook([
      [ENTERPRISE.code, ENTERPRISE.name, 2024, 12000000, "省级"],
      [ENTERPRISE.code, ENTERPRISE.name, 2023, "9,500,000", "市级"],
    ]),
  );
  await expect(card.getByText("已导入 4 个数值，涉及 1 家企业")).toBeVisible();

  // The enterprise's page shows them with their source.
  await page.goto(`/enterprises/${enterpriseId}`);
  // The page's first load on a busy machine fetches its chunks (the revenue chart's among them).
  await expect(page.getByRole("heading", { name: ENTERPRISE.name })).toBeVisible({ timeout: 60_000 });
  const facts = page
    .locator(".ant-card")
    .filter({ has: page.locator(".ant-card-head-title").getByText("计划数据项", { exact: true }) });
  await expect(facts.getByRole("cell", { name: "12,000,000 千瓦时" })).toBeVisible({ timeout: 40_000 });
  await expect(
    facts.getByRole("row").filter({ hasText: "2024年" }).filter({ hasText: "12,000,000 千瓦时" }),
  ).toBeVisible();
  await expect(facts.getByRole("row").filter({ hasText: "2024年" }).filter({ hasText: "省级" })).toBeVisible();
  await expect(facts.getByText("2024年用电量.xlsx").first()).toBeVisible();

  // The rule reading electricity use pays 3万 for 2024.
  const office = await playwrightRequest.newContext({ baseURL });
  const { csrf } = await signedIn(office);
  const batch = await office.post("/api/rewards/batches", { headers: { "x-csrf-token": csrf }, data: { year: 2024 } });
  expect(batch.status(), await batch.text()).toBe(202);
  const batchId = (await batch.json()).id as number;
  await expect
    .poll(async () => (await (await office.get(`/api/rewards/batches/${batchId}`)).json()).status, { timeout: 60_000 })
    .toBe("done");
  const paid = (await (await office.get("/api/rewards/entitlements?year=2024&rule=R-POWER")).json()).items as {
    enterpriseName: string;
    amountFen: string;
  }[];
  expect(paid.map((item) => [item.enterpriseName, item.amountFen])).toEqual([[ENTERPRISE.name, "3000000"]]);
  await office.dispose();
  await page.goto("/rewards");
  await expect(
    page.getByRole("row").filter({ hasText: ENTERPRISE.name }).filter({ hasText: "3.00 万元" }).first(),
  ).toBeVisible();

  // The batch command reads the same fact from its input, and names a wrong one by its path.
  const input = path.join(folder, "batch.json");
  const years = (electricity: string) => [{ year: 2024, aboveScale: true, facts: { electricityUse: electricity } }];
  writeFileSync(input, JSON.stringify({ enterprises: [{ creditCode: ENTERPRISE.code, years: years("12000000") }] }));
  const batchRun = (file: string) =>
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "packages/cli/src/main.ts",
        "rewards",
        "--input",
        file,
        "--plan",
        "test-district-2024-2026",
        "--json",
      ],
      { cwd: repositoryRoot, encoding: "utf8" },
    );
  const output = JSON.parse(batchRun(input)) as { entitlements: { ruleId: string; amount: string }[] };
  expect(output.entitlements).toContainEqual(expect.objectContaining({ ruleId: "R-POWER", amount: "30000" }));
  writeFileSync(input, JSON.stringify({ enterprises: [{ creditCode: ENTERPRISE.code, years: years("1.2e7") }] }));
  let refusal = "";
  try {
    batchRun(input);
  } catch (error) {
    refusal = String((error as { stderr?: string }).stderr);
  }
  expect(refusal).toContain("enterprises[0].years[0].facts.electricityUse: 不是十进制数");
});
