import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { LoadError } from "@/components/LoadError";
import { LoadMore } from "@/components/LoadMore";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { movementReasonLabels } from "@/lib/vocabulary";

import { AdjustStockForm } from "./AdjustStockForm";
import { movementsOptions } from "./queries";
import { formatDelta } from "./stockAdjustment";

/** The item's stock movements, newest first; owners and editors also get the ± control. */
export function StockTab({ id, canAdjust }: { id: number; canAdjust: boolean }) {
  const movements = useInfiniteQuery(movementsOptions(id));
  const rows = movements.data?.pages.flatMap((page) => page.results) ?? [];

  return (
    <div className="grid gap-4">
      {canAdjust && <AdjustStockForm id={id} />}
      {movements.isError ? (
        <LoadError title="The stock movements could not be loaded." error={movements.error} onRetry={() => void movements.refetch()} />
      ) : !movements.data ? (
        <Skeleton className="h-40 w-full" aria-label="Loading stock movements" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No stock movements yet.</p>
      ) : (
        <div className="grid gap-3 rounded-lg border bg-card p-2">
          <Table aria-label="Stock movements">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>When</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead className="text-right">Change</TableHead>
                <TableHead className="text-right">In stock after</TableHead>
                <TableHead>By</TableHead>
                <TableHead>Note</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((movement) => (
                <TableRow key={movement.id}>
                  <TableCell>
                    <time dateTime={movement.created_at}>{formatDateTime(movement.created_at)}</time>
                  </TableCell>
                  <TableCell>
                    {movement.import_batch ? (
                      <Link to={`/imports/${movement.import_batch}`} className="text-primary hover:underline">
                        {movementReasonLabels[movement.reason]} #{movement.import_batch}
                      </Link>
                    ) : (
                      movementReasonLabels[movement.reason]
                    )}
                  </TableCell>
                  <TableCell className="text-right font-medium tabular-nums">{formatDelta(movement.delta)}</TableCell>
                  <TableCell className="text-right tabular-nums">{movement.quantity_after}</TableCell>
                  <TableCell>{movement.user?.username ?? "System"}</TableCell>
                  <TableCell className="max-w-64 truncate whitespace-normal text-muted-foreground">{movement.note || "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LoadMore query={movements} />
        </div>
      )}
    </div>
  );
}
