import { useQuery } from "@tanstack/react-query";
import { Plus, RotateCw } from "lucide-react";
import { Link, useLocation } from "react-router";

import { ApiError } from "@/api/errors";
import { Pagination } from "@/components/Pagination";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCanWrite } from "@/lib/session";

import { BulkActions } from "./BulkActions";
import { CollectiblesTable } from "./CollectiblesTable";
import { ExportMenu } from "./ExportMenu";
import { FilterBar } from "./FilterBar";
import { ImportFilterChip } from "./ImportFilterChip";
import { isSelected, pageSelection, selectedCount, useBulkSelection } from "./bulkSelection";
import { exportParams, hasNarrowingFilters, narrowingParams, nextOrdering, toListQuery } from "./filters";
import { collectibleListOptions } from "./queries";
import { useCollectibleFilters } from "./useCollectibleFilters";

export default function CollectiblesListPage() {
  const { filters, update, clear } = useCollectibleFilters();
  const canWrite = useCanWrite();
  const list = useQuery(collectibleListOptions(toListQuery(filters)));
  const filtered = hasNarrowingFilters(filters);
  const pageGone = list.error instanceof ApiError && list.error.status === 404 && filters.page > 1;
  const [selection, select] = useBulkSelection(useLocation().search);
  const pageIds = list.data?.results.map((item) => item.id) ?? [];
  const pageState = pageSelection(selection, pageIds);
  const matching = list.data?.count ?? 0;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Collectibles</h1>
        <div className="flex flex-wrap items-start gap-2">
          <ExportMenu params={exportParams(filters)} />
          {canWrite && (
            <Button asChild>
              <Link to="/collectibles/new">
                <Plus aria-hidden />
                New collectible
              </Link>
            </Button>
          )}
        </div>
      </div>

      <FilterBar filters={filters} onChange={update} onClear={clear} />
      {filters.import_batch && <ImportFilterChip batch={filters.import_batch} onDismiss={() => update({ import_batch: null })} />}
      {canWrite && selectedCount(selection, matching) > 0 && (
        <BulkActions
          selection={selection}
          matching={matching}
          pageAllSelected={pageState === "all"}
          filters={narrowingParams(filters)}
          onSelectAllMatching={() => select({ type: "selectAllMatching" })}
          onClear={() => select({ type: "clear" })}
          onGone={(ids) => select({ type: "drop", ids })}
        />
      )}

      {list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>{pageGone ? "That page does not exist (any more)." : "The collectibles could not be loaded."}</AlertTitle>
          <AlertDescription>
            <p>{list.error.message}</p>
            <div className="mt-2 flex gap-2">
              {pageGone ? (
                <Button variant="outline" size="sm" onClick={() => update({ page: 1 })}>
                  Go to page 1
                </Button>
              ) : (
                <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
                  <RotateCw aria-hidden />
                  Retry
                </Button>
              )}
            </div>
          </AlertDescription>
        </Alert>
      ) : list.data && list.data.count === 0 ? (
        <div role="status" className="grid place-items-center gap-3 rounded-lg border border-dashed p-10 text-center">
          {filtered ? (
            <>
              <p className="font-medium">No collectibles match these filters.</p>
              <p className="text-sm text-muted-foreground">The filters are hiding everything: change or clear them to see more.</p>
              <Button variant="outline" onClick={clear}>
                Clear filters
              </Button>
            </>
          ) : (
            <>
              <p className="font-medium">No collectibles yet.</p>
              {canWrite && (
                <Button asChild>
                  <Link to="/collectibles/new">Add the first one</Link>
                </Button>
              )}
            </>
          )}
        </div>
      ) : (
        <div className="grid gap-3 rounded-lg border bg-card p-2">
          <CollectiblesTable
            items={list.data?.results}
            filters={filters}
            busy={list.isFetching}
            onSort={(field) => update({ ordering: nextOrdering(filters, field) })}
            selection={
              canWrite
                ? {
                    isSelected: (id) => isSelected(selection, id),
                    page: pageState,
                    onToggle: (id) => select({ type: "toggle", id, pageIds }),
                    onTogglePage: () => select({ type: "togglePage", pageIds }),
                  }
                : undefined
            }
          />
          {list.data && (
            <div className="px-2 pb-2">
              <Pagination
                page={filters.page}
                pageSize={filters.page_size}
                count={list.data.count}
                onPage={(page) => update({ page })}
                onPageSize={(page_size) => update({ page_size })}
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
