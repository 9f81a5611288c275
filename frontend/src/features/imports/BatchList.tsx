import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

import type { ImportBatchRecord } from "@/api/schemas";
import { LoadError } from "@/components/LoadError";
import { Pagination } from "@/components/Pagination";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { importFormatLabels, importStatusLabels } from "@/lib/vocabulary";

import { DiscardButton, RollbackButton } from "./BatchActions";
import { BATCHES_PAGE_SIZE, importListOptions } from "./queries";

const statusVariant = { preview: "secondary", committed: "default", rolled_back: "outline" } as const;

export function StatusBadge({ status }: { status: ImportBatchRecord["status"] }) {
  return <Badge variant={statusVariant[status]}>{importStatusLabels[status]}</Badge>;
}

/** Who did the batch's last step, and when. */
function lastStep(batch: ImportBatchRecord): string {
  const [who, when] =
    batch.status === "rolled_back"
      ? [batch.rolled_back_by, batch.rolled_back_at]
      : batch.status === "committed"
        ? [batch.committed_by, batch.committed_at]
        : [batch.created_by, batch.created_at];
  return `${who?.username ?? "System"}, ${when ? formatDateTime(when) : "—"}`;
}

/** The vendor's import batches, newest first, with what each did and the actions its state allows. */
export function BatchList({ canWrite }: { canWrite: boolean }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(BATCHES_PAGE_SIZE);
  const batches = useQuery(importListOptions(page, pageSize));

  if (batches.isError) {
    return <LoadError title="The imports could not be loaded." error={batches.error} onRetry={() => void batches.refetch()} />;
  }
  if (!batches.data) return <Skeleton className="h-40 w-full" aria-label="Loading imports" />;
  if (batches.data.count === 0) return <p className="text-sm text-muted-foreground">No imports yet.</p>;
  return (
    <div className="grid gap-3 rounded-lg border bg-card p-2">
      <Table aria-label="Import batches" aria-busy={batches.isFetching}>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Import</TableHead>
            <TableHead>Format</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Rows</TableHead>
            <TableHead>Last step</TableHead>
            {canWrite && (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {batches.data.results.map((batch) => (
            <TableRow key={batch.id}>
              <TableCell className="max-w-72 truncate whitespace-normal">
                <Link to={`/imports/${batch.id}`} className="font-medium text-primary hover:underline">
                  #{batch.id} {batch.filename}
                </Link>
              </TableCell>
              <TableCell>{importFormatLabels[batch.format]}</TableCell>
              <TableCell>
                <StatusBadge status={batch.status} />
              </TableCell>
              <TableCell className="text-muted-foreground tabular-nums">
                {batch.counts.create} new · {batch.counts.update} updated · {batch.counts.unchanged} unchanged ·{" "}
                {batch.counts.error} errors
              </TableCell>
              <TableCell className="text-muted-foreground">{lastStep(batch)}</TableCell>
              {canWrite && (
                <TableCell className="text-right">
                  {batch.status === "committed" && <RollbackButton batch={batch} size="sm" />}
                  {batch.status === "preview" && <DiscardButton batch={batch} size="sm" />}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="px-2 pb-2">
        <Pagination
          page={page}
          pageSize={pageSize}
          count={batches.data.count}
          onPage={setPage}
          onPageSize={(size) => {
            setPageSize(size);
            setPage(1);
          }}
        />
      </div>
    </div>
  );
}
