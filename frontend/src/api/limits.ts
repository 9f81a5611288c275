/**
 * The limits the API's contract declares for its fields (`maxLength`,
 * `maximum`, `maxProperties`, …), read from the generated
 * `generated/limits.ts` so the SPA checks what the API checks without typing
 * the numbers again. A limit the API adds later (or drops) reaches every rule
 * built on `limitsOf` with the next `npm run gen:types`.
 */
import { contractLimits } from "./generated/limits";
import type { components } from "./generated/schema";

type Schemas = components["schemas"];

export interface FieldLimits {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
}

const bySchema: Readonly<Partial<Record<string, Readonly<Partial<Record<string, FieldLimits>>>>>> = contractLimits;

/** What the contract bounds for `schema.field` (`{}` when it declares nothing). */
export function limitsOf<S extends keyof Schemas>(schema: S, field: keyof Schemas[S] & string): FieldLimits {
  return bySchema[schema]?.[field] ?? {};
}

/**
 * Marketplace ids (`external_ids`): the contract bounds their number
 * (`maxProperties`) but states the key and value lengths only in prose.
 */
export const externalIdLimits = {
  maxIds: limitsOf("CollectibleRequest", "external_ids").maxProperties ?? Number.POSITIVE_INFINITY,
  maxKeyLength: 64,
  maxValueLength: 255,
} as const;
