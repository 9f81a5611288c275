import { useEffect, useState } from "react";

import { plural } from "@/lib/format";

/**
 * The commit is one synchronous request (all rows in one transaction), so
 * there is no percentage to show: an indeterminate bar, what is being done
 * and for how long. The rest of the page stays usable meanwhile.
 */
export function CommitProgress({ rows, startedAt }: { rows: number; startedAt: number | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  const [shownAt] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - (startedAt ?? shownAt)) / 1000));
  return (
    <div className="grid gap-2">
      <div
        role="progressbar"
        aria-label="Committing the import"
        aria-valuetext={`Applying ${rows} rows, ${seconds} seconds so far`}
        className="relative h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="absolute inset-y-0 w-1/3 animate-indeterminate rounded-full bg-primary motion-reduce:w-full motion-reduce:animate-pulse" />
      </div>
      <p className="text-sm text-muted-foreground">
        Applying {plural(rows, "row")} in one transaction… {seconds} s. You can keep working: this page
        updates when it is done.
      </p>
    </div>
  );
}
