/** Page sizes the API accepts (it caps `page_size` at 100) and the screens offer. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** A positive whole number from a query string, else `fallback` (forgiving: shared links may hold anything). */
export function positiveInt(raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!raw || !/^\d+$/.test(raw)) return fallback;
  const value = Number(raw);
  return value >= 1 ? Math.min(value, max) : fallback;
}

/** `page` and `page_size` from a query string, the size capped at the API's maximum. */
export function pageParams(params: URLSearchParams): { page: number; page_size: number } {
  return { page: positiveInt(params.get("page"), 1), page_size: positiveInt(params.get("page_size"), DEFAULT_PAGE_SIZE, 100) };
}
