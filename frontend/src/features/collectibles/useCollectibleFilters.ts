import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { type CollectibleFilters, emptyFilters, filtersToSearchParams, parseFilters } from "./filters";

/**
 * The list's filters, read from and written to the URL query. Every change
 * pushes a history entry (so Back undoes it); a change to anything but the
 * page itself starts again at page 1.
 */
export function useCollectibleFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<CollectibleFilters>) => {
      setSearchParams((current) => {
        const next = { ...parseFilters(current), ...change };
        if (!("page" in change)) next.page = 1;
        return filtersToSearchParams(next);
      });
    },
    [setSearchParams],
  );

  const clear = useCallback(() => {
    setSearchParams((current) => {
      const { ordering, page_size } = parseFilters(current);
      return filtersToSearchParams({ ...emptyFilters, ordering, page_size });
    });
  }, [setSearchParams]);

  return { filters, update, clear };
}
