import { request as playwrightRequest } from "@playwright/test";
import { DEMO_LOGINS, expect, test } from "../fixtures";

/** A throwaway account, so that holding back its sign-ins cannot disturb the other tests. */
async function createThrowawayUser(baseURL: string, username: string, password: string): Promise<void> {
  const office = await playwrightRequest.newContext({ baseURL });
  const signIn = await office.post("/api/auth/login", { data: DEMO_LOGINS.office });
  expect(signIn.status()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const created = await office.post("/api/users", {
    headers: { "x-csrf-token": csrfToken },
    data: { username, displayName: "临时测试账号", role: "inspector", password },
  });
  expect(created.status()).toBe(201);
  await office.dispose();
}

test("repeated failures make an unfamiliar browser wait, never the owner's browser", async ({ page, baseURL }) => {
  const username = `throttle-${Date.now().toString(36)}`;
  const password = "Throwaway2024pass";
  await createThrowawayUser(baseURL!, username, password);
  // The owner's browser signs in once, and is known to the account from then on.
  const ownerBrowser = await playwrightRequest.newContext({ baseURL });
  expect((await ownerBrowser.post("/api/auth/login", { data: { username, password } })).status()).toBe(200);

  const attempt = async (tryPassword: string) => {
    await page.getByLabel("密码").fill(tryPassword);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/auth/login")),
      page.getByRole("button", { name: "登录" }).click(),
    ]);
    return response.status();
  };

  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  expect(await attempt("wrong-password-1")).toBe(401);
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  for (let n = 2; n <= 3; n++) expect(await attempt(`wrong-password-${n}`)).toBe(401);

  // This browser now waits, even with the right password, and is told how long and what to do.
  expect(await attempt(password)).toBe(429);
  const alert = page.getByRole("alert").filter({ hasText: "登录尝试过于频繁" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("曾登录过此账号的浏览器");
  await expect(page).toHaveURL(/\/login/);

  // The owner's browser, at the same address, signs in at once.
  expect((await ownerBrowser.post("/api/auth/login", { data: { username, password } })).status()).toBe(200);
  await ownerBrowser.dispose();
});

test("the login page, signed out, logs no error to the console", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  expect(errors).toEqual([]);
});
