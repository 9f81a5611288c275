import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Link, useLocation } from "react-router";

import type { CollectibleRecord } from "@/api/schemas";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatPrice } from "@/lib/format";
import { conditionLabels, gameLabels, languageLabels, marketRegionLabels } from "@/lib/vocabulary";

import { type CollectibleFilters, type ListViewState, type SortField, sortDirection } from "./filters";

const COLUMN_COUNT = 9;

/** Row selection for bulk edits (owners and editors only). */
export interface RowSelection {
  isSelected: (id: number) => boolean;
  page: "all" | "some" | "none";
  onToggle: (id: number) => void;
  onTogglePage: () => void;
}

function PageCheckbox({ selection }: { selection: RowSelection }) {
  return (
    <Checkbox
      aria-label="Select every item on this page"
      checked={selection.page === "all"}
      ref={(element) => {
        if (element) element.indeterminate = selection.page === "some";
      }}
      onChange={selection.onTogglePage}
    />
  );
}

function SortableHead({
  field,
  label,
  filters,
  onSort,
  className,
}: {
  field: SortField;
  label: string;
  filters: CollectibleFilters;
  onSort: (field: SortField) => void;
  className?: string;
}) {
  const direction = sortDirection(filters, field);
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <TableHead aria-sort={direction ?? "none"} className={className}>
      <button
        type="button"
        onClick={() => onSort(field)}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {label}
        <Icon aria-hidden className="size-3.5" />
        <span className="sr-only">
          {direction ? `, sorted ${direction}; click to reverse` : ", click to sort"}
        </span>
      </button>
    </TableHead>
  );
}

export function setAndNumber(item: CollectibleRecord): string {
  const card = item.card_details;
  if (!card) return "—";
  const set = card.set_code || card.set_name;
  return [set, card.card_number && `#${card.card_number}`].filter(Boolean).join(" ") || "—";
}

export function CollectiblesTable({
  items,
  filters,
  onSort,
  busy,
  selection,
}: {
  items: CollectibleRecord[] | undefined;
  filters: CollectibleFilters;
  onSort: (field: SortField) => void;
  busy: boolean;
  selection?: RowSelection | undefined;
}) {
  const columns = COLUMN_COUNT + (selection ? 1 : 0);
  // The detail page's "All collectibles" link brings back this exact view.
  const listView: ListViewState = { listSearch: useLocation().search };
  return (
    <Table aria-busy={busy} aria-label="Collectibles" className={busy && items ? "opacity-60 transition-opacity" : undefined}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {selection && (
            <TableHead className="w-8">
              <PageCheckbox selection={selection} />
            </TableHead>
          )}
          <SortableHead field="name" label="Name" filters={filters} onSort={onSort} />
          <TableHead>Game</TableHead>
          <TableHead>Set / number</TableHead>
          <TableHead>Language</TableHead>
          <TableHead>Region</TableHead>
          <TableHead>Condition</TableHead>
          <SortableHead field="quantity" label="Qty" filters={filters} onSort={onSort} className="text-right" />
          <SortableHead field="price" label="Price" filters={filters} onSort={onSort} className="text-right" />
          <SortableHead field="updated_at" label="Updated" filters={filters} onSort={onSort} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {items
          ? items.map((item) => (
              <TableRow key={item.id} data-state={selection?.isSelected(item.id) ? "selected" : undefined} className="data-[state=selected]:bg-muted">
                {selection && (
                  <TableCell>
                    <Checkbox
                      aria-label={`Select ${item.name}`}
                      checked={selection.isSelected(item.id)}
                      onChange={() => selection.onToggle(item.id)}
                    />
                  </TableCell>
                )}
                <TableCell className="max-w-72 truncate font-medium whitespace-normal">
                  <Link to={`/collectibles/${item.id}`} state={listView} className="rounded text-primary hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                    {item.name}
                  </Link>
                </TableCell>
                <TableCell>{item.card_details ? gameLabels[item.card_details.game] : "Sealed / other"}</TableCell>
                <TableCell>{setAndNumber(item)}</TableCell>
                <TableCell>
                  {item.card_details ? <abbr title={languageLabels[item.card_details.language]}>{item.card_details.language}</abbr> : "—"}
                </TableCell>
                <TableCell>
                  {item.card_details ? (
                    <abbr title={marketRegionLabels[item.card_details.market_region]}>{item.card_details.market_region}</abbr>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell>
                  <abbr title={conditionLabels[item.condition]}>{item.condition}</abbr>
                </TableCell>
                <TableCell className="text-right tabular-nums">{item.quantity}</TableCell>
                <TableCell className="text-right tabular-nums">{formatPrice(item.price, item.currency)}</TableCell>
                <TableCell className="text-muted-foreground">{formatDateTime(item.updated_at)}</TableCell>
              </TableRow>
            ))
          : Array.from({ length: 8 }, (_, row) => (
              <TableRow key={row} data-testid="skeleton-row">
                {Array.from({ length: columns }, (_, cell) => (
                  <TableCell key={cell}>
                    <Skeleton className="h-4 w-full min-w-8" />
                  </TableCell>
                ))}
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
