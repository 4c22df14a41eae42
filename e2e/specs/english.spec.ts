import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

/** The language switch in the header (an icon, then the name of the language it switches to). */
async function switchTo(page: Page, language: "English" | "中文") {
  const switchNamed = (name: string) => page.getByRole("button", { name: new RegExp(`(^|\\s)${name}$`) });
  await switchNamed(language).click();
  await expect(switchNamed(language === "English" ? "中文" : "English")).toBeVisible();
}

test("a unit reads its notifications in English and in Chinese again", async ({ page, login }) => {
  await login("unit");
  // Notifications head the home page, under the to-do list.
  await page.goto("/");
  // The first page a fresh server renders for a unit may take a while on a busy machine.
  await expect(page.getByText("我的通知")).toBeVisible({ timeout: 30_000 });
  // The demo's warning about 区商务局's one-off task, stored with its message.
  await expect(page.getByRole("link", { name: "红色预警：组建专业招商队伍" })).toBeVisible();

  await switchTo(page, "English");
  await expect(page.getByText("My notifications")).toBeVisible();
  // The task was seeded from the plan and not retitled: the plan's English title.
  await expect(
    page.getByRole("link", { name: "Red warning: Form a professional investment-promotion team" }),
  ).toBeVisible();
  await expect(
    page.getByText(
      /^District Bureau of Commerce: the report on Form a professional investment-promotion team \(One-off\) is \d+ days overdue/,
    ),
  ).toBeVisible();

  await switchTo(page, "中文");
  await expect(page.getByRole("link", { name: "红色预警：组建专业招商队伍" })).toBeVisible();
});

test("in English the targets' change tables name chains and towns in English and amounts in million yuan, and the notes are in English", async ({
  page,
  login,
}) => {
  await login("office");
  await page.goto("/targets");
  await switchTo(page, "English");
  const byTown = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "By town" }) });
  await expect(byTown.first().getByRole("cell", { name: "Liyang Town" })).toBeVisible();
  await expect(
    byTown
      .first()
      .getByRole("cell", { name: /^-?[\d.]+ (m|bn) yuan$/ })
      .first(),
  ).toBeVisible();
  const byChain = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "By chain" }) });
  await expect(byChain.first().getByRole("cell", { name: "Aviation" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "丽阳镇" })).toHaveCount(0);
  // The notes beside a target, rendered from their messages: T-M9's register keeps no baseline.
  await expect(
    page.getByText(/^Share of enterprise services available online: the register it is read from keeps only/),
  ).toBeVisible();
  await expect(page.getByText(/所据清单只记录当前状态/)).toHaveCount(0);
});

test("in English the project form offers the units by their English names", async ({ page, login }) => {
  await login("office");
  await page.goto("/projects");
  await switchTo(page, "English");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Lead unit").click();
  await page.keyboard.type("Commerce");
  await expect(page.locator(".ant-select-item-option", { hasText: "District Bureau of Commerce" })).toBeVisible();
  await page.keyboard.press("Escape");
});
