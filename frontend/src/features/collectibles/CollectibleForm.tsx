import { zodResolver } from "@hookform/resolvers/zod";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { type Path, useForm, useWatch } from "react-hook-form";
import { Link } from "react-router";

import { ApiError } from "@/api/errors";
import { limitsOf } from "@/api/limits";
import type { CollectibleRequest } from "@/api/types";
import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import {
  conditionLabels,
  finishLabels,
  gameLabels,
  gradingCompanyLabels,
  languageLabels,
  marketRegionLabels,
} from "@/lib/vocabulary";

import { ExternalIdsEditor } from "./ExternalIdsEditor";
import { type CollectibleFormValues, collectibleFormSchema, mapServerErrors, toRequest } from "./collectibleForm";

/** What of a refusal no input is about: shown above the form. */
const formMessages = (error: ApiError) => (error.fields ? mapServerErrors(error.fields).form : [error.message]);

export function CollectibleForm({
  defaultValues,
  submitLabel,
  cancelTo,
  onSubmit,
  notice,
  refusal,
}: {
  defaultValues: CollectibleFormValues;
  submitLabel: string;
  cancelTo: string;
  /** Resolves when saved; rejects with the API's error, which is mapped onto the inputs. */
  onSubmit: (body: CollectibleRequest, values: CollectibleFormValues) => Promise<unknown>;
  notice?: ReactNode;
  /** A refusal of these values by a save made outside the form (reapplying after a conflict), shown as the form opens. */
  refusal?: ApiError | undefined;
}) {
  const [formErrors, setFormErrors] = useState<string[]>(() => (refusal ? formMessages(refusal) : []));
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CollectibleFormValues>({
    resolver: zodResolver(collectibleFormSchema),
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const hasCardDetails = useWatch({ control, name: "hasCardDetails" });

  const showOnInputs = useCallback(
    (error: ApiError) => {
      mapServerErrors(error.fields ?? {}).fields.forEach(([path, message], index) => {
        setError(path as Path<CollectibleFormValues>, { type: "server", message }, { shouldFocus: index === 0 });
      });
    },
    [setError],
  );
  useEffect(() => {
    if (refusal) showOnInputs(refusal);
  }, [refusal, showOnInputs]);

  const submit = handleSubmit(async (values) => {
    setFormErrors([]);
    try {
      await onSubmit(toRequest(values), values);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showOnInputs(error);
      setFormErrors(formMessages(error));
    }
  });

  const card = errors.card_details;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
      {notice}
      {formErrors.length > 0 && (
        <Alert variant="destructive">
          <AlertTitle>The collectible was not saved.</AlertTitle>
          <AlertDescription>
            {formErrors.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </AlertDescription>
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Item</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField id="name" label="Name" error={errors.name?.message} className="sm:col-span-2">
            <Input autoComplete="off" {...register("name")} />
          </FormField>
          <FormField id="description" label="Description" error={errors.description?.message} className="sm:col-span-2">
            <Textarea {...register("description")} />
          </FormField>
          <FormField id="sku" label="SKU" hint="Your own stock code; unique in your shop." error={errors.sku?.message}>
            <Input autoComplete="off" {...register("sku")} />
          </FormField>
          <FormField id="condition" label="Condition" error={errors.condition?.message}>
            <NativeSelect {...register("condition")}>
              <LabelledOptions labels={conditionLabels} />
            </NativeSelect>
          </FormField>
          <FormField id="quantity" label="Quantity" error={errors.quantity?.message}>
            <Input inputMode="numeric" {...register("quantity")} />
          </FormField>
          <div className="grid grid-cols-[1fr_6rem] gap-2">
            <FormField id="price" label="Price" error={errors.price?.message}>
              <Input inputMode="decimal" placeholder="0.00" {...register("price")} />
            </FormField>
            <FormField id="currency" label="Currency" error={errors.currency?.message}>
              <Input className="uppercase" maxLength={limitsOf("CollectibleRequest", "currency").maxLength} autoComplete="off" {...register("currency")} />
            </FormField>
          </div>
          <FormField id="release_date" label="Release date" error={errors.release_date?.message}>
            <Input type="date" {...register("release_date")} />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Card details</CardTitle>
          <CardDescription>For single cards. Sealed product (boxes, packs) has none.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex items-center gap-2">
            <Checkbox id="hasCardDetails" {...register("hasCardDetails")} />
            <Label htmlFor="hasCardDetails">This item is a single card</Label>
          </div>
          {card?.root?.message && <p className="text-sm text-destructive">{card.root.message}</p>}
          {hasCardDetails && (
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <FormField id="card_details.game" label="Game" error={card?.game?.message}>
                <NativeSelect {...register("card_details.game")}>
                  <LabelledOptions labels={gameLabels} blank="Choose…" />
                </NativeSelect>
              </FormField>
              <FormField id="card_details.language" label="Card language" error={card?.language?.message}>
                <NativeSelect {...register("card_details.language")}>
                  <LabelledOptions labels={languageLabels} blank="Choose…" />
                </NativeSelect>
              </FormField>
              <FormField id="card_details.market_region" label="Market region" error={card?.market_region?.message}>
                <NativeSelect {...register("card_details.market_region")}>
                  <LabelledOptions labels={marketRegionLabels} blank="Choose…" />
                </NativeSelect>
              </FormField>
              <FormField id="card_details.set_name" label="Set name" error={card?.set_name?.message}>
                <Input {...register("card_details.set_name")} />
              </FormField>
              <FormField id="card_details.set_code" label="Set code" error={card?.set_code?.message}>
                <Input {...register("card_details.set_code")} />
              </FormField>
              <FormField id="card_details.card_number" label="Card number" error={card?.card_number?.message}>
                <Input {...register("card_details.card_number")} />
              </FormField>
              <FormField id="card_details.rarity" label="Rarity" error={card?.rarity?.message}>
                <Input {...register("card_details.rarity")} />
              </FormField>
              <FormField id="card_details.finish" label="Finish" error={card?.finish?.message}>
                <NativeSelect {...register("card_details.finish")}>
                  <LabelledOptions labels={finishLabels} />
                </NativeSelect>
              </FormField>
              <div className="grid grid-cols-2 gap-2">
                <FormField id="card_details.grading_company" label="Graded by" error={card?.grading_company?.message}>
                  <NativeSelect {...register("card_details.grading_company")}>
                    <LabelledOptions labels={gradingCompanyLabels} blank="Ungraded" />
                  </NativeSelect>
                </FormField>
                <FormField id="card_details.grade" label="Grade" error={card?.grade?.message}>
                  <Input inputMode="decimal" placeholder="e.g. 9.5" {...register("card_details.grade")} />
                </FormField>
              </div>
            </div>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Marketplace ids</CardTitle>
          <CardDescription>The item's ids on marketplaces such as TCGplayer or Cardmarket.</CardDescription>
        </CardHeader>
        <CardContent>
          <ExternalIdsEditor control={control} register={register} errors={errors.external_ids} />
        </CardContent>
      </Card>

      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
        <Button asChild variant="outline">
          <Link to={cancelTo}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
