import { screen, waitFor } from "@testing-library/react";
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
  it("loads the collectible and saves it with PUT", async () => {
    let put: CollectibleRequest | undefined;
    server.use(
      mock.put(api("/collectibles/5/"), async ({ request }) => {
        put = (await request.json()) as CollectibleRequest;
        return HttpResponse.json(collectible({ id: 5, quantity: 7 }));
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
  });

  it("shows malformed legacy external ids as an empty, editable set with a notice", async () => {
    server.use(mock.get(api("/collectibles/5/"), () => HttpResponse.json({ ...collectible({ id: 5 }), external_ids: "{oops" })));
    renderEdit();
    expect(await screen.findByText("The stored marketplace ids could not be read.")).toBeInTheDocument();
    expect(screen.getByText("No marketplace ids yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add marketplace id" })).toBeEnabled();
  });
});
