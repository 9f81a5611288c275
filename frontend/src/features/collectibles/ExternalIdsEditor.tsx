import { Plus, Trash2 } from "lucide-react";
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from "react-hook-form";

import { externalIdLimits } from "@/api/limits";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/FormField";
import { Input } from "@/components/ui/input";

import type { CollectibleFormValues } from "./collectibleForm";

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
      {fields.map((field, index) => (
          <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <FormField id={`external-id-${index}-key`} label={`Marketplace ${index + 1}`} hideLabel error={errors?.[index]?.key?.message}>
              <Input placeholder="Marketplace, e.g. tcgplayer" {...register(`external_ids.${index}.key`)} />
            </FormField>
            <FormField
              id={`external-id-${index}-value`}
              label={`Id on marketplace ${index + 1}`}
              hideLabel
              error={errors?.[index]?.value?.message}
            >
              <Input placeholder="Id, e.g. 83712" {...register(`external_ids.${index}.value`)} />
            </FormField>
            <Button variant="ghost" size="icon" onClick={() => remove(index)} aria-label={`Remove marketplace id ${index + 1}`}>
              <Trash2 aria-hidden />
            </Button>
          </div>
      ))}
      {setError && (
        <p id="external-ids-error" className="text-sm text-destructive">
          {setError}
        </p>
      )}
      <Button
        variant="outline"
        size="sm"
        className="w-fit"
        disabled={fields.length >= externalIdLimits.maxIds}
        onClick={() => append({ key: "", value: "", numeric: false }, { shouldFocus: true })}
      >
        <Plus aria-hidden />
        Add marketplace id
      </Button>
    </fieldset>
  );
}
