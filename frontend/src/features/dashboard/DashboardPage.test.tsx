import { screen, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { describe, expect, it } from "vitest";

import type { Dashboard } from "@/api/dashboard";
import { me } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import DashboardPage from "./DashboardPage";

const DASHBOARD: Dashboard = {
  holdings: [
    { game: "mtg", currency: "USD", items: 1, units: 1, value: "100.00" },
    { game: "pokemon", currency: "USD", items: 2, units: 5, value: "35.00" },
    { game: "other", currency: "EUR", items: 1, units: 0, value: "0.00" },
  ],
  low_stock: {
    at_most: 2,
    count: 1,
    items: [{ id: 7, name: "Charizard", quantity: 1, condition: "LP", set_name: "Base Set", card_number: "4" }],
    sold_out: 3,
  },
  activity: [
    {
      id: "op-2",
      at: "2026-12-05T10:00:00Z",
      label: "Import #12",
      user: { id: 1, username: "owner" },
      items: 40,
      collectible: { id: 9, name: "Pikachu", deleted: false },
      import_batch: 12,
    },
    {
      id: "op-1",
      at: "2026-12-05T09:00:00Z",
      label: "Bulk edit",
      user: null,
      items: 3,
      collectible: { id: 7, name: "Charizard", deleted: false },
      import_batch: null,
    },
  ],
  last_import: {
    id: 12,
    filename: "tcgplayer.csv",
    format: "tcgplayer",
    status: "committed",
    total_rows: 41,
    create_count: 30,
    update_count: 10,
    error_count: 1,
    created_at: "2026-12-05T10:00:00Z",
  },
};

function answer(body: Record<string, unknown>) {
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("viewer"))),
    mock.get(api("/dashboard/"), () => HttpResponse.json(body)),
  );
}

const renderDashboard = () => renderRoute(<DashboardPage />, { path: "/dashboard" });

describe("dashboard", () => {
  it("shows stock value per game, each a link into the list filtered by it", async () => {
    answer(DASHBOARD);
    renderDashboard();
    const games = await screen.findByRole("list", { name: "Stock value by game" });
    const rows = within(games).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("$100.00"),
      expect.stringContaining("$35.00"),
      expect.stringContaining("€0.00"),
    ]);
    expect(within(games).getByRole("link", { name: "Pokémon" })).toHaveAttribute("href", "/collectibles?game=pokemon");
    expect(screen.getByText(/4 items, 6 units in stock/)).toBeInTheDocument();
  });

  it("lists what is running low and links each item", async () => {
    answer(DASHBOARD);
    renderDashboard();
    const low = await screen.findByRole("list", { name: "Running low" });
    expect(within(low).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collectibles/7");
    expect(within(low).getByText("1 left")).toBeInTheDocument();
    expect(screen.getByText(/1 item with 2 or fewer left; 3 sold out/)).toBeInTheDocument();
  });

  it("links activity to its import or item, and the last import to its items", async () => {
    answer(DASHBOARD);
    renderDashboard();
    const activity = await screen.findByRole("list", { name: "Recent activity" });
    expect(within(activity).getByRole("link", { name: "40 items" })).toHaveAttribute("href", "/imports/12");
    expect(within(activity).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collectibles/7");
    expect(within(activity).getByText(/and 2 more/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Items it created or updated" })).toHaveAttribute("href", "/collectibles?import_batch=12");
    expect(screen.getByText(/41 rows: 30 new, 10 updated, 1 with errors/)).toBeInTheDocument();
  });

  it("invites a new shop to add or import stock", async () => {
    answer({ holdings: [], low_stock: { at_most: 2, count: 0, items: [], sold_out: 0 }, activity: [], last_import: null });
    renderDashboard();
    expect(await screen.findByText("No stock yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "import a file" })).toHaveAttribute("href", "/imports");
  });

  it("says when it cannot load", async () => {
    answer({ unexpected: true });
    renderDashboard();
    expect(await screen.findByText("The dashboard could not be loaded.")).toBeInTheDocument();
  });
});
