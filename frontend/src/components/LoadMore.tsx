import { Button } from "@/components/ui/button";

/** The parts of a TanStack infinite query over the API's pages that "Load more" needs. */
interface PagedQuery {
  data?: { pages: { count: number; results: unknown[] }[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Showing 20 of 45" and a button for the next page of a newest-first list. */
export function LoadMore({ query }: { query: PagedQuery }) {
  const shown = query.data?.pages.reduce((sum, page) => sum + page.results.length, 0) ?? 0;
  const total = query.data?.pages[0]?.count ?? 0;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-2 pb-2 text-sm text-muted-foreground">
      <p aria-live="polite">
        Showing {shown} of {total}
      </p>
      {query.hasNextPage && (
        <Button variant="outline" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}
