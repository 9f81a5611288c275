/**
 * The create/edit form's values, its client-side rules (the API's rules from
 * docs/api.md, checked before a request is sent), and the conversions between
 * form values, the API record and the API request.
 */
import { z } from "@/lib/zod";

import type { FieldErrors } from "@/api/errors";
import {
  conditionEnumValues,
  finishEnumValues,
  gameEnumValues,
  gradingCompanyEnumValues,
  languageEnumValues,
  marketRegionEnumValues,
} from "@/api/generated/schema";
import { type FieldLimits, externalIdLimits, limitsOf } from "@/api/limits";
import type { CollectibleRecord, ExternalIds } from "@/api/schemas";
import type { CollectibleRequest } from "@/api/types";

// The bounds come from the contract (api/limits.ts), not typed again here.
const MAX_QUANTITY = limitsOf("CollectibleRequest", "quantity").maximum ?? Number.MAX_SAFE_INTEGER;

/** One row of the external ids editor. `numeric` remembers that the stored id was a number. */
export interface ExternalIdRow {
  key: string;
  value: string;
  numeric: boolean;
}

/** Text within the field's contract limit, when it has one. */
function text({ maxLength }: FieldLimits, rule = z.string()) {
  return maxLength === undefined ? rule : rule.max(maxLength, `At most ${maxLength} characters.`);
}
const item = (field: keyof CollectibleRequest) => limitsOf("CollectibleRequest", field);
const card = (field: "set_name" | "set_code" | "card_number" | "rarity") => text(limitsOf("CardDetailsRequest", field));
const optionalChoice = <T extends string>(values: readonly T[]) => z.union([z.enum(values), z.literal("")]);

function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  // Where the browser knows the ISO 4217 list, use it; else the shape must do.
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : null;
  return known === null || known.includes(code);
}

/** The API's rules for a quantity and a price, typed into a text input (also used by bulk edit). */
export const quantitySchema = z
  .string()
  .trim()
  .regex(/^\d+$/, "Enter a whole number, 0 or more.")
  .refine((value) => Number(value) <= MAX_QUANTITY, "That quantity is too large.");

export const priceSchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, "Enter a price of 0 or more with at most 2 decimals, e.g. 12.50.");

export const collectibleFormSchema = z
  .object({
    name: text(item("name"), z.string().trim().min(1, "Enter a name.")),
    description: text(item("description")),
    sku: text(item("sku")),
    condition: z.enum(conditionEnumValues),
    quantity: quantitySchema,
    price: priceSchema,
    currency: z
      .string()
      .trim()
      .refine((value) => isCurrencyCode(value.toUpperCase()), "Enter an ISO 4217 currency code, e.g. USD or EUR."),
    release_date: z.union([z.iso.date("Enter a valid date."), z.literal("")]),
    hasCardDetails: z.boolean(),
    card_details: z.object({
      game: optionalChoice(gameEnumValues),
      set_name: card("set_name"),
      set_code: card("set_code"),
      card_number: card("card_number"),
      rarity: card("rarity"),
      language: optionalChoice(languageEnumValues),
      market_region: optionalChoice(marketRegionEnumValues),
      finish: z.enum(finishEnumValues),
      grading_company: optionalChoice(gradingCompanyEnumValues),
      grade: z.string().trim(),
    }),
    external_ids: z.array(z.object({ key: z.string(), value: z.string(), numeric: z.boolean() })),
  })
  .superRefine((values, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

    if (values.hasCardDetails) {
      const card = values.card_details;
      if (!card.game) issue(["card_details", "game"], "Choose the game.");
      if (!card.language) issue(["card_details", "language"], "Choose the card's language.");
      if (!card.market_region) issue(["card_details", "market_region"], "Choose the market region.");
      if (card.grade && !/^\d{1,2}(\.\d)?$/.test(card.grade)) {
        issue(["card_details", "grade"], "Enter a grade from 1.0 to 10.0 with at most one decimal.");
      } else if (card.grade && (Number(card.grade) < 1 || Number(card.grade) > 10)) {
        issue(["card_details", "grade"], "Enter a grade from 1.0 to 10.0.");
      } else if (card.grading_company && !card.grade) {
        issue(["card_details", "grade"], "A grade is required when a grading company is set.");
      } else if (card.grade && !card.grading_company) {
        issue(["card_details", "grading_company"], "A grade needs the grading company that gave it.");
      }
    }

    for (const [path, message] of Object.entries(externalIdsProblems(values.external_ids))) {
      issue(path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message);
    }
  });

export type CollectibleFormValues = z.input<typeof collectibleFormSchema>;

/**
 * What is wrong with the external ids rows, keyed by form path
 * (`external_ids.2.key`, or `external_ids.root` for the set as a whole).
 */
