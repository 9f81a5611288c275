import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { describe, expect, it } from "vitest";

import type { Printing } from "@/api/catalog";
import { collectible, me } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import IntakePage from "./IntakePage";
import { intakeRequest, marketRegionFor } from "./intake";

const printing = (overrides: Partial<Printing>): Printing => ({
  id: 1,
  game: "pokemon",
  set: { id: 3, code: "BS", name: "Base Set" },
  collector_number: "4",
  name: "Charizard",
  language: "EN",
  rarity: "Holo Rare",
  finishes: ["holo"],
  release_date: "1999-01-09",
  image_url: "",
  external_ids: { tcgplayer: "83712" },
  ...overrides,
});

const PRINTINGS = [printing({}), printing({ id: 2, name: "Charizard", language: "JA", collector_number: "6", finishes: ["normal", "holo"] })];

function answers() {
  const created: unknown[] = [];
  const deleted: string[] = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("editor"))),
    mock.get(api("/catalog/printings/"), () => HttpResponse.json({ count: 2, next: null, previous: null, results: PRINTINGS })),
    mock.post(api("/collectibles/"), async ({ request }) => {
      const body = (await request.json()) as { name: string; price: string; condition: string };
      created.push(body);
      return HttpResponse.json(collectible({ id: 40 + created.length, name: body.name, price: body.price, condition: body.condition as "NM" }), {
        status: 201,
      });
    }),
    mock.delete(api("/collectibles/:id/"), ({ params }) => {
      deleted.push(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { created, deleted };
}

describe("intake", () => {
  it("fills a new item from the printing and the copy's details", () => {
    const body = intakeRequest(printing({ language: "JA" }), { condition: "LP", finish: "holo", quantity: 2, price: "5.00", currency: "USD" });
    expect(body).toMatchObject({
      name: "Charizard",
      condition: "LP",
      quantity: 2,
      price: "5.00",
      external_ids: { tcgplayer: "83712" },
      release_date: "1999-01-09",
      card_details: { game: "pokemon", set_name: "Base Set", set_code: "BS", card_number: "4", language: "JA", market_region: "JP", finish: "holo" },
    });
    expect([marketRegionFor("EN"), marketRegionFor("DE"), marketRegionFor("KO")]).toEqual(["NA", "EU", "KR"]);
  });

  it("adds cards with the keyboard alone and undoes one", async () => {
    const { created, deleted } = answers();
    const { user } = renderRoute(<IntakePage />, { path: "/intake" });
    const search = screen.getByRole("combobox", { name: "Find a card" });
    expect(search).toHaveFocus();

    await user.type(search, "charzard");
    const options = await screen.findAllByRole("option");
    expect(options).toHaveLength(2);
    await user.keyboard("{ArrowDown}{Enter}");
    const price = await screen.findByLabelText("Price (USD)");
    await waitFor(() => expect(price).toHaveFocus());
    await user.keyboard("{Alt>}l{/Alt}{Alt>}f{/Alt}12.50{Enter}");
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Find a card" })).toHaveFocus());
    expect(created[0]).toMatchObject({ price: "12.50", condition: "LP", card_details: { language: "JA", card_number: "6", finish: "holo" } });

    await user.type(screen.getByRole("combobox", { name: "Find a card" }), "charizard");
    await screen.findAllByRole("option");
    await user.keyboard("{Enter}3{Enter}");
    const list = await screen.findByRole("list", { name: "Added this session" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(2));
    expect(created[1]).toMatchObject({ price: "3", condition: "NM", card_details: { language: "EN", finish: "holo" } });

    const [newest] = within(list).getAllByRole("button", { name: /Undo/ });
    await user.click(newest as HTMLElement);
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    expect(deleted).toEqual(["42"]);
  });

  it("goes back to the search with Escape", async () => {
    answers();
    const { user } = renderRoute(<IntakePage />, { path: "/intake" });
    await user.type(screen.getByRole("combobox", { name: "Find a card" }), "charizard");
    await screen.findAllByRole("option");
    await user.keyboard("{Enter}");
    await screen.findByRole("form", { name: "Copy details" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Find a card" })).toHaveFocus());
    expect(screen.queryByRole("form", { name: "Copy details" })).not.toBeInTheDocument();
  });
});
