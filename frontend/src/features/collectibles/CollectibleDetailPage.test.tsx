import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { describe, expect, it } from "vitest";

import type { MeRecord } from "@/api/schemas";
import { collectible, me } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import CollectibleDetailPage from "./CollectibleDetailPage";

function renderDetail(role: NonNullable<MeRecord["role"]>, item: object = collectible({ id: 5 }), route = "/collectibles/5") {
  let deletedWith: string | null | undefined;
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me(role))),
    mock.get(api("/collectibles/5/"), () => HttpResponse.json(item)),
    mock.delete(api("/collectibles/5/"), ({ request }) => {
      deletedWith = request.headers.get("If-Match");
      return new HttpResponse(null, { status: 204 });
    }),
  );
  const view = renderRoute(<CollectibleDetailPage />, { path: "/collectibles/:id", route });
  return { ...view, wasDeleted: () => deletedWith !== undefined, deletedWith: () => deletedWith };
}

describe("collectible detail", () => {
  it("shows every field, card details and external ids", async () => {
    renderDetail("owner");
    expect(await screen.findByRole("heading", { name: "Charizard" })).toBeInTheDocument();
    for (const text of ["$249.99", "Base Set (BS)", "Holo Rare", "English", "North America", "Holo", "Ungraded", "83712", "273699"]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
  });

  it("lets an editor edit, and delete after confirming", async () => {
    const { user, router, wasDeleted } = renderDetail("editor");
    expect(await screen.findByRole("link", { name: "Edit" })).toHaveAttribute("href", "/collectibles/5/edit");
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Delete “Charizard”?")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(wasDeleted()).toBe(false);

    await user.click(screen.getByRole("button", { name: "Delete" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/collectibles"));
    expect(wasDeleted()).toBe(true);
  });

  it("deletes with If-Match, and on 412 shows the current values instead of deleting", async () => {
    const { user, deletedWith } = renderDetail("owner");
    server.use(
      mock.delete(api("/collectibles/5/"), () =>
        HttpResponse.json(
          { detail: "changed", current: collectible({ id: 5, name: "Charizard (renamed)", version: 2 }) },
          { status: 412 },
        ),
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    expect(await within(screen.getByRole("alertdialog")).findByRole("alert")).toHaveTextContent(/someone changed this item/i);
    // The page (behind the dialog) and the question now name the current version.
    expect(within(screen.getByRole("alertdialog")).getByText("Delete “Charizard (renamed)”?")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Charizard (renamed)", level: 1, hidden: true })).toBeInTheDocument();
    expect(deletedWith()).toBeUndefined();
  });

  it("hides write controls from viewers", async () => {
    renderDetail("viewer");
    await screen.findByRole("heading", { name: "Charizard" });
    expect(screen.queryByRole("link", { name: "Edit" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  });

  it("shows a notice instead of crashing on malformed legacy external ids", async () => {
    renderDetail("owner", { ...collectible({ id: 5 }), external_ids: [1, 2, 3] });
    expect(await screen.findByText("The stored marketplace ids could not be read.")).toBeInTheDocument();
    expect(screen.getByText("None recorded.")).toBeInTheDocument();
  });

  it("says not found for another vendor's (or a deleted) item", async () => {
    server.use(
      mock.get(api("/auth/me/"), () => HttpResponse.json(me("owner"))),
      mock.get(api("/collectibles/5/"), () => HttpResponse.json({ detail: "No Collectible matches the given query." }, { status: 404 })),
    );
    renderRoute(<CollectibleDetailPage />, { path: "/collectibles/:id", route: "/collectibles/5" });
    expect(await screen.findByRole("heading", { name: "Not found" })).toBeInTheDocument();
  });
});
