import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import type { MeRecord } from "@/api/schemas";
import { importBatch, me, paged } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import ImportsPage from "./ImportsPage";

const csv = () => new File(["TCGplayer Id,Product Line,Product Name,Condition,Total Quantity\n1,Pokemon,Pikachu,NM,1\n"], "stock.csv", { type: "text/csv" });

let uploads: Record<string, string>[];

function renderImports(role: NonNullable<MeRecord["role"]> = "editor") {
  server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me(role))));
  return renderRoute(<ImportsPage />, { path: "/imports" });
}

beforeEach(() => {
  uploads = [];
  server.use(
    mock.get(api("/imports/"), () =>
      HttpResponse.json(
        paged([
          importBatch({ id: 13, status: "preview", filename: "new.csv" }),
          importBatch({ id: 12, status: "committed", committed_by: { id: 7, username: "pallet-owner" }, committed_at: "2026-01-04T11:00:00Z" }),
        ]),
      ),
    ),
    mock.post(api("/imports/"), async ({ request }) => {
      const form = await request.formData();
      // Which parts were sent; jsdom's File does not survive the trip into MSW
      // with its content, so the file itself is checked by the browser journey.
      uploads.push(Object.fromEntries([...form.entries()].map(([key, value]) => [key, typeof value === "string" && key !== "file" ? value : "(file)"])));
      return HttpResponse.json(importBatch({ id: 14 }), { status: 201 });
    }),
  );
});

describe("upload form", () => {
  it("uploads the file with the chosen format and mode, then opens the preview", async () => {
    const { user, router } = renderImports();
    await user.upload(await screen.findByLabelText("CSV file"), csv());
    await user.selectOptions(screen.getByLabelText("Format"), "tcgplayer");
    await user.selectOptions(screen.getByLabelText("Quantities"), "add");
    await user.click(screen.getByRole("button", { name: "Upload and preview" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/imports/14"));
    expect(uploads).toEqual([{ file: "(file)", mode: "add", format: "tcgplayer" }]);
  });

  it("asks for a file before sending anything", async () => {
    const { user } = renderImports();
    await user.click(await screen.findByRole("button", { name: "Upload and preview" }));
    expect(screen.getByLabelText("CSV file")).toHaveAccessibleDescription("Choose a file.");
    expect(uploads).toEqual([]);
  });

  it("shows the API's message for a file it refuses", async () => {
    server.use(
      mock.post(api("/imports/"), () =>
        HttpResponse.json({ file: ["The header row matches no known format (omnistock: sku, name, …)."] }, { status: 400 }),
      ),
    );
    const { user, router } = renderImports();
    await user.upload(await screen.findByLabelText("CSV file"), csv());
    await user.click(screen.getByRole("button", { name: "Upload and preview" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The file was not accepted.");
    expect(alert).toHaveTextContent("The header row matches no known format (omnistock: sku, name, …).");
    expect(router.state.location.pathname).toBe("/imports");
  });
});

describe("batch list", () => {
  it("lists batches with their state, and rolls one back after a confirmation", async () => {
    let rolledBack = false;
    server.use(
      mock.post(api("/imports/12/rollback/"), () => {
        rolledBack = true;
        return HttpResponse.json(importBatch({ id: 12, status: "rolled_back" }));
      }),
    );
    const { user, store } = renderImports();
    const table = await screen.findByRole("table", { name: "Import batches" });
    const committed = within(table).getByRole("row", { name: /#12/ });
    expect(committed).toHaveTextContent("Committed");
    expect(committed).toHaveTextContent("pallet-owner");
    expect(within(table).getByRole("row", { name: /#13 new\.csv/ })).toHaveTextContent("Preview");
    expect(within(table).getByRole("button", { name: "Discard import #13" })).toBeInTheDocument();

    await user.click(within(committed).getByRole("button", { name: "Roll back import #12" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Roll back import #12?" });
    expect(dialog).toHaveTextContent("the 3 items it created are deleted and the 1 item it updated get their previous values back");
    await user.click(within(dialog).getByRole("button", { name: "Roll back" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(rolledBack).toBe(true);
    expect(store.getState().ui.flash?.message).toBe("Import #12 rolled back.");
  });

  it("shows each conflicting line when a rollback is refused", async () => {
    server.use(
      mock.post(api("/imports/12/rollback/"), () =>
        HttpResponse.json(
          {
            detail: "Items changed after the import; nothing was rolled back.",
            items: [
              { line: 3, collectible: 45, name: "Charizard", reason: "Changed after the import (stock adjustment)." },
              { line: 5, collectible: null, name: null, reason: "Deleted since." },
            ],
          },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderImports();
    await user.click(await screen.findByRole("button", { name: "Roll back import #12" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Roll back" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Items changed after the import; nothing was rolled back.");
    expect(within(alert).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Line 3 (Charizard): Changed after the import (stock adjustment).",
      "Line 5: Deleted since.",
    ]);
    expect(alert).toHaveTextContent("Nothing was rolled back.");
  });

  it("shows the batch as it is when a rollback gets no answer", async () => {
    // The connection drops, but the server went on and rolled back.
    let rolledBack = false;
    server.use(
      mock.get(api("/imports/"), () =>
        HttpResponse.json(paged([importBatch({ id: 12, status: rolledBack ? "rolled_back" : "committed", committed_at: "2026-01-04T11:00:00Z" })])),
      ),
      mock.post(api("/imports/12/rollback/"), () => {
        rolledBack = true;
        return HttpResponse.error();
      }),
    );
    const { user } = renderImports();
    await user.click(await screen.findByRole("button", { name: "Roll back import #12" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Roll back" }));
    // Rolled back after all: the row says so, and offers no rollback any more.
    const table = screen.getByRole("table", { name: "Import batches", hidden: true });
    await waitFor(() => expect(within(table).getByRole("row", { name: /#12/, hidden: true })).toHaveTextContent("Rolled back"));
    expect(screen.queryByRole("button", { name: "Roll back import #12" })).not.toBeInTheDocument();
  });

  it("lets viewers read the batches, without uploading or acting", async () => {
    renderImports("viewer");
    const table = await screen.findByRole("table", { name: "Import batches" });
    expect(within(table).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Upload a file" })).not.toBeInTheDocument();
  });
});
