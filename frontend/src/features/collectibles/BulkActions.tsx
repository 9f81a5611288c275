import { Trash2, X } from "lucide-react";
import { useState } from "react";

import { bulkRejection } from "@/api/collectibles";
import { ApiError, errorMessages } from "@/api/errors";
import type { BulkChanges, Condition } from "@/api/types";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { plural } from "@/lib/format";
import { conditionLabels } from "@/lib/vocabulary";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

import { type Selection, bulkTarget, selectedCount } from "./bulkSelection";
import { priceSchema, quantitySchema } from "./collectibleForm";
import { useBulkEdit } from "./queries";

type BulkKind = "price" | "quantity" | "condition" | "delete";


const titles: Record<BulkKind, (count: number) => string> = {
  price: (count) => `Set the price of ${plural(count, "item")}`,
  quantity: (count) => `Set the quantity of ${plural(count, "item")}`,
  condition: (count) => `Set the condition of ${plural(count, "item")}`,
  delete: (count) => `Delete ${plural(count, "item")}?`,
};

const consequences: Record<BulkKind, string> = {
  price: "Each item keeps its own currency.",
  quantity: "Each change of quantity is recorded as a stock correction.",
  condition: "",
  delete: "They are removed for good; their history and stock movements are kept.",
};

/** The value a dialog asks for, checked with the same rules as the edit form; null when it is fine. */
function problemWith(kind: BulkKind, value: string): string | null {
  const schema = kind === "price" ? priceSchema : kind === "quantity" ? quantitySchema : null;
  const result = schema?.safeParse(value);
  return result && !result.success ? (result.error.issues[0]?.message ?? "Check this value.") : null;
}

function changesFor(kind: BulkKind, value: string): BulkChanges {
  if (kind === "price") return { price: value.trim() };
  if (kind === "quantity") return { quantity: Number(value.trim()) };
  return { condition: value as Condition };
}

function BulkError({ error }: { error: Error }) {
  const rejected = bulkRejection(error);
  const missing = rejected?.filter((result) => result.status === "not_found").map((result) => `#${result.id}`);
  return (
    <div role="alert" className="grid gap-1 text-sm text-destructive">
      {(error instanceof ApiError ? errorMessages(error) : [error.message]).map((message) => (
        <p key={message}>{message}</p>
      ))}
      {missing && missing.length > 0 && <p>Not found (deleted meanwhile, or not yours): {missing.join(", ")}</p>}
    </div>
  );
}

/**
 * The bar over the list when rows are ticked: how many, "select all N
 * matching", and the bulk actions, each behind a dialog that says how many
 * items it changes.
 */
export function BulkActions({
  selection,
  matching,
  pageAllSelected,
  filters,
  onSelectAllMatching,
  onClear,
  onGone,
}: {
  selection: Selection;
  /** How many items the current filters match (all pages). */
  matching: number;
  pageAllSelected: boolean;
  /** The view's filters, for "all matching". */
  filters: Record<string, string>;
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** Ticked rows the API did not find (deleted meanwhile, or not the vendor's): to untick. */
  onGone: (ids: number[]) => void;
}) {
  const [kind, setKind] = useState<BulkKind | null>(null);
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const bulk = useBulkEdit();
  const dispatch = useAppDispatch();
  const count = selectedCount(selection, matching);
  const everything = selection.mode === "all";

  const open = (next: BulkKind) => {
    bulk.reset();
    setProblem(null);
    setValue(next === "condition" ? "NM" : "");
    setKind(next);
  };

  const confirm = () => {
    if (!kind) return;
    const invalid = problemWith(kind, value);
    setProblem(invalid);
    if (invalid) return;
    const target = bulkTarget(selection, filters);
    const body = kind === "delete" ? { action: "delete" as const, ...target } : { action: "update" as const, ...target, changes: changesFor(kind, value) };
    bulk.mutate(body, {
      onSuccess: (result) => {
        setKind(null);
        onClear();
        dispatch(flashShown(result.action === "delete" ? `Deleted ${plural(result.count, "item")}.` : `Updated ${plural(result.count, "item")}.`));
      },
      onError: (error) => {
        const gone = bulkRejection(error)?.filter((result) => result.status === "not_found").map((result) => result.id) ?? [];
        if (gone.length === 0) return;
        if (selection.mode === "ids" && selection.ids.every((id) => gone.includes(id))) {
          // Nothing ticked is left, and this bar (with the dialog's message) goes with it.
          setKind(null);
          const what = selection.ids.length === 1 ? "the selected item was deleted meanwhile, or is not yours" : "the selected items were deleted meanwhile, or are not yours";
          dispatch(flashShown(`Nothing was changed: ${what}.`, "error"));
        }
        onGone(gone);
      },
    });
  };

  return (
    <section aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-lg border bg-accent/40 px-3 py-2 text-sm">
      <p aria-live="polite" className="font-medium">
        {everything ? `All ${plural(matching, "item")} matching these filters are selected.` : `${plural(count, "item")} selected.`}
      </p>
      {!everything && pageAllSelected && matching > count && (
        <Button variant="link" size="sm" onClick={onSelectAllMatching}>
          Select all {matching} matching items
        </Button>
      )}
      <div className="ml-auto flex flex-wrap gap-2">
        <Button variant="outline" size="sm" onClick={() => open("price")}>
          Set price
        </Button>
        <Button variant="outline" size="sm" onClick={() => open("quantity")}>
          Set quantity
        </Button>
        <Button variant="outline" size="sm" onClick={() => open("condition")}>
          Set condition
        </Button>
        <Button variant="destructive" size="sm" onClick={() => open("delete")}>
          <Trash2 aria-hidden />
          Delete
        </Button>
        <Button variant="ghost" size="sm" onClick={onClear}>
          <X aria-hidden />
          Clear selection
        </Button>
      </div>

      {kind && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : setKind(null))}
          title={titles[kind](count)}
          description={`${everything ? `This changes all ${plural(count, "item")} matching the current filters, on every page.` : `This changes the ${plural(count, "item")} you selected.`} ${consequences[kind]}`}
          confirmLabel={kind === "delete" ? `Delete ${plural(count, "item")}` : `Change ${plural(count, "item")}`}
          busy={bulk.isPending}
          busyLabel="Saving…"
          destructive={kind === "delete"}
          onConfirm={confirm}
        >
          {kind === "condition" ? (
            <FormField id="bulk-value" label="New condition">
              <NativeSelect value={value} onChange={(event) => setValue(event.target.value)}>
                <LabelledOptions labels={conditionLabels} />
              </NativeSelect>
            </FormField>
          ) : kind !== "delete" ? (
            <FormField id="bulk-value" label={kind === "price" ? "New price" : "New quantity"} error={problem ?? undefined}>
              <Input
                inputMode={kind === "price" ? "decimal" : "numeric"}
                placeholder={kind === "price" ? "0.00" : "0"}
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            </FormField>
          ) : null}
          {bulk.isError && <BulkError error={bulk.error} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
