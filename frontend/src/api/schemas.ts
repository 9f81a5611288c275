/**
 * zod schemas for what the server sends, checked before anything renders it.
 * Their shapes follow the generated types; the compile-time checks at the end
 * fail `tsc` when the contract and these schemas drift apart.
 */
import { z } from "@/lib/zod";

import { ApiError, refusedBody } from "./errors";
import { externalIdLimits } from "./limits";
import {
  bulkActionEnumValues,
  bulkItemStatusEnumValues,
  conditionEnumValues,
  finishEnumValues,
  gameEnumValues,
  gradingCompanyEnumValues,
  historyActionEnumValues,
  importFormatEnumValues,
  importModeEnumValues,
  importRowOutcomeEnumValues,
  importStatusEnumValues,
  languageEnumValues,
  marketRegionEnumValues,
  movementReasonEnumValues,
  roleEnumValues,
} from "./generated/schema";
import type {
  BulkRejected,
  BulkResult,
  Collectible,
  ImportConflict,
  Me,
  PaginatedCollectibleList,
  PaginatedHistoryEntryList,
  PaginatedImportBatchList,
  PaginatedImportRowList,
  PaginatedStockMovementList,
  PreconditionFailed,
  StockConflict,
} from "./types";

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
  .record(z.string().min(1).max(externalIdLimits.maxKeyLength), z.union([z.string().max(externalIdLimits.maxValueLength), z.number()]))
  .refine((ids) => Object.keys(ids).length <= externalIdLimits.maxIds, `At most ${externalIdLimits.maxIds} marketplace ids`);

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

/** A page of the API's page-number pagination. */
const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    count: z.number().int().min(0),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });

export const collectiblePageSchema = pageOf(collectibleSchema);

export type CollectiblePage = z.output<typeof collectiblePageSchema>;

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  // Null for a user without a profile (such a user can only read).
  role: z.enum(roleEnumValues).nullable(),
  vendor: z.object({ id: z.number().int(), name: z.string(), slug: z.string(), currency: z.string() }).nullable(),
  // The feature flags on for this user (src/lib/flags.ts).
  flags: z.array(z.string()),
});

export type MeRecord = z.output<typeof meSchema>;

const userSummarySchema = z.object({ id: z.number().int(), username: z.string() });

export const stockMovementSchema = z.object({
  id: z.number().int(),
  collectible: z.number().int(),
  delta: z.number().int(),
  quantity_after: z.number().int(),
  reason: z.enum(movementReasonEnumValues),
  note: z.string(),
  user: userSummarySchema.nullable(),
  import_batch: z.number().int().nullable(),
  created_at: z.string(),
});

export type StockMovementRecord = z.output<typeof stockMovementSchema>;
export const stockMovementPageSchema = pageOf(stockMovementSchema);

export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  user: userSummarySchema.nullable(),
  action: z.enum(historyActionEnumValues),
  label: z.string(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
});

export type HistoryEntryRecord = z.output<typeof historyEntrySchema>;
export const historyPageSchema = pageOf(historyEntrySchema);

const outcomeCountsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});

export const importBatchSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  format: z.enum(importFormatEnumValues),
  encoding: z.string(),
  mode: z.enum(importModeEnumValues),
  status: z.enum(importStatusEnumValues),
  total_rows: z.number().int(),
  counts: outcomeCountsSchema,
  created_by: userSummarySchema.nullable(),
  created_at: z.string(),
  committed_by: userSummarySchema.nullable(),
  committed_at: z.string().nullable(),
  rolled_back_by: userSummarySchema.nullable(),
  rolled_back_at: z.string().nullable(),
});

export type ImportBatchRecord = z.output<typeof importBatchSchema>;
export const importBatchPageSchema = pageOf(importBatchSchema);

export const importRowSchema = z.object({
  id: z.number().int(),
  line: z.number().int(),
  outcome: z.enum(importRowOutcomeEnumValues),
  errors: z.record(z.string(), z.array(z.string())),
  changes: z.record(z.string(), z.array(z.unknown())),
  data: z.unknown(),
  raw: z.record(z.string(), z.string()),
  collectible: z.number().int().nullable(),
});

export type ImportRowRecord = z.output<typeof importRowSchema>;
export const importRowPageSchema = pageOf(importRowSchema);

export const bulkItemResultSchema = z.object({ id: z.number().int(), status: z.enum(bulkItemStatusEnumValues) });
export const bulkResultSchema = z.object({
  action: z.enum(bulkActionEnumValues),
  count: z.number().int(),
  results: z.array(bulkItemResultSchema),
});

// The bodies of refusals that say more than `detail`.
export const preconditionFailedSchema = z.object({ detail: z.string(), current: collectibleSchema });
export const stockConflictSchema = z.object({ detail: z.string(), quantity: z.number().int() });
export const bulkRejectedSchema = z.object({ detail: z.string(), results: z.array(bulkItemResultSchema) });
export const importConflictSchema = z.object({
  detail: z.string(),
  items: z.array(
    z.object({
      line: z.number().int(),
      collectible: z.number().int().nullable(),
      // Null for items that no longer exist.
      name: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});

export type ImportConflictItem = z.output<typeof importConflictSchema>["items"][number];

export const UNREADABLE_RESPONSE = "The server sent data this app cannot read.";

export function parseResponse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ApiError({ message: UNREADABLE_RESPONSE, raw: result.error });
  return result.data;
}

/**
 * The body of a refusal with this status when it has the shape `schema`
 * describes (a 412's current collectible, a 409's stock or conflicts), else null.
 */
export function refusal<S extends z.ZodType>(error: unknown, status: number, schema: S): z.output<S> | null {
  const parsed = schema.safeParse(refusedBody(error, status));
  return parsed.success ? parsed.data : null;
}

// Compile-time drift checks: everything the contract promises must pass these schemas.
type Accepts<Schema extends z.ZodType, T> = T extends z.input<Schema> ? true : never;
export const contractChecks: [
  Accepts<typeof collectibleFields, Collectible>,
  Accepts<typeof collectiblePageSchema, PaginatedCollectibleList>,
  Accepts<typeof meSchema, Me>,
  Accepts<typeof stockMovementPageSchema, PaginatedStockMovementList>,
  Accepts<typeof historyPageSchema, PaginatedHistoryEntryList>,
  Accepts<typeof importBatchPageSchema, PaginatedImportBatchList>,
  Accepts<typeof importRowPageSchema, PaginatedImportRowList>,
  Accepts<typeof bulkResultSchema, BulkResult>,
  Accepts<typeof bulkRejectedSchema, BulkRejected>,
  Accepts<typeof stockConflictSchema, StockConflict>,
  Accepts<typeof importConflictSchema, ImportConflict>,
  Accepts<typeof preconditionFailedSchema, PreconditionFailed>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
