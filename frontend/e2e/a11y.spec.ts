import { expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

test("login, list, detail and form pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Omni-Stock" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await logIn(page, "pallet-owner");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("table", { name: "Collectibles" }).getByRole("link").first().click();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/collectibles/new");
  await expect(page.getByRole("button", { name: "Create collectible" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("dark mode is remembered and passes the same checks", async ({ page }) => {
  await logIn(page, "pallet-owner");
  await page.getByRole("button", { name: /^Theme/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("table", { name: "Collectibles" }).getByRole("row").nth(1)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the list is usable from the keyboard with a visible focus", async ({ page }) => {
  await logIn(page, "pallet-owner");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  const search = page.getByLabel("Search");
  for (let i = 0; i < 5 && !(await search.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(search).toBeFocused();
  const outline = await search.evaluate((el) => getComputedStyle(el).boxShadow);
  expect(outline).not.toBe("none");
});

test("the import page, the detail tabs and the bulk bar pass in dark mode; the tabs work from the keyboard", async ({ page }) => {
  await logIn(page, "pallet-owner");
  await page.getByRole("button", { name: /^Theme/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);

  const table = page.getByRole("table", { name: "Collectibles" });
  await table.getByRole("checkbox").nth(1).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("1 item selected.");
  await expectNoSeriousA11yViolations(page);

  await table.getByRole("link").first().click();
  await page.getByRole("tab", { name: "Details" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Stock" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?tab=stock$/);
  await expect(page.getByRole("form", { name: "Adjust stock" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\?tab=history$/);
  await expect(page.getByRole("list", { name: "Change history" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("form", { name: "Upload a file" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
