import { Trash2, Undo2 } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";

import { importConflicts } from "@/api/imports";
import type { ImportBatchRecord } from "@/api/schemas";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/format";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

import { useDiscardImport, useRollbackImport } from "./queries";

/** Why a commit, rollback or discard was refused: the API's message and, for a 409, each line and reason. */
export function RefusalDetails({ error, outcome }: { error: Error; outcome: string }) {
  const conflicts = importConflicts(error);
  return (
    <div role="alert" className="grid gap-2 text-sm text-destructive">
      <p>{error.message}</p>
      {conflicts && conflicts.length > 0 && (
        <ul className="grid max-h-48 list-disc gap-1 overflow-y-auto pl-5">
          {conflicts.map((conflict) => (
            <li key={`${conflict.line}-${conflict.collectible ?? ""}`}>
              Line {conflict.line}
              {conflict.collectible !== null && (
                <>
                  {" "}
                  (
                  <Link to={`/collectibles/${conflict.collectible}`} className="underline">
                    {conflict.name ?? `item #${conflict.collectible}`}
                  </Link>
                  )
                </>
              )}
              : {conflict.reason}
            </li>
          ))}
        </ul>
      )}
      <p>{outcome}</p>
    </div>
  );
}


/** Roll back a committed import, after a confirmation; a 409 lists the items changed since. */
export function RollbackButton({ batch, size = "default" }: { batch: ImportBatchRecord; size?: "default" | "sm" }) {
  const [open, setOpen] = useState(false);
  const rollback = useRollbackImport(batch.id);
  const dispatch = useAppDispatch();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        rollback.reset();
        setOpen(next);
      }}
      trigger={
        <Button variant="outline" size={size} aria-label={`Roll back import #${batch.id}`}>
          <Undo2 aria-hidden />
          Roll back
        </Button>
      }
      title={`Roll back import #${batch.id}?`}
      description={`The inventory goes back to how it was before this import: the ${plural(batch.counts.create, "item")} it created are deleted and the ${plural(batch.counts.update, "item")} it updated get their previous values back. If any of them changed since the import, nothing is rolled back.`}
      confirmLabel="Roll back"
      busy={rollback.isPending}
      busyLabel="Rolling back…"
      onConfirm={() =>
        rollback.mutate(undefined, {
          onSuccess: () => {
            setOpen(false);
            dispatch(flashShown(`Import #${batch.id} rolled back.`));
          },
        })
      }
    >
      {rollback.isError && <RefusalDetails error={rollback.error} outcome="Nothing was rolled back." />}
    </ConfirmDialog>
  );
}

/** Throw away a preview that was not committed (the inventory never saw it). */
export function DiscardButton({
  batch,
  size = "default",
  onDiscarded,
}: {
  batch: ImportBatchRecord;
  size?: "default" | "sm";
  onDiscarded?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const discard = useDiscardImport(batch.id);
  const dispatch = useAppDispatch();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="outline" size={size} aria-label={`Discard import #${batch.id}`}>
          <Trash2 aria-hidden />
          Discard
        </Button>
      }
      title={`Discard the preview of import #${batch.id}?`}
      description="Nothing in the inventory changes: the preview of this file and its rows are deleted."
      confirmLabel="Discard"
      busy={discard.isPending}
      busyLabel="Discarding…"
      onConfirm={() =>
        discard.mutate(undefined, {
          onSuccess: () => {
            setOpen(false);
            dispatch(flashShown(`Discarded the preview of ${batch.filename}.`));
            onDiscarded?.();
          },
        })
      }
    >
      {discard.isError && <RefusalDetails error={discard.error} outcome="Nothing was discarded." />}
    </ConfirmDialog>
  );
}
