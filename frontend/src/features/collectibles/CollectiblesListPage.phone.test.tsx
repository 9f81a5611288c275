import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { NARROW_SCREEN } from "@/lib/useMediaQuery";
import { collectible, me, page } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import CollectiblesListPage from "./CollectiblesListPage";

let requests: URLSearchParams[];

/** A browser whose window is as narrow as an upright phone. */
function phoneScreen() {
  vi.stubGlobal(
    "matchMedia",
    (query: string) =>
      ({
        matches: query === NARROW_SCREEN,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}

beforeEach(() => {
  phoneScreen();
  requests = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("editor"))),
    mock.get(api("/collectibles/"), ({ request }) => {
      requests.push(new URL(request.url).searchParams);
      return HttpResponse.json(page([collectible()]));
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const renderList = (route = "/collectibles") => renderRoute(<CollectiblesListPage />, { path: "/collectibles", route });
const lastRequest = () => Object.fromEntries(requests.at(-1) ?? []);

describe("collectibles list on a phone", () => {
  it("shows each item as a compact card linking to it, with no table", async () => {
    renderList();
    const card = await screen.findByRole("listitem");
    expect(within(card).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collectibles/1");
    expect(within(card).getByText("$249.99")).toBeInTheDocument();
    expect(within(card).getByRole("checkbox", { name: "Select Charizard" })).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("keeps the search in view and the other filters in a sheet that applies each change", async () => {
    const { user } = renderList("/collectibles?language=JA");
    await screen.findByRole("listitem");
    expect(screen.getByLabelText("Search")).toBeVisible();
    // Only the search is on the page; the language filter waits in the sheet.
    expect(screen.queryByLabelText("Language")).not.toBeInTheDocument();
    const open = screen.getByRole("button", { name: /filters/i });
    expect(within(open).getByLabelText("1 active")).toBeInTheDocument();

    await user.click(open);
    const sheet = await screen.findByRole("dialog", { name: "Filters" });
    expect(within(sheet).getByLabelText("Language")).toHaveValue("JA");
    await user.selectOptions(within(sheet).getByLabelText("Condition"), "LP");
    await waitFor(() => expect(lastRequest()).toMatchObject({ language: "JA", condition: "LP" }));
    await user.click(within(sheet).getByRole("button", { name: "Show results" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(within(screen.getByRole("button", { name: /filters/i })).getByLabelText("2 active")).toBeInTheDocument();
  });

  it("offers the table's sorting as a select", async () => {
    const { user } = renderList("/collectibles?ordering=-price");
    await screen.findByRole("listitem");
    const sort = screen.getByLabelText("Sort");
    expect(sort).toHaveValue("-price");
    await user.selectOptions(sort, "name");
    await waitFor(() => expect(lastRequest()).toMatchObject({ ordering: "name" }));
    await user.selectOptions(sort, "");
    await waitFor(() => expect(lastRequest()).not.toHaveProperty("ordering"));
  });
});
