import { useInfiniteQuery } from "@tanstack/react-query";

import type { HistoryEntryRecord } from "@/api/schemas";
import { LoadError } from "@/components/LoadError";
import { LoadMore } from "@/components/LoadMore";
import { Skeleton } from "@/components/ui/skeleton";
import { fieldLabel, formatFieldValue } from "@/lib/fieldValues";
import { formatDateTime } from "@/lib/format";

import { historyOptions } from "./queries";

function Changes({ changes }: { changes: HistoryEntryRecord["changes"] }) {
  return (
    <ul className="grid gap-1 text-sm">
      {changes.map((change) => (
        <li key={change.field} className="flex flex-wrap gap-x-2">
          <span className="font-medium">{fieldLabel(change.field)}:</span>
          <span className="text-muted-foreground line-through decoration-muted-foreground/50">
            {formatFieldValue(change.field, change.old)}
          </span>
          <span aria-hidden>→</span>
          <span className="sr-only">changed to</span>
          <span>{formatFieldValue(change.field, change.new)}</span>
        </li>
      ))}
    </ul>
  );
}

function Entry({ entry }: { entry: HistoryEntryRecord }) {
  // A create or delete lists every field; updates are short enough to show at once.
  const long = entry.action !== "updated" && entry.changes.length > 3;
  return (
    <li className="grid gap-2 border-b p-3 last:border-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{entry.label}</h3>
        <p className="text-sm text-muted-foreground">
          {entry.user ? entry.user.username : "System"} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        </p>
      </div>
      {entry.changes.length > 0 &&
        (long ? (
          <details>
            <summary className="cursor-pointer text-sm text-muted-foreground">Show the {entry.changes.length} fields</summary>
            <div className="mt-2">
              <Changes changes={entry.changes} />
            </div>
          </details>
        ) : (
          <Changes changes={entry.changes} />
        ))}
    </li>
  );
}

/** Who changed what and when, newest first, a page at a time. */
export function HistoryTab({ id }: { id: number }) {
  const history = useInfiniteQuery(historyOptions(id));
  if (history.isError) {
    return (
      <LoadError title="The history could not be loaded." error={history.error} onRetry={() => void history.refetch()} />
    );
  }
  if (!history.data) return <Skeleton className="h-40 w-full" aria-label="Loading history" />;

  const entries = history.data.pages.flatMap((page) => page.results);
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No changes recorded yet.</p>;
  return (
    <div className="grid gap-3 rounded-lg border bg-card p-2">
      <ol aria-label="Change history" className="grid">
        {entries.map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
      </ol>
      <LoadMore query={history} />
    </div>
  );
}
