import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { DEMO_LOGINS, expect, test } from "../fixtures";

interface UserListItem {
  username: string;
  enterprise: { id: number; name: string } | null;
}

/** The enterprise linked to each demo enterprise account, as the office sees it. */
async function enterpriseOf(office: APIRequestContext, username: string) {
  const response = await office.get("/api/users");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items?: UserListItem[] } | UserListItem[];
  const users = Array.isArray(body) ? body : (body.items ?? []);
  const enterprise = users.find((user) => user.username === username)?.enterprise;
  if (!enterprise) throw new Error(`${username} has no enterprise`);
  return enterprise;
}

test("an enterprise account sees its own enterprise and is refused another's, on the page and in the API", async ({
  page,
  login,
  baseURL,
}) => {
  const office = await playwrightRequest.newContext({ baseURL });
  const signIn = await office.post("/api/auth/login", { data: DEMO_LOGINS.office });
  expect(signIn.status()).toBe(200);
  const own = await enterpriseOf(office, DEMO_LOGINS.enterprise.username);
  const other = await enterpriseOf(office, DEMO_LOGINS.enterprise2.username);
  await office.dispose();
  expect(own.id).not.toBe(other.id);

  await login("enterprise");
  await page.goto(`/enterprises/${own.id}`);
  await expect(page.getByText(own.name).first()).toBeVisible();

  await page.goto(`/enterprises/${other.id}`);
  await expect(page.getByText("无权访问").first()).toBeVisible();
  await expect(page.getByText(other.name)).toHaveCount(0);

  // The browser's own session, straight at the API: 403, and nothing of the other enterprise in the body.
  const response = await page.request.get(`/api/enterprises/${other.id}`);
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain(other.name);
});
