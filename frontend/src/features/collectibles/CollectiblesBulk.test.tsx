/// <reference types="node" />
import { Blob as NodeBlob } from "node:buffer";

import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { BulkRequest } from "@/api/types";
import { saveFile } from "@/lib/download";
import { collectible, me, page } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import CollectiblesListPage from "./CollectiblesListPage";

vi.mock("@/lib/download", () => ({ saveFile: vi.fn() }));

let bulkRequests: BulkRequest[];
const rows = [collectible({ id: 1, name: "Charizard" }), collectible({ id: 2, name: "Blastoise" }), collectible({ id: 3, name: "Venusaur" })];

beforeEach(() => {
  bulkRequests = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("editor"))),
    mock.get(api("/collectibles/"), () => HttpResponse.json(page(rows, 40))),
    mock.post(api("/collectibles/bulk/"), async ({ request }) => {
      const body = (await request.json()) as BulkRequest;
      bulkRequests.push(body);
      const ids = body.ids ?? [1, 2, 3];
      return HttpResponse.json({ action: body.action, count: body.ids ? ids.length : 40, results: ids.map((id) => ({ id, status: "updated" })) });
    }),
  );
});

const renderList = (route = "/collectibles?game=pokemon") => renderRoute(<CollectiblesListPage />, { path: "/collectibles", route });

