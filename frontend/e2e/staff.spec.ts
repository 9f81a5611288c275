import { expect, logIn, test } from "./fixtures";

/** Issue 16's journey: an owner adds an editor, who then signs in with the invitation — no admin involved. */
test("an owner adds an editor who sets a password from the invitation and signs in", async ({ page, browser }) => {
  const username = `misty-${Date.now()}`;
  await logIn(page, "pallet-owner");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
  const form = page.getByRole("form", { name: "Add a member" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Role").selectOption("editor");
  await form.getByRole("button", { name: "Add member" }).click();
  const link = await page.getByLabel(`Invitation link for ${username}`).inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+\/[\w-]+$/);
  const row = page.getByRole("table", { name: "Staff" }).getByRole("row", { name: new RegExp(username) });
  await expect(row).toContainText("Invited");

  // The new member, in their own browser.
  const theirs = await browser.newContext();
  const member = await theirs.newPage();
  await member.goto(link);
  await member.getByLabel("Password", { exact: true }).fill("a-long-enough-new-password-7");
  await member.getByLabel("Password again").fill("a-long-enough-new-password-7");
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member).toHaveURL(/\/collectibles$/);
  await expect(member.getByTestId("vendor-name")).toHaveText("Pallet Town Cards");
  await expect(member.getByRole("link", { name: "New collectible" })).toBeVisible(); // an editor may write

  // The link worked once.
  await member.goto(link);
  await member.getByLabel("Password", { exact: true }).fill("another-long-password-8");
  await member.getByLabel("Password again").fill("another-long-password-8");
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member.getByText(/has been used or has expired/)).toBeVisible();
  await theirs.close();

  await page.reload();
  await expect(row).toContainText("Active");
  await expect(page.getByRole("list", { name: "Staff history" })).toContainText(`accepted the invitation: ${username}`);
});
