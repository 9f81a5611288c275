import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Page, test as base, expect } from "@playwright/test";

export const DEMO_PASSWORD = "omnistock-demo";

/** Every test talks to the server global-setup.ts started (its port is only known then). */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the suite through playwright.config.ts (global setup)");
    await use(url);
  },
});

export { expect };

export async function logIn(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/collectibles$/);
  await expect(page.getByRole("table", { name: "Collectibles" }).getByRole("row").nth(1)).toBeVisible();
}

/** axe-core (WCAG 2.x A and AA rules): no serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

/** A bearer token for a demo user, for setting up data through the API. */
async function accessToken(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post("/api/v1/auth/token/", { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { access: string }).access;
}

export interface CreatedItem {
  id: number;
  name: string;
  version: number;
}

/** Create collectibles through the API (a card each unless `card_details` says otherwise). */
export async function createCollectibles(
  request: APIRequestContext,
  username: string,
  items: Record<string, unknown>[],
): Promise<CreatedItem[]> {
  const headers = { Authorization: `Bearer ${await accessToken(request, username)}` };
  const created: CreatedItem[] = [];
  for (const item of items) {
    const response = await request.post("/api/v1/collectibles/", {
      headers,
      data: {
        condition: "NM",
        quantity: 1,
        price: "1.00",
        card_details: { game: "pokemon", language: "EN", market_region: "NA" },
        ...item,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    created.push((await response.json()) as CreatedItem);
  }
  return created;
}
