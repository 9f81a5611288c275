import { useQuery } from "@tanstack/react-query";
import { Plus, RotateCw } from "lucide-react";
import { Link, useLocation } from "react-router";

import { ApiError } from "@/api/errors";
import { Pagination } from "@/components/Pagination";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { useCanWrite } from "@/lib/session";
import { useIsNarrowScreen } from "@/lib/useMediaQuery";

import { BulkActions } from "./BulkActions";
import { CollectibleCardList } from "./CollectibleCardList";
import { CollectiblesTable } from "./CollectiblesTable";
import { ExportMenu } from "./ExportMenu";
import { FilterBar } from "./FilterBar";
import { ImportFilterChip } from "./ImportFilterChip";
import { isSelected, pageSelection, selectedCount, useBulkSelection } from "./bulkSelection";
import {
  SORT_CHOICES,
  exportParams,
  hasNarrowingFilters,
  narrowingParams,
  nextOrdering,
  orderingOfChoice,
  sortChoice,
  toListQuery,
} from "./filters";
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
  const narrow = useIsNarrowScreen();
  const rowSelection = canWrite
    ? {
        isSelected: (id: number) => isSelected(selection, id),
        page: pageState,
        onToggle: (id: number) => select({ type: "toggle", id, pageIds }),
        onTogglePage: () => select({ type: "togglePage", pageIds }),
      }
    : undefined;

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
        <div className={narrow ? "grid gap-3" : "grid gap-3 rounded-lg border bg-card p-2"}>
          {narrow ? (
            <>
              <div className="flex items-center gap-2">
                <Label htmlFor="list-sort" className="shrink-0">
                  Sort
                </Label>
                <div className="flex-1">
                  <NativeSelect id="list-sort" className="h-11" value={sortChoice(filters)} onChange={(event) => update({ ordering: orderingOfChoice(event.target.value) })}>
                    <LabelledOptions labels={SORT_CHOICES} />
                  </NativeSelect>
                </div>
              </div>
              <CollectibleCardList items={list.data?.results} busy={list.isFetching} selection={rowSelection} />
            </>
          ) : (
            <CollectiblesTable
              items={list.data?.results}
              filters={filters}
              busy={list.isFetching}
              onSort={(field) => update({ ordering: nextOrdering(filters, field) })}
              selection={rowSelection}
            />
          )}
          {list.data && (
            <div className={narrow ? undefined : "px-2 pb-2"}>
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
