/**
 * The import wizard's states and the words it shows, derived from the batch
 * the API returns (its status and counts) and whether a commit is running:
 *
 *   upload ─▶ preview ─▶ committing ─▶ committed ─▶ rolled back
 *                 └─▶ discarded (the batch is gone)
 */
import { z } from "@/lib/zod";

import type { ImportBatchRecord, ImportRowRecord } from "@/api/schemas";
import type { ImportOutcome } from "@/api/types";
import { fieldLabel, formatFieldValue } from "@/lib/fieldValues";
import { plural } from "@/lib/format";
import { conditionLabels } from "@/lib/vocabulary";

export type ImportStep = "preview" | "committing" | "committed" | "rolled_back";

export function importStep(batch: Pick<ImportBatchRecord, "status">, committing: boolean): ImportStep {
  if (batch.status === "preview") return committing ? "committing" : "preview";
  return batch.status;
}

type Counts = ImportBatchRecord["counts"];

/** Rows a commit applies: creates and updates (unchanged rows need nothing, error rows are skipped). */
export const rowsToApply = (counts: Counts) => counts.create + counts.update;

export const canCommit = (batch: ImportBatchRecord) => batch.status === "preview" && rowsToApply(batch.counts) > 0;

/** The preview in one line: "3 to create, 1 to update, 2 unchanged, 1 with errors". */
export function previewSummary(counts: Counts): string {
  return `${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged, ${counts.error} with errors`;
}

/** What a commit did, in words. */
export function resultSummary(counts: Counts): string {
  const parts = [`Created ${plural(counts.create, "item")} and updated ${plural(counts.update, "item")}.`];
  if (counts.unchanged) parts.push(`${plural(counts.unchanged, "row")} matched items that were already up to date.`);
  if (counts.error) parts.push(`${plural(counts.error, "row")} with errors ${counts.error === 1 ? "was" : "were"} skipped.`);
  return parts.join(" ");
}

export const OUTCOME_FILTERS = ["", "create", "update", "unchanged", "error"] as const satisfies readonly (ImportOutcome | "")[];
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

export function parseOutcome(value: string | null): OutcomeFilter {
  return OUTCOME_FILTERS.find((outcome) => outcome === value) ?? "";
}

// What a row will write (`data`); only read for display, so every part is optional.
const rowDataSchema = z.object({
  fields: z
    .object({
      name: z.string(),
      quantity: z.number(),
      price: z.string(),
      currency: z.string(),
      condition: z.string(),
    })
    .partial()
    .optional(),
  card_details: z.object({ set_name: z.string(), set_code: z.string(), card_number: z.string() }).partial().nullish(),
});

/** A name for the row: the item's name as it will be written, else the file's name column. */
export function rowName(row: ImportRowRecord): string {
  const data = rowDataSchema.safeParse(row.data);
  const name = data.success ? data.data.fields?.name : undefined;
  if (name) return name;
  const raw = Object.entries(row.raw).find(([column]) => /^(name|product name)$/i.test(column.trim()));
  return raw?.[1] || "—";
}

export type RowDetail =
  | { kind: "errors"; lines: { column: string; message: string }[] }
  | { kind: "changes"; lines: { field: string; old: string; new: string }[] }
  | { kind: "summary"; text: string };

/** What the rows table says about a row: its errors, its changes, or what it creates. */
export function rowDetail(row: ImportRowRecord): RowDetail {
  if (row.outcome === "error") {
    return {
      kind: "errors",
      lines: Object.entries(row.errors).flatMap(([column, messages]) =>
        messages.map((message) => ({ column: fieldLabel(column), message })),
      ),
    };
  }
  if (row.outcome === "update") {
    return {
      kind: "changes",
      lines: Object.entries(row.changes).map(([field, [before, after]]) => ({
        field: fieldLabel(field),
        old: formatFieldValue(field, before),
        new: formatFieldValue(field, after),
      })),
    };
  }
  if (row.outcome === "unchanged") return { kind: "summary", text: "Already up to date." };
  const data = rowDataSchema.safeParse(row.data);
  if (!data.success) return { kind: "summary", text: "New item." };
  const { fields = {}, card_details: card } = data.data;
  const condition = fields.condition && fields.condition in conditionLabels ? conditionLabels[fields.condition as keyof typeof conditionLabels] : fields.condition;
  const set = card ? [card.set_code || card.set_name, card.card_number && `#${card.card_number}`].filter(Boolean).join(" ") : "";
  const amount = [fields.quantity !== undefined && `${fields.quantity} ×`, condition].filter(Boolean).join(" ");
  const price = fields.price && `${fields.price} ${fields.currency ?? ""}`.trim();
  return { kind: "summary", text: [amount, price, set].filter(Boolean).join(" · ") || "New item." };
}
