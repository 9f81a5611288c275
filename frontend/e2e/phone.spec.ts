import { type Page } from "@playwright/test";

import { DEMO_PASSWORD, createCollectibles, expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/** An upright phone (iPhone 12–15 class): the layout below Tailwind's `sm`. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

/**
 * A shop assistant at a card show with only a phone: sign in, find a card with
 * the search and the filter sheet, open it from the card list, sell one with
 * the stock control, and move around with the menu — no sideways scrolling.
 */
test("on a phone, staff find a card, sell one and navigate with the menu", async ({ page, request }) => {
  const name = `Phone Charizard ${Date.now()}`;
  const [card] = await createCollectibles(request, "pallet-editor", [
    { name, quantity: 4, condition: "LP", card_details: { game: "pokemon", set_name: "Base Set", set_code: "BS", card_number: "4", language: "EN", market_region: "NA" } },
  ]);

  await test.step("sign in; the list is a list of cards, not a table", async () => {
    await page.goto("/login");
    await page.getByLabel("Username").fill("pallet-editor");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/collectibles$/);
    const list = page.getByRole("list", { name: "Collectibles" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Collectibles" })).toHaveCount(0);
    // The desk's navigation links are folded into the menu.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expectNoSidewaysScroll(page);
  });

  await test.step("search, then narrow with the filter sheet", async () => {
    await page.getByLabel("Search").fill(name);
    await expect(page).toHaveURL(/search=/);
    await page.getByRole("button", { name: "Filters" }).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await sheet.getByLabel("Condition").selectOption("LP");
    await expect(page).toHaveURL(/condition=LP/);
    await sheet.getByRole("button", { name: "Show results" }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole("button", { name: /Filters/ })).toContainText("1");
    const items = page.getByRole("list", { name: "Collectibles" }).getByRole("listitem");
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText("BS #4");
    await expect(items.first()).toContainText("Qty 4");
    await expectNoSidewaysScroll(page);
  });

  await test.step("open the card and sell one with the stock control", async () => {
    await page.getByRole("link", { name }).tap();
    await expect(page).toHaveURL(new RegExp(`/collectibles/${card.id}$`));
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByRole("tab", { name: "Stock" }).tap();
    const form = page.getByRole("form", { name: "Adjust stock" });
    await expect(form.getByLabel("Change by")).toHaveValue("-1");
    const submit = form.getByRole("button", { name: /Remove 1/ });
    // Thumb-sized: at least 44 px tall (WCAG 2.5.5's target size).
    expect((await submit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await submit.tap();
    await expect(form).toContainText("3 in stock now");
    await expect(page.getByText("3 in stock", { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("the menu leads to the import page and back", async () => {
    await page.getByRole("button", { name: "Open menu" }).tap();
    const menu = page.getByRole("dialog", { name: "Omni-Stock" });
    await menu.getByRole("link", { name: "Import" }).tap();
    await expect(page).toHaveURL(/\/imports$/);
    await expect(menu).toBeHidden();
    await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: "Open menu" }).tap();
    await page.getByRole("dialog", { name: "Omni-Stock" }).getByRole("link", { name: "Collectibles" }).tap();
    await expect(page).toHaveURL(/\/collectibles$/);
  });
});
