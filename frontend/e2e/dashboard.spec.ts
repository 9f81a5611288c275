import { expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

/** The owner's home page: what the shop holds, what runs low, what happened — each a way into the list. */
test("the dashboard shows the demo shop at a glance and leads into the filtered list", async ({ page }) => {
  await logIn(page, "pallet-owner");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const games = page.getByRole("list", { name: "Stock value by game" });
  await expect(games.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Running low" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent activity" }).getByRole("listitem").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await games.getByRole("link", { name: "Pokémon" }).click();
  await expect(page).toHaveURL(/\/collectibles\?game=pokemon$/);
  await expect(page.getByLabel("Game")).toHaveValue("pokemon");
  await expect(page.getByRole("table", { name: "Collectibles" }).getByRole("row").nth(1)).toBeVisible();
});
