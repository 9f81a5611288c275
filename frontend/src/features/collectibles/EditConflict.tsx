import { RotateCcw, Save, SquarePen } from "lucide-react";

import type { CollectibleRecord } from "@/api/schemas";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fieldLabel, formatFieldValue } from "@/lib/fieldValues";

import { type CollectibleFormValues, valuesFromRecord } from "./collectibleForm";
import { type FieldDiff, conflictDiff } from "./editConflict";

function Status({ diff }: { diff: FieldDiff }) {
  if (diff.clash) return <Badge variant="default">Both changed: yours replaces theirs</Badge>;
  if (diff.changedMeanwhile && diff.changedByMe) return <Badge variant="secondary">Both made the same change</Badge>;
  if (diff.changedMeanwhile) return <Badge variant="outline">Changed by someone else: kept</Badge>;
  return <Badge variant="secondary">Your change</Badge>;
}

/**
 * What the edit form shows when its save was refused (412): field by field,
 * the value the user loaded, the value now, and the user's edit; then the
 * choice to reapply the edits on top of the current version or drop them.
 */
export function EditConflict({
  loaded,
  current,
  mine,
  busy,
  onReapply,
  onEditMerged,
  onDiscard,
}: {
  /** The version the user opened the form with. */
  loaded: CollectibleRecord;
  /** The version that is saved now (from the 412). */
  current: CollectibleRecord;
  /** What the user tried to save. */
  mine: CollectibleFormValues;
  busy: boolean;
  onReapply: () => void;
  onEditMerged: () => void;
  onDiscard: () => void;
}) {
  const diffs = conflictDiff(valuesFromRecord(loaded), valuesFromRecord(current), mine);
  const theirs = diffs.filter((diff) => diff.changedMeanwhile).length;
  return (
    <section aria-labelledby="edit-conflict-title" className="grid gap-4">
      <Alert variant="destructive">
        <AlertTitle id="edit-conflict-title" role="heading" aria-level={2}>
          Someone else changed this item while you were editing it
        </AlertTitle>
        <AlertDescription>
          <p>
            Nothing was saved. {theirs === 1 ? "One field was" : `${theirs} fields were`} changed since you opened the
            form. Reapplying keeps their changes and puts yours on top; where you both changed a field, your value
            replaces theirs.
          </p>
        </AlertDescription>
      </Alert>

      <div className="rounded-lg border bg-card p-2">
        <Table aria-label="Changes since you opened the form">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Field</TableHead>
              <TableHead>When you opened it</TableHead>
              <TableHead>Now</TableHead>
              <TableHead>Your edit</TableHead>
              <TableHead>
                <span className="sr-only">What reapplying does</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {diffs.map((diff) => (
              <TableRow key={diff.field}>
                <TableHead scope="row" className="text-foreground">
                  {fieldLabel(diff.field)}
                </TableHead>
                <TableCell className="whitespace-normal">{formatFieldValue(diff.field, diff.loaded)}</TableCell>
                <TableCell className="whitespace-normal">
                  {diff.changedMeanwhile ? <strong>{formatFieldValue(diff.field, diff.current)}</strong> : "unchanged"}
                </TableCell>
                <TableCell className="whitespace-normal">
                  {diff.changedByMe ? <strong>{formatFieldValue(diff.field, diff.mine)}</strong> : "not edited"}
                </TableCell>
                <TableCell>
                  <Status diff={diff} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <div className="flex flex-wrap gap-2">
        <Button onClick={onReapply} disabled={busy}>
          <Save aria-hidden />
          {busy ? "Saving…" : "Reapply my changes"}
        </Button>
        <Button variant="outline" onClick={onEditMerged} disabled={busy}>
          <SquarePen aria-hidden />
          Review in the form
        </Button>
        <Button variant="outline" onClick={onDiscard} disabled={busy}>
          <RotateCcw aria-hidden />
          Discard my changes
        </Button>
      </div>
    </section>
  );
}
