/**
 * The list's view state lives in the URL query, so back/forward, reload and a
 * shared link all restore the same view. This module is the one translation
 * between the query string, the filters the screen shows, and the API query.
 *
 * Parsing is forgiving: a value the API would refuse (a typo in a shared
 * link, `page=abc`) is dropped rather than turned into an error page.
 */
import type { CollectibleListQuery, CollectibleOrdering, Condition, Game, Language, MarketRegion } from "@/api/types";
import {
  conditionEnumValues,
  gameEnumValues,
  languageEnumValues,
  marketRegionEnumValues,
  pathsApiV1CollectiblesGetParametersQueryOrderingValues as orderingValues,
} from "@/api/generated/schema";
import { DEFAULT_PAGE_SIZE, pageParams, positiveInt } from "@/lib/paging";


export interface CollectibleFilters {
  search: string;
  language: Language | "";
  market_region: MarketRegion | "";
  game: Game | "";
  condition: Condition | "";
  release_date_after: string;
  release_date_before: string;
  in_stock: boolean;
  /** Only the items this import created or updated (set by the import's result link). */
  import_batch: number | null;
  ordering: CollectibleOrdering[];
  page: number;
  page_size: number;
}

export const emptyFilters: CollectibleFilters = {
  search: "",
  language: "",
  market_region: "",
  game: "",
  condition: "",
  release_date_after: "",
  release_date_before: "",
  in_stock: false,
  import_batch: null,
  ordering: [],
  page: 1,
  page_size: DEFAULT_PAGE_SIZE,
};

/** The keys that narrow the result set (as opposed to how it is sorted and paged). */
export const NARROWING_KEYS = [
  "search",
  "language",
  "market_region",
  "game",
  "condition",
  "release_date_after",
  "release_date_before",
  "in_stock",
  "import_batch",
] as const satisfies readonly (keyof CollectibleFilters)[];

function oneOf<T extends string>(values: readonly T[], raw: string | null, normalise = (s: string) => s): T | "" {
  if (raw === null) return "";
  const value = normalise(raw.trim());
  return (values as readonly string[]).includes(value) ? (value as T) : "";
}

const upper = (s: string) => s.toUpperCase();
const lower = (s: string) => s.toLowerCase();

function isoDate(raw: string | null): string {
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : "";
}

export function parseFilters(params: URLSearchParams): CollectibleFilters {
  const ordering = (params.get("ordering") ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter((key): key is CollectibleOrdering => (orderingValues as readonly string[]).includes(key));
  return {
    search: (params.get("search") ?? "").slice(0, 100),
    language: oneOf(languageEnumValues, params.get("language"), upper),
    market_region: oneOf(marketRegionEnumValues, params.get("market_region"), upper),
    game: oneOf(gameEnumValues, params.get("game"), lower),
    condition: oneOf(conditionEnumValues, params.get("condition"), upper),
    release_date_after: isoDate(params.get("release_date_after")),
    release_date_before: isoDate(params.get("release_date_before")),
    in_stock: params.get("in_stock") === "true",
    import_batch: positiveInt(params.get("import_batch"), 0) || null,
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
  put("search", filters.search.trim());
  put("language", filters.language);
  put("market_region", filters.market_region);
  put("game", filters.game);
  put("condition", filters.condition);
  put("release_date_after", filters.release_date_after);
  put("release_date_before", filters.release_date_before);
  put("in_stock", filters.in_stock ? "true" : "");
  put("import_batch", filters.import_batch ? String(filters.import_batch) : "");
  put("ordering", filters.ordering.join(","));
  put("page", filters.page > 1 ? String(filters.page) : "");
  put("page_size", filters.page_size !== DEFAULT_PAGE_SIZE ? String(filters.page_size) : "");
  return params;
}

export function hasNarrowingFilters(filters: CollectibleFilters): boolean {
  return NARROWING_KEYS.some((key) => filters[key] !== emptyFilters[key]);
}

/** The API query for these filters (empty values left out). */
export function toListQuery(filters: CollectibleFilters): CollectibleListQuery {
  const query: CollectibleListQuery = { page: filters.page, page_size: filters.page_size, ...narrowingQuery(filters) };
  if (filters.ordering.length) query.ordering = filters.ordering;
  return query;
}

/** What narrows the view, in the API's terms: which items, whatever the page and the order. */
function narrowingQuery(filters: CollectibleFilters): CollectibleListQuery {
  const query: CollectibleListQuery = {};
  if (filters.search.trim()) query.search = filters.search.trim();
  if (filters.language) query.language = filters.language;
  if (filters.market_region) query.market_region = filters.market_region;
  if (filters.game) query.game = filters.game;
  if (filters.condition) query.condition = filters.condition;
  if (filters.release_date_after) query.release_date_after = filters.release_date_after;
  if (filters.release_date_before) query.release_date_before = filters.release_date_before;
  if (filters.in_stock) query.in_stock = true;
  if (filters.import_batch) query.import_batch = filters.import_batch;
  return query;
}

/**
 * The view's filters as the query strings the API reads: what a bulk edit of
 * "all N matching" sends as `filters` (every page; the order does not matter).
 */
export function narrowingParams(filters: CollectibleFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(narrowingQuery(filters)).map(([key, value]) => [key, String(value)]));
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

/** Router state a list link hands to the detail page, so "back to the list" keeps the filters. */
export interface ListViewState {
  listSearch?: string;
}

export function listHref(state: unknown): string {
  const search = (state as ListViewState | null)?.listSearch;
  return typeof search === "string" && search.startsWith("?") ? `/collectibles${search}` : "/collectibles";
}
