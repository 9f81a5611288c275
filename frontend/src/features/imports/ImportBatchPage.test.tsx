import { act, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import { importBatch, importRow, me, paged } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import ImportBatchPage from "./ImportBatchPage";

let rowQueries: Record<string, string>[];

beforeEach(() => {
  rowQueries = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("editor"))),
    mock.get(api("/imports/12/"), () => HttpResponse.json(importBatch())),
    mock.get(api("/imports/12/rows/"), ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      rowQueries.push(query);
      return HttpResponse.json(
        query.outcome === "error"
          ? paged([importRow({ id: 5, line: 6, outcome: "error", errors: { Condition: ["Unknown condition 'Mint-ish'."] } })])
          : paged([importRow(), importRow({ id: 2, line: 3, outcome: "update", changes: { quantity: [1, 3] }, collectible: 41 })], { count: 5 }),
      );
    }),
  );
});

const renderBatch = (route = "/imports/12") => renderRoute(<ImportBatchPage />, { path: "/imports/:id", route });

/** A commit answer that waits until `release()` is called, to see the page while it runs. */
function heldCommit(answer: () => Response) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    mock.post(api("/imports/12/commit/"), async () => {
      await held;
      return answer();
    }),
  );
  return () => release();
}

describe("import batch page", () => {
  it("shows the detected format, the counts, and each row's changes or errors", async () => {
    const { user, router } = renderBatch();
    expect(await screen.findByRole("heading", { level: 1, name: /Import #12: tcgplayer\.csv/ })).toBeInTheDocument();
    expect(screen.getByText("TCGplayer seller export")).toBeInTheDocument();
    expect(screen.getByText("3 to create, 1 to update, 0 unchanged, 1 with errors.")).toBeInTheDocument();

    const table = await screen.findByRole("table", { name: "Rows of the file" });
    expect(within(table).getByRole("row", { name: /Charizard.*Near Mint/ })).toHaveTextContent("2 × Near Mint · 449.99 USD · BS #4/102");
    expect(within(table).getAllByRole("row")[2]).toHaveTextContent("Quantity: 1 → changes to 3");
    // The row that matched an item links to it; a row still to be created has nothing to link.
    const links = within(table).getAllByRole("link");
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute("href", "/collectibles/41");

    await user.click(within(screen.getByRole("group", { name: "Show rows" })).getByRole("button", { name: "Error (1)" }));
    await waitFor(() => expect(router.state.location.search).toBe("?outcome=error"));
    expect(await within(table).findByText("Unknown condition 'Mint-ish'.")).toBeInTheDocument();
    expect(rowQueries.at(-1)).toEqual({ outcome: "error", page: "1", page_size: "25" });
  });

  it("commits with a busy state, then sums up and links to the imported items", async () => {
    const release = heldCommit(() =>
      HttpResponse.json(importBatch({ status: "committed", committed_by: { id: 7, username: "pallet-editor" }, committed_at: "2026-01-04T10:05:00Z" })),
    );
    const { user } = renderBatch();
    await user.click(await screen.findByRole("button", { name: "Commit 4 rows" }));

    expect(await screen.findByRole("progressbar", { name: "Committing the import" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Committing…" })).toBeDisabled();
    // The page stays usable meanwhile: the rows can still be filtered.
    await user.click(screen.getByRole("button", { name: "Update (1)" }));
    expect(screen.getByRole("button", { name: "Update (1)" })).toHaveAttribute("aria-pressed", "true");

    release();
    expect(await screen.findByRole("heading", { name: "Import committed" })).toBeInTheDocument();
    expect(screen.getByText("Created 3 items and updated 1 item. 1 row with errors was skipped.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "View the 4 imported items" })).toHaveAttribute("href", "/collectibles?import_batch=12");
    expect(screen.getByRole("button", { name: "Roll back import #12" })).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("still shows a running commit after leaving the page and coming back", async () => {
    const release = heldCommit(() => HttpResponse.json(importBatch({ status: "committed" })));
    const { user, router } = renderBatch();
    await user.click(await screen.findByRole("button", { name: "Commit 4 rows" }));
    await act(() => router.navigate("/collectibles"));
    await act(() => router.navigate("/imports/12"));
    expect(await screen.findByRole("progressbar", { name: "Committing the import" })).toBeInTheDocument();
    release();
    expect(await screen.findByRole("heading", { name: "Import committed" })).toBeInTheDocument();
  });

  it("asks the server where the batch stands when the commit gets no answer", async () => {
    // The connection drops, but the server went on and committed.
    let committed = false;
    server.use(
      mock.get(api("/imports/12/"), () => HttpResponse.json(importBatch(committed ? { status: "committed" } : {}))),
      mock.post(api("/imports/12/commit/"), () => {
        committed = true;
        return HttpResponse.error();
      }),
    );
    const { user } = renderBatch();
    await user.click(await screen.findByRole("button", { name: "Commit 4 rows" }));
    expect(await screen.findByRole("heading", { name: "Import committed" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Commit 4 rows" })).not.toBeInTheDocument();
  });

  it("tells about a commit that failed after leaving the page, and shows the batch as it is on coming back", async () => {
    const release = heldCommit(() => HttpResponse.json({ detail: "The import is locked by another commit." }, { status: 409 }));
    const { user, router, store } = renderBatch();
    await user.click(await screen.findByRole("button", { name: "Commit 4 rows" }));
    await act(() => router.navigate("/collectibles"));
    server.use(mock.get(api("/imports/12/"), () => HttpResponse.json(importBatch({ status: "committed" }))));
    release();
    await waitFor(() =>
      expect(store.getState().ui.flash).toMatchObject({ tone: "error", message: "Import #12 was not committed: The import is locked by another commit." }),
    );
    await act(() => router.navigate("/imports/12"));
    expect(await screen.findByRole("heading", { name: "Import committed" })).toBeInTheDocument();
  });

  it("lists the lines that changed since the preview when the commit is refused", async () => {
    heldCommit(() =>
      HttpResponse.json(
        {
          detail: "Some items changed since the preview; nothing was imported.",
          // As the API sends them: no `name`, although the contract lists it.
          items: [{ line: 3, collectible: 45, name: null, reason: "changed or deleted since the preview" }],
        },
        { status: 409 },
      ),
    )();
    const { user, store } = renderBatch();
    await user.click(await screen.findByRole("button", { name: "Commit 4 rows" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Some items changed since the preview; nothing was imported.");
    expect(alert).toHaveTextContent("Line 3 (item #45): changed or deleted since the preview");
    expect(within(alert).getByRole("link", { name: "item #45" })).toHaveAttribute("href", "/collectibles/45");
    expect(alert).toHaveTextContent("Upload the file again");
    expect(screen.getByRole("button", { name: "Commit 4 rows" })).toBeEnabled();
    // Said on the page already: no flash on top.
    expect(store.getState().ui.flash).toBeNull();
  });

  it("discards a preview after confirming, and goes back to the imports", async () => {
    server.use(mock.delete(api("/imports/12/"), () => new HttpResponse(null, { status: 204 })));
    const { user, router } = renderBatch();
    await user.click(await screen.findByRole("button", { name: "Discard import #12" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Discard" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/imports"));
  });

  it("says when a batch was rolled back, and offers nothing more", async () => {
    server.use(
      mock.get(api("/imports/12/"), () =>
        HttpResponse.json(importBatch({ status: "rolled_back", rolled_back_by: { id: 7, username: "pallet-owner" }, rolled_back_at: "2026-01-05T09:00:00Z" })),
      ),
    );
    renderBatch();
    expect(await screen.findByText(/The inventory is as it was before this import/)).toHaveTextContent("pallet-owner");
    expect(screen.queryByRole("button", { name: /commit|roll back|discard/i })).not.toBeInTheDocument();
  });

  it("reads a mistyped link forgivingly", async () => {
    renderBatch("/imports/12?outcome=bogus&page=-3&page_size=500");
    await screen.findByRole("table", { name: "Rows of the file" });
    expect(rowQueries.at(-1)).toEqual({ page: "1", page_size: "100" });
    expect(screen.getByRole("button", { name: "All rows (5)" })).toHaveAttribute("aria-pressed", "true");
  });

  it("says not found for another vendor's or a discarded batch", async () => {
    server.use(mock.get(api("/imports/12/"), () => HttpResponse.json({ detail: "Not found." }, { status: 404 })));
    renderBatch();
    expect(await screen.findByRole("heading", { name: "Not found" })).toBeInTheDocument();
  });
});
