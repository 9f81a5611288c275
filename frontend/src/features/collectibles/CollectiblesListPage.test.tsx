import { act, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import { collectible, me, page } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import CollectiblesListPage from "./CollectiblesListPage";

let requests: URLSearchParams[];

function listAnswers(answer: (params: URLSearchParams) => Response = () => HttpResponse.json(page([collectible()]))) {
  requests = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me("owner"))),
    mock.get(api("/collectibles/"), ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      return answer(params);
    }),
  );
}

const renderList = (route = "/collectibles") => renderRoute(<CollectiblesListPage />, { path: "/collectibles", route });
const lastRequest = () => Object.fromEntries(requests.at(-1) ?? []);

beforeEach(() => listAnswers());

describe("collectibles list", () => {
  it("shows the table with formatted prices", async () => {
    renderList();
    const row = await screen.findByRole("row", { name: /charizard/i });
    expect(within(row).getByText("$249.99")).toBeInTheDocument();
    expect(within(row).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collectibles/1");
    expect(screen.getByText("1–1 of 1")).toBeInTheDocument();
  });

  it("restores every filter from the URL and sends it to the API", async () => {
    renderList("/collectibles?language=JA&market_region=JP&in_stock=true&ordering=-price&page=2&page_size=10&search=charzard");
    await screen.findByRole("row", { name: /charizard/i });
    expect(lastRequest()).toEqual({
      language: "JA",
      market_region: "JP",
      in_stock: "true",
      ordering: "-price",
      page: "2",
      page_size: "10",
      search: "charzard",
    });
    expect(screen.getByLabelText("Language")).toHaveValue("JA");
    expect(screen.getByLabelText("Market region")).toHaveValue("JP");
    expect(screen.getByRole("switch", { name: "In stock only" })).toBeChecked();
    expect(screen.getByLabelText("Search")).toHaveValue("charzard");
    expect(screen.getByRole("columnheader", { name: /price/i })).toHaveAttribute("aria-sort", "descending");
  });

  it("puts filter changes in the URL (back to page 1), and Back restores the previous view", async () => {
    const { user, router } = renderList("/collectibles?page=3");
    await screen.findByRole("row", { name: /charizard/i });

    await user.selectOptions(screen.getByLabelText("Language"), "JA");
    await waitFor(() => expect(router.state.location.search).toBe("?language=JA"));
    await user.selectOptions(screen.getByLabelText("Market region"), "JP");
    await waitFor(() => expect(router.state.location.search).toBe("?language=JA&market_region=JP"));
    await waitFor(() => expect(lastRequest()).toMatchObject({ language: "JA", market_region: "JP", page: "1" }));

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe("?language=JA");
    expect(screen.getByLabelText("Market region")).toHaveValue("");
    expect(screen.getByLabelText("Language")).toHaveValue("JA");
  });

  it("debounces the search box into one request", async () => {
    const { user, router } = renderList();
    await screen.findByRole("row", { name: /charizard/i });
    const before = requests.length;
    await user.type(screen.getByLabelText("Search"), "charzard");
    await waitFor(() => expect(router.state.location.search).toBe("?search=charzard"));
    await waitFor(() => expect(lastRequest()).toMatchObject({ search: "charzard" }));
    expect(requests.length - before).toBe(1);
  });

  it("sorts by a header click", async () => {
    const { user, router } = renderList();
    await screen.findByRole("row", { name: /charizard/i });
    await user.click(screen.getByRole("button", { name: /^name/i }));
    await waitFor(() => expect(router.state.location.search).toBe("?ordering=name"));
    await user.click(screen.getByRole("button", { name: /^name/i }));
    await waitFor(() => expect(router.state.location.search).toBe("?ordering=-name"));
  });

  it("pages forward and keeps the filters", async () => {
    listAnswers(() => HttpResponse.json(page([collectible()], 60)));
    const { user, router } = renderList("/collectibles?game=mtg");
    await screen.findByText("Page 1 of 3");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(router.state.location.search).toBe("?game=mtg&page=2"));
    expect(await screen.findByText("Page 2 of 3")).toBeInTheDocument();
  });

  it("says when the filters hide everything, and clears them", async () => {
    listAnswers(() => HttpResponse.json(page([])));
    const { user, router } = renderList("/collectibles?language=KO&ordering=name");
    expect(await screen.findByText("No collectibles match these filters.")).toBeInTheDocument();
    await user.click(within(screen.getByRole("status")).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(router.state.location.search).toBe("?ordering=name"));
  });

  it("says when there is no stock at all", async () => {
    listAnswers(() => HttpResponse.json(page([])));
    renderList();
    expect(await screen.findByText("No collectibles yet.")).toBeInTheDocument();
  });

  it("shows a loading skeleton first", async () => {
    renderList();
    expect(screen.getAllByTestId("skeleton-row").length).toBeGreaterThan(0);
    await screen.findByRole("row", { name: /charizard/i });
  });

  it("shows an error with a retry that works", async () => {
    let fail = true;
    listAnswers(() => (fail ? HttpResponse.json({ detail: "Server on fire." }, { status: 503 }) : HttpResponse.json(page([collectible()]))));
    const { user } = renderList();
    expect(await screen.findByText("Server on fire.")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("row", { name: /charizard/i })).toBeInTheDocument();
  });

  it("shows the price range filters only where their feature flag is on", async () => {
    renderList();
    expect(await screen.findByRole("textbox", { name: "Price from" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Price up to" })).toBeInTheDocument();
  });

  it("hides the price range filters from a shop the flag is not on for", async () => {
    server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me("owner", []))));
    renderList();
    await screen.findByRole("row", { name: /charizard/i });
    expect(screen.getByRole("searchbox", { name: "Search" })).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Price from" })).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Price up to" })).not.toBeInTheDocument();
  });

  it("hides the create button from viewers", async () => {
    server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me("viewer"))));
    renderList();
    await screen.findByRole("row", { name: /charizard/i });
    expect(screen.queryByRole("link", { name: /new collectible/i })).not.toBeInTheDocument();
  });
});
