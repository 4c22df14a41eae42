import { test as base, expect, type Locator, type Page } from "@playwright/test";

/** The demo logins (packages/server/src/demo/generate.ts, DEMO_ACCOUNT_LOGINS; printed by `beizeng serve`). */
export const DEMO_LOGINS = {
  office: { username: "demo-office", password: "Office2021demo" },
  leader: { username: "demo-leader", password: "Leader2021demo" },
  unit: { username: "demo-unit", password: "Unit2021demo" },
  inspector: { username: "demo-inspector", password: "Inspector2021demo" },
  enterprise: { username: "demo-enterprise", password: "Enterprise2021demo" },
  enterprise2: { username: "demo-enterprise2", password: "Enterprise2021demo2" },
  region: { username: "demo-region", password: "Region2021demo" },
} as const;

export type DemoRole = keyof typeof DEMO_LOGINS;
export interface Credentials {
  username: string;
  password: string;
}

/** Fills the login form the way a person does, and submits it. */
export async function submitLogin(page: Page, credentials: Credentials): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(credentials.username);
  await page.getByLabel("密码").fill(credentials.password);
  await page.getByRole("button", { name: "登录" }).click();
}

/**
 * Picks `option` in the antd Select whose combobox is `select`, and checks it took. A click that lands while
 * another dropdown is still closing (its options still matched, then hidden) is retried from the start.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const field = select.locator(
    "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  await expect(async () => {
    await select.click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .filter({ hasText: option })
      .filter({ visible: true })
      .first()
      .click({ timeout: 3_000 });
    await expect(field.locator(".ant-select-content")).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

export const test = base.extend<{ login: (who: DemoRole | Credentials) => Promise<void> }>({
  login: async ({ page }, use) => {
    await use(async (who) => {
      await submitLogin(page, typeof who === "string" ? DEMO_LOGINS[who] : who);
      await expect(page).not.toHaveURL(/\/login/);
    });
  },
});

export { expect };
