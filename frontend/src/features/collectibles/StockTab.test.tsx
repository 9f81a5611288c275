import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import type { MeRecord } from "@/api/schemas";
import type { StockAdjustmentRequest } from "@/api/types";
import { collectible, historyEntry, me, movement, paged } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import CollectibleDetailPage from "./CollectibleDetailPage";

let quantity: number;
let adjustments: StockAdjustmentRequest[];

beforeEach(() => {
  quantity = 2;
  adjustments = [];
  server.use(
    mock.get(api("/collectibles/5/"), () => HttpResponse.json(collectible({ id: 5, quantity }))),
    mock.get(api("/collectibles/5/movements/"), () =>
      HttpResponse.json(
        paged([
          ...(quantity === 1 ? [movement({ id: 2, delta: -1, quantity_after: 1, reason: "sale", note: "Order 17" })] : []),
          movement({ id: 1, import_batch: 12, reason: "import", note: "" }),
        ]),
      ),
    ),
    mock.post(api("/collectibles/5/adjust/"), async ({ request }) => {
      const body = (await request.json()) as StockAdjustmentRequest;
      adjustments.push(body);
      if (quantity + body.delta < 0) {
        return HttpResponse.json(
          { detail: `Not enough stock: ${quantity} in stock, cannot change by ${body.delta}.`, quantity },
          { status: 409 },
        );
      }
      quantity += body.delta;
      return HttpResponse.json(movement({ id: 2, delta: body.delta, quantity_after: quantity, reason: body.reason }), { status: 201 });
    }),
  );
});

function renderTab(role: NonNullable<MeRecord["role"]>, tab: string) {
  server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me(role))));
  return renderRoute(<CollectibleDetailPage />, { path: "/collectibles/:id", route: `/collectibles/5?tab=${tab}` });
}

describe("stock tab", () => {
  it("lists the movements, newest first, with the import they came from", async () => {
    renderTab("viewer", "stock");
    const table = await screen.findByRole("table", { name: "Stock movements" });
    const row = within(table).getAllByRole("row")[1];
    expect(row).toHaveTextContent("Import #12");
    expect(within(table).getByRole("link", { name: "Import #12" })).toHaveAttribute("href", "/imports/12");
    // Viewers read, they do not adjust.
    expect(screen.queryByRole("form", { name: "Adjust stock" })).not.toBeInTheDocument();
  });

  it("adjusts with a reason and note, then shows the new quantity everywhere", async () => {
    const { user } = renderTab("editor", "stock");
    const form = await screen.findByRole("form", { name: "Adjust stock" });
    expect(within(form).getByLabelText("Reason")).toHaveValue("sale");
    await user.type(within(form).getByLabelText("Note (optional)"), "Order 17");
    await user.click(within(form).getByRole("button", { name: "Remove 1" }));

    expect(await within(form).findByText("-1 (Sale): 1 in stock now.")).toBeInTheDocument();
    expect(adjustments).toEqual([{ delta: -1, reason: "sale", note: "Order 17" }]);
    // The detail and the movements were refetched.
    expect(await screen.findByText("1 in stock")).toBeInTheDocument();
    expect(await screen.findByRole("cell", { name: "Order 17" })).toBeInTheDocument();
  });

  it("says inline when there is not enough stock", async () => {
    const { user } = renderTab("owner", "stock");
    const form = await screen.findByRole("form", { name: "Adjust stock" });
    await user.click(within(form).getByRole("button", { name: "One less" }));
    await user.click(within(form).getByRole("button", { name: "One less" }));
    await user.click(within(form).getByRole("button", { name: "Remove 3" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent("Not enough stock: 2 in stock, cannot change by -3. Nothing was changed.");
    expect(screen.getByText("2 in stock")).toBeInTheDocument();
  });

  it("switches the reason with the sign until one is picked, and refuses a change of nothing", async () => {
    const { user } = renderTab("owner", "stock");
    const form = await screen.findByRole("form", { name: "Adjust stock" });
    await user.click(within(form).getByRole("button", { name: "One more" }));
    expect(within(form).getByLabelText("Reason")).toHaveValue("purchase");
    await user.selectOptions(within(form).getByLabelText("Reason"), "return");
    await user.clear(within(form).getByLabelText("Change by"));
    await user.type(within(form).getByLabelText("Change by"), "0");
    await user.click(within(form).getByRole("button", { name: "Adjust stock" }));
    expect(within(form).getByLabelText("Change by")).toHaveAccessibleDescription(/Enter a change other than 0/);
    expect(adjustments).toEqual([]);
  });
});

describe("history tab", () => {
  it("shows who changed which field from what to what, and loads more", async () => {
    server.use(
      mock.get(api("/collectibles/5/history/"), ({ request }) => {
        const page = new URL(request.url).searchParams.get("page");
        return page === "2"
          ? HttpResponse.json(paged([historyEntry({ id: "op-0", label: "Created", action: "created", user: null, changes: [] })], { count: 2 }))
          : HttpResponse.json(
              paged(
                [historyEntry({ changes: [{ field: "price", old: "200.00", new: "249.99" }, { field: "card_details.language", old: "EN", new: "JA" }] })],
                { count: 2, next: "http://x/?page=2" },
              ),
            );
      }),
    );
    const { user } = renderTab("viewer", "history");
    const list = await screen.findByRole("list", { name: "Change history" });
    expect(within(list).getByRole("heading", { name: "Updated" })).toBeInTheDocument();
    expect(list).toHaveTextContent("pallet-editor");
    expect(list).toHaveTextContent("Price:200.00→changed to249.99");
    expect(list).toHaveTextContent("Card language:English→changed toJapanese");
    expect(screen.getByText("Showing 1 of 2")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Load more" }));
    expect(await within(list).findByRole("heading", { name: "Created" })).toBeInTheDocument();
    expect(list).toHaveTextContent("System");
    await waitFor(() => expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument());
  });

  it("opens from the tab list and keeps the tab in the URL", async () => {
    server.use(mock.get(api("/collectibles/5/history/"), () => HttpResponse.json(paged([historyEntry()]))));
    const { user, router } = renderTab("viewer", "details");
    await user.click(await screen.findByRole("tab", { name: "History" }));
    await waitFor(() => expect(router.state.location.search).toBe("?tab=history"));
    expect(await screen.findByRole("list", { name: "Change history" })).toBeInTheDocument();
  });
});
