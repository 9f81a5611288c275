/**
 * zod schemas for what the server sends, checked before anything renders it.
 * Their shapes follow the generated types; the compile-time checks at the end
 * fail `tsc` when the contract and these schemas drift apart.
 */
import { z } from "zod";

import { ApiError } from "./errors";
import {
  conditionEnumValues,
  finishEnumValues,
  gameEnumValues,
  gradingCompanyEnumValues,
  languageEnumValues,
  marketRegionEnumValues,
  roleEnumValues,
} from "./generated/schema";
import type { Collectible, Me, PaginatedCollectibleList } from "./types";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "Expected a decimal string");

export const cardDetailsSchema = z.object({
  game: z.enum(gameEnumValues),
  set_name: z.string(),
  set_code: z.string(),
  card_number: z.string(),
  rarity: z.string(),
  language: z.enum(languageEnumValues),
  market_region: z.enum(marketRegionEnumValues),
  finish: z.enum(finishEnumValues),
  grading_company: z.enum(gradingCompanyEnumValues).nullable(),
  grade: decimal.nullable(),
});

/** The API's rules for `external_ids` (docs/api.md). */
export const externalIdsSchema = z
  .record(z.string().min(1).max(64), z.union([z.string().max(255), z.number()]))
  .refine((ids) => Object.keys(ids).length <= 50, "At most 50 marketplace ids");

export type ExternalIds = z.infer<typeof externalIdsSchema>;

const collectibleFields = z.object({
  id: z.number().int(),
  vendor: z.number().int(),
  user: z.number().int().nullable(),
  name: z.string(),
  description: z.string(),
  sku: z.string(),
  condition: z.enum(conditionEnumValues),
  quantity: z.number().int().min(0),
  price: decimal,
  currency: z.string(),
  release_date: z.string().nullable(),
  // Legacy rows may hold anything here: checked below, never a reason to fail.
  external_ids: z.unknown(),
  image: z.string().nullable(),
  card_details: cardDetailsSchema.nullable(),
  // Goes up on every change; sent back as If-Match so edits never overwrite each other.
  version: z.number().int().min(1),
  created_at: z.string(),
  updated_at: z.string(),
});

/**
 * A collectible as the UI uses it. `external_ids` that break the API's rules
 * (legacy data) become an empty, editable set and `externalIdsMalformed` is
 * true, so the screens can say so instead of crashing.
 */
export const collectibleSchema = collectibleFields.transform(({ external_ids, ...rest }) => {
  const parsed = externalIdsSchema.safeParse(external_ids ?? {});
  return {
    ...rest,
    external_ids: parsed.success ? parsed.data : {},
    externalIdsMalformed: !parsed.success,
  };
});

export type CollectibleRecord = z.output<typeof collectibleSchema>;

export const collectiblePageSchema = z.object({
  count: z.number().int().min(0),
  next: z.string().nullable(),
  previous: z.string().nullable(),
  results: z.array(collectibleSchema),
});

export type CollectiblePage = z.output<typeof collectiblePageSchema>;

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  // Null for a user without a profile (such a user can only read).
  role: z.enum(roleEnumValues).nullable(),
  vendor: z.object({ id: z.number().int(), name: z.string(), slug: z.string(), currency: z.string() }).nullable(),
});

export type MeRecord = z.output<typeof meSchema>;

export const UNREADABLE_RESPONSE = "The server sent data this app cannot read.";

export function parseResponse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ApiError({ message: UNREADABLE_RESPONSE, raw: result.error });
  return result.data;
}

// Compile-time drift checks: everything the contract promises must pass these schemas.
type Accepts<Schema extends z.ZodType, T> = T extends z.input<Schema> ? true : never;
export const contractChecks: [
  Accepts<typeof collectibleFields, Collectible>,
  Accepts<typeof collectiblePageSchema, PaginatedCollectibleList>,
  Accepts<typeof meSchema, Me>,
] = [true, true, true];
