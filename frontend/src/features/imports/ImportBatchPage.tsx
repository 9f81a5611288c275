import { useMutationState, useQuery } from "@tanstack/react-query";
import { ArrowLeft, Check, CircleCheck, PackageSearch } from "lucide-react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";

import { ApiError } from "@/api/errors";
import type { ImportBatchRecord } from "@/api/schemas";
import { LoadError } from "@/components/LoadError";
import { NotFound } from "@/components/NotFound";
import { Pagination } from "@/components/Pagination";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime, plural } from "@/lib/format";
import { DEFAULT_PAGE_SIZE, pageParams } from "@/lib/paging";
import { importKeys } from "@/lib/queryKeys";
import { parseRouteId } from "@/lib/routeId";
import { useCanWrite } from "@/lib/session";
import { cn } from "@/lib/utils";
import { importFormatLabels, importModeLabels, importOutcomeLabels } from "@/lib/vocabulary";

import { DiscardButton, RefusalDetails, RollbackButton } from "./BatchActions";
import { StatusBadge } from "./BatchList";
import { CommitProgress } from "./CommitProgress";
import { ImportRowsTable } from "./ImportRowsTable";
import { OUTCOME_FILTERS, type OutcomeFilter, canCommit, importStep, parseOutcome, previewSummary, resultSummary, rowsToApply } from "./importWizard";
import { importDetailOptions, importRowsOptions, useCommitImport } from "./queries";

const by = (who: ImportBatchRecord["created_by"], when: string | null) =>
  `${who?.username ?? "System"}${when ? `, ${formatDateTime(when)}` : ""}`;

/** The counts per outcome, which are also the filter of the rows table. */
function OutcomeFilterBar({ batch, value, onChange }: { batch: ImportBatchRecord; value: OutcomeFilter; onChange: (value: OutcomeFilter) => void }) {
  const count = (outcome: OutcomeFilter) => (outcome ? batch.counts[outcome] : batch.total_rows);
  return (
    <div role="group" aria-label="Show rows" className="flex flex-wrap gap-2">
      {OUTCOME_FILTERS.map((outcome) => (
        <Button
          key={outcome || "all"}
          size="sm"
          variant={value === outcome ? "default" : "outline"}
          aria-pressed={value === outcome}
          onClick={() => onChange(outcome)}
          className={cn(outcome === "error" && batch.counts.error > 0 && value !== "error" && "border-destructive/60 text-destructive")}
        >
          {outcome ? importOutcomeLabels[outcome] : "All rows"}{" "}
          <span className="tabular-nums">({count(outcome)})</span>
        </Button>
      ))}
    </div>
  );
}

