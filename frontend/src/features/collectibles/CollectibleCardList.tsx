import { PackageOpen } from "lucide-react";
import { Link, useLocation } from "react-router";

import type { CollectibleRecord } from "@/api/schemas";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { formatPrice } from "@/lib/format";
import { cn } from "@/lib/utils";
import { conditionLabels } from "@/lib/vocabulary";

import { type RowSelection, setAndNumber } from "./CollectiblesTable";
import type { ListViewState } from "./filters";

function Thumbnail({ item }: { item: CollectibleRecord }) {
  return (
    <div className="grid size-14 shrink-0 place-items-center overflow-hidden rounded-md border bg-muted text-muted-foreground">
      {item.image ? (
        <img src={item.image} alt="" loading="lazy" className="size-full object-cover" />
      ) : (
        <PackageOpen aria-hidden className="size-6" />
      )}
    </div>
  );
}

/**
 * The list on a phone: one compact card per item (picture, name, set and
 * number, condition, quantity, price), the whole card a link to the item and a
 * tall enough target for a thumb. Sorting and paging stay in the controls
 * around it; selection for bulk edits keeps its checkbox.
 */
export function CollectibleCardList({
  items,
  busy,
  selection,
}: {
  items: CollectibleRecord[] | undefined;
  busy: boolean;
  selection?: RowSelection | undefined;
}) {
  const listView: ListViewState = { listSearch: useLocation().search };
  if (!items) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Loading collectibles">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-20 w-full" />
        ))}
      </div>
    );
  }
  return (
    <ul aria-label="Collectibles" aria-busy={busy} className={cn("grid gap-2", busy && "opacity-60 transition-opacity")}>
      {items.map((item) => (
        <li key={item.id} className="relative flex items-center gap-3 rounded-lg border bg-card p-2 data-[state=selected]:bg-muted" data-state={selection?.isSelected(item.id) ? "selected" : undefined}>
          {selection && (
            <Checkbox
              aria-label={`Select ${item.name}`}
              className="relative z-10 size-5"
              checked={selection.isSelected(item.id)}
              onChange={() => selection.onToggle(item.id)}
            />
          )}
          <Thumbnail item={item} />
          <div className="grid min-w-0 flex-1 gap-0.5">
            <Link
              to={`/collectibles/${item.id}`}
              state={listView}
              className="truncate font-medium text-primary after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-ring"
            >
              {item.name}
            </Link>
            <span className="truncate text-sm text-muted-foreground">{setAndNumber(item)}</span>
            <span className="text-sm">
              <abbr title={conditionLabels[item.condition]}>{item.condition}</abbr>
              <span aria-hidden> · </span>
              <span className="tabular-nums">Qty {item.quantity}</span>
            </span>
          </div>
          <span className="shrink-0 self-start font-medium tabular-nums">{formatPrice(item.price, item.currency)}</span>
        </li>
      ))}
    </ul>
  );
}
