import type { Page } from "@playwright/test";

import { expect, logIn, test } from "./fixtures";

/**
 * Every Content-Security-Policy violation the page reports, from its console and
 * from `securitypolicyviolation` events (docs/security.md, "Headers (CSP)").
 */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${String(event.lineNumber)}`);
    });
  });
  return seen;
}

function scriptSources(policy: string | undefined): string[] {
  const directive = (policy ?? "").split(";").find((part) => part.trim().startsWith("script-src"));
  return directive?.trim().split(/\s+/).slice(1) ?? [];
}

test("the SPA runs under a strict CSP without a single violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/login");
  expect(scriptSources(response?.headers()["content-security-policy"])).toEqual(["'self'"]);

  await logIn(page, "pallet-owner");
  // The theme script (a file now, not inline) runs before the app: a stored dark theme applies on reload.
  await page.getByRole("button", { name: /^Theme/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("table", { name: "Collectibles" }).getByRole("row").nth(1)).toBeVisible();

  // A detail page and a form: zod parses responses and validates input (jitless: no eval).
  await page.getByRole("table", { name: "Collectibles" }).getByRole("link").first().click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await page.getByRole("button", { name: /^Account/ }).click();
  await page.getByRole("menuitem", { name: "Change password" }).click();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Enter your current password.")).toBeVisible();

  expect(violations).toEqual([]);
});

test("the API docs (Swagger UI) and the admin's login work under the same policy", async ({ page }) => {
  const violations = await watchViolations(page);
  const docs = await page.goto("/api/v1/docs/");
  expect(scriptSources(docs?.headers()["content-security-policy"])).toEqual(["'self'"]);
  await expect(page.getByRole("heading", { name: /Omni-Stock API/ })).toBeVisible();
  await expect(page.locator(".opblock").first()).toBeVisible();

  await page.goto("/admin/login/");
  await expect(page.getByLabel("Username")).toBeVisible();

  expect(violations).toEqual([]);
});