function StepPanel({ batch }: { batch: ImportBatchRecord }) {
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const commit = useCommitImport(batch.id);
  // Found by key, so a commit started before leaving this page still shows when coming back.
  const running = useMutationState({
    filters: { mutationKey: importKeys.commit(batch.id), status: "pending" },
    select: (mutation) => mutation.state.submittedAt,
  });
  const step = importStep(batch, running.length > 0);
  const applying = rowsToApply(batch.counts);

  if (step === "rolled_back") {
    return (
      <Alert>
        <AlertTitle>Rolled back</AlertTitle>
        <AlertDescription>
          <p>
            {by(batch.rolled_back_by, batch.rolled_back_at)}. The inventory is as it was before this import; the items it
            created are gone and the items it updated have their earlier values again.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  if (step === "committed") {
    return (
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <CircleCheck aria-hidden className="size-5 text-success" />
            Import committed
          </CardTitle>
          <CardDescription>{by(batch.committed_by, batch.committed_at)}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <p>{resultSummary(batch.counts)}</p>
          <div className="flex flex-wrap gap-2">
            {applying > 0 && (
              <Button asChild>
                <Link to={`/collectibles?import_batch=${batch.id}`}>
                  <PackageSearch aria-hidden />
                  View the {applying === 1 ? "imported item" : `${applying} imported items`}
                </Link>
              </Button>
            )}
            {canWrite && <RollbackButton batch={batch} />}
          </div>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card aria-busy={step === "committing"}>
      <CardHeader>
        <CardTitle>{step === "committing" ? "Committing…" : "Preview: nothing has changed yet"}</CardTitle>
        <CardDescription>{previewSummary(batch.counts)}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {step === "committing" ? (
          <CommitProgress rows={applying} startedAt={running[0]} />
        ) : (
          <p className="text-sm">
            {canCommit(batch)
              ? `Committing applies the ${applying === 1 ? "row" : `${applying} rows`} to create or update in one transaction: all of them or none.${batch.counts.error ? " Rows with errors are skipped; fix them in the file and import it again." : ""}`
              : "Nothing to commit: every row is unchanged or has errors."}
          </p>
        )}
        {commit.isError && <RefusalDetails error={commit.error} outcome="Nothing was committed. Upload the file again to preview it against the current stock." />}
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => commit.mutate()} disabled={step === "committing" || !canCommit(batch)}>
              <Check aria-hidden />
              {step === "committing" ? "Committing…" : `Commit ${plural(applying, "row")}`}
            </Button>
            {step === "preview" && <DiscardButton batch={batch} onDiscarded={() => void navigate("/imports")} />}
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** `/imports/:id`: one batch — what was detected, what each row does, and the step it is at. */
export default function ImportBatchPage() {
  const id = parseRouteId(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const outcome = parseOutcome(searchParams.get("outcome"));
  const { page, page_size: pageSize } = pageParams(searchParams);
  const batch = useQuery({ ...importDetailOptions(id ?? 0), enabled: id !== null });
  const rows = useQuery({
    ...importRowsOptions(id ?? 0, { page, page_size: pageSize, ...(outcome ? { outcome } : {}) }),
    enabled: id !== null,
  });

  if (id === null || (batch.error instanceof ApiError && batch.error.status === 404)) {
    return <NotFound what="This import does not exist, was discarded, or belongs to another vendor." />;
  }
  if (batch.isError) return <LoadError title="The import could not be loaded." error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!batch.data) return <Skeleton className="h-96 w-full" aria-label="Loading import" />;

  const view = (change: { outcome?: OutcomeFilter; page?: number; page_size?: number }) => {
    const next = { outcome, page: 1, page_size: pageSize, ...change };
    const params = new URLSearchParams();
    if (next.outcome) params.set("outcome", next.outcome);
    if (next.page > 1) params.set("page", String(next.page));
    if (next.page_size !== DEFAULT_PAGE_SIZE) params.set("page_size", String(next.page_size));
    setSearchParams(params);
  };

  const data = batch.data;
  return (
    <div className="grid gap-4">
      <Link to="/imports" className="inline-flex w-fit items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        <ArrowLeft aria-hidden className="size-4" />
        All imports
      </Link>
      <div className="grid gap-1">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          Import #{data.id}: {data.filename}
          <StatusBadge status={data.status} />
        </h1>
        <p className="text-sm text-muted-foreground">
          Detected format: <strong className="text-foreground">{importFormatLabels[data.format]}</strong> · {data.encoding} ·{" "}
          {importModeLabels[data.mode].toLowerCase()} · {data.total_rows} rows · uploaded by {by(data.created_by, data.created_at)}
        </p>
      </div>

      <StepPanel batch={data} />

      <section aria-labelledby="rows-title" className="grid gap-3">
        <h2 id="rows-title" className="text-lg font-semibold">
          Rows
        </h2>
        <OutcomeFilterBar batch={data} value={outcome} onChange={(next) => view({ outcome: next })} />
        {rows.isError ? (
          <LoadError title="The rows could not be loaded." error={rows.error} onRetry={() => void rows.refetch()} />
        ) : rows.data?.count === 0 ? (
          <p className="text-sm text-muted-foreground">No rows {outcome ? `with the outcome “${importOutcomeLabels[outcome]}”` : "in this file"}.</p>
        ) : (
          <div className="grid gap-3 rounded-lg border bg-card p-2">
            <ImportRowsTable rows={rows.data?.results} busy={rows.isFetching} />
            {rows.data && (
              <div className="px-2 pb-2">
                <Pagination
                  page={page}
                  pageSize={pageSize}
                  count={rows.data.count}
                  onPage={(next) => view({ page: next })}
                  onPageSize={(next) => view({ page_size: next })}
                />
              </div>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
