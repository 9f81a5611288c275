import { fileURLToPath } from "node:url";

import { expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const SAMPLE = fileURLToPath(new URL("files/omnistock-import.csv", import.meta.url));

/**
 * Issue 4's import flow in a real browser against the real API: a bad file is
 * refused on the form; a good one is previewed (format, counts, rows and
 * their errors), committed, its items shown in the list, then rolled back.
 */
test("an editor imports a CSV file, commits it, sees its items, and rolls it back", async ({ page }) => {
  await logIn(page, "pallet-editor");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import inventory" })).toBeVisible();
  const upload = page.getByRole("form", { name: "Upload a file" });

  await test.step("a file in no known format is refused with the API's message", async () => {
    await upload.getByLabel("CSV file").setInputFiles({
      name: "notes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("colour,flavour\nred,sweet\n"),
    });
    await upload.getByRole("button", { name: "Upload and preview" }).click();
    await expect(upload.getByRole("alert")).toContainText("The file was not accepted.");
    await expect(upload.getByRole("alert")).toContainText(/header|column|format/i);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("upload: the format is detected and each row previewed", async () => {
    await upload.getByLabel("CSV file").setInputFiles(SAMPLE);
    await upload.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page).toHaveURL(/\/imports\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("omnistock-import.csv");
    await expect(page.getByText("Detected format:")).toContainText("Omni-Stock CSV");
    await expect(page.getByText("Preview: nothing has changed yet")).toBeVisible();
    const filters = page.getByRole("group", { name: "Show rows" });
    await expect(filters.getByRole("button", { name: "Create (3)" })).toBeVisible();
    await expect(filters.getByRole("button", { name: "Error (1)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Rows of the file" }).getByRole("row")).toHaveCount(5);

    await filters.getByRole("button", { name: "Error (1)" }).click();
    await expect(page).toHaveURL(/\?outcome=error$/);
    const rows = page.getByRole("table", { name: "Rows of the file" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("E2E Import Mewtwo");
    await expect(rows.nth(1)).toContainText("Condition");
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("commit: one request, then the result and a link to the items", async () => {
    await page.getByRole("button", { name: "Commit 3 rows" }).click();
    await expect(page.getByRole("heading", { name: "Import committed" })).toBeVisible();
    await expect(page.getByText("Created 3 items and updated 0 items. 1 row with errors was skipped.")).toBeVisible();
    await page.getByRole("link", { name: "View the 3 imported items" }).click();
    await expect(page).toHaveURL(/\/collectibles\?import_batch=\d+$/);
    await expect(page.getByText(/Showing items from/)).toBeVisible();
    const table = page.getByRole("table", { name: "Collectibles" });
    await expect(table.getByRole("row")).toHaveCount(4);
    for (const name of ["E2E Import Pikachu", "E2E Import Eevee", "E2E Import Evolving Skies Booster Box"]) {
      await expect(table.getByRole("link", { name })).toBeVisible();
    }
  });

  await test.step("roll back from the batch list: the items are gone", async () => {
    const batchUrl = await page.getByRole("link", { name: /^import #\d+$/ }).getAttribute("href");
    const batchId = batchUrl?.split("/").pop() ?? "";
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    const batches = page.getByRole("table", { name: "Import batches" });
    const row = batches.getByRole("row", { name: new RegExp(`#${batchId} omnistock-import\\.csv`) });
    await expect(row).toContainText("Committed");
    await row.getByRole("button", { name: `Roll back import #${batchId}` }).click();
    const dialog = page.getByRole("alertdialog", { name: `Roll back import #${batchId}?` });
    await expect(dialog).toContainText("the 3 items it created are deleted");
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Roll back" }).click();
    await expect(page.getByText(`Import #${batchId} rolled back.`)).toBeVisible();
    await expect(row).toContainText("Rolled back");

    await page.goto(`/collectibles?import_batch=${batchId}`);
    await expect(page.getByText("No collectibles match these filters.")).toBeVisible();
    await page.getByLabel("Search").fill("E2E Import Pikachu");
    await expect(page.getByText("No collectibles match these filters.")).toBeVisible();
  });
});
