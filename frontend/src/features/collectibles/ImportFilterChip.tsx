import { PackageOpen, X } from "lucide-react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";

/** Says the list shows only one import's items (the import result's link), with a way out. */
export function ImportFilterChip({ batch, onDismiss }: { batch: number; onDismiss: () => void }) {
  return (
    <div className="flex w-fit items-center gap-2 rounded-full border bg-accent/50 py-1 pr-1 pl-3 text-sm">
      <PackageOpen aria-hidden className="size-4 text-primary" />
      <span>
        Showing items from{" "}
        <Link to={`/imports/${batch}`} className="font-medium text-primary hover:underline">
          import #{batch}
        </Link>
      </span>
      <Button variant="ghost" size="icon" className="size-6 rounded-full" aria-label={`Show all items, not only import #${batch}`} onClick={onDismiss}>
        <X aria-hidden />
      </Button>
    </div>
  );
}
