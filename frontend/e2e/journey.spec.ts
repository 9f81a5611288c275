import { DEMO_PASSWORD, expect, logIn, test } from "./fixtures";

/**
 * The whole working day of a shop owner, in one real browser session against
 * the real API: sign in, narrow the list, find a card despite a typo, create,
 * edit and delete a card, sign out.
 */
test("an owner filters, searches, creates, edits and deletes a card, then logs out", async ({ page }) => {
  // The longest journey (~20 s on an idle machine): on a loaded one it outlasts the 60 s default.
  test.slow();
  const table = page.getByRole("table", { name: "Collectibles" });
  const name = `E2E Pikachu ${Date.now()}`;

  await test.step("a signed-out visitor is sent to the login page, and back after signing in", async () => {
    await page.goto("/collectibles");
    await expect(page).toHaveURL(/\/login$/);
    await logIn(page, "pallet-owner");
    await expect(page.getByTestId("vendor-name")).toHaveText("Pallet Town Cards");
  });

  await test.step("filter by language and region: the URL follows, Back restores", async () => {
    await page.getByLabel("Language").selectOption("JA");
    await expect(page).toHaveURL(/\?language=JA$/);
    await page.getByLabel("Market region").selectOption("JP");
    await expect(page).toHaveURL(/\?language=JA&market_region=JP$/);
    const rows = table.getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    // Cells: selection checkbox, name, game, set, language, region, …
    for (const row of await rows.all().then((all) => all.slice(1))) {
      await expect(row.getByRole("cell").nth(4)).toHaveText("JA");
      await expect(row.getByRole("cell").nth(5)).toHaveText("JP");
    }

    await page.goBack();
    await expect(page).toHaveURL(/\?language=JA$/);
    await expect(page.getByLabel("Market region")).toHaveValue("");
    await expect(page.getByLabel("Language")).toHaveValue("JA");
    await page.goBack();
    await expect(page).toHaveURL(/\/collectibles$/);
    await expect(page.getByLabel("Language")).toHaveValue("");
  });

  await test.step("a reload keeps the filters and the session; the detail page leads back to the same view", async () => {
    await page.getByLabel("Language").selectOption("DE");
    await page.reload();
    await expect(page).toHaveURL(/\?language=DE$/);
    await expect(page.getByLabel("Language")).toHaveValue("DE");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await table.getByRole("link").first().click();
    await page.getByRole("link", { name: "All collectibles" }).click();
    await expect(page).toHaveURL(/\?language=DE$/);
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/collectibles$/);
  });

  await test.step("search with a typo still finds Charizard", async () => {
    await page.getByLabel("Search").fill("charzard");
    await expect(page).toHaveURL(/\?search=charzard$/);
    await expect(table.getByRole("link", { name: /charizard/i }).first()).toBeVisible();
  });

  await test.step("create a card with card details and two marketplace ids", async () => {
    await page.getByRole("link", { name: "New collectible" }).click();
    await expect(page.getByRole("heading", { name: "New collectible" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Quantity").fill("3");
    await page.getByLabel("Price").fill("12.50");
    await page.getByLabel("Game").selectOption("pokemon");
    await page.getByLabel("Card language").selectOption("JA");
    await page.getByLabel("Market region").selectOption("JP");
    await page.getByLabel("Set name").fill("Base Set");
    await page.getByLabel("Card number").fill("58");
    await page.getByRole("button", { name: "Add marketplace id" }).click();
    await page.getByLabel("Marketplace 1", { exact: true }).fill("tcgplayer");
    await page.getByLabel("Id on marketplace 1", { exact: true }).fill("83712");
    await page.getByRole("button", { name: "Add marketplace id" }).click();
    await page.getByLabel("Marketplace 2", { exact: true }).fill("cardmarket");
    await page.getByLabel("Id on marketplace 2", { exact: true }).fill("273699");
    await page.getByRole("button", { name: "Create collectible" }).click();

    await expect(page).toHaveURL(/\/collectibles\/\d+$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText(`Created “${name}”.`)).toBeVisible();
    await expect(page.getByText("$12.50")).toBeVisible();
    await expect(page.getByText("Japanese")).toBeVisible();
    await expect(page.getByText("83712")).toBeVisible();
    await expect(page.getByText("273699")).toBeVisible();
  });

  await test.step("edit it: the API's grading rule is checked before sending", async () => {
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await page.getByLabel("Quantity").fill("5");
    await page.getByLabel("Graded by").selectOption("PSA");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("A grade is required when a grading company is set.")).toBeVisible();
    await page.getByLabel("Grade", { exact: true }).fill("9");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByText(`Saved “${name}”.`)).toBeVisible();
    await expect(page.getByText("5 in stock")).toBeVisible();
    await expect(page.getByText("PSA 9.0")).toBeVisible();
  });

  await test.step("delete it after confirming", async () => {
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Delete “${name}”?`);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/collectibles$/);
    await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
    await page.getByLabel("Search").fill(name);
    await expect(page.getByText("No collectibles match these filters.")).toBeVisible();
  });

  await test.step("log out", async () => {
    await page.getByRole("button", { name: "Account: pallet-owner" }).click();
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/collectibles");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test("wrong credentials are shown inline", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill("pallet-owner");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong username or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test("a deep link survives signing in, and unknown pages say 404", async ({ page }) => {
  await page.goto("/collectibles?game=mtg&ordering=-price");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Username").fill("rhein-editor");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/collectibles\?game=mtg&ordering=-price$/);
  await expect(page.getByLabel("Game")).toHaveValue("mtg");
  await expect(page.getByTestId("vendor-name")).toHaveText("Rheinland TCG");

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
