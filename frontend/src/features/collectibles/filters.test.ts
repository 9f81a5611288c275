import { describe, expect, it } from "vitest";

import {
  activeFilterCount,
  emptyFilters,
  filtersToSearchParams,
  hasNarrowingFilters,
  exportParams,
  listHref,
  narrowingParams,
  nextOrdering,
  parseFilters,
  sortDirection,
  toListQuery,
} from "./filters";

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe("URL ⇄ filters", () => {
  it("reads every filter, the page, the page size and the sort from the query", () => {
    expect(
      parse(
        "search=charzard&language=JA&market_region=JP&game=pokemon&condition=NM&release_date_after=2020-01-01" +
          "&release_date_before=2024-12-31&price_min=5&price_max=99.50&in_stock=true&import_batch=12&ordering=-price,name&page=3&page_size=50",
      ),
    ).toEqual({
      search: "charzard",
      language: "JA",
      market_region: "JP",
      game: "pokemon",
      condition: "NM",
      release_date_after: "2020-01-01",
      release_date_before: "2024-12-31",
      price_min: "5",
      price_max: "99.50",
      in_stock: true,
      import_batch: 12,
      ordering: ["-price", "name"],
      page: 3,
      page_size: 50,
    });
  });

  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual(emptyFilters);
  });

  it("accepts the API's case-insensitive spellings", () => {
    expect(parse("language=ja&market_region=eu&game=MTG&condition=nm")).toMatchObject({
      language: "JA",
      market_region: "EU",
      game: "mtg",
      condition: "NM",
    });
  });

  it("drops values the API would refuse instead of failing", () => {
    expect(
      parse(
        "language=XX&market_region=MARS&release_date_after=yesterday&ordering=vendor,-price&page=abc&page_size=0&in_stock=maybe&import_batch=x" +
          "&price_min=-1&price_max=1.234",
      ),
    ).toEqual({ ...emptyFilters, ordering: ["-price"] });
  });

  it("caps the page size at the API's maximum", () => {
    expect(parse("page_size=500").page_size).toBe(100);
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    const filters = { ...emptyFilters, language: "DE" as const, in_stock: true, page: 2, ordering: ["-updated_at" as const] };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe("language=DE&in_stock=true&ordering=-updated_at&page=2");
    expect(parseFilters(params)).toEqual(filters);
    expect(filtersToSearchParams(emptyFilters).toString()).toBe("");
  });

  it("builds the API query without empty values", () => {
    expect(toListQuery({ ...emptyFilters, search: "  pika ", market_region: "EU", ordering: ["name"] })).toEqual({
      page: 1,
      page_size: 25,
      search: "pika",
      market_region: "EU",
      ordering: ["name"],
    });
  });

  it("reads a price range as typed and sends the API numbers", () => {
    const filters = parse("price_min=7&price_max=7.50");
    expect(filters).toMatchObject({ price_min: "7", price_max: "7.50" });
    expect(filtersToSearchParams(filters).toString()).toBe("price_min=7&price_max=7.50");
    expect(toListQuery(filters)).toMatchObject({ price_min: 7, price_max: 7.5 });
    expect(narrowingParams(filters)).toEqual({ price_min: "7", price_max: "7.50" });
    expect(hasNarrowingFilters(filters)).toBe(true);
  });

  it("counts the filter bar's filters that are on (not the import chip, the sort or the page)", () => {
    expect(activeFilterCount(parse("search=pika&price_max=10&in_stock=true&import_batch=3&ordering=name&page=2"))).toBe(3);
    expect(activeFilterCount(emptyFilters)).toBe(0);
  });

  it("knows when filters (not the sort or page) narrow the list", () => {
    expect(hasNarrowingFilters({ ...emptyFilters, ordering: ["name"], page: 4 })).toBe(false);
    expect(hasNarrowingFilters({ ...emptyFilters, in_stock: true })).toBe(true);
  });

  it("sorts by a header ascending first, then flips it", () => {
    const byName = { ...emptyFilters, ordering: nextOrdering(emptyFilters, "name") };
    expect(byName.ordering).toEqual(["name"]);
    expect(sortDirection(byName, "name")).toBe("ascending");
    expect(nextOrdering(byName, "name")).toEqual(["-name"]);
    expect(sortDirection({ ...emptyFilters, ordering: ["-name"] }, "name")).toBe("descending");
    expect(nextOrdering({ ...emptyFilters, ordering: ["-name"] }, "name")).toEqual(["name"]);
    expect(sortDirection(byName, "price")).toBeUndefined();
  });
});

describe("listHref", () => {
  it("returns to the list view the detail page was opened from", () => {
    expect(listHref({ listSearch: "?language=JA&page=2" })).toBe("/collectibles?language=JA&page=2");
    expect(listHref({ listSearch: "" })).toBe("/collectibles");
    expect(listHref(null)).toBe("/collectibles");
  });
});

describe("export and bulk-edit parameters", () => {
  const view = parse("search=charzard&language=JA&in_stock=true&import_batch=12&ordering=-price&page=3&page_size=50");

  it("exports every page of exactly the view on screen, in its order", () => {
    expect(exportParams(view)).toEqual({
      search: "charzard",
      language: "JA",
      in_stock: "true",
      import_batch: "12",
      ordering: "-price",
    });
    expect(exportParams(emptyFilters)).toEqual({});
  });

  it("targets what the view narrows to, whatever the page and the order", () => {
    expect(narrowingParams(view)).toEqual({ search: "charzard", language: "JA", in_stock: "true", import_batch: "12" });
  });

  it("round-trips the import filter and counts it as narrowing", () => {
    expect(filtersToSearchParams(view).get("import_batch")).toBe("12");
    expect(hasNarrowingFilters(parse("import_batch=3"))).toBe(true);
  });
});
