import { expect, logIn, test } from "./fixtures";

/**
 * Issue 14's intake: five cards entered with the keyboard alone — search
 * (typos welcome), arrows, Enter, price, Enter — the focus coming back to the
 * search each time; then one is undone and the rest are in the inventory.
 */
test("staff add five cards from the catalog using only the keyboard", async ({ page }) => {
  test.slow(); // five round trips each way on a possibly loaded machine
  await logIn(page, "pallet-editor");
  await page.goto("/intake");
  const search = page.getByRole("combobox", { name: "Find a card" });
  await expect(search).toBeFocused();

  const cards: [query: string, price: string][] = [
    ["charzard", "250.00"],
    ["blastoise", "80.50"],
    ["BS 2", "79.00"],
    ["charizard", "240"],
    ["blastoys", "12.25"],
  ];
  for (const [index, [query, price]] of cards.entries()) {
    await page.keyboard.type(query);
    await expect(page.getByRole("option").first()).toBeVisible();
    if (index === 3) {
      await page.keyboard.press("ArrowDown"); // the second printing
      await expect(page.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
    }
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Price (USD)")).toBeFocused();
    if (index === 1) await page.keyboard.press("Alt+l"); // lightly played
    await page.keyboard.type(price);
    await page.keyboard.press("Enter");
    await expect(search).toBeFocused();
    await expect(page.getByRole("list", { name: "Added this session" }).getByRole("listitem")).toHaveCount(index + 1);
  }

  const added = page.getByRole("list", { name: "Added this session" }).getByRole("listitem");
  await expect(added.nth(3)).toContainText("LP"); // the blastoise added second, listed fourth
  // Undo the newest, by keyboard too.
  await added.first().getByRole("button", { name: /Undo/ }).focus();
  await page.keyboard.press("Enter");
  await expect(added).toHaveCount(4);

  await page.goto("/collectibles?search=charizard");
  await expect(page.getByRole("table", { name: "Collectibles" }).getByRole("row", { name: /Charizard/ }).first()).toBeVisible();
});
