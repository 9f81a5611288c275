import { Plus, Trash2 } from "lucide-react";
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

import { type CollectibleFormValues, MAX_EXTERNAL_IDS } from "./collectibleForm";

/**
 * Key/value rows for the marketplace ids. Empty and duplicate keys are refused
 * by the form's schema (collectibleForm.ts) before anything is sent.
 */
export function ExternalIdsEditor({
  control,
  register,
  errors,
}: {
  control: Control<CollectibleFormValues>;
  register: UseFormRegister<CollectibleFormValues>;
  errors: FieldErrors<CollectibleFormValues>["external_ids"];
}) {
  const { fields, append, remove } = useFieldArray({ control, name: "external_ids" });
  const setError = errors?.root?.message ?? errors?.message;

  return (
    <fieldset className="grid gap-3" aria-describedby={setError ? "external-ids-error" : undefined}>
      <legend className="sr-only">Marketplace ids</legend>
      {fields.length === 0 && <p className="text-sm text-muted-foreground">No marketplace ids yet.</p>}
      {fields.map((field, index) => {
        const keyError = errors?.[index]?.key?.message;
        const valueError = errors?.[index]?.value?.message;
        const keyId = `external-id-${index}-key`;
        const valueId = `external-id-${index}-value`;
        return (
          <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <div className="grid gap-1">
              <Label htmlFor={keyId} className="sr-only">
                Marketplace {index + 1}
              </Label>
              <Input
                id={keyId}
                placeholder="Marketplace, e.g. tcgplayer"
                aria-invalid={keyError ? true : undefined}
                aria-describedby={keyError ? `${keyId}-error` : undefined}
                {...register(`external_ids.${index}.key`)}
              />
              {keyError && (
                <p id={`${keyId}-error`} className="text-sm text-destructive">
                  {keyError}
                </p>
              )}
            </div>
            <div className="grid gap-1">
              <Label htmlFor={valueId} className="sr-only">
                Id on marketplace {index + 1}
              </Label>
              <Input
                id={valueId}
                placeholder="Id, e.g. 83712"
                aria-invalid={valueError ? true : undefined}
                aria-describedby={valueError ? `${valueId}-error` : undefined}
                {...register(`external_ids.${index}.value`)}
              />
              {valueError && (
                <p id={`${valueId}-error`} className="text-sm text-destructive">
                  {valueError}
                </p>
              )}
            </div>
            <Button variant="ghost" size="icon" onClick={() => remove(index)} aria-label={`Remove marketplace id ${index + 1}`}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        );
      })}
      {setError && (
        <p id="external-ids-error" className="text-sm text-destructive">
          {setError}
        </p>
      )}
      <Button
        variant="outline"
        size="sm"
        className="w-fit"
        disabled={fields.length >= MAX_EXTERNAL_IDS}
        onClick={() => append({ key: "", value: "", numeric: false }, { shouldFocus: true })}
      >
        <Plus aria-hidden />
        Add marketplace id
      </Button>
    </fieldset>
  );
}
