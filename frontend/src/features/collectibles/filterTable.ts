/**
 * The list's filters, each described once: its key (the same in the URL and
 * in the API query), how the URL's text is read (parse), how the value is
 * written back (serialise), what the API is sent, and the widget the filter
 * bar shows for it. `filters.ts` (URL ⇄ filters ⇄ API query) and
 * `FilterBar.tsx` are derived from this table: a new filter is one row here.
 *
 * Parsing is forgiving: a value the API would refuse (a typo in a shared
 * link) reads as the filter being off rather than as an error page.
 */
import type { CollectibleListQuery } from "@/api/types";
import {
  conditionEnumValues,
  gameEnumValues,
  languageEnumValues,
  marketRegionEnumValues,
} from "@/api/generated/schema";
import type { FlagName } from "@/lib/flags";
import { positiveInt } from "@/lib/paging";
import { conditionLabels, gameLabels, languageLabels, marketRegionLabels } from "@/lib/vocabulary";

import { priceSchema } from "./collectibleForm";

type Query = CollectibleListQuery;

/** The search box's limit (the API reads any length; longer terms find nothing useful). */
export const SEARCH_MAX_LENGTH = 100;

/**
 * How the filter bar shows a filter. Widgets work in the URL's text: they show
 * `serialise(value)` and hand what the user chose to `parse`.
 */
export type FilterWidget =
  | { kind: "search"; label: string; placeholder: string }
  | { kind: "select"; label: string; options: Readonly<Record<string, string>> }
  /** `atLeast`/`atMost`: the filter whose value bounds this one (a date range). */
  | { kind: "date"; label: string; atLeast?: keyof Query; atMost?: keyof Query }
  /** A price typed as text: it reaches the URL once it reads as a price (or is empty). */
  | { kind: "price"; label: string }
  | { kind: "switch"; label: string }
  /** Not in the bar: set by a link elsewhere and shown as a dismissible chip above the list. */
  | { kind: "none" };

/* Methods (not function properties) so that one spec of any value type can stand for all in the derived code. */
export interface FilterSpec<K extends keyof Query, V> {
  key: K;
  /** The value while the filter is off. */
  empty: V;
  /** The URL's text (`""` when absent) → the value; anything invalid → `empty`. */
  parse(raw: string): V;
  /** The value → the URL's text; `""` leaves the parameter out (the filter is off). */
  serialise(value: V): string;
  /** The value as the typed API query carries it (only asked while the filter is on). */
  toQuery(value: V): Query[K];
  widget: FilterWidget;
  /** The bar shows the widget only while this feature flag is on for the user. */
  flag?: FlagName;
}

const filter = <K extends keyof Query, V>(spec: FilterSpec<K, V>) => spec;

/** A choice from one of the API's enums, read in the API's case-insensitive way. */
function choice<K extends keyof Query, T extends NonNullable<Query[K]> & string>(
  key: K,
  values: readonly T[],
  normalise: (raw: string) => string,
  widget: FilterWidget,
) {
  return filter<K, T | "">({
    key,
    empty: "",
    parse: (raw) => {
      const value = normalise(raw.trim());
      return (values as readonly string[]).includes(value) ? (value as T) : "";
    },
    serialise: (value) => value,
    toQuery: (value) => value as Query[K],
    widget,
  });
}

const upper = (raw: string) => raw.toUpperCase();
const lower = (raw: string) => raw.toLowerCase();

function date<K extends "release_date_after" | "release_date_before">(key: K, widget: FilterWidget) {
  return filter<K, string>({
    key,
    empty: "",
    parse: (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : ""),
    serialise: (value) => value,
    toQuery: (value) => value,
    widget,
  });
}

/** Kept as text, exactly as typed (`12.50`), and sent as the number the API reads. */
function price<K extends "price_min" | "price_max">(key: K, label: string) {
  return filter<K, string>({
    key,
    empty: "",
    parse: (raw) => (priceSchema.safeParse(raw).success ? raw.trim() : ""),
    serialise: (value) => value,
    toQuery: (value) => Number(value),
    widget: { kind: "price", label },
    // Rolled out shop by shop while the list's p95 is watched (docs/observability.md#feature-flags).
    flag: "price-filters",
  });
}

/** Every filter, in the order of the filter bar and of the URL's parameters. */
export const FILTER_TABLE = [
  filter({
    key: "search",
    empty: "",
    parse: (raw) => raw.slice(0, SEARCH_MAX_LENGTH),
    serialise: (value) => value.trim(),
    toQuery: (value) => value.trim(),
    widget: { kind: "search", label: "Search", placeholder: "Name, set or card number" },
  }),
  choice("language", languageEnumValues, upper, { kind: "select", label: "Language", options: languageLabels }),
  choice("market_region", marketRegionEnumValues, upper, { kind: "select", label: "Market region", options: marketRegionLabels }),
  choice("game", gameEnumValues, lower, { kind: "select", label: "Game", options: gameLabels }),
  choice("condition", conditionEnumValues, upper, { kind: "select", label: "Condition", options: conditionLabels }),
  date("release_date_after", { kind: "date", label: "Released from", atMost: "release_date_before" }),
  date("release_date_before", { kind: "date", label: "Released until", atLeast: "release_date_after" }),
  price("price_min", "Price from"),
  price("price_max", "Price up to"),
  filter({
    key: "in_stock",
    empty: false,
    parse: (raw) => raw === "true",
    serialise: (value) => (value ? "true" : ""),
    toQuery: () => true,
    widget: { kind: "switch", label: "In stock only" },
  }),
  /** Only the items this import created or updated (set by the import's result link). */
  filter<"import_batch", number | null>({
    key: "import_batch",
    empty: null,
    parse: (raw) => positiveInt(raw, 0) || null,
    serialise: (value) => (value ? String(value) : ""),
    toQuery: (value) => value ?? undefined,
    widget: { kind: "none" },
  }),
] as const;

type Row = (typeof FILTER_TABLE)[number];

/** The keys that narrow the result set (as opposed to how it is sorted and paged). */
export type FilterKey = Row["key"];

/** Each filter's value, by key. */
export type FilterValues = { [R in Row as R["key"]]: R extends FilterSpec<R["key"], infer V> ? V : never };

/** One row of the table, its value type erased: what the derived code loops over. */
export type AnyFilterSpec = FilterSpec<FilterKey, unknown>;

export const FILTER_SPECS: readonly AnyFilterSpec[] = FILTER_TABLE;
