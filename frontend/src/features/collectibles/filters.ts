/**
 * The list's view state lives in the URL query, so back/forward, reload and a
 * shared link all restore the same view. This module is the one translation
 * between the query string, the filters the screen shows, and the API query;
 * what each filter is comes from the table in `filterTable.ts`.
 */
import type { CollectibleListQuery, CollectibleOrdering } from "@/api/types";
import { pathsApiV1CollectiblesGetParametersQueryOrderingValues as orderingValues } from "@/api/generated/schema";
import { DEFAULT_PAGE_SIZE, pageParams } from "@/lib/paging";

import { FILTER_SPECS, type FilterValues } from "./filterTable";

export interface CollectibleFilters extends FilterValues {
  ordering: CollectibleOrdering[];
  page: number;
  page_size: number;
}

export const emptyFilters: CollectibleFilters = {
  ...(Object.fromEntries(FILTER_SPECS.map((spec) => [spec.key, spec.empty])) as FilterValues),
  ordering: [],
  page: 1,
  page_size: DEFAULT_PAGE_SIZE,
};

export function parseFilters(params: URLSearchParams): CollectibleFilters {
  const ordering = (params.get("ordering") ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter((key): key is CollectibleOrdering => (orderingValues as readonly string[]).includes(key));
  return {
    ...(Object.fromEntries(FILTER_SPECS.map((spec) => [spec.key, spec.parse(params.get(spec.key) ?? "")])) as FilterValues),
    ordering: [...new Set(ordering)],
    ...pageParams(params),
  };
}

/** Only what differs from the defaults goes into the URL, in a stable order. */
export function filtersToSearchParams(filters: CollectibleFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string) => {
    if (value) params.set(key, value);
  };
  for (const spec of FILTER_SPECS) put(spec.key, spec.serialise(filters[spec.key]));
  put("ordering", filters.ordering.join(","));
  put("page", filters.page > 1 ? String(filters.page) : "");
  put("page_size", filters.page_size !== DEFAULT_PAGE_SIZE ? String(filters.page_size) : "");
  return params;
}

export function hasNarrowingFilters(filters: CollectibleFilters): boolean {
  return FILTER_SPECS.some((spec) => spec.serialise(filters[spec.key]) !== "");
}

/** How many of the filter bar's filters are on (what the phone's "Filters" button counts). */
export function activeFilterCount(filters: CollectibleFilters): number {
  return FILTER_SPECS.filter((spec) => spec.widget.kind !== "none" && spec.serialise(filters[spec.key]) !== "").length;
}

/** The API query for these filters (empty values left out). */
export function toListQuery(filters: CollectibleFilters): CollectibleListQuery {
  const query: CollectibleListQuery = { page: filters.page, page_size: filters.page_size, ...narrowingQuery(filters) };
  if (filters.ordering.length) query.ordering = filters.ordering;
  return query;
}

/** What narrows the view, in the API's terms: which items, whatever the page and the order. */
function narrowingQuery(filters: CollectibleFilters): CollectibleListQuery {
  const on = FILTER_SPECS.filter((spec) => spec.serialise(filters[spec.key]) !== "");
  return Object.fromEntries(on.map((spec) => [spec.key, spec.toQuery(filters[spec.key])] as const));
}

/**
 * The view's filters as the query strings the API reads: what a bulk edit of
 * "all N matching" sends as `filters` (every page; the order does not matter).
 */
export function narrowingParams(filters: CollectibleFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const spec of FILTER_SPECS) {
    const text = spec.serialise(filters[spec.key]);
    if (text) params[spec.key] = text;
  }
  return params;
}

/** The export of exactly this view: every matching item (all pages) in the order on screen. */
export function exportParams(filters: CollectibleFilters): Record<string, string> {
  const params = narrowingParams(filters);
  if (filters.ordering.length) params.ordering = filters.ordering.join(",");
  return params;
}

export type SortField = "name" | "quantity" | "price" | "updated_at";

/** The direction the list is sorted by `field`, when it is the primary sort key. */
export function sortDirection(filters: CollectibleFilters, field: SortField): "ascending" | "descending" | undefined {
  const first = filters.ordering[0];
  if (first === field) return "ascending";
  if (first === `-${field}`) return "descending";
  return undefined;
}

/** Clicking a header: sort by it ascending, or flip it when it already leads. */
export function nextOrdering(filters: CollectibleFilters, field: SortField): CollectibleOrdering[] {
  return [sortDirection(filters, field) === "ascending" ? (`-${field}` as const) : field];
}

/** The sort choices a phone offers in place of the table's clickable headers (value = `ordering`). */
export const SORT_CHOICES: Readonly<Record<string, string>> = {
  "": "Default order",
  name: "Name, A to Z",
  "-name": "Name, Z to A",
  price: "Price, low to high",
  "-price": "Price, high to low",
  quantity: "Quantity, low to high",
  "-quantity": "Quantity, high to low",
  "-updated_at": "Recently updated",
};

/** The sort choice for the list as it is sorted now ("" when its first key is not one of them). */
export function sortChoice(filters: CollectibleFilters): string {
  const first = filters.ordering[0] ?? "";
  return first in SORT_CHOICES ? first : "";
}

export function orderingOfChoice(choice: string): CollectibleOrdering[] {
  return (orderingValues as readonly string[]).includes(choice) ? [choice as CollectibleOrdering] : [];
}

/** Router state a list link hands to the detail page, so "back to the list" keeps the filters. */
export interface ListViewState {
  listSearch?: string;
}

export function listHref(state: unknown): string {
  const search = (state as ListViewState | null)?.listSearch;
  return typeof search === "string" && search.startsWith("?") ? `/collectibles${search}` : "/collectibles";
}
