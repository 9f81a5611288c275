import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import type { CollectibleRequest } from "@/api/types";
import { collectible, me } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import CollectibleFormPage from "./CollectibleFormPage";

let sent: CollectibleRequest[];

beforeEach(() => {
  sent = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("editor"))),
    mock.get(api("/collectibles/:id/"), () => HttpResponse.json(collectible({ id: 5 }))),
    mock.post(api("/collectibles/"), async ({ request }) => {
      sent.push((await request.json()) as CollectibleRequest);
      return HttpResponse.json(collectible({ id: 42, name: "Pikachu" }), { status: 201 });
    }),
  );
});

/** Name, price and the card details the API requires. */
async function fillCard(user: UserEvent, { price, language, region }: { price: string; language: string; region: string }) {
  await user.type(await screen.findByLabelText("Name"), "Pikachu");
  await user.type(screen.getByLabelText("Price"), price);
  await user.selectOptions(screen.getByLabelText("Game"), "pokemon");
  await user.selectOptions(screen.getByLabelText("Card language"), language);
  await user.selectOptions(screen.getByLabelText("Market region"), region);
}

const renderNew = () => renderRoute(<CollectibleFormPage />, { path: "/collectibles/new" });
const renderEdit = () => renderRoute(<CollectibleFormPage />, { path: "/collectibles/:id/edit", route: "/collectibles/5/edit" });

