import type { Page } from "@playwright/test";
import { type Credentials, DEMO_LOGINS, expect, test } from "../fixtures";

/**
 * No internal word reaches a user: every role, in both languages, opens every entry of its menu (and a reward's
 * details, the audit log) and the page's text holds no snake_case or SCREAMING_CASE key, no rule id (R-GROWTH), and
 * no amount of money written with seven or more digits and no separators.
 */

const ACCOUNTS: Record<string, Credentials> = {
  office: DEMO_LOGINS.office,
  leader: DEMO_LOGINS.leader,
  unit: DEMO_LOGINS.unit,
  inspector: DEMO_LOGINS.inspector,
  enterprise: DEMO_LOGINS.enterprise,
  region: DEMO_LOGINS.region,
  stats: { username: "demo-stats", password: "Stats2021demo" },
  tax: { username: "demo-tax", password: "Tax2021demo" },
  finance: { username: "demo-finance", password: "Finance2021demo" },
  financialAffairs: { username: "demo-financial-affairs", password: "FinAffairs2021demo" },
};

/** Tokens that are not amounts though they are long digit runs. Kept to what a page may rightly show. */
function allowedDigits(token: string): boolean {
  // A unified social credit code (18 characters) or a bank account number (16–19 digits).
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(token)) return true;
  if (/^\d{16,19}$/.test(token)) return true;
  // A mobile phone number.
  if (/^1[3-9]\d{9}$/.test(token)) return true;
  return false;
}

/** What on a page's text betrays an internal word or a raw amount; empty when nothing. */
function internalWords(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b[a-z]+_[a-z_]+\b/g)) found.add(`snake_case: ${match[0]}`);
  for (const match of text.matchAll(/\b[A-Z]{2,}_[A-Z_]+\b/g)) found.add(`SCREAMING_CASE: ${match[0]}`);
  for (const match of text.matchAll(/\bR-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\b/g)) found.add(`rule id: ${match[0]}`);
  // A digit run not part of a grouped number, a code or a word (a credit code mixes digits and letters).
  for (const match of text.matchAll(/(?<![\d,.\w-])[0-9A-Z]*\d{7,}[0-9A-Z]*(?:\.\d+)?(?![\d,\w])/g)) {
    const token = match[0];
    if (!/\d{7,}/.test(token) || allowedDigits(token)) continue;
    found.add(`raw number: ${token}`);
  }
  return [...found];
}

/** Counts the page's requests in flight, so that a walk reads a page once its data has come. */
async function countRequests(page: Page) {
  await page.addInitScript(() => {
    const counted = window as unknown as { pendingRequests: number };
    counted.pendingRequests = 0;
    const send = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      counted.pendingRequests += 1;
      try {
        return await send(...args);
      } finally {
        counted.pendingRequests -= 1;
      }
    };
  });
}

async function settled(page: Page) {
  // The 数据大屏 is a stage of its own, without the layout's main region: its title stands for it.
  await page
    .locator("main")
    .or(page.getByRole("heading", { level: 1 }))
    .first()
    .waitFor({ timeout: 60_000 });
  // Quiet for 400 ms: no request in flight and no spinner (a lazy page's chunk, a query). Some pages poll (a
  // running import, the board's refresh), so the wait is bounded and the text is read as it then stands.
  await page
    .waitForFunction(
      () => {
        const state = window as unknown as { pendingRequests?: number; quietSince?: number };
        if ((state.pendingRequests ?? 0) > 0 || document.querySelector(".ant-spin-spinning")) {
          state.quietSince = undefined;
          return false;
        }
        state.quietSince ??= performance.now();
        return performance.now() - state.quietSince >= 400;
      },
      undefined,
      { polling: 100, timeout: 20_000 },
    )
    .catch(() => undefined);
}

async function check(page: Page, where: string, problems: string[]) {
  await settled(page);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without hidden nodes and scripts
  const text = await page.evaluate(() => document.body.innerText);
  for (const word of internalWords(text)) {
    problems.push(`${where}: ${word}`);
    console.log(`${where}: ${word}`);
  }
}

/** English is walked for one role of each kind of page (the units' pages are alike), to keep the suite's time. */
const WALKED_IN_ENGLISH = new Set(["office", "unit", "enterprise", "region"]);

/** Opens a page inside the running app, as its menu does: no reload, so the walk spends its time on the pages. */
async function openInApp(page: Page, path: string) {
  await page.evaluate((target) => {
    (window as unknown as { quietSince?: number }).quietSince = undefined;
    window.history.pushState({}, "", target);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

// The walks are independent readers of the demo: they share the workers instead of queueing in one.
test.describe.configure({ mode: "parallel" });

for (const language of ["zh-CN", "en"] as const) {
  for (const [role, credentials] of Object.entries(ACCOUNTS)) {
    if (language === "en" && !WALKED_IN_ENGLISH.has(role)) continue;
    test(`${role} sees no internal word on its pages (${language})`, async ({ page, login }) => {
      test.setTimeout(420_000);
      await countRequests(page);
      // Logged in on the Chinese form, then the language chosen: every page opened after reads it.
      await login(credentials);
      await page.evaluate((chosen) => window.localStorage.setItem("beizeng.language", chosen), language);
      await page.reload();
      const menu = page.getByRole("navigation").first();
      await expect(menu.getByRole("link").first()).toBeVisible({ timeout: 30_000 });
      const paths = await menu
        .getByRole("link")
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      const problems: string[] = [];
      for (const path of paths) {
        await openInApp(page, path);
        await check(page, path, problems);
        if (path === "/rewards" || path === "/my-rewards") {
          // A reward's details: the drawer of the first one listed.
          const open = page.getByRole("button", { name: /^(查看|查看并确认|View|View and confirm)$/ }).first();
          if (await open.isVisible()) {
            await open.click();
            await expect(page.getByRole("dialog")).toBeVisible();
            await check(page, `${path} (reward details)`, problems);
            await page.keyboard.press("Escape");
          }
        }
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}
