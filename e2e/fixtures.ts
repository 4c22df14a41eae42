import { test as base, expect, type Page } from "@playwright/test";

/** The demo logins (packages/server/src/demo/generate.ts, DEMO_ACCOUNT_LOGINS; printed by `beizeng serve`). */
export const DEMO_LOGINS = {
  office: { username: "demo-office", password: "Office2021demo" },
  leader: { username: "demo-leader", password: "Leader2021demo" },
  unit: { username: "demo-unit", password: "Unit2021demo" },
  inspector: { username: "demo-inspector", password: "Inspector2021demo" },
  enterprise: { username: "demo-enterprise", password: "Enterprise2021demo" },
  enterprise2: { username: "demo-enterprise2", password: "Enterprise2021demo2" },
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

export const test = base.extend<{ login: (who: DemoRole | Credentials) => Promise<void> }>({
  login: async ({ page }, use) => {
    await use(async (who) => {
      await submitLogin(page, typeof who === "string" ? DEMO_LOGINS[who] : who);
      await expect(page).not.toHaveURL(/\/login/);
    });
  },
});

export { expect };