describe("create form", () => {
  it("creates a card with card details and external ids, then shows it", async () => {
    const { user, router } = renderNew();
    await fillCard(user, { price: "4.50", language: "JA", region: "JP" });
    await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
    await user.type(screen.getByLabelText("Marketplace 1"), "tcgplayer");
    await user.type(screen.getByLabelText("Id on marketplace 1"), "111");
    await user.click(screen.getByRole("button", { name: "Create collectible" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/collectibles/42"));
    expect(sent).toEqual([
      expect.objectContaining({
        name: "Pikachu",
        price: "4.50",
        currency: "USD",
        quantity: 1,
        external_ids: { tcgplayer: "111" },
        card_details: expect.objectContaining({ game: "pokemon", language: "JA", market_region: "JP", grading_company: null }) as unknown,
      }),
    ]);
  });

  it("refuses empty and duplicate marketplace keys before sending anything", async () => {
    const { user } = renderNew();
    await user.type(await screen.findByLabelText("Name"), "Pikachu");
    await user.type(screen.getByLabelText("Price"), "1");
    await user.click(screen.getByLabelText("This item is a single card"));
    for (const [key, value] of [["tcgplayer", "1"], ["tcgplayer", "2"], ["", "3"]] as const) {
      await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
      const row = screen.getAllByRole("textbox", { name: /^Marketplace \d/ }).length;
      if (key) await user.type(screen.getByLabelText(`Marketplace ${row}`), key);
      await user.type(screen.getByLabelText(`Id on marketplace ${row}`), value);
    }
    await user.click(screen.getByRole("button", { name: "Create collectible" }));

    expect(await screen.findByText("“tcgplayer” is already in the list.")).toBeInTheDocument();
    expect(screen.getByText("Enter the marketplace name.")).toBeInTheDocument();
    expect(screen.getByLabelText("Marketplace 2")).toHaveAttribute("aria-invalid", "true");
    expect(sent).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Remove marketplace id 3" }));
    await user.click(screen.getByRole("button", { name: "Remove marketplace id 2" }));
    await user.click(screen.getByRole("button", { name: "Create collectible" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ external_ids: { tcgplayer: "1" }, card_details: null });
  });

  it("maps the server's field errors onto the inputs, nested card details included", async () => {
    server.use(
      mock.post(api("/collectibles/"), () =>
        HttpResponse.json(
          {
            sku: ["Your vendor already has a collectible with this SKU."],
            card_details: { grade: ["A grade is required when a grading company is set."] },
            external_ids: ["Key 'x…' is longer than 64 characters."],
            non_field_errors: ["Something about the whole item."],
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderNew();
    await fillCard(user, { price: "1", language: "EN", region: "NA" });
    await user.click(screen.getByRole("button", { name: "Create collectible" }));

    expect(await screen.findByText("Your vendor already has a collectible with this SKU.")).toBeInTheDocument();
    expect(screen.getByLabelText("SKU")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("SKU")).toHaveFocus();
    expect(screen.getByLabelText("Grade")).toHaveAccessibleDescription("A grade is required when a grading company is set.");
    expect(screen.getByText("Key 'x…' is longer than 64 characters.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Something about the whole item.");
  });

  it("sends viewers back to reading", async () => {
    server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me("viewer"))));
    const { router } = renderNew();
    await waitFor(() => expect(router.state.location.pathname).toBe("/collectibles"));
  });
});

describe("edit form", () => {
  it("loads the collectible and saves it with PUT and If-Match of the version it loaded", async () => {
    let put: CollectibleRequest | undefined;
    let ifMatch: string | null = null;
    server.use(
      mock.get(api("/collectibles/5/"), () => HttpResponse.json(collectible({ id: 5, version: 3 }))),
      mock.put(api("/collectibles/5/"), async ({ request }) => {
        put = (await request.json()) as CollectibleRequest;
        ifMatch = request.headers.get("If-Match");
        return HttpResponse.json(collectible({ id: 5, quantity: 7, version: 4 }));
      }),
    );
    const { user, router } = renderEdit();
    const quantity = await screen.findByLabelText("Quantity");
    expect(screen.getByLabelText("Name")).toHaveValue("Charizard");
    expect(screen.getByLabelText("Marketplace 2")).toHaveValue("cardmarket");
    await user.clear(quantity);
    await user.type(quantity, "7");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/collectibles/5"));
    expect(put).toMatchObject({ quantity: 7, external_ids: { tcgplayer: "83712", cardmarket: 273699 } });
    expect(ifMatch).toBe('"3"');
  });

  it("offers a retry when the collectible could not be loaded", async () => {
    let attempts = 0;
    server.use(
      mock.get(api("/collectibles/5/"), () => {
        attempts += 1;
        return attempts === 1 ? HttpResponse.json({ detail: "The database is resting." }, { status: 503 }) : HttpResponse.json(collectible({ id: 5 }));
      }),
    );
    const { user } = renderEdit();
    expect(await screen.findByText("The collectible could not be loaded.")).toBeInTheDocument();
    expect(screen.getByText("The database is resting.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByLabelText("Name")).toHaveValue("Charizard");
  });

  it("shows malformed legacy external ids as an empty, editable set with a notice", async () => {
    server.use(mock.get(api("/collectibles/5/"), () => HttpResponse.json({ ...collectible({ id: 5 }), external_ids: "{oops" })));
    renderEdit();
    expect(await screen.findByText("The stored marketplace ids could not be read.")).toBeInTheDocument();
    expect(screen.getByText("No marketplace ids yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add marketplace id" })).toBeEnabled();
  });
});

describe("edit conflict (412)", () => {
  const theirs = collectible({ id: 5, version: 2, price: "300.00", quantity: 1 });
  let puts: { body: CollectibleRequest; ifMatch: string | null }[];

  /** The first save is refused (someone saved version 2 meanwhile); later saves answer `answer`. */
  function conflictOnFirstSave(answer: () => Response = () => HttpResponse.json(collectible({ id: 5, version: 3 }))) {
    puts = [];
    server.use(
      mock.put(api("/collectibles/5/"), async ({ request }) => {
        puts.push({ body: (await request.json()) as CollectibleRequest, ifMatch: request.headers.get("If-Match") });
        if (puts.length === 1) {
          return HttpResponse.json({ detail: "This collectible was changed by someone else.", current: theirs }, { status: 412 });
        }
        return answer();
      }),
    );
  }

  async function saveNameAndPrice(user: UserEvent) {
    const name = await screen.findByLabelText("Name");
    await user.clear(name);
    await user.type(name, "Charizard (shadowless)");
    await user.clear(screen.getByLabelText("Price"));
    await user.type(screen.getByLabelText("Price"), "280.00");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    return screen.findByRole("table", { name: "Changes since you opened the form" });
  }

  it("shows what changed meanwhile field by field, and reapplies my changes on the current version", async () => {
    conflictOnFirstSave();
    const { user, router } = renderEdit();
    const table = await saveNameAndPrice(user);

    expect(screen.getByRole("heading", { name: /someone else changed this item/i })).toBeInTheDocument();
    const price = within(table).getByRole("row", { name: /^price/i });
    expect(within(price).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "249.99",
      "300.00",
      "280.00",
      "Both changed: yours replaces theirs",
    ]);
    const quantity = within(table).getByRole("row", { name: /^quantity/i });
    expect(within(quantity).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "2",
      "1",
      "not edited",
      "Changed by someone else: kept",
    ]);
    expect(within(table).getByRole("row", { name: /^name/i })).toHaveTextContent("Your change");

    await user.click(screen.getByRole("button", { name: "Reapply my changes" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/collectibles/5"));
    expect(puts).toHaveLength(2);
    expect(puts[1]?.ifMatch).toBe('"2"');
    expect(puts[1]?.body).toMatchObject({ name: "Charizard (shadowless)", price: "280.00", quantity: 1 });
  });

  it("discards my changes and shows the current values to edit again", async () => {
    conflictOnFirstSave();
    const { user } = renderEdit();
    await saveNameAndPrice(user);
    await user.click(screen.getByRole("button", { name: "Discard my changes" }));

    expect(await screen.findByLabelText("Price")).toHaveValue("300.00");
    expect(screen.getByLabelText("Name")).toHaveValue("Charizard");
    expect(screen.getByLabelText("Quantity")).toHaveValue("1");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]?.ifMatch).toBe('"2"');
  });

  it("opens the merged values in the form when the reapplied save is refused as invalid", async () => {
    conflictOnFirstSave(() => HttpResponse.json({ sku: ["Your vendor already has a collectible with this SKU."] }, { status: 400 }));
    const { user } = renderEdit();
    await saveNameAndPrice(user);
    await user.click(screen.getByRole("button", { name: "Reapply my changes" }));

    expect(await screen.findByText(/your changes could not be reapplied/i)).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("Charizard (shadowless)");
    expect(screen.getByLabelText("Quantity")).toHaveValue("1");
    // The server's reason, under the field it is about.
    expect(screen.getByLabelText("SKU")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("SKU")).toHaveAccessibleDescription(/Your vendor already has a collectible with this SKU\./);
  });

  it("shows the server's message when the reapplied save is refused without field errors", async () => {
    conflictOnFirstSave(() => HttpResponse.json({ detail: "Collectibles are read-only during the stock take." }, { status: 400 }));
    const { user } = renderEdit();
    await saveNameAndPrice(user);
    await user.click(screen.getByRole("button", { name: "Reapply my changes" }));

    expect(await screen.findByText(/your changes could not be reapplied/i)).toBeInTheDocument();
    expect(screen.getByText("Collectibles are read-only during the stock take.")).toBeInTheDocument();
  });
});
