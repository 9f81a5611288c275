import { expect, expectNoSeriousA11yViolations, createCollectibles, logIn, test } from "./fixtures";

/**
 * Issue 5 in a real browser: two people edit the same item at once and the
 * second save never overwrites the first; a stock adjustment through the
 * Stock tab lands in the movements and in the history.
 */
test("the second of two editors gets the conflict screen, reapplies, and both changes survive", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const name = `E2E Conflict ${Date.now()}`;
  const [item] = await createCollectibles(request, "pallet-owner", [{ name, price: "10.00", quantity: 3 }]);
  const edit = `/collectibles/${item.id}/edit`;

  // Two browser contexts: two people, two sessions, the same item.
  const editorContext = await browser.newContext({ baseURL, locale: "en-US", timezoneId: "UTC" });
  const other = await editorContext.newPage();
  await logIn(page, "pallet-owner");
  await logIn(other, "pallet-editor");
  await page.goto(edit);
  await other.goto(edit);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(other.getByLabel("Name", { exact: true })).toHaveValue(name);

  await test.step("the owner saves a new price first", async () => {
    await page.getByLabel("Price").fill("15.00");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Saved “${name}”.`)).toBeVisible();
  });

  await test.step("the editor's save of the same version is refused and explained field by field", async () => {
    await other.getByLabel("Name", { exact: true }).fill(`${name} (signed)`);
    await other.getByLabel("Condition").selectOption("LP");
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other.getByRole("heading", { name: /someone else changed this item/i })).toBeVisible();
    const changes = other.getByRole("table", { name: "Changes since you opened the form" });
    await expect(changes.getByRole("row", { name: /^Price/ }).getByRole("cell")).toHaveText([
      "10.00",
      "15.00",
      "not edited",
      "Changed by someone else: kept",
    ]);
    await expect(changes.getByRole("row", { name: /^Name/ })).toContainText(`${name} (signed)`);
    await expect(changes.getByRole("row", { name: /^Condition/ })).toContainText("Lightly Played");
    await expectNoSeriousA11yViolations(other);
  });

  await test.step("reapplying saves the editor's changes on top of the owner's", async () => {
    await other.getByRole("button", { name: "Reapply my changes" }).click();
    await expect(other.getByText(`Saved “${name} (signed)”.`)).toBeVisible();
    await page.goto(`/collectibles/${item.id}`);
    await expect(page.getByRole("heading", { name: `${name} (signed)`, level: 1 })).toBeVisible();
    await expect(page.getByText("$15.00")).toBeVisible();
    await expect(page.getByText("Lightly Played")).toBeVisible();
  });
  await editorContext.close();
});

test("a sale through the Stock tab updates the quantity, the movements and the history", async ({ page, request }) => {
  const name = `E2E Stock ${Date.now()}`;
  const [item] = await createCollectibles(request, "pallet-owner", [{ name, quantity: 3 }]);
  await logIn(page, "pallet-editor");
  await page.goto(`/collectibles/${item.id}`);

  await page.getByRole("tab", { name: "Stock" }).click();
  await expect(page).toHaveURL(/\?tab=stock$/);
  const form = page.getByRole("form", { name: "Adjust stock" });
  await form.getByLabel("Note (optional)").fill("Order E2E-1");
  await form.getByRole("button", { name: "Remove 1" }).click();
  await expect(form.getByText("-1 (Sale): 2 in stock now.")).toBeVisible();
  await expect(page.getByText("2 in stock", { exact: true })).toBeVisible();
  const newest = page.getByRole("table", { name: "Stock movements" }).getByRole("row").nth(1);
  await expect(newest).toContainText("Sale");
  await expect(newest).toContainText("-1");
  await expect(newest).toContainText("pallet-editor");
  await expect(newest).toContainText("Order E2E-1");

  await form.getByLabel("Change by").fill("-5");
  await form.getByRole("button", { name: "Remove 5" }).click();
  await expect(form.getByRole("alert")).toHaveText("Not enough stock: 2 in stock, cannot change by -5. Nothing was changed.");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("tab", { name: "History" }).click();
  const latest = page.getByRole("list", { name: "Change history" }).getByRole("listitem").first();
  await expect(latest.getByRole("heading")).toHaveText("Stock adjustment (sale)");
  await expect(latest).toContainText("pallet-editor");
  await expect(latest).toContainText("Quantity:3→changed to2");
  await expectNoSeriousA11yViolations(page);
});