describe("bulk edit", () => {
  it("sets the price of the ticked rows after a confirmation that says how many", async () => {
    const { user, store } = renderList();
    await user.click(await screen.findByRole("checkbox", { name: "Select Charizard" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Venusaur" }));
    const bar = screen.getByRole("region", { name: "Bulk actions" });
    expect(bar).toHaveTextContent("2 items selected.");

    await user.click(within(bar).getByRole("button", { name: "Set price" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Set the price of 2 items" });
    expect(dialog).toHaveTextContent("This changes the 2 items you selected.");
    await user.click(within(dialog).getByRole("button", { name: "Change 2 items" }));
    expect(within(dialog).getByLabelText("New price")).toHaveAccessibleDescription(/Enter a price/);
    expect(bulkRequests).toEqual([]);

    await user.type(within(dialog).getByLabelText("New price"), "7.50");
    await user.click(within(dialog).getByRole("button", { name: "Change 2 items" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(bulkRequests).toEqual([{ action: "update", ids: [1, 3], changes: { price: "7.50" } }]);
    expect(store.getState().ui.flash?.message).toBe("Updated 2 items.");
    expect(screen.queryByRole("region", { name: "Bulk actions" })).not.toBeInTheDocument();
  });

  it("selects all N matching the filters and then sends the filters, not ids", async () => {
    const { user } = renderList("/collectibles?game=pokemon&in_stock=true&page_size=10");
    await user.click(await screen.findByRole("checkbox", { name: "Select every item on this page" }));
    const bar = screen.getByRole("region", { name: "Bulk actions" });
    expect(bar).toHaveTextContent("3 items selected.");
    await user.click(within(bar).getByRole("button", { name: "Select all 40 matching items" }));
    expect(bar).toHaveTextContent("All 40 items matching these filters are selected.");

    await user.click(within(bar).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete 40 items?" });
    expect(dialog).toHaveTextContent("This changes all 40 items matching the current filters, on every page.");
    await user.click(within(dialog).getByRole("button", { name: "Delete 40 items" }));
    await waitFor(() => expect(bulkRequests).toHaveLength(1));
    expect(bulkRequests[0]).toEqual({ action: "delete", filters: { game: "pokemon", in_stock: "true" } });
  });

  it("shows the ids the API did not find, drops them from the list and the selection, and changes nothing", async () => {
    let deleted = false;
    server.use(
      // Blastoise was deleted by someone else after the list was loaded.
      mock.get(api("/collectibles/"), () => HttpResponse.json(page(deleted ? rows.filter((row) => row.id !== 2) : rows, deleted ? 39 : 40))),
      mock.post(api("/collectibles/bulk/"), () => {
        deleted = true;
        return HttpResponse.json(
          {
            detail: "Some items are not in your inventory; nothing was changed.",
            results: [
              { id: 1, status: "ok" },
              { id: 2, status: "not_found" },
            ],
          },
          { status: 400 },
        );
      }),
    );
    const { user } = renderList();
    await user.click(await screen.findByRole("checkbox", { name: "Select Charizard" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Blastoise" }));
    await user.click(screen.getByRole("button", { name: "Set condition" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Set the condition of 2 items" });
    await user.selectOptions(within(dialog).getByLabelText("New condition"), "LP");
    await user.click(within(dialog).getByRole("button", { name: "Change 2 items" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Some items are not in your inventory; nothing was changed.");
    expect(alert).toHaveTextContent("Not found (deleted meanwhile, or not yours): #2");

    expect(await within(dialog).findByRole("button", { name: "Change 1 item" })).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Blastoise" })).not.toBeInTheDocument());
    expect(screen.getByRole("region", { name: "Bulk actions" })).toHaveTextContent("1 item selected.");
    expect(screen.getByRole("checkbox", { name: "Select Charizard" })).toBeChecked();
  });

  it("says so when every ticked row was deleted meanwhile", async () => {
    server.use(
      mock.post(api("/collectibles/bulk/"), () =>
        HttpResponse.json({ detail: "Some items are not in your inventory; nothing was changed.", results: [{ id: 2, status: "not_found" }] }, { status: 400 }),
      ),
    );
    const { user, store } = renderList();
    await user.click(await screen.findByRole("checkbox", { name: "Select Blastoise" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete 1 item" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Bulk actions" })).not.toBeInTheDocument());
    expect(store.getState().ui.flash).toMatchObject({
      tone: "error",
      message: "Nothing was changed: the selected item was deleted meanwhile, or is not yours.",
    });
  });

  it("drops the selection when the view changes", async () => {
    const { user, router } = renderList();
    await user.click(await screen.findByRole("checkbox", { name: "Select Charizard" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(router.state.location.search).toBe("?game=pokemon&page=2"));
    expect(screen.queryByRole("region", { name: "Bulk actions" })).not.toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Select Charizard" })).not.toBeChecked();
  });

  it("has no row checkboxes for viewers", async () => {
    server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me("viewer"))));
    renderList();
    await screen.findByRole("link", { name: "Charizard" });
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
  });
});

describe("import filter and export", () => {
  // jsdom's Blob has no stream(), which MSW needs to answer an XHR with responseType "blob".
  beforeEach(() => {
    vi.stubGlobal("Blob", NodeBlob);
    return () => vi.unstubAllGlobals();
  });

  it("shows a dismissible chip for the import the list is narrowed to", async () => {
    const { user, router } = renderList("/collectibles?import_batch=12");
    expect(await screen.findByRole("link", { name: "import #12" })).toHaveAttribute("href", "/imports/12");
    await user.click(screen.getByRole("button", { name: "Show all items, not only import #12" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("exports exactly the filtered view as a CSV download", async () => {
    let exported: URLSearchParams | undefined;
    server.use(
      mock.get(api("/collectibles/export/"), ({ request }) => {
        exported = new URL(request.url).searchParams;
        return new HttpResponse("sku,name\n,Charizard\n", {
          headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="pallet-tcgplayer.csv"' },
        });
      }),
    );
    const { user } = renderList("/collectibles?game=pokemon&ordering=-price&page=2");
    await screen.findByRole("link", { name: "Charizard" });
    await user.click(screen.getByRole("button", { name: "Export" }));
    await user.click(await screen.findByRole("menuitem", { name: /TCGplayer CSV/ }));

    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(exported ?? [])).toEqual({ game: "pokemon", ordering: "-price", format: "tcgplayer" });
    expect(vi.mocked(saveFile).mock.calls[0]?.[1]).toBe("pallet-tcgplayer.csv");
  });

  it("says why an export failed, with the API's message", async () => {
    server.use(mock.get(api("/collectibles/export/"), () => HttpResponse.json({ detail: "Export is resting." }, { status: 503 })));
    const { user } = renderList();
    await screen.findByRole("link", { name: "Charizard" });
    await user.click(screen.getByRole("button", { name: "Export" }));
    await user.click(await screen.findByRole("menuitem", { name: /Omni-Stock CSV/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The export failed: Export is resting.");
  });
});
