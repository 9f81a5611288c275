import { Minus, Plus } from "lucide-react";
import { type SubmitEvent, useState } from "react";

import { stockShortage } from "@/api/stock";
import type { MovementReason } from "@/api/types";
import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { movementReasonLabels } from "@/lib/vocabulary";

import { useAdjustStock } from "./queries";
import { MANUAL_REASONS, NOTE_MAX_LENGTH, adjustmentLabel, defaultReason, formatDelta, parseDelta, stepDelta } from "./stockAdjustment";

/**
 * The quick ± control: a signed change, a reason and an optional note, applied
 * atomically by the API. A removal of more than is in stock is refused (409)
 * and said here, with the quantity in stock now.
 */
export function AdjustStockForm({ id }: { id: number }) {
  const [deltaText, setDeltaText] = useState("-1");
  const [chosenReason, setChosenReason] = useState<MovementReason | null>(null);
  const [note, setNote] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const adjust = useAdjustStock(id);

  const { delta } = parseDelta(deltaText);
  const reason = chosenReason ?? defaultReason(delta);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseDelta(deltaText);
    setInvalid(parsed.error ?? null);
    if (parsed.delta === undefined) return;
    adjust.mutate(
      { delta: parsed.delta, reason, note: note.trim() },
      {
        onSuccess: () => {
          setNote("");
          setChosenReason(null);
        },
      },
    );
  };

  const edit = (next: string) => {
    setDeltaText(next);
    setInvalid(null);
    adjust.reset();
  };

  const shortage = adjust.isError ? stockShortage(adjust.error) : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Adjust stock" className="grid gap-3 rounded-lg border bg-card p-4">
      <div className="grid gap-3 sm:grid-cols-[auto_12rem_1fr_auto] sm:items-start">
        <FormField
          id="stock-delta"
          label="Change by"
          error={invalid ?? undefined}
          hint="Negative removes stock."
          before={
            <Button variant="outline" size="icon" className="size-11 sm:size-9" aria-label="One less" onClick={() => edit(stepDelta(deltaText, -1))}>
              <Minus aria-hidden />
            </Button>
          }
          after={
            <Button variant="outline" size="icon" className="size-11 sm:size-9" aria-label="One more" onClick={() => edit(stepDelta(deltaText, 1))}>
              <Plus aria-hidden />
            </Button>
          }
        >
          <Input
            inputMode="numeric"
            className="h-11 w-20 text-center tabular-nums sm:h-9"
            value={deltaText}
            onChange={(event) => edit(event.target.value)}
          />
        </FormField>
        <FormField id="stock-reason" label="Reason">
          <NativeSelect value={reason} onChange={(event) => setChosenReason(event.target.value as MovementReason)}>
            <LabelledOptions labels={movementReasonLabels} only={MANUAL_REASONS} />
          </NativeSelect>
        </FormField>
        <FormField id="stock-note" label="Note (optional)">
          <Input maxLength={NOTE_MAX_LENGTH} placeholder="e.g. order number" value={note} onChange={(event) => setNote(event.target.value)} />
        </FormField>
        <Button type="submit" disabled={adjust.isPending} className="h-11 w-full min-w-28 sm:mt-6 sm:h-9 sm:w-auto">
          {adjust.isPending ? "Saving…" : adjustmentLabel(delta)}
        </Button>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {adjust.isSuccess && (
          <p className="text-sm">
            {formatDelta(adjust.data.delta)} ({movementReasonLabels[adjust.data.reason]}): {adjust.data.quantity_after} in stock now.
          </p>
        )}
      </div>
      {adjust.isError && (
        <Alert variant="destructive">
          <AlertDescription>
            <p>{shortage ? `${shortage.detail} Nothing was changed.` : adjust.error.message}</p>
          </AlertDescription>
        </Alert>
      )}
    </form>
  );
}
