import { expect, logIn, test } from "./fixtures";

test("a viewer sees no write controls", async ({ page }) => {
  await logIn(page, "pallet-viewer");
  await expect(page.getByRole("link", { name: "New collectible" })).toHaveCount(0);

  await page.getByRole("table", { name: "Collectibles" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/collectibles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  await page.getByRole("button", { name: "Account: pallet-viewer" }).click();
  await expect(page.getByRole("menu")).toContainText("viewer");
  await page.keyboard.press("Escape");

  // A typed-in form URL leads back to reading.
  await page.goto("/collectibles/new");
  await expect(page).toHaveURL(/\/collectibles$/);
});
