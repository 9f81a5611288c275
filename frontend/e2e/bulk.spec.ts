import { readFile } from "node:fs/promises";

import { createCollectibles, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

/** A word no demo item has, so a search for it finds exactly this test's items. */
const tag = `zqx${Date.now().toString(36)}`;

test("bulk edit of selected rows, then an export of exactly the filtered view", async ({ page, request }) => {
  await createCollectibles(request, "pallet-owner", [
    { name: `${tag} Alpha`, price: "1.00", quantity: 1 },
    { name: `${tag} Beta`, price: "2.00", quantity: 2 },
    { name: `${tag} Gamma`, price: "3.00", quantity: 3 },
  ]);
  await logIn(page, "pallet-editor");
  await page.getByLabel("Search").fill(tag);
  const table = page.getByRole("table", { name: "Collectibles" });
  await expect(table.getByRole("row")).toHaveCount(4);

  await test.step("set the price of two ticked rows, after a confirmation naming the count", async () => {
    await table.getByRole("checkbox", { name: `Select ${tag} Alpha` }).check();
    await table.getByRole("checkbox", { name: `Select ${tag} Gamma` }).check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await expect(bar).toContainText("2 items selected.");
    await bar.getByRole("button", { name: "Set price" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Set the price of 2 items" });
    await dialog.getByLabel("New price").fill("7.77");
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Change 2 items" }).click();
    await expect(page.getByText("Updated 2 items.")).toBeVisible();
    await expect(table.getByRole("row", { name: new RegExp(`${tag} Alpha`) })).toContainText("$7.77");
    await expect(table.getByRole("row", { name: new RegExp(`${tag} Gamma`) })).toContainText("$7.77");
    await expect(table.getByRole("row", { name: new RegExp(`${tag} Beta`) })).toContainText("$2.00");
  });

  await test.step("export the filtered view as Omni-Stock CSV and read the file", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export" }).click();
    await page.getByRole("menuitem", { name: /Omni-Stock CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^pallet-town-cards-omnistock-\d{8}-\d{4}\.csv$/);
    const lines = (await readFile(await download.path(), "utf8")).trim().split(/\r?\n/);
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(0, 3)).toEqual(["sku", "name", "description"]);
    const name = header.indexOf("name");
    const price = header.indexOf("price");
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.map((cells) => [cells[name], cells[price]]).sort()).toEqual([
      [`${tag} Alpha`, "7.77"],
      [`${tag} Beta`, "2.00"],
      [`${tag} Gamma`, "7.77"],
    ]);
  });
});