export function externalIdsProblems(rows: readonly ExternalIdRow[]): Record<string, string> {
  const problems: Record<string, string> = {};
  if (rows.length > externalIdLimits.maxIds) problems["external_ids.root"] = `At most ${externalIdLimits.maxIds} marketplace ids.`;
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (!key) problems[`external_ids.${index}.key`] = "Enter the marketplace name.";
    else if (key.length > externalIdLimits.maxKeyLength) problems[`external_ids.${index}.key`] = `At most ${externalIdLimits.maxKeyLength} characters.`;
    else if (seen.has(key)) problems[`external_ids.${index}.key`] = `“${key}” is already in the list.`;
    seen.add(key);
    const value = row.value.trim();
    if (!value) problems[`external_ids.${index}.value`] = "Enter the id.";
    else if (value.length > externalIdLimits.maxValueLength) problems[`external_ids.${index}.value`] = `At most ${externalIdLimits.maxValueLength} characters.`;
  });
  return problems;
}

const emptyCardDetails: CollectibleFormValues["card_details"] = {
  game: "",
  set_name: "",
  set_code: "",
  card_number: "",
  rarity: "",
  language: "",
  market_region: "",
  finish: "normal",
  grading_company: "",
  grade: "",
};

export function newCollectibleValues(currency: string): CollectibleFormValues {
  return {
    name: "",
    description: "",
    sku: "",
    condition: "NM",
    quantity: "1",
    price: "",
    currency,
    release_date: "",
    hasCardDetails: true,
    card_details: emptyCardDetails,
    external_ids: [],
  };
}

export function externalIdsToRows(ids: ExternalIds): ExternalIdRow[] {
  return Object.entries(ids).map(([key, value]) => ({ key, value: String(value), numeric: typeof value === "number" }));
}

export function valuesFromRecord(item: CollectibleRecord): CollectibleFormValues {
  const card = item.card_details;
  return {
    name: item.name,
    description: item.description,
    sku: item.sku,
    condition: item.condition,
    quantity: String(item.quantity),
    price: item.price,
    currency: item.currency,
    release_date: item.release_date ?? "",
    hasCardDetails: card !== null,
    card_details: card
      ? { ...card, grading_company: card.grading_company ?? "", grade: card.grade ?? "" }
      : emptyCardDetails,
    external_ids: externalIdsToRows(item.external_ids),
  };
}

export function rowsToExternalIds(rows: readonly ExternalIdRow[]): ExternalIds {
  return Object.fromEntries(
    rows.map((row) => {
      const value = row.value.trim();
      // Ids that were numbers stay numbers while they still read as one.
      const keepNumber = row.numeric && value !== "" && String(Number(value)) === value;
      return [row.key.trim(), keepNumber ? Number(value) : value];
    }),
  );
}

/** The request body for valid form values (PUT replaces everything, so everything is sent). */
export function toRequest(values: CollectibleFormValues): CollectibleRequest {
  const card = values.card_details;
  return {
    name: values.name.trim(),
    description: values.description,
    sku: values.sku.trim(),
    condition: values.condition,
    quantity: Number(values.quantity),
    price: values.price.trim(),
    currency: values.currency.trim().toUpperCase(),
    release_date: values.release_date || null,
    external_ids: rowsToExternalIds(values.external_ids),
    // The schema made game, language and region required; the fallbacks only satisfy the types.
    card_details: values.hasCardDetails
      ? {
          game: card.game || "other",
          set_name: card.set_name.trim(),
          set_code: card.set_code.trim(),
          card_number: card.card_number.trim(),
          rarity: card.rarity.trim(),
          language: card.language || "EN",
          market_region: card.market_region || "GLOBAL",
          finish: card.finish,
          grading_company: card.grading_company || null,
          grade: card.grade || null,
        }
      : null,
  };
}

/** The item's own fields and the card details' fields, as the form and the API name them. */
export const ITEM_FIELDS = ["name", "description", "sku", "condition", "quantity", "price", "currency", "release_date"] as const;
export const CARD_FIELDS = Object.keys(emptyCardDetails) as (keyof CollectibleFormValues["card_details"])[];

/** Every path the form has an input (or a message slot) for. */
const FORM_PATHS = new Set<string>([...ITEM_FIELDS, ...CARD_FIELDS.map((field) => `card_details.${field}`)]);

export interface MappedServerErrors {
  /** Form path → message, for `setError`. */
  fields: [path: string, message: string][];
  /** Messages no input can show (`non_field_errors`, `detail`, fields the form does not have). */
  form: string[];
}

/**
 * Put the API's validation errors (already flattened by normalizeError,
 * e.g. `card_details.grade`) onto the form's inputs.
 */
export function mapServerErrors(fields: FieldErrors): MappedServerErrors {
  const mapped: MappedServerErrors = { fields: [], form: [] };
  for (const [path, messages] of Object.entries(fields)) {
    const message = messages.join(" ");
    if (FORM_PATHS.has(path)) mapped.fields.push([path, message]);
    else if (path === "external_ids" || path.startsWith("external_ids.")) mapped.fields.push(["external_ids.root", message]);
    else if (path === "card_details" || path === "card_details.non_field_errors") mapped.fields.push(["card_details.root", message]);
    else if (path === "non_field_errors" || path === "detail") mapped.form.push(message);
    else mapped.form.push(`${path}: ${message}`);
  }
  return mapped;
}
